/**
 * A site's month: open until settled and locked. A locked month takes no meal; only the county
 * reopens one, and its reason is kept on the row (and, like every write, in the audit log).
 */
import { LedgerError } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import { insertRow, updateRow } from '../sync/capture';
import type { MealMonthsTable } from './schema';
import { requireOwnSite } from './sites';

export const monthId = (siteId: string, month: string) => `${siteId}/${month}`;

export function monthRow(ctx: CoreContext, siteId: string, month: string): MealMonthsTable | undefined {
  return ctx.db.prepare('SELECT * FROM meal_months WHERE id = ? AND deleted = 0').get(monthId(siteId, month)) as MealMonthsTable | undefined;
}

export function requireOpenMonth(ctx: CoreContext, siteId: string, month: string): void {
  if (monthRow(ctx, siteId, month)?.locked === 1) {
    throw new LedgerError({ code: 'conflict', message: `${month.replace('-', '年')}月已结算锁定，不能再修改就餐记录；如需更正请联系县民政局解锁`, detail: `meal month ${siteId} ${month} is locked` });
  }
}

export function lockMonth(ctx: CoreContext, call: CallContext, siteId: string, month: string, confirmed: readonly string[], open: readonly string[]): { locked: true } {
  return ctx.write(call, (w) => {
    const owner = requireOwnSite(ctx, siteId);
    requireOpenMonth(ctx, siteId, month);
    const unconfirmed = open.filter((k) => !confirmed.includes(k));
    if (unconfirmed.length > 0) {
      throw new LedgerError({ code: 'validation', message: `还有${unconfirmed.length}项核对未确认，请逐项确认后再锁定`, detail: `unconfirmed checks: ${unconfirmed.join(', ')}` });
    }
    const values = { site_id: siteId, month, locked: 1, locked_by: call.actor, locked_at: w.now, confirmed_checks: JSON.stringify(open) };
    if (ctx.db.prepare('SELECT 1 FROM meal_months WHERE id = ?').get(monthId(siteId, month))) updateRow(w, 'meal_months', monthId(siteId, month), { ...values, deleted: 0 });
    else insertRow(w, 'meal_months', monthId(siteId, month), values, owner);
    return { locked: true };
  });
}

export function unlockMonth(ctx: CoreContext, call: CallContext, siteId: string, month: string, reason: string): { locked: false } {
  if (ctx.requireStation().role !== 'county') {
    throw new LedgerError({ code: 'conflict', message: '已锁定的月份只能由县民政局解锁', detail: 'only the county unlocks a meal month' });
  }
  return ctx.write(call, (w) => {
    if (monthRow(ctx, siteId, month)?.locked !== 1) throw new LedgerError({ code: 'conflict', message: '该月份未锁定', detail: `meal month ${siteId} ${month} is not locked` });
    updateRow(w, 'meal_months', monthId(siteId, month), { locked: 0, unlock_reason: reason });
    return { locked: false };
  });
}
