/**
 * Visits, major changes, the due list, visit rates and the county's rules, through a real core on
 * a real SQLite file with a fixed clock: Wednesday 18 November 2026 (ISO week 16–22 Nov).
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/core';
import { createCore } from '../../../src/main/core/core';
import { LedgerError, type VisitInput } from '../../../src/shared/contract';
import { childInput, elderInput, stationCore, tempDir, TOWNSHIP, validId, VILLAGE } from '../../helpers/core';

const AT = { now: () => new Date('2026-11-18T04:00:00Z') };
const OTHER_VILLAGE = '341723100201';

async function rejected(p: Promise<unknown>): Promise<LedgerError['data']> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LedgerError);
  return (e as LedgerError).data;
}

const routine = (visitedOn: string, over: Partial<VisitInput> = {}): VisitInput => ({ visitedOn, visitors: ['陈村医'], method: 'home', ...over });

/** A high-risk elder (weekly), a special-hardship elder visited this month, and one not yet. */
async function register(core: Core) {
  const high = (await core.call('elders.create', elderInput({ name: '王秀英', riskTier: 'high' }))).id;
  const tekunInput = (name: string, id: string, villageCode = VILLAGE) =>
    elderInput({ name, idNumber: id, villageCode, economicStatus: 'tekun', riskTier: 'general', groups: [{ group: 'dispersed_tekun', startDate: '2024-01-01' }] });
  const visited = (await core.call('elders.create', tekunInput('李大爷', validId('34172319450101003')))).id;
  const unvisited = (await core.call('elders.create', tekunInput('赵奶奶', validId('34172319460202004'), OTHER_VILLAGE))).id;
  await core.call('visits.create', { subjectKind: 'elder', subjectId: high, visit: routine('2026-11-05') });
  await core.call('visits.create', { subjectKind: 'elder', subjectId: visited, visit: routine('2026-11-02') });
  await core.call('visits.create', { subjectKind: 'elder', subjectId: unvisited, visit: routine('2026-10-31') });
  return { high, visited, unvisited };
}

describe('visits', () => {
  it('records a routine visit with three fields and shows it on the person’s timeline', async () => {
    const core = await stationCore(AT);
    const { id: elderId } = await core.call('elders.create', elderInput());
    const { id } = await core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: routine('2026-11-16') });
    const t = await core.call('visits.timeline', { subjectKind: 'elder', subjectId: elderId });
    expect(t.visits.map((v) => v.id)).toEqual([id]);
    expect(t.visits[0]).toMatchObject({ visitedOn: '2026-11-16', visitors: ['陈村医'], method: 'home', villageName: '百花村', townshipName: '蓉城镇', hazards: [], needs: [] });
    expect(t.due).toMatchObject({ frequency: 'monthly', status: 'ok', lastVisit: '2026-11-16' });
  });

  it('keeps a full visit record field for field', async () => {
    const core = await stationCore(AT);
    const { id: elderId } = await core.call('elders.create', elderInput());
    const full: VisitInput = {
      visitedOn: '2026-11-17',
      visitors: ['陈村医', '刘社工'],
      method: 'home',
      health: { speech: 'clear', mobility: 'assisted', responsiveness: 'slow', mental: 'low' },
      illness: '高血压，按时服药',
      livingDifficulties: '冬季取暖困难',
      moneyDifficulties: '医药费负担重',
      benefitsReceived: '特困供养金、高龄津贴',
      supportersVisit: 'sometimes',
      hazards: ['power', 'other'],
      hazardNote: '屋后水塘无护栏',
      needs: ['care', 'emotional'],
      actions: '联系村委会加装护栏',
      referrals: '转介县医院慢病随访',
      nextVisitOn: '2026-11-24',
      notes: '儿子春节回家',
    };
    const { id } = await core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: full });
    const { createdAt, updatedAt, id: gotId, stationCode, subjectKind, subjectId, villageCode, townshipName, villageName, ...fields } = await core.call('visits.get', { id });
    expect(gotId).toBe(id);
    expect({ stationCode, subjectKind, subjectId, villageCode, townshipName, villageName }).toEqual({ stationCode: TOWNSHIP, subjectKind: 'elder', subjectId: elderId, villageCode: VILLAGE, townshipName: '蓉城镇', villageName: '百花村' });
    expect(fields).toEqual(full);
    expect(createdAt <= updatedAt).toBe(true);
    const list = await core.call('visits.list', {});
    expect(list.rows[0]).toMatchObject({ id, subjectName: '王秀英', flagged: true, visitors: ['陈村医', '刘社工'] });
  });

  it('refuses bad input field by field, all at once, and saves nothing', async () => {
    const core = await stationCore(AT);
    const { id: elderId } = await core.call('elders.create', elderInput());
    const err = await rejected(
      core.call('visits.create', {
        subjectKind: 'elder',
        subjectId: elderId,
        visit: { visitedOn: '2099-01-01', visitors: [], method: 'letter' as 'home', hazards: ['other'], nextVisitOn: '2098-12-01' },
      }),
    );
    expect(err.code).toBe('validation');
    expect(err.fieldErrors).toMatchObject({
      'visit.visitedOn': '探访日期不能晚于今天',
      'visit.visitors': '请填写走访人',
      'visit.method': '请选择探访方式',
      'visit.hazardNote': '选择了“其他”隐患，请写明隐患情况',
      'visit.nextVisitOn': '下次探访日期须晚于本次探访日期',
    });
    const dup = await rejected(core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: routine('2026-11-01', { visitors: ['陈村医', '陈村医'] }) }));
    expect(dup.fieldErrors).toMatchObject({ 'visit.visitors': '走访人不能重复' });
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: elderId })).visits).toEqual([]);
  });

  it('says in Chinese when the person does not exist or was deleted', async () => {
    const core = await stationCore(AT);
    const { id } = await core.call('elders.create', elderInput());
    await core.call('elders.delete', { id });
    const err = await rejected(core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: routine('2026-11-01') }));
    expect(err).toMatchObject({ code: 'not_found', message: '该老人记录不存在或已被删除' });
    const child = await rejected(core.call('visits.timeline', { subjectKind: 'child', subjectId: 'nobody' }));
    expect(child.message).toBe('该儿童记录不存在或已被删除');
  });

  it('an edit keeps where the visit took place; a deleted visit leaves the timeline and the due state', async () => {
    const core = await stationCore(AT);
    const { id: elderId } = await core.call('elders.create', elderInput());
    const { id } = await core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: routine('2026-11-10') });
    await core.call('elders.update', { id: elderId, elder: elderInput({ villageCode: OTHER_VILLAGE }) });
    await core.call('visits.update', { id, visit: routine('2026-11-11', { method: 'phone' }) });
    expect(await core.call('visits.get', { id })).toMatchObject({ visitedOn: '2026-11-11', method: 'phone', villageCode: VILLAGE });
    await core.call('visits.delete', { id });
    const t = await core.call('visits.timeline', { subjectKind: 'elder', subjectId: elderId });
    expect(t.visits).toEqual([]);
    expect(t.due?.lastVisit).toBeUndefined();
    expect(await rejected(core.call('visits.get', { id }))).toMatchObject({ code: 'not_found' });
  });

  it('finds visits by the person’s pinyin initials, a visitor’s name, kind and date range', async () => {
    const core = await stationCore(AT);
    const { high } = await register(core);
    const { id: childId } = await core.call('children.create', childInput());
    await core.call('visits.create', { subjectKind: 'child', subjectId: childId, visit: routine('2026-11-12', { visitors: ['刘社工'] }) });
    expect((await core.call('visits.list', {})).total).toBe(4);
    expect((await core.call('visits.list', { search: 'wxy' })).rows.map((r) => r.subjectId)).toEqual([high]);
    expect((await core.call('visits.list', { search: '刘社工' })).rows.map((r) => r.subjectName)).toEqual(['张三']);
    expect((await core.call('visits.list', { subjectKind: 'child' })).total).toBe(1);
    const november = await core.call('visits.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.rows.map((r) => r.visitedOn)).toEqual(['2026-11-12', '2026-11-05', '2026-11-02']);
    expect((await core.call('visits.list', { villageCode: OTHER_VILLAGE })).total).toBe(1);
  });
});

describe('what a visit asks, by kind of person', () => {
  const childCheck: VisitInput['childCheck'] = { guardianship: 'weak', schooling: 'truancy', health: 'good', mental: 'withdrawn', parentContact: 'rarely', safety: ['drowning', 'online'] };

  it('keeps a child’s visit with the child questions, and flags what needs follow-up', async () => {
    const core = await stationCore(AT);
    const { id: childId } = await core.call('children.create', childInput());
    const full: VisitInput = { ...routine('2026-11-17'), childCheck, needs: ['schooling', 'emotional'], actions: '联系班主任，约定每周电话' };
    const { id } = await core.call('visits.create', { subjectKind: 'child', subjectId: childId, visit: full });
    const got = await core.call('visits.get', { id });
    expect(got.childCheck).toEqual(childCheck);
    expect(got.health).toEqual({});
    expect(got.supportersVisit).toBeUndefined();
    const quiet = await core.call('visits.create', {
      subjectKind: 'child',
      subjectId: childId,
      visit: routine('2026-11-10', { childCheck: { guardianship: 'in_place', schooling: 'attending', health: 'good', mental: 'good', parentContact: 'no_parents' } }),
    });
    const rows = (await core.call('visits.list', { subjectKind: 'child' })).rows;
    expect(rows.map((r) => [r.id, r.flagged])).toEqual([
      [id, true],
      [quiet.id, false],
    ]);
    const timeline = await core.call('visits.timeline', { subjectKind: 'child', subjectId: childId });
    expect(timeline.visits.find((v) => v.id === quiet.id)?.childCheck).toMatchObject({ parentContact: 'no_parents', safety: [] });
  });

  it('refuses the elder’s questions on a child’s visit and the child’s on anyone else’s, field by field', async () => {
    const core = await stationCore(AT);
    const { id: childId } = await core.call('children.create', childInput());
    const { id: elderId } = await core.call('elders.create', elderInput());
    const onChild = await rejected(
      core.call('visits.create', {
        subjectKind: 'child',
        subjectId: childId,
        visit: routine('2026-11-17', { health: { mobility: 'assisted' }, supportersVisit: 'often', needs: ['adaptation', 'schooling'] }),
      }),
    );
    expect(onChild.code).toBe('validation');
    expect(onChild.fieldErrors).toEqual({
      'visit.health.mobility': '探访儿童不填“行动能力”',
      'visit.supportersVisit': '“子女（赡养人）探望情况”只用于老人，探访儿童不填',
      'visit.needs': '“适老化改造”只用于老人，探访儿童不选',
    });
    const onElder = await rejected(core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: routine('2026-11-17', { childCheck }) }));
    expect(onElder.fieldErrors).toEqual({ 'visit.childCheck': '儿童探访情况只用于儿童，探访老人不填' });
    // An elder is still asked everything the elder form always had.
    await core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit: routine('2026-11-17', { health: { mobility: 'assisted' }, supportersVisit: 'often', needs: ['adaptation'] }) });
    const { id: womanId } = await core.call('women.create', {
      name: '李秀梅',
      idNumber: validId('34172319880512002'),
      villageCode: VILLAGE,
      husbandName: '张建军',
      childrenAtHome: 1,
      eldersAtHome: 0,
      health: 'healthy',
      needs: [],
      sinceOn: '2024-03-01',
    });
    const onWoman = await rejected(core.call('visits.create', { subjectKind: 'woman', subjectId: womanId, visit: routine('2026-11-17', { health: { mobility: 'assisted', mental: 'low' }, needs: ['adaptation'] }) }));
    expect(onWoman.fieldErrors).toEqual({ 'visit.health.mobility': '探访留守妇女不填“行动能力”', 'visit.needs': '“适老化改造”只用于老人，探访留守妇女不选' });
    await core.call('visits.create', { subjectKind: 'woman', subjectId: womanId, visit: routine('2026-11-17', { health: { mental: 'low' }, needs: ['emotional'] }) });
    expect((await core.call('visits.timeline', { subjectKind: 'child', subjectId: childId })).visits).toEqual([]);
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: elderId })).visits).toHaveLength(1);
    expect((await core.call('visits.timeline', { subjectKind: 'woman', subjectId: womanId })).visits).toHaveLength(1);
  });

  it('lets an older child visit be edited with the elder answers it holds, but not changed to new ones', async () => {
    const core = await stationCore(AT);
    const { id: childId } = await core.call('children.create', childInput());
    const { id } = await core.call('visits.create', { subjectKind: 'child', subjectId: childId, visit: routine('2026-11-10') });
    // What the previous release stored for every child visit: the elder's health check, preset.
    const old = { speech: 'clear', mobility: 'independent', responsiveness: 'normal', mental: 'good' } as const;
    core.db.prepare('UPDATE visits SET health = ? WHERE id = ?').run(JSON.stringify(old), id);
    await core.call('visits.update', { id, visit: routine('2026-11-10', { health: old, childCheck: { schooling: 'attending' }, notes: '补记就学情况' }) });
    expect(await core.call('visits.get', { id })).toMatchObject({ health: old, childCheck: { schooling: 'attending' }, notes: '补记就学情况' });
    const changed = await rejected(core.call('visits.update', { id, visit: routine('2026-11-10', { health: { ...old, mobility: 'assisted' } }) }));
    expect(changed.fieldErrors).toEqual({ 'visit.health.mobility': '探访儿童不填“行动能力”' });
    expect((await core.call('visits.get', { id })).health).toEqual(old);
  });
});

describe('the due list', () => {
  it('lists the overdue first, then this week and this month, and counts each', async () => {
    const core = await stationCore(AT);
    const { high, unvisited } = await register(core);
    const due = await core.call('workbench.due', {});
    expect(due.today).toBe('2026-11-18');
    expect(due.counts).toEqual({ overdue: 1, due_this_week: 0, due_this_month: 1, ok: 1 });
    expect(due.rows.map((r) => [r.id, r.status])).toEqual([
      [high, 'overdue'],
      [unvisited, 'due_this_month'],
    ]);
    // Weekly: at most 7 days after the visit on 5 Nov.
    expect(due.rows[0]).toMatchObject({ name: '王秀英', frequency: 'weekly', nextDueBy: '2026-11-12', daysOverdue: 6, lastVisit: '2026-11-05', villageName: '百花村', riskTier: 'high' });
    expect(due.rows[1]).toMatchObject({ frequency: 'monthly', nextDueBy: '2026-11-30', groups: ['dispersed_tekun'] });
    expect((await core.call('workbench.due', { status: 'ok' })).rows.map((r) => r.name)).toEqual(['李大爷']);
  });

  it('a visit recorded today takes an overdue elder off the list at once', async () => {
    const core = await stationCore(AT);
    const { high } = await register(core);
    await core.call('visits.create', { subjectKind: 'elder', subjectId: high, visit: routine('2026-11-18') });
    const due = await core.call('workbench.due', {});
    expect(due.counts.overdue).toBe(0);
    expect(due.rows.map((r) => r.id)).not.toContain(high);
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: high })).due).toMatchObject({ status: 'ok', nextDueBy: '2026-11-25' });
  });

  it('a person registered today is due within this period, not overdue since their group began years ago', async () => {
    const core = await stationCore(AT);
    const { id } = await core.call('elders.create', elderInput({ riskTier: 'priority', groups: [{ group: 'living_alone', startDate: '2019-01-01' }] }));
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).due).toMatchObject({ status: 'due_this_month', nextDueBy: '2026-11-30' });
    // A paper visit entered later shows the station knew them earlier: the duty runs from then.
    await core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: routine('2026-09-10') });
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).due).toMatchObject({ status: 'overdue', nextDueBy: '2026-10-31', daysOverdue: 18 });
  });

  it('a late entry for last month does not clear this month', async () => {
    const core = await stationCore(AT);
    const { unvisited } = await register(core);
    await core.call('visits.create', { subjectKind: 'elder', subjectId: unvisited, visit: routine('2026-10-30') });
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: unvisited })).due?.status).toBe('due_this_month');
  });

  it('a major change makes a visit due by the next day, until someone visits', async () => {
    const core = await stationCore(AT);
    const { visited } = await register(core);
    const { id } = await core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: visited, change: { occurredOn: '2026-11-17', description: '摔伤住院' } });
    let t = await core.call('visits.timeline', { subjectKind: 'elder', subjectId: visited });
    expect(t.due).toMatchObject({ status: 'due_this_week', majorChangePending: true, nextDueBy: '2026-11-18' });
    expect(t.majorChanges).toEqual([{ id, occurredOn: '2026-11-17', description: '摔伤住院', visited: false }]);
    await core.call('visits.create', { subjectKind: 'elder', subjectId: visited, visit: routine('2026-11-18') });
    t = await core.call('visits.timeline', { subjectKind: 'elder', subjectId: visited });
    expect(t.due).toMatchObject({ status: 'ok', majorChangePending: false });
    expect(t.majorChanges[0]?.visited).toBe(true);
    const err = await rejected(core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: visited, change: { occurredOn: '2026-11-17', description: ' ' } }));
    expect(err.fieldErrors).toMatchObject({ 'change.description': '请填写变故情况' });
  });

  it('covers children in a category today, monthly without a guardian, with the reasons to report', async () => {
    const core = await stationCore(AT);
    const unguarded = await core.call('children.create', childInput({ name: '孙小明', idNumber: validId('34172320160505001'), guardianshipType: 'none', categories: [{ category: 'left_behind', startDate: '2026-11-10', reason: 'both_away' }] }));
    const ended = await core.call('children.create', childInput({ name: '周小丽', idNumber: validId('34172320150606002'), categories: [{ category: 'left_behind', startDate: '2024-01-01', endDate: '2026-06-30', reason: 'both_away' }] }));
    const due = await core.call('workbench.due', { subjectKind: 'child', status: 'due_this_month' });
    expect(due.rows.map((r) => r.id)).toEqual([unguarded.id]);
    expect(due.rows[0]?.frequency).toBe('monthly');
    expect(due.rows[0]?.reportReasons?.length).toBeGreaterThan(0);
    expect((await core.call('visits.timeline', { subjectKind: 'child', subjectId: ended.id })).due).toBeNull();
    await core.call('children.update', { id: unguarded.id, child: childInput({ name: '孙小明', idNumber: validId('34172320160505001'), guardianshipType: 'none', categories: [{ category: 'left_behind', startDate: '2026-11-10', reason: 'both_away' }], reportDate: '2026-11-11', reportAgency: '蓉城派出所' }) });
    const after = await core.call('workbench.due', { subjectKind: 'child', status: 'due_this_month' });
    expect(after.rows[0]?.reportReasons).toEqual([]);
  });

  it('filters by village and by name search', async () => {
    const core = await stationCore(AT);
    await register(core);
    expect((await core.call('workbench.due', { villageCode: OTHER_VILLAGE })).rows.map((r) => r.name)).toEqual(['赵奶奶']);
    expect((await core.call('workbench.due', { search: 'wxy' })).rows.map((r) => r.name)).toEqual(['王秀英']);
  });
});

describe('visit rates', () => {
  it('gives the monthly rate of special-hardship elders by township and, within one, by village', async () => {
    const core = await stationCore(AT);
    await register(core);
    const county = await core.call('workbench.visitRate', { month: '2026-11' });
    expect(county.total).toMatchObject({ eligible: 2, visited: 1, rate: 0.5 });
    expect(county.rows).toEqual([{ code: TOWNSHIP, name: '蓉城镇', eligible: 2, visited: 1, rate: 0.5 }]);
    const villages = await core.call('workbench.visitRate', { month: '2026-11', townshipCode: TOWNSHIP });
    expect(villages.rows.map((r) => [r.name, r.visited, r.eligible])).toEqual([
      ['百花村', 1, 1],
      [expect.any(String), 0, 1],
    ]);
    // In October only the visit of 31 Oct counts.
    expect((await core.call('workbench.visitRate', { month: '2026-10' })).total).toMatchObject({ eligible: 2, visited: 1 });
    // Every elder on the register: the high-risk one was visited in November too.
    expect((await core.call('workbench.visitRate', { month: '2026-11', scope: 'elders' })).total).toMatchObject({ eligible: 3, visited: 2 });
  });

  it('counts visits by month and kind, with empty months present', async () => {
    const core = await stationCore(AT);
    await register(core);
    const months = await core.call('workbench.visitsByMonth', { months: 3 });
    expect(months).toEqual([
      { month: '2026-09', elder: 0, child: 0, woman: 0 },
      { month: '2026-10', elder: 1, child: 0, woman: 0 },
      { month: '2026-11', elder: 2, child: 0, woman: 0 },
    ]);
    expect((await core.call('workbench.visitsByMonth', { until: '2026-01', months: 2 })).map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });
});

describe('the county’s rules', () => {
  it('stations read the national defaults and may not change them', async () => {
    const core = await stationCore(AT);
    const rules = await core.call('rules.get', {});
    expect(rules.source).toEqual({ elderDue: 'default', childDue: 'default', highAgeBands: 'default' });
    const err = await rejected(core.call('rules.save', { elderDue: { lines: [], otherwise: 'monthly' } }));
    expect(err.message).toContain('由县民政局统一设置');
  });

  it('the county changes a frequency rule, and high-age bands from the next month', async () => {
    const core = createCore({ dataDir: tempDir(), actor: 'tester', ...AT });
    await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    const { id } = await core.call('elders.create', elderInput({ riskTier: 'general', groups: [] }));
    await core.call('visits.create', { subjectKind: 'elder', subjectId: id, visit: routine('2026-10-20') });
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).due).toMatchObject({ frequency: 'quarterly', status: 'ok' });
    const saved = await core.call('rules.save', {
      elderDue: { lines: [], otherwise: 'monthly' },
      highAgeBands: [{ value: '80+', label: '80周岁及以上', minAge: 80, maxAge: null, amountFen: 5000 }],
    });
    expect(saved.source).toMatchObject({ elderDue: 'county', highAgeBands: 'county' });
    expect(saved.highAgeBandsFrom).toBe('2026-12-01');
    expect((await core.call('visits.timeline', { subjectKind: 'elder', subjectId: id })).due).toMatchObject({ frequency: 'monthly', status: 'due_this_month' });
    const bad = await rejected(
      core.call('rules.save', {
        highAgeBands: [
          { value: 'a', label: '甲', minAge: 80, maxAge: 95 },
          { value: 'b', label: '乙', minAge: 90, maxAge: null },
        ],
      }),
    );
    expect(Object.values(bad.fieldErrors ?? {})).toContain('各档次的年龄段不能重叠');
    const reset = await core.call('rules.save', { reset: ['elderDue'] });
    expect(reset.source.elderDue).toBe('default');
  });
});
