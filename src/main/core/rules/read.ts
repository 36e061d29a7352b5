/**
 * The county's configurable rules as every part of the core reads them. A rule without a row, or
 * with a null value (reset), is the national default. Rows are county reference data: a station
 * reads what it last received.
 */
import type { RuleChange, RulesRecord } from '../../../shared/contract';
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

const RULE_KEYS: readonly RuleKey[] = ['elderDue', 'childDue', 'highAgeBands'];

/**
 * When each rule was last saved and, at the county, by whom. `updated_at` travels with the row, so
 * a station reads the county's time; the audit log names the person only where the save was made
 * (rows applied from a bundle are audited as the county).
 */
function ruleChanges(db: Sqlite, county: boolean): RulesRecord['changed'] {
  const changed: Partial<Record<RuleKey, RuleChange>> = {};
  const saver = db.prepare("SELECT actor FROM audit_log WHERE tbl = 'rules' AND row_id = ? AND operation = 'rules.save' ORDER BY id DESC LIMIT 1");
  for (const row of db.prepare('SELECT id, updated_at FROM rules').all() as { id: string; updated_at: string }[]) {
    if (!RULE_KEYS.includes(row.id as RuleKey)) continue;
    const by = county ? ((saver.get(row.id) as { actor: string } | undefined)?.actor ?? null) : null;
    changed[row.id as RuleKey] = { at: row.updated_at, by };
  }
  return changed;
}

export function rulesRecord(db: Sqlite, today: string, county: boolean): RulesRecord {
  const elder = readRuleValue<DueRule>(db, 'elderDue');
  const child = readRuleValue<DueRule>(db, 'childDue');
  const bands = readRuleValue<StoredBands>(db, 'highAgeBands');
  return {
    elderDue: elder ?? DEFAULT_ELDER_DUE_RULE,
    childDue: child ?? DEFAULT_CHILD_DUE_RULE,
    highAgeBands: bands ? bands.bands : DEFAULT_HIGH_AGE_BANDS,
    source: { elderDue: elder ? 'county' : 'default', childDue: child ? 'county' : 'default', highAgeBands: bands ? 'county' : 'default' },
    ...(bands && bands.from > today ? { highAgeBandsFrom: bands.from } : {}),
    changed: ruleChanges(db, county),
  };
}
