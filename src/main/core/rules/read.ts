/**
 * The county's configurable rules as every part of the core reads them. A rule without a row, or
 * with a null value (reset), is the national default. Rows are county reference data: a station
 * reads what it last received.
 */
import type { RulesRecord } from '../../../shared/contract';
import { DEFAULT_HIGH_AGE_BANDS, type HighAgeBand } from '../../../shared/domain/elders';
import { DEFAULT_CHILD_DUE_RULE, DEFAULT_ELDER_DUE_RULE, type DueRule } from '../../../shared/domain/visitDue';
import type { Sqlite } from '../db/open';

export type RuleKey = 'elderDue' | 'childDue' | 'highAgeBands' | 'mealSubsidy';

export type Band = HighAgeBand & { amountFen?: number };

/** Stored bands: a change takes effect on `from` (the first of the next month); before it, `previous`. */
export interface StoredBands {
  bands: Band[];
  from: string;
  previous: Band[] | null;
}

export function readRuleValue<T>(db: Sqlite, key: RuleKey): T | null {
  const row = db.prepare('SELECT value FROM rules WHERE id = ? AND deleted = 0').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T | null) : null;
}

/** The bands that apply on `day`. */
export function highAgeBandsOn(db: Sqlite, day: string): readonly Band[] {
  const stored = readRuleValue<StoredBands>(db, 'highAgeBands');
  if (!stored) return DEFAULT_HIGH_AGE_BANDS;
  if (day >= stored.from) return stored.bands;
  return stored.previous ?? DEFAULT_HIGH_AGE_BANDS;
}

export interface DueRules {
  elder: DueRule;
  child: DueRule;
}

export function dueRules(db: Sqlite): DueRules {
  return {
    elder: readRuleValue<DueRule>(db, 'elderDue') ?? DEFAULT_ELDER_DUE_RULE,
    child: readRuleValue<DueRule>(db, 'childDue') ?? DEFAULT_CHILD_DUE_RULE,
  };
}

export function rulesRecord(db: Sqlite, today: string): RulesRecord {
  const elder = readRuleValue<DueRule>(db, 'elderDue');
  const child = readRuleValue<DueRule>(db, 'childDue');
  const bands = readRuleValue<StoredBands>(db, 'highAgeBands');
  return {
    elderDue: elder ?? DEFAULT_ELDER_DUE_RULE,
    childDue: child ?? DEFAULT_CHILD_DUE_RULE,
    highAgeBands: bands ? bands.bands : DEFAULT_HIGH_AGE_BANDS,
    source: { elderDue: elder ? 'county' : 'default', childDue: child ? 'county' : 'default', highAgeBands: bands ? 'county' : 'default' },
    ...(bands && bands.from > today ? { highAgeBandsFrom: bands.from } : {}),
  };
}
