import { LedgerError, type ParsedInputOf, type RulesRecord } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/dates';
import { periodOf } from '../../../shared/domain/visitDue';
import type { CallContext, CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { insertRow, updateRow, type WriteContext } from '../sync/capture';
import { highAgeBandsOn, rulesRecord, type RuleKey, type StoredBands } from './read';

export function writeRule(w: WriteContext, key: RuleKey, value: unknown): void {
  const exists = w.db.prepare('SELECT 1 FROM rules WHERE id = ?').get(key) !== undefined;
  const row = { value: JSON.stringify(value) };
  if (exists) updateRow(w, 'rules', key, { ...row, deleted: 0 });
  else insertRow(w, 'rules', key, row, w.stationCode);
}

function saveRules(ctx: CoreContext, call: CallContext, input: ParsedInputOf<'rules.save'>): RulesRecord {
  const station = ctx.requireStation();
  if (station.role !== 'county') {
    throw new LedgerError({ code: 'conflict', message: '探访频次和高龄津贴档次由县民政局统一设置，站点通过同步接收', detail: 'rules are set by the county' });
  }
  const today = ctx.today();
  ctx.write(call, (w) => {
    if (input.elderDue) writeRule(w, 'elderDue', input.elderDue);
    if (input.childDue) writeRule(w, 'childDue', input.childDue);
    if (input.highAgeBands) {
      // A band change takes effect from the next month; until then the bands in force stay.
      const stored: StoredBands = { bands: input.highAgeBands, from: addDays(periodOf('monthly', today).end, 1), previous: [...highAgeBandsOn(ctx.db, today)] };
      writeRule(w, 'highAgeBands', stored);
    }
    for (const key of input.reset) writeRule(w, key, null);
  });
  return rulesRecord(ctx.db, today, true);
}

export function rulesHandlers(ctx: CoreContext): Pick<Handlers, 'rules.get' | 'rules.save'> {
  return {
    'rules.get': () => rulesRecord(ctx.db, ctx.today(), ctx.requireStation().role === 'county'),
    'rules.save': (input, call) => saveRules(ctx, call, input),
  };
}
