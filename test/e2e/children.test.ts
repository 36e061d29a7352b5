/**
 * End to end in real Chromium through the real web host and a real SQLite data dir: first run,
 * demo data, then a child added with a wrong check digit, corrected, found by pinyin initials.
 * Needs `npm run build` (dist/renderer); `npm test` builds first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { idCheckChar } from '../../src/shared/domain/idNumber';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { tempDir } from '../helpers/core';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-') });
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

/** Picks an option of the antd Select labelled `label` (inside `scope` when labels repeat). */
async function choose(label: string, option: string, scope = page.locator('body')): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

async function typeDate(label: string, date: string, scope = page.locator('body')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

describe('children register in the browser', () => {
  it('sets up the station on first run and loads demo data into the register', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByText('欢迎使用社工站台账').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '完成设置' }).click();
    const townshipItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('乡镇（街道）', { exact: true }) });
    await expect.poll(() => townshipItem.innerText()).toContain('请选择乡镇（街道）');
    await page.screenshot({ path: artifactPath('e2e-setup-errors.png') });
    // The township is chosen from the shipped list, found by name or code; its message goes at once.
    await page.getByLabel('乡镇（街道）', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.screenshot({ path: artifactPath('e2e-setup-township-list.png') });
    await page.getByLabel('乡镇（街道）', { exact: true }).fill('蓉城');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '蓉城镇（341723100）' }).click();
    await expect.poll(() => townshipItem.innerText()).not.toContain('请选择乡镇（街道）');
    await page.getByLabel('站点名称').fill('蓉城镇社工站');
    const nameItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('站点名称') });
    await expect.poll(() => nameItem.innerText()).not.toContain('请填写名称');
    await page.screenshot({ path: artifactPath('e2e-setup-chosen.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: '完成设置' }).click();
    await page.getByRole('button', { name: '加载演示数据' }).click();
    // The app opens on the workbench; the register is one menu entry away.
    await page.getByTestId('workbench-overdue-count').waitFor({ timeout: 60_000 });
    await page.getByRole('menuitem', { name: '儿童台账' }).click();
    const total = page.getByTestId('children-total');
    await total.waitFor({ timeout: 60_000 });
    await expect.poll(async () => Number((await total.innerText()).replace(/\D/g, '')), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('children-table').locator('.ant-table-row').count()).toBeGreaterThan(5);
    expect(await page.getByRole('columnheader', { name: '姓名' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('e2e-children-register.png') });
  });

  it('refuses a wrong check digit at the ID field, saves once corrected, and finds the child by pinyin initials', async () => {
    const first17 = '34172320160606003';
    const good = first17 + idCheckChar(first17);
    const bad = first17 + (good.endsWith('1') ? '2' : '1');

    await page.getByTestId('children-add').click();
    await page.getByLabel('儿童姓名').fill('欧阳娜娜');
    await page.getByTestId('child-idNumber').fill(bad);
    await page.getByLabel('所在村（居）').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '蓉城镇' }).click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '百花村' }).click();
    await choose('就学情况', '小学');
    await choose('监护类型', '监护情况一般');
    const category = page.getByTestId('child-category-0');
    await choose('儿童类别', '农村留守儿童', category);
    // A day after today is kept and explained at the field, not silently emptied.
    const tomorrow = addDays(todayIso(), 1);
    await typeDate('认定日期', tomorrow, category);
    const startItem = category.locator('.ant-form-item').filter({ has: page.getByLabel('认定日期', { exact: true }) });
    await expect.poll(() => startItem.innerText()).toContain('认定日期不能晚于今天');
    expect(await category.getByLabel('认定日期', { exact: true }).inputValue()).toBe(tomorrow);
    await page.setViewportSize({ width: 1366, height: 768 });
    // Centred: the sticky save bar covers the bottom of the window.
    await startItem.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await page.getByTestId('child-form-problem').count()).toBe(0);
    await page.screenshot({ path: artifactPath('e2e-child-future-date.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await typeDate('认定日期', '2024-03-01', category);
    await expect.poll(() => startItem.innerText()).not.toContain('认定日期不能晚于今天');
    await choose('留守情形', '父母均外出务工', category);

    await page.getByTestId('child-save').click();
    const idItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('child-idNumber') });
    await expect.poll(() => idItem.innerText()).toContain('身份证号码校验位不正确');
    await page.screenshot({ path: artifactPath('e2e-child-id-error.png'), fullPage: true });
    expect((await core.call('children.list', { search: 'oynn' })).total).toBe(0);

    await page.getByTestId('child-idNumber').fill(good);
    await page.getByTestId('child-idNumber').blur();
    await expect.poll(() => page.getByTestId('child-birthDate').innerText()).toContain('2016-06-06');
    await page.getByTestId('child-save').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/children\/[0-9a-f-]{36}$/);

    await page.goto(`${host.url}/#/children`);
    await page.getByTestId('children-search').fill('oynn');
    const rows = page.getByTestId('children-table').locator('.ant-table-row');
    // The search waits for typing to pause, then asks the core: more than a second on a busy machine.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('欧阳娜娜');
    await rows.first().click();
    await expect.poll(() => page.getByText(good).count()).toBeGreaterThan(0);
    expect(await page.getByText('农村留守儿童').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('e2e-child-detail.png'), fullPage: true });
  });
});
