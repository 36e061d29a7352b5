import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { monthGrid, setAttendance } from './attendance';
import { importDeviceData } from './deviceImport';
import { dinerRecords, dinerRows, deleteDiner, saveDiner } from './diners';
import { unlockMonth } from './months';
import { mealsOverview } from './overview';
import { countyMonth, getSettlement, lockSettlement } from './settlement';
import { deleteSite, getSite, listSites, requireOwnSite, saveSite } from './sites';
import { mealRules, saveMealRule } from './subsidyRules';

type MealOperation = Extract<keyof Handlers, `meals.${string}`>;

export function mealsHandlers(ctx: CoreContext): Pick<Handlers, MealOperation> {
  return {
    'meals.sites.list': (q) => listSites(ctx, q),
    'meals.sites.get': ({ id }) => getSite(ctx, id),
    'meals.sites.save': ({ id, site }, call) => saveSite(ctx, call, id, site),
    'meals.sites.delete': ({ id }, call) => deleteSite(ctx, call, id),
    'meals.diners.list': ({ siteId, includeStopped }) => {
      getSite(ctx, siteId);
      const records = dinerRecords(ctx, dinerRows(ctx, 'd.site_id = @site AND d.deleted = 0', { site: siteId }), ctx.today());
      return includeStopped ? records : records.filter((d) => d.active || d.startOn > ctx.today());
    },
    'meals.diners.forElder': ({ elderId }) => dinerRecords(ctx, dinerRows(ctx, 'd.elder_id = @elder AND d.deleted = 0 AND s.deleted = 0', { elder: elderId }), ctx.today()),
    'meals.diners.save': ({ siteId, id, diner }, call) => saveDiner(ctx, call, siteId, id, diner),
    'meals.diners.delete': ({ id }, call) => deleteDiner(ctx, call, id),
    'meals.attendance.month': (q) => monthGrid(ctx, q),
    'meals.attendance.set': (input, call) => setAttendance(ctx, call, input),
    'meals.attendance.importData': (input, call) => importDeviceData(ctx, call, input),
    'meals.settlement.get': ({ siteId, month }) => getSettlement(ctx, siteId, month),
    'meals.settlement.lock': ({ siteId, month, confirmedChecks }, call) => {
      requireOwnSite(ctx, siteId);
      return lockSettlement(ctx, call, siteId, month, confirmedChecks);
    },
    'meals.settlement.unlock': ({ siteId, month, reason }, call) => unlockMonth(ctx, call, siteId, month, reason),
    'meals.countyMonth': ({ month }) => countyMonth(ctx, month),
    'meals.overview': () => mealsOverview(ctx),
    'meals.rules.get': () => ({ rules: mealRules(ctx) }),
    'meals.rules.save': (input, call) => saveMealRule(ctx, call, input),
  };
}
