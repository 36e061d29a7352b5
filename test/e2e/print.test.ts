/**
 * Printed forms in real Chromium through the real web host: each print route is rendered to an A4
 * PDF as the browser's print would make it, then read back with poppler (pdftotext, pdfinfo) for
 * what the paper must say, and rasterised (pdftoppm) so a person can look at it.
 * Needs `npm run build` (dist/renderer); `npm test` builds first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { maskIdNumber } from '../../src/shared/domain/idNumber';
import { artifactPath, launchBrowser, uiDir } from '../helpers/browser';
import { printRoute } from '../helpers/print';
import { childInput, elderInput, tempDir, TOWNSHIP, validId } from '../helpers/core';

// Wednesday 18 November 2026: the ISO week runs 16–22 November.
const NOW = new Date('2026-11-18T04:00:00Z');
const MONDAY = '2026-11-16';

const CHILD_ID = '341723201501010016';
const FATHER_ID = '341723198503120011';
const ELDER_ID = '34172319410202002X';
const DUE_ELDERS = [
  { name: '李德福', idNumber: '341723194001010017' },
  { name: '赵长海', idNumber: '341723194203030032' },
  { name: '孙建国', idNumber: '34172319580101001X' },
] as const;

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
const ids = { child: '', elder: '', visit: '', childVisit: '' };

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('ledger-print-'), actor: 'tester', now: () => NOW });
  await core.call('station.init', { role: 'station', code: TOWNSHIP, name: '蓉城镇社工站' });

  ids.child = (
    await core.call(
      'children.create',
      childInput({
        name: '欧阳娜娜',
        idNumber: CHILD_ID,
        registeredAddress: '安徽省池州市青阳县蓉城镇百花村三组',
        currentAddress: '百花村三组8号',
        boarding: true,
        paternalGrandfather: { name: '欧阳德', health: '良好', phone: '13800002222' },
        paternalGrandmother: { name: '陈桂兰', health: '患高血压' },
        father: { name: '欧阳山', birthDate: '1985-03-12', idNumber: FATHER_ID, situation: 'working_away', workProvince: '浙江省', workCity: '杭州市', phone: '13912345678' },
        mother: { name: '李小红', birthDate: '1987-06-15', idNumber: '341723198706150026', situation: 'working_away', workProvince: '江苏省', workCity: '苏州市' },
        guardian: { name: '欧阳德', relationship: 'paternal_grandfather', phone: '13800002222', address: '百花村三组8号' },
        incomeSources: ['migrant_work', 'farming'],
        assistance: ['dibao'],
        childDirector: '周红梅',
        childDirectorPhone: '13600001234',
      }),
    )
  ).id;

  ids.elder = (await core.call('elders.create', elderInput({ name: '王秀英', idNumber: ELDER_ID, riskTier: 'priority' }))).id;
  await core.call('elders.saveContact', {
    elderId: ids.elder,
    contact: { name: '王建国', relationship: 'son', phone: '13812345678', address: '合肥市蜀山区', registeredOn: '2026-10-01' },
  });
  ids.visit = (
    await core.call('visits.create', {
      subjectKind: 'elder',
      subjectId: ids.elder,
      visit: {
        visitedOn: '2026-11-17',
        visitors: ['陈村医', '刘社工'],
        method: 'home',
        health: { speech: 'clear', mobility: 'assisted', responsiveness: 'slow', mental: 'low' },
        illness: '高血压，按时服药',
        livingDifficulties: '冬季取暖困难',
        moneyDifficulties: '医药费负担重',
        benefitsReceived: '低保金、城乡居民养老保险',
        supportersVisit: 'sometimes',
        hazards: ['power', 'other'],
        hazardNote: '屋后水塘无护栏',
        needs: ['care', 'emotional'],
        actions: '联系村委会加装护栏，协助申请临时救助',
        referrals: '转介县医院慢病随访',
        nextVisitOn: '2026-11-24',
        notes: '儿子春节回家',
      },
    })
  ).id;

  // High risk means weekly; joined on Monday and not yet visited: due by Sunday, i.e. this week.
  for (const e of DUE_ELDERS) {
    await core.call('elders.create', elderInput({ ...e, riskTier: 'high', groups: [{ group: 'living_alone', startDate: MONDAY }] }));
  }

  // Priority means monthly; a paper visit in September and none since: overdue since 31 October.
  const overdue = await core.call('elders.create', elderInput({ name: '钱桂兰', idNumber: '341723194505050020', riskTier: 'priority' }));
  await core.call('visits.create', { subjectKind: 'elder', subjectId: overdue.id, visit: { visitedOn: '2026-09-15', visitors: ['陈村医'], method: 'home' } });

  // Priority means monthly; last visited in October: due by the end of November, not this week.
  const thisMonth = await core.call('elders.create', elderInput({ name: '周玉兰', idNumber: validId('34172319460606002'), riskTier: 'priority' }));
  await core.call('visits.create', { subjectKind: 'elder', subjectId: thisMonth.id, visit: { visitedOn: '2026-10-20', visitors: ['陈村医'], method: 'home' } });

  ids.childVisit = (
    await core.call('visits.create', {
      subjectKind: 'child',
      subjectId: ids.child,
      visit: {
        visitedOn: '2026-11-16',
        visitors: ['周红梅'],
        method: 'home',
        childCheck: { guardianship: 'weak', schooling: 'attending', health: 'good', mental: 'low', parentContact: 'rarely', safety: ['drowning'] },
        needs: ['emotional'],
        actions: '联系父母每周视频通话',
      },
    })
  ).id;

  host = await startWebHost({ core, staticDir: uiDir() });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  core?.close();
});

/** The route printed to test-results/ as `name`. */
const printed = (route: string, name: string) => printRoute(page, host.url, route, `print-${name}`);

describe('printed forms', () => {
  it('prints a blank visit form for the field on one page, with the ID masked and empty boxes', async () => {
    const { flat, pages } = await printed(`/print/visit-form/elder/${ids.elder}`, 'visit-form-elder');
    expect(pages).toBe(1);
    expect(flat).toContain('探视走访记录表');
    expect(flat).toContain('填报单位：蓉城镇社工站');
    expect(flat).toContain('王秀英');
    expect(flat).toContain(maskIdNumber(ELDER_ID));
    expect(maskIdNumber(ELDER_ID)).toBe('341723********002X');
    expect(flat).not.toContain(ELDER_ID);
    expect(flat).toContain('王建国（儿子）');
    expect(flat).toContain('13812345678');
    expect(flat).toContain('独居');
    for (const option of ['☐入户', '☐电话', '☐视频', '☐清楚', '☐需搀扶或借助器具', '☐卧床', '☐用水', '☐燃气', '☐生活照料', '☐精神慰藉', '☐适老化改造', '☐经常探望']) expect(flat).toContain(option);
    expect(flat).toContain('子女（赡养人）');
    expect(flat).not.toContain('监护落实');
    expect(flat).not.toContain('☑');
    expect(flat).toContain('走访人签字：');
    expect(flat).toContain('被访人（监护人）签字：');
    expect(flat).toMatch(/日期：年月日/);
  });

  it('prints a blank visit form for a child with the guardian and the masked ID', async () => {
    const { flat, pages } = await printed(`/print/visit-form/child/${ids.child}`, 'visit-form-child');
    expect(pages).toBe(1);
    expect(flat).toContain('欧阳娜娜');
    expect(flat).toContain(maskIdNumber(CHILD_ID));
    expect(flat).not.toContain(CHILD_ID);
    expect(flat).toContain('欧阳德（祖父）');
    expect(flat).toContain('农村留守儿童');
    // A child is asked the child's questions, never the elder's.
    for (const option of ['监护落实', '☐监护到位', '☐无人监护', '就学情况', '☐辍学', '心理状况', '与父母联系', '☐溺水隐患', '☐交通安全隐患', '☐网络安全隐患', '☐就学']) expect(flat).toContain(option);
    for (const elderOnly of ['行动能力', '需搀扶或借助器具', '语言表达', '反应能力', '子女（赡养人）', '适老化改造']) expect(flat).not.toContain(elderOnly);
  });

  it('prints a recorded child visit with the child’s answers ticked', async () => {
    const { flat, pages } = await printed(`/print/visit/${ids.childVisit}`, 'visit-record-child');
    expect(pages).toBe(1);
    for (const ticked of ['☑入户', '☑监护不力', '☑正常上学（入园）', '☑良好', '☑情绪低落', '☑很少联系', '☑溺水隐患', '☑精神慰藉']) expect(flat).toContain(ticked);
    expect(flat.match(/☑/g)).toHaveLength(8);
    expect(flat).toContain('联系父母每周视频通话');
    expect(flat).not.toContain('行动能力');
  });

  it('prints a recorded visit on one page with the chosen options ticked', async () => {
    const { flat, pages } = await printed(`/print/visit/${ids.visit}`, 'visit-record');
    expect(pages).toBe(1);
    expect(flat).toContain('王秀英');
    expect(flat).toContain(maskIdNumber(ELDER_ID));
    expect(flat).not.toContain(ELDER_ID);
    expect(flat).toContain('2026年11月17日');
    expect(flat).toContain('陈村医、刘社工');
    for (const ticked of ['☑入户', '☑清楚', '☑需搀扶或借助器具', '☑迟缓', '☑情绪低落', '☑偶尔探望', '☑用电', '☑其他', '☑生活照料', '☑精神慰藉']) expect(flat).toContain(ticked);
    for (const unticked of ['☐电话', '☐视频', '☐卧床', '☐用水', '☐康复护理']) expect(flat).toContain(unticked);
    expect(flat.match(/☑/g)).toHaveLength(10);
    for (const written of ['高血压，按时服药', '冬季取暖困难', '屋后水塘无护栏', '联系村委会加装护栏', '转介县医院慢病随访', '2026年11月24日', '儿子春节回家']) expect(flat).toContain(written);
    expect(flat).toContain('走访人签字：');
    expect(flat).toContain('被访人（监护人）签字：');
  });

  it('lets a record too long for one sheet break between sections, never inside a row', async () => {
    const long = (phrase: string, max: number) => phrase.repeat(Math.ceil(max / phrase.length)).slice(0, max);
    const { id } = await core.call('visits.create', {
      subjectKind: 'elder',
      subjectId: ids.elder,
      visit: {
        visitedOn: '2026-11-10',
        visitors: ['陈村医'],
        method: 'phone',
        livingDifficulties: long('独居无人照料，冬季取暖依靠电热毯，', 300),
        moneyDifficulties: long('医药费自付部分较多，', 300),
        actions: long('联系村委会落实临时救助并协调志愿者每周上门，', 500),
        referrals: long('转介县医院慢病随访，', 300),
        notes: long('儿子在外务工，春节回家。', 500),
      },
    });
    const { text, flat, pages } = await printed(`/print/visit/${id}`, 'visit-record-long');
    expect(pages).toBe(2);
    const [first = '', second = ''] = text.split('\f').map((p) => p.replace(/\s+/g, ''));
    // Sections fill the first sheet and the rest continues on the second, each section whole.
    expect(first).toContain(maskIdNumber(ELDER_ID));
    expect(first).toContain('走访日期2026年11月10日');
    expect(first).toContain('☑电话');
    expect(second).toContain('采取措施');
    expect(second).toContain('走访人签字');
    const withinOnePage = (label: string) => [first, second].filter((p) => p.includes(label)).length === 1;
    for (const label of ['生活困难', '经济困难', '采取措施', '转介情况', '备注']) expect(withinOnePage(label)).toBe(true);
    expect(flat).toContain('☑电话');
  });

  it('prints the child registration form with the full ID numbers on at most two pages', async () => {
    const { flat, pages } = await printed(`/print/child/${ids.child}`, 'child-registration');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(flat).toContain('农村留守儿童基本情况登记表');
    expect(flat).toContain('欧阳娜娜');
    expect(flat).toContain(CHILD_ID);
    expect(flat).toContain(FATHER_ID);
    for (const field of ['欧阳山', '浙江省杭州市', '13912345678', '陈桂兰', '百花村三组8号', '周红梅', '13600001234']) expect(flat).toContain(field);
    for (const ticked of ['☑父母均外出务工', '☑监护情况一般', '☑打工收入', '☑种养殖业', '☑低保', '☑小学', '☑健康', '☑农业户口', '☑农村留守儿童']) expect(flat).toContain(ticked);
    for (const unticked of ['☐无人监护', '☐亲朋接济', '☐临时救助', '☐辍学', '☐孤儿']) expect(flat).toContain(unticked);
    expect(flat).toContain('填表人：');
    expect(flat).toContain('审核人：');
    expect(flat).toContain('填表日期：');
  });

  it('prints one blank form per person due this week, one per page', async () => {
    const due = await core.call('workbench.due', { status: 'due_this_week', limit: 2000 });
    expect(due.rows.map((r) => r.name).sort()).toEqual(DUE_ELDERS.map((e) => e.name).sort());
    const { text, flat, pages } = await printed('/print/batch/due-this-week', 'batch-due-this-week');
    expect(pages).toBe(due.total);
    expect(flat).toContain(`共${due.total}份`);
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(due.total);
    for (const e of DUE_ELDERS) {
      expect(flat).toContain(e.name);
      expect(flat).toContain(maskIdNumber(e.idNumber));
      expect(flat).not.toContain(e.idNumber);
    }
    expect(flat.match(/走访人签字/g)).toHaveLength(due.total);
    expect(await page.getByTestId('print-info').innerText()).toBe(`共 ${due.total} 份`);
  });

  it('prints the overdue batch the same way', async () => {
    const due = await core.call('workbench.due', { status: 'overdue', limit: 2000 });
    expect(due.total).toBeGreaterThan(0);
    const { flat, pages } = await printed('/print/batch/overdue', 'batch-overdue');
    expect(pages).toBe(due.total);
    for (const r of due.rows) expect(flat).toContain(r.name);
  });

  it('prints this month’s batch: those due by the month’s end, not this week', async () => {
    const due = await core.call('workbench.due', { status: 'due_this_month', limit: 2000 });
    expect(due.rows.map((r) => r.name)).toContain('周玉兰');
    const { flat, pages } = await printed('/print/batch/due-this-month', 'batch-due-this-month');
    expect(pages).toBe(due.total);
    expect(flat).toContain('本月应访走访表');
    for (const r of due.rows) expect(flat).toContain(r.name);
    for (const e of DUE_ELDERS) expect(flat).not.toContain(e.name);
  });

  it('shows the toolbar on screen only, outside the app shell', async () => {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#/print/visit-form/elder/${ids.elder}`);
    await page.locator('[data-print-ready="true"]').waitFor();
    expect(await page.getByTestId('print-button').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '返回' }).isVisible()).toBe(true);
    expect(await page.locator('.app-shell').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: artifactPath('print-screen-visit-form.png'), fullPage: true });
  });

  it('opens the registration form from the child’s page, and comes back with 返回', async () => {
    await page.goto('about:blank');
    await page.goto(`${host.url}/#/children/${ids.child}`);
    await page.getByTestId('child-print').click();
    await page.locator('[data-print-ready="true"]').waitFor();
    expect(page.url()).toContain(`#/print/child/${ids.child}`);
    expect(await page.getByText('农村留守儿童基本情况登记表').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId('child-print').waitFor();
    expect(page.url()).toContain(`#/children/${ids.child}`);
  });
});
