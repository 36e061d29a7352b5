/**
 * Demo elders and visits: deterministic, valid by the contract read back through the core, never
 * in the future, and a due list that shows every status at county scale.
 * Needs dist/seed/places-341723.json (`npm run build:places`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { DEMO_META_KEY, demoElderPlan, demoElders, readDemoArea, type DemoElder } from '../../../src/main/core/demo/generate';
import { stationStaff } from '../../../src/main/core/demo/visits';
import { readStationMeta } from '../../../src/main/core/station/meta';
import { visitRecord } from '../../../src/main/core/visits/rows';
import type { VisitsTable } from '../../../src/main/core/visits/schema';
import {
  elderContactInput,
  elderInput,
  majorChangeInput,
  supportAgreementInput,
  visitInput,
  type ElderInput,
  type ElderRecord,
  type Progress,
  type VisitInput,
  type VisitRecord,
} from '../../../src/shared/contract';
import { addDays, ageOn, todayIso } from '../../../src/shared/domain/dates';
import { parseIdNumber } from '../../../src/shared/domain/idNumber';
import { periodOf } from '../../../src/shared/domain/visitDue';
import { tempDir } from '../../helpers/core';

const COUNTY = '341723';
const TOWNSHIP = '341723100'; // 蓉城镇
const SMALL_TOWNSHIP = '341723108'; // 九华镇: three villages, a quick county-scale share

/**
 * The schemas check dates against the real clock, so the core's day is never after the real one.
 * In the last week of a month (the week holding the month's last day) nobody can be "due this
 * month but not this week"; the county due-list test then runs a week earlier.
 */
function dueListDay(): Date {
  const real = todayIso();
  const straddles = (day: string) => periodOf('weekly', day).end >= periodOf('monthly', day).end;
  const day = straddles(real) ? addDays(real, -7) : real;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

const cores: Core[] = [];
afterAll(() => {
  for (const c of cores) c.close();
});

async function openCore(role: 'station' | 'county', code: string, now: Date): Promise<Core> {
  const core = createCore({ dataDir: tempDir('ledger-demo-elders-'), actor: 'tester', now: () => now });
  cores.push(core);
  await core.call('station.init', role === 'county' ? { role, code, name: '青阳县民政局' } : { role, code, name: '社工站' });
  return core;
}

const count = (core: Core, sql: string, ...params: unknown[]) => (core.db.prepare(sql).get(...params) as { n: number }).n;

/** The shape a user would submit, from what `elders.get` returns. */
function inputOf(r: ElderRecord): ElderInput {
  const { id: _id, stationCode: _s, birthDate: _b, sex: _x, age: _a, townshipCode: _t, townshipName: _tn, villageName: _vn, highAgeClass: _h, contacts: _c, agreements: _ag, createdAt: _ca, updatedAt: _ua, groups, ...fields } = r;
  return { ...fields, groups: groups.map(({ id: _gid, ...g }) => g) };
}

function visitInputOf(r: VisitRecord): VisitInput {
  const { id: _id, stationCode: _s, subjectKind: _k, subjectId: _sid, villageCode: _v, townshipName: _t, villageName: _vn, createdAt: _c, updatedAt: _u, ...fields } = r;
  return fields;
}

const issues = (r: { success: boolean; error?: { issues: unknown[] } }) => (r.success ? [] : r.error!.issues);

/** Everything a load wrote, without row ids and timestamps, keyed by the people's ID numbers. */
function content(core: Core): unknown {
  const strip = (rows: unknown[]) =>
    rows.map((r) => {
      const { id: _id, created_at: _c, updated_at: _u, elder_id: _e, subject_id: _s, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  const person = `COALESCE((SELECT id_number FROM elders WHERE id = t.subject_id), (SELECT id_number FROM children WHERE id = t.subject_id))`;
  return {
    elders: strip(core.db.prepare('SELECT * FROM elders ORDER BY id_number').all()),
    groups: strip(core.db.prepare('SELECT e.id_number AS who, g.* FROM elder_groups g JOIN elders e ON e.id = g.elder_id ORDER BY who, group_code, start_date').all()),
    contacts: strip(core.db.prepare('SELECT e.id_number AS who, c.* FROM elder_contacts c JOIN elders e ON e.id = c.elder_id ORDER BY who, name').all()),
    agreements: strip(core.db.prepare('SELECT e.id_number AS who, a.* FROM support_agreements a JOIN elders e ON e.id = a.elder_id ORDER BY who, signed_on').all()),
    visits: strip(core.db.prepare(`SELECT ${person} AS who, t.* FROM visits t ORDER BY who, visited_on, visitors, method, notes`).all()),
    changes: strip(core.db.prepare(`SELECT ${person} AS who, t.* FROM major_changes t ORDER BY who, occurred_on`).all()),
  };
}

describe('demo.load small, station data dir: elders and visits', () => {
  const now = new Date();
  const today = todayIso(now);
  let core: Core;
  let result: { children: number; elders?: number; visits?: number };
  const progress: Progress[] = [];

  beforeAll(async () => {
    core = await openCore('station', TOWNSHIP, now);
    result = await core.call('demo.load', { scale: 'small' }, { onProgress: (p) => progress.push(p) });
  });

  it('loads a few dozen elders with a year of visits, elders first, children last', () => {
    expect(result).toMatchObject({ children: 60, elders: 40 });
    expect(count(core, 'SELECT count(*) AS n FROM elders')).toBe(40);
    expect(result.visits).toBe(count(core, 'SELECT count(*) AS n FROM visits'));
    expect(result.visits).toBeGreaterThan(300);
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['生成老人演示数据', '生成助餐演示数据', '生成演示数据']);
    expect(progress.find((p) => p.phase === '生成老人演示数据' && p.done === 40)).toEqual({ phase: '生成老人演示数据', done: 40, total: 40 });
    const meta = core.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(DEMO_META_KEY) as string;
    expect(JSON.parse(meta)).toMatchObject({ scale: 'small', children: 60, elders: 40, visits: result.visits });
  });

  it('gives the same data for the same seed and day', async () => {
    const again = await openCore('station', TOWNSHIP, now);
    await again.call('demo.load', { scale: 'small' });
    expect(content(again)).toEqual(content(core));
  });

  it('reads every visit back through visits.get as input the contract accepts, none in the future', async () => {
    const ids = core.db.prepare('SELECT id FROM visits').pluck().all() as string[];
    for (const id of ids) {
      const visit = await core.call('visits.get', { id });
      expect(visit.visitedOn <= today, visit.visitedOn).toBe(true);
      expect(issues(visitInput.safeParse(visitInputOf(visit))), id).toEqual([]);
    }
  });

  it('writes every row through the capture path', () => {
    for (const table of ['elders', 'elder_groups', 'elder_contacts', 'support_agreements', 'visits', 'major_changes']) {
      const missing = count(
        core,
        `SELECT count(*) AS n FROM ${table} t
         WHERE NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = ? AND o.row_id = t.id)
            OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.tbl = ? AND a.row_id = t.id AND a.action = 'insert' AND a.operation = 'demo.load')`,
        table,
        table,
      );
      expect(missing, table).toBe(0);
    }
  });

  it('refuses a data dir that has an elder entered by hand', async () => {
    const other = await openCore('station', TOWNSHIP, now);
    const station = readStationMeta(other.db)!;
    const area = readDemoArea(other.db, station.countyCode);
    const [made] = demoElders(area, demoElderPlan(area, station, 'small'), today);
    await other.call('elders.create', made!.elder);
    const outcome = await other.invoke('demo.load', { scale: 'small' });
    expect(outcome.ok ? null : outcome.error).toMatchObject({ code: 'conflict', message: '已有老人记录，不能再加载演示数据' });
    expect(count(other, 'SELECT count(*) AS n FROM children')).toBe(0);
  });
});

describe('generated elders', () => {
  const today = todayIso();
  let elders: DemoElder[];

  beforeAll(async () => {
    const core = await openCore('county', COUNTY, new Date());
    const station = readStationMeta(core.db)!;
    const area = readDemoArea(core.db, station.countyCode);
    elders = [...demoElders(area, demoElderPlan(area, station, 'county'), today)];
  });

  it('number about 3,500 at county scale, all passing the contract unchanged', () => {
    expect(elders.length).toBe(3500);
    for (const { elder, contacts, agreements } of elders) {
      const parsed = elderInput.safeParse(elder);
      expect(issues(parsed), elder.idNumber).toEqual([]);
      if (parsed.success) expect(parsed.data).toEqual(elder);
      for (const c of contacts) expect(issues(elderContactInput.safeParse(c)), elder.idNumber).toEqual([]);
      for (const a of agreements) expect(issues(supportAgreementInput.safeParse(a)), elder.idNumber).toEqual([]);
    }
  });

  it('look like a register: ages 60–100 leaning old, groups that fit their fields, most with contacts', () => {
    const ages = elders.map(({ elder }) => {
      const parsed = parseIdNumber(elder.idNumber, today);
      if (!parsed.ok) throw new Error(elder.idNumber);
      expect(parsed.info.addressCode).toBe(COUNTY);
      return ageOn(parsed.info.birthDate, today);
    });
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...ages)).toBeLessThanOrEqual(100);
    const share = (pred: (e: DemoElder, age: number) => boolean) => elders.filter((e, i) => pred(e, ages[i]!)).length / elders.length;
    const sorted = [...ages].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(70);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(80);
    expect(share((_e, age) => age >= 90)).toBeGreaterThan(0.03);
    expect(share((_e, age) => age >= 90)).toBeLessThan(0.12);
    const holds = (e: DemoElder, group: string) => e.elder.groups.some((g) => g.group === group && !g.endDate);
    // 高龄 exactly for the 80+.
    elders.forEach((e, i) => expect(holds(e, 'high_age'), e.elder.idNumber).toBe(ages[i]! >= 80));
    expect(share((e) => holds(e, 'dispersed_tekun'))).toBeGreaterThan(0.03);
    expect(share((e) => holds(e, 'disabled_care'))).toBeGreaterThan(0.1);
    expect(share((e) => e.elder.groups.every((g) => g.endDate))).toBeLessThan(0.03);
    expect(share((e) => e.contacts.length === 1 || e.contacts.length === 2)).toBeGreaterThan(0.75);
    expect(share((e) => e.agreements.length > 0)).toBeGreaterThan(0.05);
    expect(share((e) => e.agreements.length > 0)).toBeLessThan(0.25);
    // Special-hardship elders have no legal supporters: no agreements, no children as contacts.
    for (const e of elders.filter((x) => x.elder.economicStatus === 'tekun')) {
      expect(e.agreements).toEqual([]);
      expect(e.contacts.every((c) => c.relationship !== 'son' && c.relationship !== 'daughter')).toBe(true);
    }
    const tiers = new Map<string, number>();
    for (const e of elders) tiers.set(e.elder.riskTier, (tiers.get(e.elder.riskTier) ?? 0) + 1);
    expect([...tiers.keys()].sort()).toEqual(['general', 'high', 'priority']);
    expect(tiers.get('high')! / elders.length).toBeLessThan(0.05);
    for (const { elder } of elders) expect(elder.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
  });
});

describe('demo.load county: elders and visits', () => {
  const now = dueListDay();
  const today = todayIso(now);
  let core: Core;
  let result: { children: number; elders?: number; visits?: number };
  let seconds: number;

  beforeAll(async () => {
    core = await openCore('county', COUNTY, now);
    const started = performance.now();
    result = await core.call('demo.load', { scale: 'county' });
    seconds = (performance.now() - started) / 1000;
  }, 240_000);

  it('writes about 3,500 elders over every township, with about a year of visits for elders and children', () => {
    const rows = count(core, 'SELECT (SELECT count(*) FROM audit_log WHERE operation = ?) AS n', 'demo.load');
    console.info(`county demo: ${result.children} children, ${result.elders} elders, ${result.visits} visits, ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`);
    expect(result.elders).toBe(3500);
    const byTownship = core.db.prepare('SELECT township_code, count(*) AS n FROM elders GROUP BY township_code').all();
    expect(byTownship.length).toBe(14);
    // Roughly each person's frequency: a dozen a year for monthly elders, four or so for quarterly children.
    const perPerson = (kind: string) => count(core, 'SELECT count(*) AS n FROM visits WHERE subject_kind = ?', kind) / count(core, `SELECT count(*) AS n FROM ${kind === 'elder' ? 'elders' : 'children'}`);
    expect(perPerson('elder')).toBeGreaterThan(8);
    expect(perPerson('elder')).toBeLessThan(15);
    expect(perPerson('child')).toBeGreaterThan(3);
    expect(perPerson('child')).toBeLessThan(6);
    expect(count(core, "SELECT count(*) AS n FROM visits WHERE method = 'home'") / result.visits!).toBeGreaterThan(0.7);
  });

  it('dates no visit or major change after the core’s today, none more than a year back', () => {
    expect(count(core, 'SELECT count(*) AS n FROM visits WHERE visited_on > ?', today)).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM major_changes WHERE occurred_on > ?', today)).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM visits WHERE visited_on < ?', addDays(today, -365))).toBe(0);
  });

  it('gives unique ID numbers across children and elders, none shared with a child’s relatives', () => {
    const dupes = core.db.prepare('SELECT id_number FROM (SELECT id_number FROM children UNION ALL SELECT id_number FROM elders) GROUP BY id_number HAVING count(*) > 1').all();
    expect(dupes).toEqual([]);
    const shared = count(
      core,
      `SELECT count(*) AS n FROM elders e WHERE e.id_number IN (
         SELECT json_extract(father, '$.idNumber') FROM children UNION SELECT json_extract(mother, '$.idNumber') FROM children
         UNION SELECT json_extract(guardian, '$.idNumber') FROM children)`,
    );
    expect(shared).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM elders')).toBeGreaterThan(0);
  });

  it('adds about 1,200 left-behind women the register accepts, with ID numbers no child or elder holds', async () => {
    expect(count(core, 'SELECT count(*) AS n FROM women WHERE deleted = 0')).toBe(1200);
    const dupes = core.db
      .prepare('SELECT id_number FROM (SELECT id_number FROM children UNION ALL SELECT id_number FROM elders UNION ALL SELECT id_number FROM women) GROUP BY id_number HAVING count(*) > 1')
      .all();
    expect(dupes).toEqual([]);
    const page = await core.call('women.list', { limit: 50 });
    for (const row of page.rows) {
      const w = await core.call('women.get', { id: row.id });
      expect(w.sex).toBe('F');
      expect(w.age).toBeGreaterThanOrEqual(20);
      expect(w.age).toBeLessThanOrEqual(59);
      expect(w.husbandName.length).toBeGreaterThan(1);
    }
    expect((await core.call('women.list', { search: page.rows[0]!.name.slice(0, 1) })).total).toBeGreaterThan(0);
  });

  it('reads every elder back through elders.get as input the contract accepts', async () => {
    const ids = core.db.prepare('SELECT id FROM elders').pluck().all() as string[];
    const rejected: string[] = [];
    for (const id of ids) {
      const record = await core.call('elders.get', { id });
      const parsed = elderInput.safeParse(inputOf(record));
      if (!parsed.success) rejected.push(`${record.idNumber}: ${JSON.stringify(parsed.error.issues[0])}`);
      for (const c of record.contacts) {
        const { id: _id, elderId: _e, createdAt: _c, updatedAt: _u, ...input } = c;
        if (!elderContactInput.safeParse(input).success) rejected.push(`contact ${c.id}`);
      }
      for (const a of record.agreements) {
        const { id: _id, elderId: _e, createdAt: _c, updatedAt: _u, ...input } = a;
        if (!supportAgreementInput.safeParse(input).success) rejected.push(`agreement ${a.id}`);
      }
    }
    expect(rejected.slice(0, 5)).toEqual([]);
    expect(ids.length).toBe(3500);
  }, 120_000);

  it('reads every visit and major change back as input the contract accepts', () => {
    const rows = core.db.prepare('SELECT * FROM visits').all() as VisitsTable[];
    const rejected: string[] = [];
    // The mapping visits.get uses, without a call per row (about 65,000 here).
    for (const row of rows) {
      const parsed = visitInput.safeParse(visitInputOf(visitRecord(row, { townshipName: '', villageName: '' })));
      if (!parsed.success) rejected.push(`${row.id}: ${JSON.stringify(parsed.error.issues[0])}`);
    }
    expect(rejected.slice(0, 5)).toEqual([]);
    const changes = core.db.prepare('SELECT occurred_on AS occurredOn, description FROM major_changes').all();
    expect(changes.length).toBeGreaterThan(14);
    for (const c of changes) expect(issues(majorChangeInput.safeParse(c))).toEqual([]);
  });

  it('names the elder’s own visitor, the child’s director or the station’s staff as visitors', () => {
    const rows = core.db
      .prepare(
        `SELECT v.visitors, v.township_code, COALESCE(e.visitor, c.child_director) AS own
         FROM visits v LEFT JOIN elders e ON e.id = v.subject_id LEFT JOIN children c ON c.id = v.subject_id`,
      )
      .all() as { visitors: string; township_code: string; own: string | null }[];
    const staff = new Map<string, string[]>();
    let byOwn = 0;
    for (const r of rows) {
      if (!staff.has(r.township_code)) staff.set(r.township_code, stationStaff(r.township_code));
      const names = JSON.parse(r.visitors) as string[];
      for (const name of names) expect(name === r.own || staff.get(r.township_code)!.includes(name), name).toBe(true);
      if (r.own && names.includes(r.own)) byOwn++;
    }
    expect(byOwn / rows.length).toBeGreaterThan(0.8);
  });

  it('shows every due status, mostly ok, with major changes waiting for their visit', async () => {
    const due = await core.call('workbench.due', { limit: 20 });
    const people = Object.values(due.counts).reduce((a, b) => a + b, 0);
    console.info(`county due list on ${today}: ${JSON.stringify(due.counts)}`);
    for (const status of ['overdue', 'due_this_week', 'due_this_month', 'ok'] as const) expect(due.counts[status], status).toBeGreaterThan(0);
    // Late in a month nearly everyone is ok. Early in one, most monthly elders still wait for this
    // month's round (due this month; in a quarter's last month so do unvisited children), and early
    // in a quarter the children who missed the last one are overdue: bounds that hold on any day.
    expect(due.counts.ok / people).toBeGreaterThan(0.4);
    expect((due.counts.ok + due.counts.due_this_month) / people).toBeGreaterThan(0.85);
    expect(due.counts.overdue / people).toBeLessThan(0.15);
    // Each township's pending change makes its elder due this week, or overdue when a round was
    // already missed (which of them is depends on the day the demo is made for).
    const urgent = [
      ...(await core.call('workbench.due', { status: 'due_this_week', limit: 2000 })).rows,
      ...(await core.call('workbench.due', { status: 'overdue', limit: 2000 })).rows,
    ];
    expect(urgent.filter((r) => r.majorChangePending).length).toBeGreaterThanOrEqual(14);
    const rate = await core.call('workbench.visitRate', { month: addDays(today, -40).slice(0, 7) });
    expect(rate.total.eligible).toBeGreaterThan(100);
    expect(rate.total.rate).toBeGreaterThan(0.75);
    expect(rate.total.rate).toBeLessThan(1);
  });

  it('gives a station the county’s elders and visits for its township', async () => {
    const station = await openCore('station', SMALL_TOWNSHIP, now);
    await station.call('demo.load', { scale: 'county' });
    const of = (c: Core, table: string) =>
      c.db.prepare(`SELECT id_number FROM ${table} WHERE township_code = ? ORDER BY id_number`).pluck().all(SMALL_TOWNSHIP);
    expect(of(station, 'elders').length).toBeGreaterThan(0);
    expect(of(station, 'elders')).toEqual(of(core, 'elders'));
    const visitDays = (c: Core) =>
      c.db.prepare('SELECT visited_on, visitors FROM visits WHERE township_code = ? ORDER BY subject_kind, visited_on, visitors').all(SMALL_TOWNSHIP);
    expect(visitDays(station)).toEqual(visitDays(core));
    expect((await station.call('station.check', {})).ok).toBe(true);
  }, 60_000);
});
