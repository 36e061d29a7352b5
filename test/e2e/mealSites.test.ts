/**
 * End to end in real Chromium through the real web host and a real SQLite data dir: a meal site
 * created through its form, an elder of the register enrolled from the site's page with the
 * categories the register gives, and the enrolment seen on the elder's page. Needs `npm run build`.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { elderInput, tempDir } from '../helpers/core';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let elderId: string;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-meals-') });
  await core.call('station.init', { role: 'station', code: '341723100', name: '蓉城镇社工站' });
  // Born 1950 and on 低保: the register gives 低保 and 70—79岁.
  ({ id: elderId } = await core.call('elders.create', elderInput({ name: '王秀英', economicStatus: 'dibao' })));
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

async function choose(label: string, option: string | RegExp, scope: Locator = page.locator('body')): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: typeof option === 'string' ? new RegExp(`^${option}$`) : option })
    .click();
}

async function typeDate(label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The form item labelled exactly `item`. */
const formItem = (item: string) => page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${item}$`) }) });

/** The page scrolls inside the shell, not the window: a window as tall as the content shows all of it. */
async function fullScreenshot(name: string): Promise<void> {
  const height = await page.locator('.app-content').evaluate((el) => el.scrollHeight + 64);
  await page.setViewportSize({ width: 1366, height });
  await page.screenshot({ path: artifactPath(name) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('meal sites in the browser', () => {
  it('creates a site through its form, enrols an elder from the site page, and shows the enrolment on the elder’s page', async () => {
    await page.goto(`${host.url}/#/meals`);
    await expect.poll(() => page.getByTestId('meal-sites-total').innerText(), { timeout: 30_000 }).toContain('共 0 个助餐点');
    await page.getByTestId('meal-sites-add').click();

    // Saved blank first: each field says what it needs.
    await page.getByTestId('meal-site-save').click();
    await expect.poll(() => formItem('助餐点名称').innerText()).toContain('请填写助餐点名称');
    expect(await formItem('运营方').innerText()).toContain('请填写运营方');
    await page.screenshot({ path: artifactPath('e2e-meal-site-form-errors.png') });

    await page.getByLabel('助餐点名称').fill('百花村老年助餐点');
    await choose('助餐点类型', '老年助餐点');
    await formItem('城乡类型').locator('label.ant-radio-wrapper').filter({ hasText: /^农村$/ }).click();
    await page.getByLabel('所在村（居）').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '蓉城镇' }).click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '百花村' }).click();
    await page.getByLabel('地址').fill('百花村村委会东侧');
    await choose('运营模式', '村集体互助');
    await page.getByLabel('运营方').fill('百花村村民委员会');
    await typeDate('建成日期', addDays(todayIso(), -90));
    await page.getByLabel('日供餐能力').fill('40');
    await page.getByLabel('座位数').fill('30');
    await formItem('提供送餐').locator('label.ant-radio-wrapper').filter({ hasText: /^提供$/ }).click();
    await page.getByLabel('食品经营许可证号').fill('JY13417230000001');
    await typeDate('许可证有效期至', addDays(todayIso(), 20));
    await fullScreenshot('e2e-meal-site-form.png');
    await page.getByTestId('meal-site-save').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/meals\/sites\/[0-9a-f-]{36}\?tab=diners$/);

    const sites = await core.call('meals.sites.list', {});
    expect(sites.rows).toEqual([expect.objectContaining({ name: '百花村老年助餐点', kind: 'point', villageName: '百花村', dailyCapacity: 40 })]);
    const site = await core.call('meals.sites.get', { id: sites.rows[0]!.id });
    expect(site).toMatchObject({ mealTimes: ['lunch'], servingDays: ['1', '2', '3', '4', '5'], delivery: true, seats: 30, status: 'running' });

    await page.getByTestId('meal-diner-add').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('老人', { exact: true }).fill('wxy');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^王秀英（百花村/ }).click();
    const derived = dialog.getByTestId('meal-diner-derived');
    await expect.poll(() => derived.innerText()).toContain('低保');
    expect(await derived.innerText()).toContain('70—79岁');
    await page.screenshot({ path: artifactPath('e2e-meal-diner-enrol.png') });
    await dialog.getByRole('button', { name: '保存' }).click();
    const table = page.getByTestId('meal-diners-table');
    await expect.poll(() => table.getByText('王秀英').count()).toBe(1);
    await expect.poll(() => dialog.count()).toBe(0);
    const row = table.locator('tr').filter({ hasText: '王秀英' });
    expect(await row.innerText()).toContain('就餐中');
    await page.getByText('已登记就餐').waitFor({ state: 'detached' });
    await page.screenshot({ path: artifactPath('e2e-meal-diners.png') });

    await page.getByText('基本信息', { exact: true }).first().click();
    await expect.poll(() => page.getByTestId('meal-site-licence-warning').innerText()).toContain('30天内到期');
    await fullScreenshot('e2e-meal-site-info.png');

    await page.goto(`${host.url}/#/elders/${elderId}`);
    const section = page.getByTestId('elder-meals');
    await expect.poll(() => section.getByText('百花村老年助餐点').count(), { timeout: 15_000 }).toBe(1);
    expect(await section.innerText()).toContain('70—79岁');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('e2e-meal-elder-page.png') });

    await page.goto(`${host.url}/#/meals`);
    await expect.poll(() => page.getByTestId('meal-sites-total').innerText()).toContain('共 1 个助餐点');
    expect(await page.getByTestId('meal-sites-table').innerText()).toContain('1 人');
    await page.screenshot({ path: artifactPath('e2e-meal-sites.png') });
  });
});
