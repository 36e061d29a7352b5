/**
 * End to end in real Chromium through the real web host and a real SQLite data dir: the workbench
 * (工作台) on a station with demo data and one high-risk elder last visited ten days ago. The elder
 * is on the overdue list; a routine visit recorded from the list takes them off it at once and the
 * overdue count goes down. The visits chart is drawn by ECharts on a real canvas.
 * Needs `npm run build` (dist/renderer).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { todayIso } from '../../src/shared/domain/dates';
import { addDays } from '../../src/shared/domain/dates';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { elderInput, tempDir, TOWNSHIP, validId } from '../helpers/core';

const NAME = '欧阳秀珍';
const VISITOR = '陈村医';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-workbench-') });
  await core.call('station.init', { role: 'station', code: TOWNSHIP, name: '蓉城镇社工站' });
  // Demo data first: it is refused once a register holds anyone.
  await core.call('demo.load', { scale: 'small' });
  const { id } = await core.call(
    'elders.create',
    elderInput({ name: NAME, idNumber: validId('34172319411107004'), riskTier: 'high', groups: [{ group: 'living_alone', startDate: '2023-05-01' }] }),
  );
  // High risk means weekly, at most 7 days apart: ten days since the last visit is overdue, by the core's real clock.
  await core.call('visits.create', {
    subjectKind: 'elder',
    subjectId: id,
    visit: { visitedOn: addDays(todayIso(), -10), visitors: [VISITOR], method: 'home' },
  });
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

/** The number shown on a statistic card. */
async function countOf(testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content').innerText();
  return Number(text.replace(/\D/g, ''));
}

/** What the test reads of a canvas; the node tests are type-checked without the DOM library. */
interface PaintedCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

const dueRow = (name: string) => page.getByTestId('workbench-due-table').locator('.ant-table-row').filter({ hasText: name });

/** The page scrolls inside the shell, not the window: a window as tall as the content shows all of it. */
async function fullScreenshot(name: string): Promise<void> {
  const height = await page.locator('.app-content').evaluate((el) => el.scrollHeight + 64);
  await page.setViewportSize({ width: 1366, height });
  await page.screenshot({ path: artifactPath(name) });
  await page.setViewportSize({ width: 1366, height: 900 });
}

describe('workbench in the browser', () => {
  it('opens on the workbench, with the overdue elder listed and the visits drawn as a chart', async () => {
    await page.goto(host.url);
    await page.getByTestId('workbench-overdue-count').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('menuitem', { name: /工作台/ }).getAttribute('class')).toContain('ant-menu-item-selected');
    await expect.poll(() => countOf('workbench-overdue-count'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('workbench-due-table').locator('.ant-table-row').count()).toBeGreaterThan(0);

    // The chart is a real canvas with something drawn on it (bars, axes, legend).
    const canvas = page.getByTestId('workbench-visits-chart').locator('canvas').first();
    await canvas.waitFor();
    const drawn = async () =>
      canvas.evaluate((node) => {
        const el = node as unknown as PaintedCanvas;
        const ctx = el.getContext('2d');
        if (!ctx || el.width === 0 || el.height === 0) return 0;
        const { data } = ctx.getImageData(0, 0, el.width, el.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
        return painted / (el.width * el.height);
      });
    // Bars grow in with an animation: wait until a fair share of the canvas is painted.
    await expect.poll(drawn, { timeout: 15_000 }).toBeGreaterThan(0.02);
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(200);
    // The same numbers, for screen readers.
    expect(await page.getByRole('table', { name: '近12个月走访人次' }).locator('tbody tr').count()).toBe(12);

    // The monthly rate of the station's villages, in percent.
    await expect.poll(() => page.getByTestId('workbench-rate-table').locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('workbench-rate-table').innerText()).toMatch(/\d+(\.\d)?%/);

    await page.waitForTimeout(800);
    await fullScreenshot('e2e-workbench.png');

    // A live chart, not a picture: the tooltip names the month under the pointer and its figures.
    const chart = page.getByTestId('workbench-visits-chart');
    // The pointer reaches only what the 1366×768 window shows.
    await canvas.scrollIntoViewIfNeeded();
    const area = (await canvas.boundingBox())!;
    // The screen-reader table holds the same month names, so wait for the tooltip's own line, whatever
    // the day of the month (early in a month the last bar is short and the pointer may miss it).
    const [year, month] = todayIso().split('-');
    const tooltip = new RegExp(`${year}年${Number(month)}月\\s*老人\\s*\\d+ 人次`);
    await expect
      .poll(
        async () => {
          await page.mouse.move(area.x + area.width - 30, area.y + area.height / 2);
          await page.mouse.move(area.x + area.width - 28, area.y + area.height - 40);
          return chart.innerText();
        },
        { timeout: 10_000 },
      )
      .toMatch(tooltip);
    await chart.screenshot({ path: artifactPath('e2e-workbench-chart.png') });
  });

  it('prints everyone overdue together, from the batch print menu that counts each status', async () => {
    const overdue = await countOf('workbench-overdue-count');
    await page.getByTestId('workbench-print').click();
    const item = page.getByTestId('workbench-print-overdue');
    await expect.poll(() => item.innerText()).toBe(`已逾期人员（${overdue} 人）`);
    expect(await page.getByTestId('workbench-print-due-this-week').innerText()).toMatch(/^本周应访人员（\d+ 人）$/);
    expect(await page.getByTestId('workbench-print-due-this-month').innerText()).toMatch(/^本月应访人员（\d+ 人）$/);
    await page.screenshot({ path: artifactPath('e2e-workbench-batch-print.png') });
    await item.click();
    await page.locator('[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('#/print/batch/overdue');
    expect(await page.getByTestId('visit-form').count()).toBe(overdue);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId('workbench-overdue-count').waitFor();
  });

  it('records a visit from the overdue list: the elder leaves it and the overdue count goes down', async () => {
    const before = await countOf('workbench-overdue-count');
    await page.getByTestId('due-search').fill(NAME);
    await expect.poll(() => dueRow(NAME).count()).toBe(1);
    const row = dueRow(NAME);
    expect(await row.innerText()).toMatch(/\d+天/);
    expect(await row.getByRole('link', { name: NAME }).getAttribute('href')).toMatch(/#\/elders\/[0-9a-f-]{36}$/);

    await row.getByTestId('due-row-visit').click();
    const modal = page.locator('.ant-modal').filter({ hasText: `登记探访：${NAME}` });
    await modal.waitFor();
    await modal.getByTestId('visit-visitors').fill(VISITOR);
    await page.screenshot({ path: artifactPath('e2e-workbench-visit.png') });
    await modal.getByTestId('visit-save').click();

    await expect.poll(() => dueRow(NAME).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => countOf('workbench-overdue-count')).toBe(before - 1);
    expect(await page.getByTestId('due-tab-overdue').innerText()).toMatch(/^已逾期\s*0$/);

    // The core agrees: the elder is no longer due, and today's visit is on record.
    const due = await core.call('workbench.due', { search: NAME });
    expect(due.rows).toHaveLength(0);
    const visits = await core.call('visits.list', { search: NAME });
    expect(visits.rows.map((v) => v.visitedOn)).toContain(todayIso());
  });
});
