/** Helpers for the benchmark: the core's context, SQL capture, statistics. */
import type { Core } from '../../src/main/core/core';
import type { DemoContext } from '../../src/main/core/demo/generate';
import type { Sqlite } from '../../src/main/core/db/open';
import type { Statement } from 'better-sqlite3';
import type { Row } from '../../src/main/core/sync/capture';
import { findAppRoot } from '../../src/main/core/appRoot';
import { createCoreContext } from '../../src/main/core/context';

/** The core's own context over its connection, for `generateChildren` (not an operation of the contract). */
export function demoContext(core: Core): DemoContext {
  return createCoreContext({ db: core.db, dataDir: core.dataDir, appRoot: findAppRoot(), appVersion: 'bench', now: () => new Date() });
}

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * Records the statements a function prepares and runs on `db` (kysely prepares every statement on
 * every call, so one call shows all of them), with their bound parameters.
 */
export async function captureQueries(db: Sqlite, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const prepare = db.prepare;
  db.prepare = function (this: Sqlite, source: string) {
    const stmt = prepare.call(this, source);
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = stmt[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          captured.push({ sql: source, params: args.flat() });
          return original.apply(stmt, args);
        },
      });
    }
    return stmt;
  } as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return captured;
}

/** `EXPLAIN QUERY PLAN` rows, indented by depth: what the planner does with a query. */
export function queryPlan(db: Sqlite, sql: string, params: unknown[]): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}

export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length), n: sorted.length };
}

export interface TimingOptions {
  iterations: number;
  warmup: number;
  /** Never fewer samples than this, whatever the budget. */
  minIterations?: number;
  /** After this long, stop at `minIterations` (a safety against a regression to slow queries). */
  budgetMs?: number;
  warmupBudgetMs?: number;
}

/**
 * Runs each function in turn per iteration (so drift hits all alike) and returns their samples.
 * Stops at `iterations`, or at `minIterations` once `budgetMs` has passed (then `capped`).
 */
export async function timeInterleaved(fns: (() => unknown)[], opts: TimingOptions): Promise<{ samples: number[][]; capped: boolean }> {
  const { iterations, warmup, minIterations = 25, budgetMs = 10_000, warmupBudgetMs = 2_000 } = opts;
  const warmStart = performance.now();
  for (let i = 0; i < warmup && (i < 2 || performance.now() - warmStart < warmupBudgetMs); i++) for (const fn of fns) await fn();
  const samples = fns.map(() => [] as number[]);
  const started = performance.now();
  let n = 0;
  while (n < iterations) {
    if (n >= minIterations && performance.now() - started > budgetMs) break;
    for (let k = 0; k < fns.length; k++) {
      const t = performance.now();
      await fns[k]!();
      samples[k]!.push(performance.now() - t);
    }
    n++;
  }
  return { samples, capped: n < iterations };
}

/** Prepared INSERT of full synced rows (the columns insertRow writes), keyed by table. */
export function inserter(db: Sqlite, now: string) {
  const stmts = new Map<string, { columns: string[]; stmt: Statement }>();
  return (table: string, id: string, owner: string, values: Row) => {
    let s = stmts.get(table);
    if (!s) {
      const columns = ['id', 'station_code', 'created_at', 'updated_at', 'deleted', ...Object.keys(values)];
      s = { columns, stmt: db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`) };
      stmts.set(table, s);
    }
    const row: Row = { id, station_code: owner, created_at: now, updated_at: now, deleted: 0, ...values };
    s.stmt.run(...s.columns.map((c) => row[c] ?? null));
  };
}
