/**
 * Enrolment in real Chromium, county and station each behind their own web host: the county's
 * enrolment file comes down as a browser download, the station uploads it. No page names a path on
 * the machine serving the ledger. The station waits for the county until the county's answer to its
 * first bundle is imported. Re-enrolling a station that syncs asks first.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { todayIso } from '../../src/shared/domain/dates';
import { childInput, countyWithKeys, tempDir } from '../helpers/core';

const COUNTY_PASS = 'county-passphrase';
const STATION_PASS = 'station-passphrase';

let county: Core;
let station: Core;
let countyHost: WebHost;
let stationHost: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  county = await countyWithKeys(COUNTY_PASS);
  station = createCore({ dataDir: tempDir('ledger-e2e-station-') });
  await station.call('station.init', { role: 'station', code: '341723100', name: '蓉城镇社工站' });
  countyHost = await startWebHost({ core: county, staticDir: uiDir() });
  stationHost = await startWebHost({ core: station, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await countyHost?.close();
  await stationHost?.close();
  county?.close();
  station?.close();
});

describe('enrolment through the browser', () => {
  let enrolmentFile = '';

  it('the county registers a station and the enrolment file arrives as a download', async () => {
    await page.goto(`${countyHost.url}/#/sync`);
    await page.getByRole('button', { name: /登记新站点/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记新站点' });
    await modal.getByLabel('乡镇（街道）').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^蓉城镇$/ }).click();
    const download = page.waitForEvent('download');
    await modal.getByRole('button', { name: '生成登记文件' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('登记文件-341723100.json');
    // Under its own name, as the station will find it on the USB stick.
    enrolmentFile = join(tempDir(), file.suggestedFilename());
    await file.saveAs(enrolmentFile);
    expect(statSync(enrolmentFile).size).toBeGreaterThan(100);
    await expect.poll(() => page.getByText(/已下载.*请复制到U盘交给站点导入/).isVisible()).toBe(true);
  });

  it('the station uploads it, sets its passphrase, and both fingerprints show', async () => {
    await page.goto(`${stationHost.url}/#/sync`);
    const card = page.getByTestId('sync-enrolment');
    await card.waitFor();
    await card.locator('input[type="file"]').setInputFiles(enrolmentFile);
    await expect.poll(() => card.getByTestId('sync-enrolment-file').innerText()).toBe('登记文件-341723100.json');
    await card.getByLabel('设置密钥口令').fill(STATION_PASS);
    await card.getByLabel('再次输入密钥口令').fill(STATION_PASS);
    await card.getByRole('button', { name: /导入登记文件/ }).click();
    await page.getByTestId('sync-county-fingerprint').waitFor();
    const countyFingerprint = (await county.call('sync.status', {})).fingerprint!;
    expect(await page.getByTestId('sync-county-fingerprint').innerText()).toContain(countyFingerprint);
    await page.screenshot({ path: artifactPath('e2e-enrolment-station.png') });
    // Enrolled for good only once the county has answered the station's first bundle.
    expect((await station.call('sync.status', {})).station?.enrolment).toBe('awaiting_county');
  });

  it('the station’s first bundle: it waits for the county, the file names the station and the day, the records are counted in Chinese', async () => {
    await station.call('children.create', childInput());
    await expect.poll(() => page.getByTestId('sync-enrolment-state').innerText()).toBe('等待县局确认');
    expect(await page.getByTestId('sync-awaiting-county').innerText()).toContain('县局导入本站的第一个数据包后，本站才正式登记');
    const download = page.waitForEvent('download');
    // The passphrase set at enrolment is the session's: no prompt.
    await page.getByTestId('sync-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^341723100-${todayIso().replace(/-/g, '')}-\\d{4}-蓉城镇社工站-发往县局\\.slbundle$`));
    const shown = page.getByTestId('sync-exported');
    await shown.waitFor();
    expect(await shown.innerText()).toContain('包含：儿童 1 人、儿童类别 1 条');
    expect(await page.getByTestId('sync-last-exported').innerText()).toMatch(/上次导出数据包：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByTestId('sync-last-confirmed').innerText()).toBe('县局上次确认：尚未收到县局回传的数据包');
    expect(await page.getByTestId('sync-enrolment-state').innerText()).toBe('等待县局确认');
    await page.screenshot({ path: artifactPath('e2e-station-exported.png') });

    // The county imports it and answers; with the answer imported here the station is enrolled.
    const saved = join(tempDir(), file.suggestedFilename());
    await file.saveAs(saved);
    const [atCounty] = (await county.call('sync.importBundleData', { files: [{ name: file.suggestedFilename(), data: readFileSync(saved).toString('base64') }], passphrase: COUNTY_PASS })).results;
    expect(atCounty).toMatchObject({ outcome: 'applied', applied: 2 });
    const reply = await county.call('sync.exportBundleData', { passphrase: COUNTY_PASS, for: '341723100' });
    expect(reply.fileName).toMatch(/^341723100-\d{8}-\d{4}-蓉城镇社工站-县局回传\.slbundle$/);
    await station.call('sync.importBundleData', { files: [{ name: reply.fileName, data: reply.data }], passphrase: STATION_PASS });
    await page.reload();
    await expect.poll(() => page.getByTestId('sync-enrolment-state').innerText()).toBe('已登记');
    expect(await page.getByTestId('sync-last-confirmed').innerText()).toMatch(/县局上次确认：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await page.getByTestId('sync-unconfirmed').innerText()).toContain('0 条修改尚未被县局确认');
    expect(await page.locator('body').innerText()).not.toContain('等待县局确认');
    await page.screenshot({ path: artifactPath('e2e-station-enrolled.png') });
  });

  it('re-enrolling a station that already syncs asks first, and cancelling changes nothing', async () => {
    // The station's first bundle reaches the county: it is now enrolled there.
    const { data } = await station.call('sync.exportBundleData', { passphrase: STATION_PASS });
    await county.call('sync.importBundleData', { files: [{ name: 'up.slbundle', data }], passphrase: COUNTY_PASS });
    await page.goto(`${countyHost.url}/#/sync`);
    const row = page.locator('.ant-table-row').filter({ hasText: '蓉城镇社工站' });
    await row.getByRole('button', { name: '生成登记文件' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '生成登记文件：蓉城镇社工站' });
    await modal.getByRole('button', { name: '生成登记文件' }).click();
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '重新登记“蓉城镇社工站”？' });
    await confirm.waitFor();
    await page.screenshot({ path: artifactPath('e2e-reenrol-confirm.png') });
    await confirm.getByRole('button', { name: '取消' }).click();
    const stations = (await county.call('sync.status', {})).county!.stations;
    expect(stations.find((s) => s.code === '341723100')?.state).toBe('enrolled');
  });
});
