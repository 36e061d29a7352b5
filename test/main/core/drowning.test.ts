import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { fillPlan } from '../../../src/main/core/drowning/batch';
import { LedgerError, type ChildInput, type Progress, type PublicityInput, type WaterInspectionInput } from '../../../src/shared/contract';
import { publicityDateProblems } from '../../../src/shared/domain/drowning';
import { childInput, OTHER_TOWNSHIP_VILLAGE, stationCore, tempDir, validId, VILLAGE } from '../../helpers/core';

async function rejected(p: Promise<unknown>): Promise<LedgerError['data']> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LedgerError);
  return (e as LedgerError).data;
}

const TOWNSHIP = '341723100';
const OTHER_TOWNSHIP = '341723101';
const SECOND_VILLAGE = '341723100201';

/** A left-behind child born in 2015 with sequence `seq`; override what a test is about. */
const child = (name: string, seq: string, over: Partial<ChildInput> = {}): ChildInput =>
  childInput({ name, idNumber: validId(`34172320150101${seq}`), ...over });

async function addChild(core: Core, name: string, seq: string, over: Partial<ChildInput> = {}): Promise<string> {
  return (await core.call('children.create', child(name, seq, over))).id;
}

const inspection = (over: Partial<WaterInspectionInput> = {}): WaterInspectionInput => ({
  villageCode: VILLAGE,
  place: '百花村东头水塘',
  inspectedOn: '2025-07-10',
  inspectors: ['陈社工', '李主任'],
  findings: '警示牌完好，救生圈一个',
  hazardFound: false,
  ...over,
});

const rowCount = (core: Core, table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function countyCore(): Promise<Core> {
  const core = createCore({ dataDir: tempDir(), actor: 'tester' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  return core;
}

describe('drowning publicity of one child', () => {
  it('keeps one row per child and year: saving again edits it', async () => {
    const core = await stationCore();
    const childId = await addChild(core, '张小明', '011');
    const { id } = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', handedBy: '李主任' });
    const again = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27', handedBy: '李主任' });
    expect(again.id).toBe(id);
    await core.call('drowning.publicity.save', { childId, year: 2024, pledgeOn: '2024-06-01' });
    const rows = await core.call('drowning.publicity.forChild', { childId });
    expect(rows.map((r) => [r.year, r.letterOn, r.pledgeOn, r.handedBy])).toEqual([
      [2025, '2025-05-20', '2025-05-27', '李主任'],
      [2024, undefined, '2024-06-01', undefined],
    ]);
    expect(rows[0]).toMatchObject({ id, childId, stationCode: TOWNSHIP });
    expect(rowCount(core, 'drowning_publicity')).toBe(2);

    // Saving what the form shows clears what was emptied; saving it unchanged captures nothing.
    await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    expect((await core.call('drowning.publicity.forChild', { childId }))[0]!.handedBy).toBeUndefined();
    const outbox = rowCount(core, 'sync_outbox');
    await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    expect(rowCount(core, 'sync_outbox')).toBe(outbox);

    await core.call('drowning.publicity.delete', { id });
    expect((await core.call('drowning.publicity.forChild', { childId })).map((r) => r.year)).toEqual([2024]);
    expect((await rejected(core.call('drowning.publicity.delete', { id }))).code).toBe('not_found');
    // After a delete, a new save starts a new row.
    const { id: fresh } = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-06-01' });
    expect(fresh).not.toBe(id);
  });

  it('reports each bad date at its field, in Chinese, and writes nothing', async () => {
    // The core's clock (which its input checks read) stands mid-2026, so "after today" below is
    // after it whatever day the suite runs.
    const core = await stationCore({ now: () => new Date('2026-06-15T08:00:00Z') });
    const childId = await addChild(core, '张小明', '011');
    const errors = async (input: Omit<PublicityInput, 'childId'>) => (await rejected(core.call('drowning.publicity.save', { childId, ...input }))).fieldErrors;
    expect(await errors({ year: 2025 })).toEqual({ letterOn: '请填写一封信发放日期或承诺书签订日期' });
    expect(await errors({ year: 2025, letterOn: '2025-02-30', pledgeOn: '2024-12-31' })).toEqual({
      letterOn: '一封信发放日期不是有效日期',
      pledgeOn: '承诺书签订日期应在2025年内',
    });
    expect(await errors({ year: 2026, letterOn: '2026-06-16', pledgeOn: '2099-01-01' })).toEqual({
      letterOn: '一封信发放日期不能晚于今天',
      pledgeOn: '承诺书签订日期不能晚于今天',
    });
    expect(await errors({ year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-19' })).toEqual({ pledgeOn: '承诺书签订日期不能早于一封信发放日期' });
    expect(await errors({ year: 2099, letterOn: '2025-05-20' })).toEqual({ year: '年度不能晚于今年' });
    expect(await errors({ year: 1999, pledgeOn: '1999-05-20' })).toMatchObject({ year: '年度不能早于2000年' });
    expect(await errors({ year: 2025, letterOn: '2025-05-20', handedBy: '很'.repeat(31) })).toEqual({ handedBy: '发放人不能超过30个字' });
    expect(rowCount(core, 'drowning_publicity')).toBe(0);
    // Same day is fine: the pledge is often signed as the letter is handed out.
    await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-20' });
    expect((await rejected(core.call('drowning.publicity.save', { childId: 'no-such-child', year: 2025, letterOn: '2025-05-20' }))).code).toBe('not_found');
  });

  it('leaves another station’s child alone', async () => {
    const core = await stationCore();
    const childId = await addChild(core, '张小明', '011');
    const { id } = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20' });
    // As if the county had moved the child to another township's station.
    core.db.prepare('UPDATE children SET station_code = ? WHERE id = ?').run(OTHER_TOWNSHIP, childId);
    const refused = await rejected(core.call('drowning.publicity.save', { childId, year: 2025, pledgeOn: '2025-05-30' }));
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('其他乡镇的站点维护') });
    expect((await rejected(core.call('drowning.publicity.delete', { id }))).code).toBe('conflict');
    const batch = await core.call('drowning.publicity.batch', { year: 2025, townshipCode: TOWNSHIP, pledgeOn: '2025-05-30' });
    expect(batch).toMatchObject({ children: 0, set: 0 });
    expect((await core.call('drowning.publicity.list', { year: 2025 })).total).toBe(0);
  });
});

describe('drowning publicity in batches', () => {
  async function village() {
    const core = await stationCore();
    const ids = {
      a: await addChild(core, '艾一', '011'),
      b: await addChild(core, '白二', '021'),
      c: await addChild(core, '蔡三', '031'),
      // Another village of the same township.
      d: await addChild(core, '邓四', '041', { villageCode: SECOND_VILLAGE }),
      // Left-behind until the end of 2024: not a child of the 2025 campaign.
      e: await addChild(core, '鄂五', '051', { categories: [{ category: 'left_behind', startDate: '2023-01-01', endDate: '2024-12-31', reason: 'both_away' }] }),
    };
    return { core, ids };
  }

  it('fills empty dates for a village, keeps those already recorded, and reports both', async () => {
    const { core, ids } = await village();
    await core.call('drowning.publicity.save', { childId: ids.a, year: 2025, letterOn: '2025-05-10', handedBy: '王老师' });
    const progress: Progress[] = [];
    const result = await core.call(
      'drowning.publicity.batch',
      { year: 2025, villageCode: VILLAGE, letterOn: '2025-05-20', handedBy: '李主任' },
      { onProgress: (p) => progress.push(p) },
    );
    expect(result).toEqual({ children: 3, set: 2, alreadySet: 1, conflicting: 0, notFound: 0 });
    expect(progress.at(-1)).toEqual({ phase: '正在登记防溺水宣传', done: 3, total: 3 });
    const list = await core.call('drowning.publicity.list', { year: 2025, villageCode: VILLAGE });
    expect(list.rows.map((r) => [r.name, r.letterOn, r.handedBy])).toEqual([
      ['艾一', '2025-05-10', '王老师'],
      ['白二', '2025-05-20', '李主任'],
      ['蔡三', '2025-05-20', '李主任'],
    ]);
    // Only the village asked for, only children in scope that year.
    const others = await core.call('drowning.publicity.list', { year: 2025, status: 'missing_letter' });
    expect(others.rows.map((r) => r.name)).toEqual(['邓四']);
    expect(rowCount(core, 'drowning_publicity')).toBe(3);

    // Asked to overwrite, it replaces the earlier date too.
    const overwritten = await core.call('drowning.publicity.batch', { year: 2025, villageCode: VILLAGE, letterOn: '2025-05-20', handedBy: '李主任', overwrite: true });
    expect(overwritten).toMatchObject({ children: 3, set: 1, alreadySet: 2 });
    expect((await core.call('drowning.publicity.forChild', { childId: ids.a }))[0]).toMatchObject({ letterOn: '2025-05-20', handedBy: '李主任' });
  });

  it('sets pledges for the picked children only, never before a recorded letter', async () => {
    const { core, ids } = await village();
    await core.call('drowning.publicity.save', { childId: ids.b, year: 2025, letterOn: '2025-06-10' });
    const result = await core.call('drowning.publicity.batch', {
      year: 2025,
      townshipCode: TOWNSHIP,
      childIds: [ids.a, ids.b, ids.d, ids.e, 'gone'],
      pledgeOn: '2025-06-01',
    });
    // 鄂五 is outside the 2025 scope and 'gone' does not exist: both not found.
    expect(result).toEqual({ children: 3, set: 2, alreadySet: 0, conflicting: 1, notFound: 2 });
    const byName = Object.fromEntries((await core.call('drowning.publicity.list', { year: 2025 })).rows.map((r) => [r.name, r.pledgeOn]));
    expect(byName).toEqual({ 艾一: '2025-06-01', 白二: undefined, 蔡三: undefined, 邓四: '2025-06-01' });
  });

  it('checks the batch: a place, a date, and the dates within the year', async () => {
    const { core } = await village();
    const err = await rejected(core.call('drowning.publicity.batch', { year: 2025, letterOn: '2024-05-01' }));
    expect(err.fieldErrors).toEqual({ villageCode: '请先选择乡镇（街道）或村（居）', letterOn: '一封信发放日期应在2025年内' });
    const none = await rejected(core.call('drowning.publicity.batch', { year: 2025, villageCode: VILLAGE, childIds: [] }));
    expect(none.fieldErrors).toEqual({ childIds: '请至少选择一名儿童', letterOn: '请填写一封信发放日期或承诺书签订日期' });
    const mismatch = await rejected(core.call('drowning.publicity.batch', { year: 2025, townshipCode: OTHER_TOWNSHIP, villageCode: VILLAGE, letterOn: '2025-05-01' }));
    expect(mismatch.fieldErrors).toEqual({ villageCode: '所选村（居）不在所选乡镇（街道）' });
    expect(rowCount(core, 'drowning_publicity')).toBe(0);
  });

  it('a batch that fails part-way writes nothing', async () => {
    const { core } = await village();
    core.db.exec("CREATE TRIGGER fail_second AFTER INSERT ON drowning_publicity WHEN (SELECT count(*) FROM drowning_publicity) > 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const outcome = await core.invoke('drowning.publicity.batch', { year: 2025, villageCode: VILLAGE, letterOn: '2025-05-20' });
    expect(outcome.ok).toBe(false);
    expect(rowCount(core, 'drowning_publicity')).toBe(0);
    expect(rowCount(core, 'sync_outbox')).toBe(5 * 2); // the five children and their categories only
  });

  it('plans each child: fill, keep, or leave for a person when the pledge would precede the letter', () => {
    const held = { letter_on: '2025-05-10', pledge_on: null, handed_by: '王老师' };
    expect(fillPlan(null, { letterOn: '2025-05-20', overwrite: false, handedBy: '李' })).toEqual({
      kind: 'set',
      values: { letter_on: '2025-05-20', pledge_on: null, handed_by: '李' },
    });
    expect(fillPlan(held, { letterOn: '2025-05-20', overwrite: false })).toEqual({ kind: 'already' });
    expect(fillPlan(held, { letterOn: '2025-05-10', overwrite: true })).toEqual({ kind: 'already' });
    expect(fillPlan(held, { pledgeOn: '2025-05-12', handedBy: '李', overwrite: false })).toEqual({
      kind: 'set',
      values: { letter_on: '2025-05-10', pledge_on: '2025-05-12', handed_by: '王老师' },
    });
    expect(fillPlan(held, { pledgeOn: '2025-05-01', overwrite: false })).toEqual({ kind: 'conflict' });
  });
});

describe('drowning publicity register', () => {
  it('lists the children in scope with their status and the counts of the area', async () => {
    // Ages are on the core's today: born 1 January 2015, 11 on this day.
    const core = await stationCore({ now: () => new Date('2026-06-15T08:00:00Z') });
    const a = await addChild(core, '艾一', '011');
    const b = await addChild(core, '白二', '021');
    await addChild(core, '蔡三', '031');
    // Recognised on 31 December 2025: in the 2025 campaign's scope.
    await addChild(core, '邓四', '041', { villageCode: SECOND_VILLAGE, categories: [{ category: 'left_behind', startDate: '2025-12-31', reason: 'both_away' }] });
    await core.call('drowning.publicity.save', { childId: a, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    await core.call('drowning.publicity.save', { childId: b, year: 2025, letterOn: '2025-05-20' });
    await core.call('drowning.publicity.save', { childId: b, year: 2024, pledgeOn: '2024-05-20' });

    const all = await core.call('drowning.publicity.list', { year: 2025 });
    expect(all.total).toBe(4);
    expect(all.counts).toEqual({ children: 4, letters: 2, pledges: 1 });
    expect(all.rows.map((r) => r.name)).toEqual(['艾一', '白二', '蔡三', '邓四']);
    expect(all.rows[0]).toMatchObject({ villageName: '百花村', townshipName: '蓉城镇', age: 11, sex: 'M', letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    expect(all.rows[0]!.idNumberMasked).toMatch(/^341723\*{8}/);

    const names = async (q: Partial<Parameters<typeof core.call<'drowning.publicity.list'>>[1]>) =>
      (await core.call('drowning.publicity.list', { year: 2025, ...q })).rows.map((r) => r.name);
    expect(await names({ status: 'missing_letter' })).toEqual(['蔡三', '邓四']);
    expect(await names({ status: 'missing_pledge' })).toEqual(['白二', '蔡三', '邓四']);
    expect(await names({ villageCode: SECOND_VILLAGE })).toEqual(['邓四']);
    expect(await names({ search: 'ay' })).toEqual(['艾一']);
    expect(await names({ limit: 2, offset: 2 })).toEqual(['蔡三', '邓四']);
    // 2024: 邓四 was not yet a child in scope; the 2024 pledge counts there only.
    const y2024 = await core.call('drowning.publicity.list', { year: 2024 });
    expect(y2024.counts).toEqual({ children: 3, letters: 0, pledges: 1 });
  });
});

describe('water inspections', () => {
  it('adds, edits, lists by year and removes an inspection', async () => {
    const core = await stationCore();
    const { id } = await core.call('drowning.inspections.save', { inspection: inspection() });
    await core.call('drowning.inspections.save', { inspection: inspection({ place: '牌楼村河堤', villageCode: SECOND_VILLAGE, inspectedOn: '2026-06-01' }) });
    await core.call('drowning.inspections.save', {
      id,
      inspection: inspection({ hazardFound: true, findings: '护栏缺损', actions: '已设置警示牌，通知村委修复', inspectors: ['陈社工'] }),
    });
    const y2025 = await core.call('drowning.inspections.list', { year: 2025 });
    expect(y2025.total).toBe(1);
    expect(y2025.rows[0]).toMatchObject({
      id,
      stationCode: TOWNSHIP,
      townshipCode: TOWNSHIP,
      townshipName: '蓉城镇',
      villageName: '百花村',
      place: '百花村东头水塘',
      inspectors: ['陈社工'],
      hazardFound: true,
      actions: '已设置警示牌，通知村委修复',
    });
    const all = await core.call('drowning.inspections.list', {});
    expect(all.rows.map((r) => r.inspectedOn)).toEqual(['2026-06-01', '2025-07-10']);
    expect((await core.call('drowning.inspections.list', { hazardOnly: true })).rows.map((r) => r.id)).toEqual([id]);
    expect((await core.call('drowning.inspections.list', { villageCode: SECOND_VILLAGE })).total).toBe(1);
    await core.call('drowning.inspections.delete', { id });
    expect((await core.call('drowning.inspections.list', {})).total).toBe(1);
    expect((await rejected(core.call('drowning.inspections.delete', { id }))).code).toBe('not_found');
  });

  it('requires place, date, inspectors and findings, each at its field', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('drowning.inspections.save', { inspection: { ...inspection({ inspectors: [], inspectedOn: '' }), place: ' ', findings: '' } }),
    );
    expect(err.fieldErrors).toEqual({
      'inspection.place': '请填写督查地点',
      'inspection.inspectedOn': '请填写督查日期',
      'inspection.inspectors': '请填写督查人员',
      'inspection.findings': '请填写督查情况',
    });
    const more = await rejected(
      core.call('drowning.inspections.save', { inspection: inspection({ inspectedOn: '2099-07-01', hazardFound: true, inspectors: ['陈社工', '陈社工', '3号'] }) }),
    );
    expect(more.fieldErrors).toEqual({
      'inspection.inspectedOn': '督查日期不能晚于今天',
      'inspection.actions': '发现隐患时请填写处置措施（如设置警示牌、告知村委）',
      'inspection.inspectors.1': '同一督查人员不能重复填写',
      'inspection.inspectors.2': '督查人员不能包含数字',
    });
    const elsewhere = await rejected(core.call('drowning.inspections.save', { inspection: inspection({ villageCode: OTHER_TOWNSHIP_VILLAGE }) }));
    expect(elsewhere.fieldErrors).toEqual({ 'inspection.villageCode': '该村（居）不属于蓉城镇社工站' });
    expect(rowCount(core, 'water_inspections')).toBe(0);
  });

  it('leaves another station’s inspection alone', async () => {
    const core = await stationCore();
    const { id } = await core.call('drowning.inspections.save', { inspection: inspection() });
    core.db.prepare('UPDATE water_inspections SET station_code = ? WHERE id = ?').run(OTHER_TOWNSHIP, id);
    expect((await rejected(core.call('drowning.inspections.save', { id, inspection: inspection({ notes: '复查' }) }))).code).toBe('conflict');
    expect((await rejected(core.call('drowning.inspections.delete', { id }))).code).toBe('conflict');
    expect((await core.call('drowning.inspections.list', {})).total).toBe(0);
  });
});

describe('drowning summary', () => {
  it('counts by township and for the county, within the calendar year', async () => {
    const county = await countyCore();
    const a = await addChild(county, '艾一', '011');
    const b = await addChild(county, '白二', '021');
    const c = await addChild(county, '蔡三', '031', { villageCode: OTHER_TOWNSHIP_VILLAGE });
    await addChild(county, '鄂五', '051', { categories: [{ category: 'left_behind', startDate: '2023-01-01', endDate: '2024-12-31', reason: 'both_away' }] });
    await county.call('drowning.publicity.save', { childId: a, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    await county.call('drowning.publicity.save', { childId: b, year: 2025, letterOn: '2025-12-31' });
    await county.call('drowning.publicity.save', { childId: c, year: 2025, pledgeOn: '2025-06-01' });
    await county.call('drowning.publicity.save', { childId: c, year: 2026, letterOn: '2026-01-01' });
    // Publicity of a child entered at the county belongs to the child's station.
    expect((await county.call('drowning.publicity.forChild', { childId: c }))[0]!.stationCode).toBe(OTHER_TOWNSHIP);

    await county.call('drowning.inspections.save', { inspection: inspection({ inspectedOn: '2025-01-01' }) });
    await county.call('drowning.inspections.save', { inspection: inspection({ inspectedOn: '2025-12-31', hazardFound: true, actions: '设警示牌' }) });
    await county.call('drowning.inspections.save', { inspection: inspection({ inspectedOn: '2026-01-01' }) });
    await county.call('drowning.inspections.save', { inspection: inspection({ inspectedOn: '2024-12-31' }) });
    await county.call('drowning.inspections.save', { inspection: inspection({ villageCode: OTHER_TOWNSHIP_VILLAGE, inspectedOn: '2025-08-08' }) });

    const s2025 = await county.call('drowning.summary', { year: 2025 });
    const row = (code: string) => s2025.townships.find((t) => t.code === code);
    expect(row(TOWNSHIP)).toEqual({ code: TOWNSHIP, name: '蓉城镇', childrenInScope: 2, letters: 2, pledges: 1, inspections: 2, hazards: 1 });
    expect(row(OTHER_TOWNSHIP)).toMatchObject({ childrenInScope: 1, letters: 0, pledges: 1, inspections: 1, hazards: 0 });
    // Every township is listed, a quiet one with zeros.
    expect(s2025.townships.length).toBeGreaterThan(2);
    expect(s2025.townships.filter((t) => t.code !== TOWNSHIP && t.code !== OTHER_TOWNSHIP).every((t) => t.childrenInScope + t.inspections === 0)).toBe(true);
    expect(s2025.county).toEqual({ code: '341723', name: expect.any(String), childrenInScope: 3, letters: 2, pledges: 2, inspections: 3, hazards: 1 });

    const s2026 = await county.call('drowning.summary', { year: 2026 });
    expect(s2026.county).toMatchObject({ childrenInScope: 3, letters: 1, pledges: 0, inspections: 1, hazards: 0 });
    const s2024 = await county.call('drowning.summary', { year: 2024 });
    expect(s2024.county).toMatchObject({ childrenInScope: 4, letters: 0, inspections: 1 });
  });

  it('at a station, covers the station’s own township only', async () => {
    const core = await stationCore();
    const a = await addChild(core, '艾一', '011');
    await core.call('drowning.publicity.save', { childId: a, year: 2025, letterOn: '2025-05-20' });
    await core.call('drowning.inspections.save', { inspection: inspection() });
    const summary = await core.call('drowning.summary', { year: 2025 });
    expect(summary.townships).toEqual([{ code: TOWNSHIP, name: '蓉城镇', childrenInScope: 1, letters: 1, pledges: 0, inspections: 1, hazards: 0 }]);
    expect(summary.county).toMatchObject({ childrenInScope: 1, letters: 1, inspections: 1 });
  });

  it('pure date rules agree with the schema', () => {
    expect(publicityDateProblems({ year: 2025, letterOn: '2025-12-31', pledgeOn: '2026-01-01' }, '2026-11-28')).toEqual({ pledgeOn: '承诺书签订日期应在2025年内' });
    expect(publicityDateProblems({ year: 2025, letterOn: '2025-01-01', pledgeOn: '2025-12-31' }, '2026-11-28')).toEqual({});
  });
});

describe('drowning sync', () => {
  it('publicity and inspections reach the county whole and count there', async () => {
    const PASS = 'drowning-passphrase';
    const county = await countyCore();
    await county.call('sync.createKeys', { passphrase: PASS });
    const file = join(tempDir(), 'enrol.json');
    await county.call('sync.enrolStation', { code: TOWNSHIP, outPath: file });
    const station = await stationCore();
    await station.call('sync.acceptEnrolment', { path: file, passphrase: PASS });

    const a = await addChild(station, '艾一', '011');
    const b = await addChild(station, '白二', '021');
    await station.call('drowning.publicity.batch', { year: 2025, villageCode: VILLAGE, letterOn: '2025-05-20', handedBy: '李主任' });
    await station.call('drowning.publicity.save', { childId: a, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27', handedBy: '李主任' });
    const { id: inspectionId } = await station.call('drowning.inspections.save', { inspection: inspection({ hazardFound: true, actions: '设警示牌' }) });

    const up = await station.call('sync.exportBundle', { outPath: join(tempDir(), 'up.slbundle'), passphrase: PASS });
    const [result] = (await county.call('sync.importBundles', { paths: [up.path], passphrase: PASS })).results;
    expect(result!.outcome).toBe('applied');

    for (const childId of [a, b]) {
      expect(await county.call('drowning.publicity.forChild', { childId })).toEqual(await station.call('drowning.publicity.forChild', { childId }));
    }
    expect(await county.call('drowning.inspections.list', { year: 2025 })).toEqual(await station.call('drowning.inspections.list', { year: 2025 }));
    expect((await county.call('drowning.inspections.list', {})).rows[0]!.id).toBe(inspectionId);
    const atCounty = await county.call('drowning.summary', { year: 2025 });
    expect(atCounty.townships.find((t) => t.code === TOWNSHIP)).toMatchObject({ childrenInScope: 2, letters: 2, pledges: 1, inspections: 1, hazards: 1 });
    expect(atCounty.townships.find((t) => t.code === TOWNSHIP)).toEqual((await station.call('drowning.summary', { year: 2025 })).townships[0]);
  });
});
