/**
 * The register at county size: 50,000 children in a real data dir, listed in Chromium. Scrolling
 * keeps fetching pages while the table renders only the rows in view (antd's virtual table).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src/main/core/appRoot';
import { createCoreContext } from '../../src/main/core/context';
import { createCore, type Core } from '../../src/main/core/core';
import { generateChildren } from '../../src/main/core/demo/generate';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { tempDir } from '../helpers/core';

const CHILDREN = 50_000;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-e2e-large-') });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  const ctx = createCoreContext({ db: core.db, dataDir: core.dataDir, appRoot: findAppRoot(), appVersion: 'test', now: () => new Date() });
  await generateChildren(ctx, { operation: 'demo.load', actor: 'e2e', progress: () => {} }, { count: CHILDREN });
  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

describe('a county-size register', () => {
  it('shows the total, loads pages while scrolling, and keeps only the visible rows in the page', async () => {
    const pagesFetched: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/children.list')) pagesFetched.push(Date.now());
    });
    await page.goto(`${host.url}/#/children`);
    const total = page.getByTestId('children-total');
    await expect.poll(async () => (await total.innerText()).replace(/,/g, '')).toContain(`共 ${CHILDREN} 人`);
    const table = page.getByTestId('children-table');
    const rows = table.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const firstName = await rows.first().locator('.ant-table-cell').first().innerText();

    await table.hover();
    const before = pagesFetched.length;
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 2400);
      await page.waitForTimeout(50);
    }
    await expect.poll(() => pagesFetched.length - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    // Virtual: hundreds of rows loaded, a screenful rendered.
    expect(await rows.count()).toBeLessThan(80);
    await expect.poll(async () => rows.first().locator('.ant-table-cell').first().innerText()).not.toBe(firstName);
    await page.screenshot({ path: artifactPath('e2e-children-50000.png') });
  });

  it('finds a child among 50,000 by the ID number, and by the last four digits the list shows', async () => {
    const sample = core.db.prepare('SELECT name, id_number FROM children ORDER BY id LIMIT 1 OFFSET 31337').get() as { name: string; id_number: string };
    const rows = page.getByTestId('children-table').locator('.ant-table-row');
    await page.getByTestId('children-search').fill(sample.id_number);
    await expect.poll(async () => (await rows.allInnerTexts()).join('\n')).toContain(sample.name);
    const last4 = sample.id_number.slice(-4);
    await page.getByTestId('children-search').fill(last4);
    // Every row found shows the digits typed at the end of its masked ID, the sample among them.
    const ids = page.getByTestId('children-table').locator('.id-number');
    await expect.poll(async () => (await rows.allInnerTexts()).join('\n')).toContain(sample.name);
    await expect.poll(async () => (await ids.allInnerTexts()).every((id) => id.endsWith(last4))).toBe(true);
  });
});
