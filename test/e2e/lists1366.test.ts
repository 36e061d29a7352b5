/**
 * The lists on a 1366×768 screen at a station with its share of the county's demo data: the
 * women and elders lists fit without sideways scrolling, cut text shows whole on hover, the
 * drowning list scrolls like the registers, and the rules read as text.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { tempDir, TOWNSHIP } from '../helpers/core';

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-1366-') });
  await core.call('station.init', { role: 'station', code: TOWNSHIP, name: '蓉城镇社工站' });
  await core.call('demo.load', { scale: 'county' });
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

/** The table body's own sideways overflow, in pixels (0: it fits). */
async function sidewaysOverflow(testId: string): Promise<number> {
  // The node tsconfig has no DOM types: the element is described by what is read from it.
  return page.getByTestId(testId).evaluate((box) => {
    const body = box.querySelector('.ant-table-tbody-virtual-holder, .ant-table-body, .ant-table-content') as { scrollWidth: number; clientWidth: number } | null;
    return body ? body.scrollWidth - body.clientWidth : -1;
  });
}

describe('lists at 1366×768', () => {
  it('the women list fits the screen and shows a cut place whole on hover', async () => {
    await page.goto(`${host.url}/#/women`);
    const rows = page.getByTestId('women-table').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await sidewaysOverflow('women-table')).toBeLessThanOrEqual(0);
    await rows.first().locator('.ant-table-cell-ellipsis span').first().hover();
    await page.locator('.ant-tooltip').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: artifactPath('e2e-1366-women.png') });
  });

  it('the elders list fits, with its age ranges offered', async () => {
    await page.goto(`${host.url}/#/elders`);
    const rows = page.getByTestId('elders-table').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await sidewaysOverflow('elders-table')).toBeLessThanOrEqual(0);
    await page.getByLabel('年龄段').click();
    await page.getByTitle('60—69岁').waitFor({ state: 'visible' });
    await page.screenshot({ path: artifactPath('e2e-1366-elders.png') });
    await page.keyboard.press('Escape');
  });

  it('the drowning list scrolls with ages in 岁, and the batch starts from a village', async () => {
    await page.goto(`${host.url}/#/drowning`);
    const rows = page.getByTestId('drowning-publicity-table').locator('.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.locator('.ant-pagination').count()).toBe(0);
    expect(await rows.first().innerText()).toMatch(/\d+岁/);
    await page.screenshot({ path: artifactPath('e2e-1366-drowning.png') });
    await page.getByTestId('drowning-batch-open').click();
    expect(await page.getByTestId('drowning-batch-intro').innerText()).toContain('只登记填写了日期的项目，未填写的保持不变');
    await page.screenshot({ path: artifactPath('e2e-1366-drowning-batch.png') });
    await page.keyboard.press('Escape');
  });

  it('the rules read as text, not as a disabled form', async () => {
    await page.goto(`${host.url}/#/settings/rules`);
    await page.getByTestId('rules-elder').waitFor({ state: 'visible' });
    expect(await page.locator('.ant-form-item-required, form input').count()).toBe(0);
    await page.screenshot({ path: artifactPath('e2e-1366-rules.png'), fullPage: true });
  });
});
