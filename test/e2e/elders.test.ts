/**
 * End to end in real Chromium through the real web host and a real SQLite data dir: an elder with
 * two target groups added through the form, found by pinyin initials, a contact person and a
 * support agreement added on the detail page. Needs `npm run build` (dist/renderer).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { idCheckChar } from '../../src/shared/domain/idNumber';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { tempDir } from '../helpers/core';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-elders-') });
  await core.call('station.init', { role: 'station', code: '341723100', name: '蓉城镇社工站' });
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
async function choose(label: string, option: string, scope: Locator = page.locator('body')): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

async function typeDate(label: string, date: string, scope: Locator = page.locator('body')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Clicks the radio labelled exactly `label` inside the form item labelled `item`. */
async function radio(item: string, label: string): Promise<void> {
  const formItem = page.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${item}$`) }) });
  await formItem.locator('label.ant-radio-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

/** The page scrolls inside the shell, not the window: a window as tall as the content shows all of it. */
async function fullScreenshot(name: string): Promise<void> {
  const height = await page.locator('.app-content').evaluate((el) => el.scrollHeight + 64);
  await page.setViewportSize({ width: 1366, height });
  await page.screenshot({ path: artifactPath(name) });
}

const ID_NUMBER = (() => {
  const first17 = '34172319380315002';
  return first17 + idCheckChar(first17);
})();

describe('elderly register in the browser', () => {
  it('adds an elder with two target groups, finds them by pinyin initials, and adds a contact and an agreement', async () => {
    await page.goto(`${host.url}/#/elders`);
    await expect.poll(() => page.getByTestId('elders-total').innerText(), { timeout: 30_000 }).toContain('共 0 人');
    await page.getByTestId('elders-add').click();

    await page.getByLabel('老人姓名').fill('欧阳秀兰');
    await page.getByTestId('elder-idNumber').fill(ID_NUMBER);
    await page.getByTestId('elder-idNumber').blur();
    await expect.poll(() => page.getByTestId('elder-birthDate').innerText()).toContain('1938-03-15');
    expect(await page.getByTestId('elder-sex').innerText()).toBe('女');
    await page.getByLabel('所在村（居）').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '蓉城镇' }).click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '百花村' }).click();
    await page.getByLabel('联系电话', { exact: true }).fill('0566-5012345');

    const first = page.getByTestId('elder-group-0');
    await choose('对象类别', '独居', first);
    await typeDate('认定日期', '2020-03-01', first);
    await page.getByTestId('elder-group-add').click();
    const second = page.getByTestId('elder-group-1');
    await choose('对象类别', '高龄', second);
    await typeDate('认定日期', '2019-01-01', second);

    await radio('居住情况', '独居');
    await choose('能力等级', '重度失能');
    await radio('经济状况', '低保');
    await page.getByRole('checkbox', { name: '高龄津贴' }).check();
    // Alone and unable to care for herself: the tier follows the suggestion until someone picks one.
    await expect.poll(() => page.getByTestId('elder-risk-suggestion').innerText()).toContain('高风险（每周探访）');
    expect(await page.getByRole('radio', { name: '高风险（每周探访）' }).isChecked()).toBe(true);
    await page.getByLabel('探访责任人').fill('陈红');

    await fullScreenshot('e2e-elder-form.png');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('elder-save').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/elders\/[0-9a-f-]{36}$/);

    await page.goto(`${host.url}/#/elders`);
    await page.getByTestId('elders-search').fill('oyxl');
    const rows = page.getByTestId('elders-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('欧阳秀兰');
    expect(await rows.first().getAttribute('class')).toContain('row-high-risk');
    await page.screenshot({ path: artifactPath('e2e-elders-register.png') });
    await rows.first().click();

    await expect.poll(() => page.getByText(ID_NUMBER).count()).toBeGreaterThan(0);
    const groups = page.getByTestId('elder-groups');
    expect(await groups.getByText('独居', { exact: true }).count()).toBe(1);
    expect(await groups.getByText('高龄', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('elder-high-age-class').innerText()).toBe('80—89周岁');

    await page.getByTestId('elder-contact-add').click();
    const contactDialog = page.getByRole('dialog');
    await contactDialog.getByLabel('联系人姓名').fill('欧阳建国');
    await choose('与老人关系', '儿子', contactDialog);
    await contactDialog.getByLabel('联系电话').fill('13912345678');
    await contactDialog.getByLabel('住址').fill('浙江省宁波市鄞州区');
    await contactDialog.getByRole('button', { name: '保存' }).click();
    const contacts = page.getByTestId('elder-contacts');
    await expect.poll(() => contacts.getByText('欧阳建国').count()).toBe(1);
    await expect.poll(() => contactDialog.isVisible()).toBe(false);

    await page.getByTestId('elder-agreement-add').click();
    const agreementDialog = page.getByRole('dialog');
    const supporter = agreementDialog.getByTestId('supporter-0');
    await supporter.getByLabel('赡养人姓名').fill('欧阳建国');
    await choose('与老人关系', '儿子', supporter);
    await supporter.getByRole('checkbox', { name: '经济供养' }).check();
    await supporter.getByRole('checkbox', { name: '医疗费用及就医陪护' }).check();
    await supporter.getByLabel('赡养费（元/月）').fill('300');
    await typeDate('签订日期', '2024-05-01', agreementDialog);
    await agreementDialog.getByLabel('见证单位').fill('百花村民委员会');
    await agreementDialog.getByRole('button', { name: '保存' }).click();
    const agreement = page.getByTestId('elder-agreement');
    await expect.poll(() => agreement.count()).toBe(1);
    await expect.poll(() => agreementDialog.isVisible()).toBe(false);
    expect(await agreement.innerText()).toContain('300元/月');

    const saved = await core.call('elders.list', { search: 'oyxl' });
    expect(saved.rows[0]).toMatchObject({ name: '欧阳秀兰', groups: ['high_age', 'living_alone'], riskTier: 'high' });

    await page.getByText('已添加赡养协议').waitFor({ state: 'detached' });
    await fullScreenshot('e2e-elder-detail.png');
  });
});
