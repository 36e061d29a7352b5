/**
 * A meal site's month on paper and on screen, in real Chromium through the real web host: the
 * settlement statement and the signing sheet printed to PDF (read back with pdftotext, one page of
 * each kept as a PNG in test-results/), then the month confirmed and locked from the settlement tab.
 * Data are set up through the core; the month is last month by the core's clock (the PC's), which is
 * also the month the tab opens at. Needs `npm run build` (dist/renderer).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import type { MealSettlement, MealSubsidyRuleInput } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { maskIdNumber } from '../../src/shared/domain/idNumber';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { printRoute } from '../helpers/print';
import { elderInput, mealSiteInput, tempDir, validId } from '../helpers/core';

const month = addDays(`${todayIso().slice(0, 7)}-01`, -1).slice(0, 7);
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
const monthTitle = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
const yuan = (fen: number) => (fen / 100).toFixed(2);

const STANDARD: MealSubsidyRuleInput = {
  effectiveFrom: day(1),
  priceFen: { lunch: 1000, dinner: 800 },
  subsidyFen: { tekun: { lunch: 1000, dinner: 800 }, dibao: { lunch: 500, dinner: 400 }, age_80: { lunch: 600, dinner: 500 } },
  deliveryFeeFen: 200,
};

const ELDERS = [
  { name: '王秀英', idNumber: validId('34172319500303002'), economicStatus: 'dibao' as const },
  { name: '李桂兰', idNumber: validId('34172319480505004'), economicStatus: 'general' as const },
  { name: '张德福', idNumber: validId('34172319400101001'), economicStatus: 'general' as const },
];

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let siteId = '';
let settlement: MealSettlement;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-meals-'), actor: '县局管理员' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await core.call('meals.rules.save', { rule: STANDARD });
  ({ id: siteId } = await core.call('meals.sites.save', { site: mealSiteInput({ mealTimes: ['lunch', 'dinner'], dailyCapacity: 4, servingDays: ['1', '2', '3', '4', '5'], delivery: true }) }));
  const diners: string[] = [];
  for (const e of ELDERS) {
    const { id: elderId } = await core.call('elders.create', elderInput(e));
    const override = e.name === '李桂兰' ? { categoryOverride: 'tekun' as const, overrideReason: '县局认定为分散供养特困' } : {};
    diners.push((await core.call('meals.diners.save', { siteId, diner: { elderId, startOn: day(1), ...override } })).id);
  }
  diners.push((await core.call('meals.diners.save', { siteId, diner: { name: '赵大爷', startOn: day(1) } })).id);
  // Lunch on the 3rd to the 12th for everyone, 李桂兰's brought home; dinner on a few days.
  for (let d = 3; d <= 12; d++) {
    await core.call('meals.attendance.set', { siteId, day: day(d), mealTime: 'lunch', ticks: diners.map((dinerId, i) => ({ dinerId, present: true, delivered: i === 1 })) });
  }
  for (const d of [5, 6]) await core.call('meals.attendance.set', { siteId, day: day(d), mealTime: 'dinner', ticks: diners.slice(0, 2).map((dinerId) => ({ dinerId, present: true })) });
  settlement = await core.call('meals.settlement.get', { siteId, month });

  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

/** The route printed to test-results/ as `name`. */
const printed = (route: string, name: string) => printRoute(page, host.url, route, `${name}`);

describe('the month on paper', () => {
  it('prints the settlement statement with each elder, the category subtotals, the totals in yuan and the sign-off lines', async () => {
    const { flat, pages, width, height } = await printed(`/print/meals/settlement/${siteId}/${month}`, 'meal-settlement');
    expect(pages).toBe(1);
    expect(width).toBeLessThan(height);
    expect(flat).toContain('老年助餐补贴月度结算表');
    expect(flat).toContain('（助餐补贴申报表）');
    for (const header of ['助餐点：百花村老年助餐点', '运营方：百花村村民委员会', '乡镇（街道）：蓉城镇', '村（居）：百花村', `结算月份：${monthTitle}`]) expect(flat).toContain(header);
    for (const e of ELDERS) {
      expect(flat).toContain(e.name);
      expect(flat).toContain(maskIdNumber(e.idNumber));
      expect(flat).not.toContain(e.idNumber);
    }
    expect(flat).toContain('赵大爷');
    for (const category of ['特困', '低保', '80岁及以上', '普通（非登记）']) expect(flat).toContain(category);
    // 李桂兰 (特困): 10 lunches at 10.00 and 2 dinners at 8.00, nothing to pay but the delivery fee.
    expect(settlement.persons.find((p) => p.name === '李桂兰')).toMatchObject({ category: 'tekun', meals: 12, subsidyFen: 11600, paidFen: 0, deliveryFeeFen: 2000 });
    expect(flat).toContain('李桂兰');
    expect(flat).toContain('10.00/8.00');
    expect(flat).toContain('116.00');
    // The totals line of the persons and of the subtotals.
    const { total } = settlement;
    expect(total).toMatchObject({ persons: 4, meals: 44 });
    expect(flat).toContain(`合计（${total.persons}人）${total.meals}${yuan(total.subsidyFen)}${yuan(total.paidFen)}${yuan(total.deliveryFeeFen)}`);
    expect(flat).toContain(`合计${total.persons}${total.meals}${yuan(total.subsidyFen)}${yuan(total.paidFen)}${yuan(total.deliveryFeeFen)}`);
    for (const g of settlement.categories) expect(flat).toContain(`${g.persons}${g.meals}${yuan(g.subsidyFen)}${yuan(g.paidFen)}`);
    for (const line of ['经办人', '运营方负责人（签字盖章）', '村（居）审核', '乡镇审核', '县民政局审核']) expect(flat).toContain(line);
    expect(flat.match(/年月日/g)).toHaveLength(5);
    expect(flat).toContain('本月尚未锁定，仅供核对');
  });

  it('prints the signing sheet on A4 landscape: diners by days, ticks where meals were taken, blanks elsewhere', async () => {
    const { text, flat, pages, width, height } = await printed(`/print/meals/signin/${siteId}/${month}`, 'meal-signin');
    expect(pages).toBe(1);
    expect(width).toBeGreaterThan(height);
    expect(flat).toContain('老年助餐就餐签到表');
    expect(flat).toContain(`月份：${monthTitle}`);
    expect(flat).toContain('供餐餐次：午餐、晚餐');
    for (const name of [...ELDERS.map((e) => e.name), '赵大爷']) expect(flat).toContain(name);
    // 10 lunches each for three diners ticked ✓, 李桂兰's brought home (送), and 4 dinners; the legend shows each mark once more (送 twice: 送 送餐上门).
    expect(text.match(/✓/g)?.length).toBe(30 + 4 + 1);
    expect(text.match(/送/g)?.length).toBe(10 + 2);
    expect(flat).toContain('每日人次');
    expect(flat).toContain('本人签字');
    expect(flat).toContain(`共4人、${settlement.total.meals}人次`);
  });
});

describe('the month on screen', () => {
  it('shows the totals in yuan, asks for each check to be confirmed, then locks; the county may unlock with a reason', async () => {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#/meals/sites/${siteId}?tab=settlement`);
    const totals = page.getByTestId('settlement-totals');
    await totals.waitFor();
    expect(await page.getByTestId('settlement-total-subsidy').innerText()).toContain(yuan(settlement.total.subsidyFen));
    expect(settlement.checks.length).toBeGreaterThan(0);
    const lock = page.getByRole('button', { name: '锁定本月' });
    expect(await lock.isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('meal-settlement-tab.png'), fullPage: true });
    for (const c of settlement.checks) await page.getByRole('checkbox', { name: `确认：${c.message}` }).check();
    await lock.click();
    await page.getByTestId('settlement-locked').waitFor();
    expect(await page.getByTestId('settlement-locked').innerText()).toContain('县局管理员');
    expect((await core.call('meals.settlement.get', { siteId, month })).locked).toBe(true);
    await page.screenshot({ path: artifactPath('meal-settlement-locked.png'), fullPage: true });

    await page.getByRole('button', { name: '解锁' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '解锁' }).click();
    await dialog.getByText('请填写解锁原因').waitFor();
    await dialog.getByLabel('解锁原因').fill('补录遗漏的就餐记录');
    await dialog.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('button', { name: '锁定本月' }).waitFor();
    expect((await core.call('meals.settlement.get', { siteId, month })).locked).toBe(false);
  });

  it('shows the county’s month by township and the subsidy standard', async () => {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#/meals`);
    await page.getByRole('tab', { name: '月度汇总' }).click();
    const townships = page.getByTestId('county-month-townships');
    await townships.getByText('蓉城镇').waitFor();
    expect(await townships.innerText()).toContain('100.0%');
    await page.screenshot({ path: artifactPath('meal-county-month.png'), fullPage: true });
    await page.getByRole('tab', { name: '补贴标准' }).click();
    await page.getByTestId('meal-rule-in-force').waitFor();
    await page.screenshot({ path: artifactPath('meal-rules.png'), fullPage: true });
    await page.getByTestId('meal-rule-form').screenshot({ path: artifactPath('meal-rule-form.png') });
  });
});
