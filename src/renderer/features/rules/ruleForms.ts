/** Rules ⇄ form values: antd forms hold empty selections as [], the contract wants them left out. */
import type { RulesRecord, RulesSaveInput } from '../../../shared/contract';
import type { DueRule, VisitFrequency } from '../../../shared/domain/visitDue';

export interface LineValues {
  tiers?: string[];
  groups?: string[];
  guardianshipTypes?: string[];
  frequency: VisitFrequency;
}

export interface DueRuleValues {
  lines: LineValues[];
  otherwise: VisitFrequency;
}

export interface BandValues {
  value: string;
  label: string;
  minAge: number;
  maxAge: number | null;
  /** Yuan per month as typed; the contract stores fen. */
  amountYuan: number | null;
}

const nonEmpty = (codes: readonly string[] | undefined): string[] | undefined => (codes && codes.length > 0 ? [...codes] : undefined);

export function ruleToValues(rule: DueRule): DueRuleValues {
  return {
    otherwise: rule.otherwise,
    lines: rule.lines.map((l) => ({ tiers: nonEmpty(l.tiers), groups: nonEmpty(l.groups), guardianshipTypes: nonEmpty(l.guardianshipTypes), frequency: l.frequency })),
  };
}

export function valuesToRule(v: DueRuleValues): NonNullable<RulesSaveInput['elderDue']> {
  return {
    otherwise: v.otherwise,
    lines: (v.lines ?? []).map((l) => {
      const line: LineValues = { frequency: l.frequency };
      const tiers = nonEmpty(l.tiers);
      const groups = nonEmpty(l.groups);
      const guardianshipTypes = nonEmpty(l.guardianshipTypes);
      if (tiers) line.tiers = tiers;
      if (groups) line.groups = groups;
      if (guardianshipTypes) line.guardianshipTypes = guardianshipTypes;
      return line;
    }),
  };
}

export function bandsToValues(bands: RulesRecord['highAgeBands']): BandValues[] {
  return bands.map((b) => ({ value: b.value, label: b.label, minAge: b.minAge, maxAge: b.maxAge, amountYuan: b.amountFen === undefined ? null : b.amountFen / 100 }));
}

export function valuesToBands(values: readonly BandValues[]) {
  return values.map((b) => ({
    value: b.value,
    label: b.label,
    minAge: b.minAge,
    maxAge: b.maxAge ?? null,
    ...(b.amountYuan == null ? {} : { amountFen: Math.round(b.amountYuan * 100) }),
  }));
}
