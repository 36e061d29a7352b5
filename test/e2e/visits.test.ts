/**
 * Visits end to end in real Chromium through the real web host and a real SQLite data dir: a
 * routine visit recorded on a child's page from the defaults plus one visitor name, seen on the
 * timeline with the due state updated, then found in the register of visits.
 * Needs `npm run build` (dist/renderer); `npm test` builds first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { todayIso } from '../../src/shared/domain/dates';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { childInput, stationCore } from '../helpers/core';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let childId: string;

beforeAll(async () => {
  core = await stationCore();
  ({ id: childId } = await core.call('children.create', childInput({ name: '刘小雨' })));
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

describe('visits in the browser', () => {
  it('records a routine visit on a child’s page with one visitor name and Enter', async () => {
    await page.goto(`${host.url}/#/children/${childId}`);
    const due = page.getByTestId('visit-due');
    await due.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('visit-item').count()).toBe(0);

    // A major change makes the child due at once, whatever the period: the tag must say so.
    await page.getByTestId('visit-major-add').click();
    const changeForm = page.getByTestId('major-change-form');
    await changeForm.getByLabel('变故情况').fill('奶奶住院，无人照看');
    await page.getByTestId('major-change-save').click();
    await changeForm.waitFor({ state: 'hidden' });
    const change = page.getByTestId('major-change');
    await expect.poll(() => change.innerText()).toContain('需24小时内探访');
    await expect.poll(() => due.innerText()).toBe('本周应访');
    await page.getByTestId('visit-timeline').evaluate((el: { scrollIntoView(options: { block: 'start' }): void }) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: artifactPath('e2e-visit-major-change.png') });

    await page.getByTestId('visit-add').click();
    const modal = page.getByTestId('visit-entry');
    await modal.waitFor();
    await expect.poll(() => modal.getByLabel('探访日期', { exact: true }).inputValue()).toBe(todayIso());
    await page.getByTestId('visit-visitors').fill('王芳');
    await page.getByTestId('visit-visitors').press('Enter');
    await modal.waitFor({ state: 'hidden' });

    const first = page.getByTestId('visit-item').first();
    await expect.poll(() => first.getByTestId('visit-item-date').innerText()).toBe(todayIso());
    expect(await first.innerText()).toContain('王芳');
    expect(await first.innerText()).toContain('入户');
    await expect.poll(() => due.innerText()).toBe('正常');
    await expect.poll(() => change.innerText()).toContain('已探访');

    const { rows } = await core.call('visits.list', {});
    expect(rows).toHaveLength(1);
    const saved = await core.call('visits.get', { id: rows[0]!.id });
    expect(saved).toMatchObject({ visitedOn: todayIso(), visitors: ['王芳'], method: 'home', hazards: [], needs: [] });
    // A child is asked the child's questions: the routine answers of those, none of the elder's.
    expect(saved.health).toEqual({});
    expect(saved.childCheck).toEqual({ guardianship: 'in_place', health: 'good', mental: 'good', safety: [] });
  });

  it('records the next routine visit with the remembered visitor by Enter alone', async () => {
    await page.getByTestId('visit-add').click();
    const modal = page.getByTestId('visit-entry');
    await modal.waitFor();
    await expect.poll(() => page.getByTestId('visit-visitors').inputValue()).toBe('王芳');
    // The save button holds the focus once the usual visitors are filled in.
    await expect.poll(() => page.getByTestId('visit-save').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('visit-item').count()).toBe(2);
  });

  it('shows what a visit found at the top of the timeline', async () => {
    await page.getByTestId('visit-add').click();
    const modal = page.getByTestId('visit-entry');
    await modal.waitFor();
    // The size of a station's laptop screen.
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const label of ['监护落实', '就学情况', '身体状况', '心理状况', '与父母联系']) expect(await modal.getByText(label, { exact: true }).isVisible()).toBe(true);
    for (const elderOnly of ['行动能力', '语言表达', '反应能力']) expect(await modal.getByText(elderOnly, { exact: true }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('e2e-visit-entry-child-1366x768.png') });
    await modal.getByText('电话', { exact: true }).click();
    await modal.getByText('监护不力', { exact: true }).click();
    await modal.getByText('情绪低落', { exact: true }).click();
    await modal.getByRole('checkbox', { name: '溺水隐患' }).check();
    await modal.getByText('更多情况', { exact: false }).click();
    expect(await modal.getByText('子女（赡养人）探望情况').count()).toBe(0);
    expect(await modal.getByRole('checkbox', { name: '适老化改造' }).count()).toBe(0);
    await modal.getByRole('checkbox', { name: '用电' }).check();
    await modal.getByRole('checkbox', { name: '精神慰藉' }).check();
    await modal.getByLabel('采取措施').fill('联系其父亲每周视频通话');
    await page.screenshot({ path: artifactPath('e2e-visit-entry.png') });
    await page.getByTestId('visit-save').click();
    await modal.waitFor({ state: 'hidden' });

    const first = page.getByTestId('visit-item').first();
    await expect.poll(() => first.innerText()).toContain('用电隐患');
    for (const flag of ['监护落实：监护不力', '心理状况：情绪低落', '溺水隐患']) expect(await first.innerText()).toContain(flag);
    expect(await first.innerText()).toContain('需精神慰藉');
    expect(await page.getByTestId('visit-item').count()).toBe(3);
    await first.getByTestId('visit-item-date').click();
    await expect.poll(() => page.getByTestId('visit-details').innerText()).toContain('联系其父亲每周视频通话');
    // The page scrolls inside the app shell: bring the card to the top of the screenshot.
    await page.getByTestId('visit-timeline').evaluate((el: { scrollIntoView(options: { block: 'start' }): void }) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: artifactPath('e2e-visit-timeline.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('finds the visit in the register of visits and opens the child from it', async () => {
    await page.goto(`${host.url}/#/visits`);
    await expect.poll(() => page.getByTestId('visits-total').innerText(), { timeout: 20_000 }).toContain('共 3 次');
    const rows = page.getByTestId('visits-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().innerText()).toContain('有异常情况');
    expect(await rows.first().getAttribute('class')).toContain('row-visit-flagged');
    const text = await rows.nth(1).innerText();
    expect(text).toContain('刘小雨');
    expect(text).toContain('王芳');
    expect(text).toContain(todayIso());

    await page.getByTestId('visits-search').fill('lxy');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('visits-search').fill('赵无此人');
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('visits-search').fill('王芳');
    await expect.poll(() => rows.count()).toBe(3);
    await page.screenshot({ path: artifactPath('e2e-visits-register.png') });

    await rows.first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/children/${childId}$`));
  });
});
