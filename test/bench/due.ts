/**
 * The due-list benchmark: the due list (工作台) and the monthly visit rate (月探访率) at 10,000 elders
 * and 100,000 visits, through the core beside hand-written better-sqlite3 in the same run.
 *
 * Setup: a fresh county data dir filled by prepared INSERTs straight into its database (the reading
 * is measured, not the writing), with the rows the core writes: the demo generator's elders (valid
 * target groups, ID numbers, tiers) mapped by elderRow/groupRow, and their visits (a year, each
 * elder's own frequency, realistic misses) mapped by visitRow. A quarter of the priority elders
 * outside special hardship are set to the general tier, so frequencies mix (weekly, monthly,
 * quarterly) and visits average about ten per elder; the oldest visits beyond 100,000 are dropped.
 * No children: the issue's figure is about elders.
 *
 * Raw yardstick (RawDue): the same two reads as src/main/core/workbench/due.ts, prepared once,
 * with the same `frequencyFor`/`dueStatus` in JS and the same order; the visit rate by the same
 * SQL as rates.ts. Keep it in step with those two files. Both sides must give the same counts, totals and pages: checked once before
 * timing, and a difference stops the bench with a non-zero exit.
 *
 * Target (reported, never asserted): core p95 under 100 ms for every query.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, type Core } from '../../src/main/core/core';
import type { Sqlite } from '../../src/main/core/db/open';
import { demoElders, elderPlanFor, readDemoArea, type DemoElder } from '../../src/main/core/demo/generate';
import { Random } from '../../src/main/core/demo/random';
import { elderVisitSubject, visitSource } from '../../src/main/core/demo/write';
import { elderRow, groupRow } from '../../src/main/core/elders/rows';
import { classifySearch } from '../../src/main/core/people/list';
import { dueRules, highAgeBandsOn, type DueRules } from '../../src/main/core/rules/read';
import { readStationMeta } from '../../src/main/core/station/meta';
import { visitRow } from '../../src/main/core/visits/rows';
import type { DueListInput, DueListResult, VisitData, VisitRateInput, VisitRateResult } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { DUE_STATUSES, dueStatus, frequencyFor, periodOf, type DueStatusKind } from '../../src/shared/domain/visitDue';
import { captureQueries, inserter, queryPlan, summarise, timeInterleaved, type Timing } from './support';

export const DUE_TARGET_P95_MS = 100;
const ELDERS = 10_000;
const VISITS = 100_000;
const COUNTY = { code: '341723', name: '青阳县民政局' };

type Statement = Database.Statement<unknown[], unknown>;
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface DueQueryResult {
  name: string;
  input: DueListInput | VisitRateInput;
  /** People on the list (due) or eligible (rate): what the query covers. */
  size: number;
  iterations: number;
  capped: boolean;
  core: Timing;
  raw: Timing;
  ratio: { p50: number; p95: number };
  meetsTarget: boolean;
  plans: string[][];
}

export interface DueReport {
  elders: number;
  visits: number;
  /** Visits the generator made before the oldest were dropped. */
  generatedVisits: number;
  majorChanges: number;
  today: string;
  month: string;
  setupSeconds: number;
  counts: Record<DueStatusKind, number>;
  targetP95Ms: number;
  queries: DueQueryResult[];
  allMeetTarget: boolean;
}

// ---------------------------------------------------------------------------------------------
// Setup.


/** Elders, their groups, visits and major changes, as the core would hold them. */
export function buildDueData(core: Core, today: string): { elders: number; visits: number; generatedVisits: number; majorChanges: number } {
  const db = core.db;
  const station = readStationMeta(db)!;
  const area = readDemoArea(db, station.countyCode);
  const rules = dueRules(db);
  const bands = highAgeBandsOn(db, today);
  const source = visitSource(rules, today);
  const tiers = new Random('station-ledger bench due tiers');
  const insert = inserter(db, new Date().toISOString());
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++serial).padStart(8, '0')}`;

  const made: { demo: DemoElder; id: string; owner: string }[] = [];
  for (const demo of demoElders(area, elderPlanFor(area.townships, ELDERS), today)) {
    const e = demo.elder;
    if (e.riskTier === 'priority' && e.economicStatus !== 'tekun' && tiers.chance(0.25)) e.riskTier = 'general';
    made.push({ demo, id: nextId('elder'), owner: e.villageCode.slice(0, 9) });
  }
  const visits: { v: VisitData; subject: { id: string; owner: string; villageCode: string } }[] = [];
  const changes: { subjectId: string; owner: string; occurredOn: string; description: string }[] = [];
  for (const { demo, id, owner } of made) {
    const of = source.township(owner).of(elderVisitSubject(demo, rules, today));
    for (const v of of.visits) visits.push({ v, subject: { id, owner, villageCode: demo.elder.villageCode } });
    for (const c of of.majorChanges) changes.push({ subjectId: id, owner, ...c });
  }
  const generatedVisits = visits.length;
  // Exactly VISITS: the oldest go first (they count for nothing on today's due list).
  visits.sort((a, b) => (a.v.visitedOn < b.v.visitedOn ? 1 : a.v.visitedOn > b.v.visitedOn ? -1 : 0));
  visits.length = Math.min(visits.length, VISITS);

  db.transaction(() => {
    for (const { demo, id, owner } of made) {
      insert('elders', id, owner, elderRow(demo.elder, today, bands));
      for (const g of demo.elder.groups) insert('elder_groups', nextId('group'), owner, groupRow(id, g));
    }
    for (const { v, subject } of visits) {
      const s = { kind: 'elder' as const, id: subject.id, stationCode: subject.owner, name: '', villageCode: subject.villageCode, townshipCode: subject.villageCode.slice(0, 9) };
      insert('visits', nextId('visit'), subject.owner, visitRow(v, s));
    }
    for (const c of changes) insert('major_changes', nextId('change'), c.owner, { subject_kind: 'elder', subject_id: c.subjectId, occurred_on: c.occurredOn, description: c.description });
  }).immediate();
  db.exec('ANALYZE');
  return { elders: made.length, visits: visits.length, generatedVisits, majorChanges: changes.length };
}

// ---------------------------------------------------------------------------------------------
// The raw yardstick.

interface RawCandidate {
  id: string;
  name: string;
  tier: string | null;
  groups: string | null;
  joined_on: string | null;
  created_on: string;
  first_visit: string | null;
  last_visit: string | null;
  major_change_on: string | null;
}

/** When the duty to visit began, as due.ts decides it: the groups' start, not before the station knew the person. */
function joinedOn(c: Pick<RawCandidate, 'joined_on' | 'created_on' | 'first_visit'>): string {
  const knownSince = c.first_visit !== null && c.first_visit < c.created_on ? c.first_visit : c.created_on;
  return c.joined_on !== null && c.joined_on > knownSince ? c.joined_on : knownSince;
}

export interface RawDuePage {
  counts: Record<DueStatusKind, number>;
  total: number;
  page: { id: string; status: DueStatusKind; nextDueBy: string }[];
}

const STATUS_ORDER: Readonly<Record<DueStatusKind, number>> = { overdue: 0, due_this_week: 1, due_this_month: 2, ok: 3 };
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The due list and visit rate by hand: statements prepared once, the domain's own rules in JS. */
export class RawDue {
  private readonly cache = new Map<string, Statement>();
  private readonly collator = new Intl.Collator('zh-CN');

  constructor(
    private readonly db: Sqlite,
    private readonly rules: DueRules,
  ) {}

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  due(q: DueListInput, today: string): RawDuePage {
    const where = ['e.deleted = 0'];
    const params: Record<string, string> = { today };
    if (q.villageCode) {
      where.push('e.village_code = :village');
      params.village = q.villageCode;
    }
    if (q.townshipCode) {
      where.push('e.township_code = :township');
      params.township = q.townshipCode;
    }
    const search = q.search ? classifySearch(q.search) : null;
    if (search?.kind === 'pinyin') {
      where.push("(e.name_initials LIKE :like ESCAPE '\\' OR e.name_pinyin LIKE :like ESCAPE '\\')");
      params.like = likePrefix(search.term);
    } else if (search?.kind === 'name') {
      where.push('instr(e.name, :term) > 0');
      params.term = search.term;
    } else if (search?.kind === 'id') {
      where.push('instr(e.id_number, :term) > 0');
      params.term = search.term;
    }
    // The same two reads as due.ts: what the settled test needs for everyone, then names and the
    // first visit for those not settled (visited this period, no major change waiting).
    const active = 'g.elder_id = e.id AND g.deleted = 0 AND g.start_date <= :today AND (g.end_date IS NULL OR g.end_date >= :today)';
    const rows = this.stmt(
      `SELECT e.id, e.risk_tier AS tier,
              (SELECT group_concat(g.group_code) FROM elder_groups g WHERE ${active}) AS groups,
              (SELECT min(g.start_date) FROM elder_groups g WHERE ${active}) AS joined_on,
              (SELECT max(v.visited_on) FROM visits v WHERE v.subject_id = e.id AND v.deleted = 0 AND v.visited_on <= :today) AS last_visit,
              (SELECT max(m.occurred_on) FROM major_changes m WHERE m.subject_id = e.id AND m.deleted = 0 AND m.occurred_on <= :today) AS major_change_on
       FROM elders e WHERE ${where.join(' AND ')}`,
    ).all(params) as Omit<RawCandidate, 'name' | 'first_visit' | 'created_on'>[];
    const counts = Object.fromEntries(DUE_STATUSES.map((s) => [s.value, 0])) as Record<DueStatusKind, number>;
    const open: { c: Omit<RawCandidate, 'name' | 'first_visit' | 'created_on'>; frequency: ReturnType<typeof frequencyFor> }[] = [];
    for (const c of rows) {
      const frequency = frequencyFor(this.rules.elder, { tier: c.tier, groups: c.groups ? c.groups.split(',') : [], guardianshipType: null });
      const waiting = c.major_change_on !== null && (c.last_visit === null || c.last_visit < c.major_change_on);
      if (c.last_visit !== null && c.last_visit >= periodOf(frequency, today).start && !waiting && q.status !== 'ok') counts.ok += 1;
      else open.push({ c, frequency });
    }
    const details = new Map(
      (
        this.stmt(
          `SELECT e.id, e.name, substr(e.created_at, 1, 10) AS created_on,
                  (SELECT min(v.visited_on) FROM visits v WHERE v.subject_id = e.id AND v.deleted = 0) AS first_visit
           FROM elders e WHERE e.id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(open.map((o) => o.c.id))) as { id: string; name: string; created_on: string; first_visit: string | null }[]
      ).map((d) => [d.id, d]),
    );
    const wanted: { c: RawCandidate; status: DueStatusKind; nextDueBy: string; daysOverdue: number }[] = [];
    for (const { c: status, frequency } of open) {
      const c: RawCandidate = { ...status, ...details.get(status.id)! };
      const s = dueStatus({ today, frequency, joinedOn: joinedOn(c), visits: c.last_visit ? [c.last_visit] : [], majorChangeOn: c.major_change_on });
      counts[s.status] += 1;
      if (q.status ? s.status === q.status : s.status !== 'ok') wanted.push({ c, status: s.status, nextDueBy: s.nextDueBy, daysOverdue: s.daysOverdue ?? 0 });
    }
    wanted.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        b.daysOverdue - a.daysOverdue ||
        (a.nextDueBy !== b.nextDueBy ? (a.nextDueBy < b.nextDueBy ? -1 : 1) : this.collator.compare(a.c.name, b.c.name)),
    );
    const offset = q.offset ?? 0;
    const page = wanted.slice(offset, offset + (q.limit ?? 100)).map((w) => ({ id: w.c.id, status: w.status, nextDueBy: w.nextDueBy }));
    return { counts, total: wanted.length, page };
  }

  /** Eligible and visited per township (or per village of one township), elders in scope. */
  rate(q: VisitRateInput, today: string): { code: string; eligible: number; visited: number }[] {
    const month = q.month ?? today.slice(0, 7);
    const { start, end } = periodOf('monthly', `${month}-01`);
    const inScope =
      q.scope === 'tekun'
        ? `EXISTS (SELECT 1 FROM elder_groups g WHERE g.elder_id = p.id AND g.group_code = 'dispersed_tekun' AND g.deleted = 0
                   AND g.start_date <= :end AND (g.end_date IS NULL OR g.end_date >= :start))`
        : `(substr(p.created_at, 1, 10) <= :end OR EXISTS (SELECT 1 FROM elder_groups g WHERE g.elder_id = p.id AND g.deleted = 0 AND g.start_date <= :end))`;
    const by = q.townshipCode ? 'p.village_code' : 'p.township_code';
    return this.stmt(
      `SELECT ${by} AS code, count(*) AS eligible,
              sum(EXISTS (SELECT 1 FROM visits v WHERE v.subject_id = p.id AND v.deleted = 0 AND v.visited_on BETWEEN :start AND :end)) AS visited
       FROM elders p WHERE p.deleted = 0 AND ${inScope} ${q.townshipCode ? 'AND p.township_code = :township' : ''}
       GROUP BY ${by} ORDER BY ${by}`,
    ).all({ start, end, ...(q.townshipCode ? { township: q.townshipCode } : {}) }) as { code: string; eligible: number; visited: number }[];
  }
}

// ---------------------------------------------------------------------------------------------
// Checks and timing.

function sameDue(core: DueListResult, raw: RawDuePage): boolean {
  const page = (rows: { id: string; status: string; nextDueBy: string }[]) => JSON.stringify(rows.map((r) => [r.id, r.status, r.nextDueBy]));
  return JSON.stringify(core.counts) === JSON.stringify(raw.counts) && core.total === raw.total && page(core.rows) === page(raw.page);
}

function sameRate(core: VisitRateResult, raw: { code: string; eligible: number; visited: number }[]): boolean {
  return JSON.stringify(core.rows.map((r) => [r.code, r.eligible, r.visited])) === JSON.stringify(raw.map((r) => [r.code, r.eligible, r.visited]));
}

/** The month before today's: the figure a county reports. */
function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The statements the core runs for one call that read the registers, with their plans. */
async function corePlans(core: Core, fn: () => Promise<unknown>): Promise<string[][]> {
  const queries = await captureQueries(core.db, fn);
  return queries
    .filter((q) => /\bfrom\s+"?(elders|children|visits)"?/i.test(q.sql))
    .map((q) => [q.sql.replace(/\s+/g, ' ').slice(0, 160) + (q.sql.length > 160 ? ' …' : ''), ...queryPlan(core.db, q.sql, q.params)]);
}

export async function runDueBench(say: (line: string) => void, opts: { iterations: number; warmup: number }): Promise<DueReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-due-'));
  const core = createCore({ dataDir, actor: 'bench' });
  try {
    await core.call('station.init', { role: 'county', ...COUNTY });
    const today = todayIso();
    say(`due: building ${ELDERS} elders and ${VISITS} visits in ${dataDir} ...`);
    const started = performance.now();
    const data = buildDueData(core, today);
    const setupSeconds = round2((performance.now() - started) / 1000);
    say(`due: ${data.elders} elders, ${data.visits} visits (of ${data.generatedVisits} generated), ${data.majorChanges} major changes in ${setupSeconds} s`);

    const busiest = (column: 'village_code' | 'township_code') =>
      core.db.prepare(`SELECT ${column} FROM elders GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1`).pluck().get() as string;
    const village = busiest('village_code');
    const township = busiest('township_code');
    const month = lastMonth(today);
    const raw = new RawDue(core.db, dueRules(core.db));

    const dueScenarios: { name: string; input: DueListInput }[] = [
      { name: 'outstanding, first page', input: {} },
      { name: 'overdue only', input: { status: 'overdue' } },
      { name: `one village (${village})`, input: { villageCode: village } },
      { name: "search 'w'", input: { search: 'w' } },
    ];
    const rateScenarios: { name: string; input: VisitRateInput }[] = [
      { name: `rate ${month}, all elders, by township`, input: { month, scope: 'elders' } },
      { name: `rate ${month}, all elders, by village of ${township}`, input: { month, scope: 'elders', townshipCode: township } },
      { name: `rate ${month}, 特困, by township`, input: { month, scope: 'tekun' } },
    ];

    const queries: DueQueryResult[] = [];
    const time = async (name: string, input: DueListInput | VisitRateInput, size: number, viaCore: () => Promise<unknown>, viaRaw: () => unknown) => {
      say(`due: timing ${name} ...`);
      const plans = await corePlans(core, viaCore);
      const { samples, capped } = await timeInterleaved([viaCore, viaRaw], opts);
      const c = summarise(samples[0]!);
      const r = summarise(samples[1]!);
      queries.push({
        name,
        input,
        size,
        iterations: c.n,
        capped,
        core: c,
        raw: r,
        ratio: { p50: round2(c.p50 / r.p50), p95: round2(c.p95 / r.p95) },
        meetsTarget: c.p95 < DUE_TARGET_P95_MS,
        plans,
      });
    };

    let counts: Record<DueStatusKind, number> | null = null;
    for (const s of dueScenarios) {
      const first = await core.call('workbench.due', s.input);
      const rawFirst = raw.due(s.input, today);
      if (!sameDue(first, rawFirst)) {
        throw new DueMismatch(`due list "${s.name}": core ${JSON.stringify({ counts: first.counts, total: first.total })}, raw ${JSON.stringify({ counts: rawFirst.counts, total: rawFirst.total })}`);
      }
      counts ??= first.counts;
      await time(s.name, s.input, first.total, () => core.call('workbench.due', s.input), () => raw.due(s.input, today));
    }
    for (const s of rateScenarios) {
      const first = await core.call('workbench.visitRate', s.input);
      const rawFirst = raw.rate(s.input, today);
      if (!sameRate(first, rawFirst)) throw new DueMismatch(`visit rate "${s.name}": core ${JSON.stringify(first.rows)}, raw ${JSON.stringify(rawFirst)}`);
      await time(s.name, s.input, first.total.eligible, () => core.call('workbench.visitRate', s.input), () => raw.rate(s.input, today));
    }

    return {
      ...data,
      today,
      month,
      setupSeconds,
      counts: counts!,
      targetP95Ms: DUE_TARGET_P95_MS,
      queries,
      allMeetTarget: queries.every((q) => q.meetsTarget),
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The core and the raw yardstick disagree: the bench's figures would mean nothing. */
export class DueMismatch extends Error {
  override name = 'DueMismatch';
}

/** The due section of the human report; `table` is run.ts's column layout. */
export function dueHumanReport(r: DueReport, table: (header: string[], rows: string[][]) => string[]): string[] {
  const ms = (x: number) => x.toFixed(2);
  const rows = r.queries.map((q) => [
    q.name,
    String(q.size),
    `${q.iterations}${q.capped ? '*' : ''}`,
    ms(q.core.p50),
    ms(q.core.p95),
    ms(q.raw.p50),
    ms(q.raw.p95),
    `${q.ratio.p50.toFixed(2)}×`,
    `${q.ratio.p95.toFixed(2)}×`,
    q.meetsTarget ? 'ok' : 'MISSED',
  ]);
  const out = [
    `Due list and visit rate at ${r.elders} elders, ${r.visits} visits (the newest of ${r.generatedVisits} generated), ${r.majorChanges} major changes (built in ${r.setupSeconds} s); today ${r.today}, due counts ${JSON.stringify(r.counts)}; ms:`,
    ...table(['query', 'people', 'n', 'core p50', 'core p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', `p95 < ${r.targetP95Ms} ms`], rows),
    `Met by ${r.queries.filter((q) => q.meetsTarget).length} of ${r.queries.length} queries. Core and raw agreed on every count, total and page.`,
    'Query plans of the core:',
  ];
  for (const q of r.queries) {
    out.push(`  ${q.name}`);
    for (const plan of q.plans) out.push(...plan.map((l, i) => `    ${i === 0 ? '' : '  '}${l}`), '    --');
  }
  return out;
}
