/**
 * End to end in real Chromium through the real web host and a real SQLite data dir: a day's meals
 * at a village meal point with 40 diners, entered from the keyboard only. The county sets the
 * subsidy standard and enrols elders of the register; the worker ticks today's column, saves with
 * Enter and sees the month's meals and subsidy change; jumps to one person by pinyin initials and
 * unticks them. Last month, settled and locked, opens read-only.
 * The time to enter a day for 40 diners is logged (not asserted).
 * Needs `npm run build` (dist/renderer).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { elderInput, mealSiteInput, tempDir, validId } from '../helpers/core';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['秀英', '桂兰', '德明', '玉珍'];
const DINERS = 40;
const STOPPED = 20;

const today = todayIso();
const firstOfThisMonth = `${today.slice(0, 7)}-01`;
const lastMonthFirst = `${addDays(firstOfThisMonth, -1).slice(0, 7)}-01`;
const SUBSIDY_FEN = 600;

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let siteId: string;
const names: string[] = [];

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-meals-'), actor: '县局管理员' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await core.call('meals.rules.save', {
    rule: { effectiveFrom: lastMonthFirst, priceFen: { lunch: 1000 }, subsidyFen: { age_80: { lunch: SUBSIDY_FEN }, dibao: { lunch: 500 } }, deliveryFeeFen: 0 },
  });
  ({ id: siteId } = await core.call('meals.sites.save', { site: mealSiteInput({ dailyCapacity: 60 }) }));
  const dinerIds: string[] = [];
  for (let i = 0; i < DINERS; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length)]}`;
    // Born in 1940: 80 and over, so every meal carries the age_80 subsidy.
    const birth = `1940${String(1 + Math.floor(i / 20)).padStart(2, '0')}${String(1 + (i % 20)).padStart(2, '0')}`;
    const { id: elderId } = await core.call('elders.create', elderInput({ name, idNumber: validId(`341723${birth}002`) }));
    const { id } = await core.call('meals.diners.save', { siteId, diner: { elderId, startOn: lastMonthFirst, delivery: i % 10 === 3 } });
    names.push(name);
    dinerIds.push(id);
  }
  // Twenty who stopped early last month: greyed on last month's card, which then has 60 diners and more.
  const stopped: string[] = [];
  for (let i = 0; i < STOPPED; i++) {
    const name = `孙${GIVEN[i % GIVEN.length]}${'一二三四五'[Math.floor(i / GIVEN.length)]}`;
    // Born 10–29 January 1939.
    const { id: elderId } = await core.call('elders.create', elderInput({ name, idNumber: validId(`341723193901${10 + i}002`) }));
    const { id } = await core.call('meals.diners.save', { siteId, diner: { elderId, startOn: lastMonthFirst, stopOn: addDays(lastMonthFirst, 9) } });
    stopped.push(id);
  }
  // Last month: a few days entered late from the paper card, then settled and locked.
  for (const d of [0, 1, 2, 5, 6]) {
    await core.call('meals.attendance.set', { siteId, day: addDays(lastMonthFirst, d), mealTime: 'lunch', ticks: [...dinerIds.slice(0, 30), ...stopped].map((dinerId) => ({ dinerId, present: true })) });
  }
  const lastMonth = lastMonthFirst.slice(0, 7);
  const settlement = await core.call('meals.settlement.get', { siteId, month: lastMonth });
  await core.call('meals.settlement.lock', { siteId, month: lastMonth, confirmedChecks: settlement.checks.map((c) => c.key) });

  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

const grid = () => page.getByTestId('meal-attendance-grid');
const monthTotal = () => page.getByTestId('meal-attendance-month-total').innerText();
const focusedName = () => page.locator('td[aria-selected="true"]').evaluate((td) => td.closest('tr')?.getAttribute('data-name') ?? '');
const todayCell = (name: string) => grid().locator(`tr[data-name="${name}"] td[data-day="${Number(today.slice(8, 10))}"]`);

describe('daily meal attendance in the browser', () => {
  it('enters today for 40 diners from the keyboard and the month’s meals and subsidy follow', async () => {
    await page.goto(`${host.url}/#/meals/sites/${siteId}`);
    await grid().waitFor({ timeout: 60_000 });
    // Today's column holds the keyboard at once: no click needed.
    await expect.poll(() => page.locator('[data-testid="meal-attendance-grid"]:focus').count()).toBe(1);
    expect(await monthTotal()).toContain('共就餐 0 人次，补贴 0.00 元');
    expect(await grid().locator('tbody tr').count()).toBe(DINERS);

    const started = performance.now();
    for (let i = 0; i < DINERS; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect.poll(monthTotal, { timeout: 20_000 }).toContain(`共就餐 ${DINERS} 人次，补贴 ${((DINERS * SUBSIDY_FEN) / 100).toFixed(2)} 元`);
    const ms = performance.now() - started;
    console.log(`keyboard entry of a day for ${DINERS} diners, saved and totals read back: ${Math.round(ms)} ms`);
    expect(await page.getByTestId('meal-attendance-unsaved').innerText()).toBe('已全部保存');
    expect(await page.getByTestId(`meal-attendance-day-total-${Number(today.slice(8, 10))}`).innerText()).toBe(String(DINERS));
    // A diner marked for delivery shows 送.
    expect(await todayCell(names[3]!).innerText()).toBe('送');

    // Jump to one person by pinyin initials (陈德明 → cdm) and untick them.
    await page.keyboard.press('Escape');
    await page.keyboard.type('cdm');
    expect(await focusedName()).toBe('陈德明');
    await page.keyboard.press('Space');
    expect(await todayCell('陈德明').getAttribute('data-state')).toBe('pending-untick');
    expect(await page.getByTestId('meal-attendance-save').isEnabled()).toBe(true);
    // Past the buttons' colour transition, well before the idle save (4 s).
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('e2e-meal-attendance-pending.png') });
    await page.keyboard.press('Enter');
    await expect.poll(monthTotal, { timeout: 20_000 }).toContain(`共就餐 ${DINERS - 1} 人次`);
    expect(await todayCell('陈德明').getAttribute('data-state')).toBe('empty');

    // The card fits 1366×768 beside the menu: the days scroll sideways inside it, the page does not.
    const overflow = await page.locator('.app-content').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifactPath('e2e-meal-attendance.png') });
  });

  it('opens last month, settled and locked, read-only with its late entries marked', async () => {
    await grid().focus();
    await page.keyboard.press('PageUp');
    await page.getByTestId('meal-attendance-locked').waitFor();
    expect(await page.getByTestId('meal-attendance-locked').innerText()).toContain('已结算锁定');
    await expect.poll(() => grid().locator('td.late').count()).toBeGreaterThan(0);
    const before = await monthTotal();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('meal-attendance-save').isDisabled()).toBe(true);
    expect(await monthTotal()).toBe(before);
    expect(await grid().locator('tr.stopped').count()).toBe(STOPPED);
    await page.screenshot({ path: artifactPath('e2e-meal-attendance-locked.png') });

    // 60 diners × 30 days stays responsive: each key press re-renders only the rows it touched.
    expect(await grid().locator('tbody tr').count()).toBe(DINERS + STOPPED);
    const keys = [...Array(59).fill('ArrowDown'), ...Array(29).fill('ArrowRight'), ...Array(59).fill('ArrowUp'), ...Array(29).fill('ArrowLeft')];
    // Dispatched inside the page, so the time is the grid's own, not the test driver's round trips.
    // Timed per key: the handler, React's render and commit (flushed in a microtask for a key press)
    // and the effect that scrolls the cursor into view (forcing layout); the page paints between keys, untimed.
    const firstName = await focusedName();
    const perKey = await page.evaluate(`(async () => {
      const grid = document.querySelector('[data-testid="meal-attendance-grid"]');
      const keys = ${JSON.stringify(keys)};
      const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
      let spent = 0;
      for (const key of keys) {
        const started = performance.now();
        grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await Promise.resolve();
        await Promise.resolve();
        spent += performance.now() - started;
        await nextTask();
      }
      return spent / keys.length;
    })()`);
    // Down, right, up and left again: back where it started, so every key was handled in turn.
    expect(await focusedName()).toBe(firstName);
    expect(await page.locator('td[aria-selected="true"]').getAttribute('data-day')).toBe('1');
    const dayCount = (await grid().locator('thead th').count()) - 2;
    // Logged, never asserted: times belong to the benchmark, not to a test's verdict.
    console.log(`grid of ${DINERS + STOPPED} diners × ${dayCount} days: ${Number(perKey).toFixed(2)} ms of work a key press (moving the cursor)`);
  });
});
