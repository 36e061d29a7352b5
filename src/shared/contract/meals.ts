/**
 * Meal assistance (老年助餐): sites, diners, the attendance grid, the month's settlement and the
 * county's subsidy standard. Amounts are integer fen (分).
 */
import { z } from 'zod';
import { isRealDate, todayIso } from '../domain/dates';
import { DEVICE_METHODS, MEAL_CATEGORIES, MEAL_METHODS, MEAL_TIMES, OPERATING_MODELS, SITE_AREAS, SITE_KINDS, SITE_STATUSES, WEEKDAYS, type MealCategory, type MealMethod, type MealTime, type SiteKind, type SiteStatus } from '../domain/meals';
import { mutation, query, type Progress } from './define';
import { labelled } from './fieldMeta';
import { byId, choice, isoDate, month, optionalIdNumber, optionalIsoDate, optionalPersonName, optionalPhone, optionalText, recordId, villageCode } from './fields';

const count = (label: string, max: number) =>
  labelled(z.number({ error: `${label}须为整数` }).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(max, `${label}不能超过${max}`), { label });

const realDate = (v: unknown): string | null => (typeof v === 'string' && isRealDate(v) ? v : null);

const siteFields = z.object({
  name: labelled(z.string({ error: '请填写助餐点名称' }).trim().min(1, '请填写助餐点名称').max(50, '助餐点名称不能超过50个字'), { label: '助餐点名称' }),
  kind: choice(SITE_KINDS, '助餐点类型'),
  area: choice(SITE_AREAS, '城乡类型'),
  villageCode: villageCode('所在村（居）'),
  address: optionalText(100, '地址'),
  operatingModel: choice(OPERATING_MODELS, '运营模式'),
  operator: labelled(z.string({ error: '请填写运营方' }).trim().min(1, '请填写运营方').max(50, '运营方不能超过50个字'), { label: '运营方' }),
  contactName: optionalPersonName('联系人'),
  contactPhone: optionalPhone('联系电话'),
  seats: count('座位数', 10_000).optional(),
  dailyCapacity: count('日供餐能力', 100_000),
  mealTimes: z.array(choice(MEAL_TIMES, '供餐餐次')).min(1, '请至少选择一个餐次').max(3),
  servingDays: z.array(choice(WEEKDAYS, '供餐日')).min(1, '请至少选择一个供餐日').max(7),
  delivery: labelled(z.boolean(), { label: '提供送餐' }).default(false),
  taskYear: labelled(z.number().int('任务年度须为年份').min(2000, '任务年度须为年份').max(2100, '任务年度须为年份'), { label: '任务年度' }).optional(),
  builtOn: optionalIsoDate('建成日期'),
  status: choice(SITE_STATUSES, '运营状态'),
  statusSince: isoDate('状态起始日期'),
  licenceNo: optionalText(40, '食品经营许可证号'),
  licenceExpiresOn: optionalIsoDate('许可证有效期至'),
  notes: optionalText(500, '备注'),
});

function checkSite(s: z.output<typeof siteFields>, ctx: z.RefinementCtx): void {
  const today = todayIso();
  const since = realDate(s.statusSince);
  const built = realDate(s.builtOn);
  if (since && since > today) ctx.addIssue({ code: 'custom', path: ['statusSince'], message: '状态起始日期不能晚于今天' });
  if (built && built > today) ctx.addIssue({ code: 'custom', path: ['builtOn'], message: '建成日期不能晚于今天' });
  if (s.status === 'running' && !built) ctx.addIssue({ code: 'custom', path: ['builtOn'], message: '运营中的助餐点请填写建成日期' });
  if (typeof s.seats === 'number' && s.kind === 'canteen' && s.seats < 1) ctx.addIssue({ code: 'custom', path: ['seats'], message: '请填写座位数' });
}

export const mealSiteInput = siteFields.superRefine(checkSite, { when: (p) => typeof p.value === 'object' && p.value !== null });
export type MealSiteInput = z.input<typeof mealSiteInput>;
export type MealSiteData = z.output<typeof mealSiteInput>;

/** A parsed input as a record: fields that may be undefined may also be left out. */
type Recorded<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

export interface MealSiteRecord extends Recorded<MealSiteData> {
  id: string;
  stationCode: string;
  townshipCode: string;
  townshipName: string;
  villageName: string;
  /** Diners enrolled today. */
  diners: number;
  createdAt: string;
  updatedAt: string;
}

export const mealSiteListInput = z.object({
  search: z.string().trim().max(30).optional(),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  villageCode: z.string().regex(/^\d{12}$/).optional(),
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  status: choice(SITE_STATUSES, '运营状态').optional(),
  kind: choice(SITE_KINDS, '助餐点类型').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type MealSiteListInput = z.input<typeof mealSiteListInput>;

export interface MealSiteRow {
  id: string;
  stationCode: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  townshipName: string;
  villageName: string;
  operator: string;
  dailyCapacity: number;
  diners: number;
}

const dinerFields = z.object({
  /** An elder of the register; without one, a person outside it who eats as 普通 (never subsidised). */
  elderId: labelled(recordId.clone(), { label: '老人' }).optional(),
  name: optionalPersonName('姓名'),
  idNumber: optionalIdNumber,
  categoryOverride: choice(MEAL_CATEGORIES, '补贴类别').optional(),
  overrideReason: optionalText(100, '调整原因'),
  startOn: isoDate('开始就餐日期'),
  stopOn: optionalIsoDate('停止就餐日期'),
  delivery: labelled(z.boolean(), { label: '送餐上门' }).default(false),
  dietNotes: optionalText(200, '饮食禁忌'),
});

function checkDiner(d: z.output<typeof dinerFields>, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!d.elderId && !d.name) issue('name', '请填写姓名，或从老人台账中选择');
  if (d.categoryOverride && !d.overrideReason) issue('overrideReason', '调整补贴类别时请写明原因');
  if (!d.elderId && d.categoryOverride && d.categoryOverride !== 'ordinary') issue('categoryOverride', '非台账老人只能按普通类别就餐，请先登记到老人台账');
  const start = realDate(d.startOn);
  const stop = realDate(d.stopOn);
  if (start && stop && stop < start) issue('stopOn', '停止就餐日期不能早于开始日期');
}

export const mealDinerInput = dinerFields.superRefine(checkDiner, { when: (p) => typeof p.value === 'object' && p.value !== null });
export type MealDinerInput = z.input<typeof mealDinerInput>;
export type MealDinerData = z.output<typeof mealDinerInput>;

export interface MealDinerRecord {
  id: string;
  siteId: string;
  siteName: string;
  elderId?: string;
  name: string;
  /** Given for a person outside the register only (an elder's is read from the register), so an edit keeps it. */
  idNumber?: string;
  /** Pinyin initials of the name, for jumping to a person in the grid. */
  initials: string;
  villageName: string;
  /** The categories the elder's record gives today (none outside the register). */
  derivedCategories: MealCategory[];
  categoryOverride?: MealCategory;
  overrideReason?: string;
  /** What the subsidy reads: the override, or the derived ones. */
  categories: MealCategory[];
  startOn: string;
  stopOn?: string;
  delivery: boolean;
  dietNotes?: string;
  /** Enrolled today. */
  active: boolean;
}

export interface MealTick {
  dinerId: string;
  day: string;
  mealTime: MealTime;
  method: MealMethod;
  delivered: boolean;
  subsidyFen: number;
  paidFen: number;
}

/** One site's month as the paper ticket card: diners down, days across. */
export interface MealMonthGrid {
  siteId: string;
  month: string;
  mealTimes: MealTime[];
  /** ISO weekdays the site serves on. */
  servingDays: string[];
  dailyCapacity: number;
  diners: MealDinerRecord[];
  ticks: MealTick[];
  locked: boolean;
  /** Meals of the month, and the subsidy they carry. */
  meals: number;
  subsidyFen: number;
}

export const mealAttendanceInput = z.object({
  siteId: recordId,
  day: isoDate('就餐日期').refine((d) => d <= todayIso(), '就餐日期不能晚于今天'),
  mealTime: choice(MEAL_TIMES, '餐次'),
  /** How the ticks were taken; a past day is recorded as 补录 whatever is given. */
  method: choice(MEAL_METHODS, '签到方式').default('sign'),
  ticks: z
    .array(z.object({ dinerId: recordId, present: z.boolean(), delivered: z.boolean().optional() }))
    .min(1, '请至少勾选一人')
    .max(2000),
});
export type MealAttendanceInput = z.input<typeof mealAttendanceInput>;

export interface MealAttendanceResult {
  /** Meals of that day and meal time at the site after the save. */
  meals: number;
  /** Ticks that changed something (a second tick of the same meal changes nothing). */
  changed: number;
}

const siteMonth = z.object({ siteId: recordId, month });

/** A check of the month a person confirms before it is locked. */
export interface SettlementCheck {
  key: string;
  kind: 'over_capacity' | 'non_serving_day' | 'after_stop' | 'not_enrolled';
  message: string;
  confirmed: boolean;
}

export interface SettlementPersonRow {
  dinerId: string;
  name: string;
  idNumberMasked: string;
  category: MealCategory;
  meals: number;
  subsidyFen: number;
  paidFen: number;
  deliveryFeeFen: number;
}

export interface SettlementGroupRow {
  category: MealCategory;
  persons: number;
  meals: number;
  subsidyFen: number;
  paidFen: number;
  deliveryFeeFen: number;
}

export interface MealSettlement {
  siteId: string;
  siteName: string;
  operator: string;
  townshipName: string;
  villageName: string;
  month: string;
  persons: SettlementPersonRow[];
  categories: SettlementGroupRow[];
  total: Omit<SettlementGroupRow, 'category'>;
  checks: SettlementCheck[];
  locked: boolean;
  lockedBy?: string;
  lockedAt?: string;
}

export interface CountyMealMonthRow {
  stationCode: string;
  townshipName: string;
  siteId: string;
  siteName: string;
  status: SiteStatus;
  meals: number;
  persons: number;
  subsidyFen: number;
  locked: boolean;
}

export interface CountyMealMonth {
  month: string;
  sites: CountyMealMonthRow[];
  /** Per township: sites built and running (运营率 = running ÷ built), meals, subsidy. */
  townships: { code: string; name: string; built: number; running: number; meals: number; subsidyFen: number; lockedSites: number }[];
}

/** A diner who has not eaten for a number of the site's serving days: a visit may be due. */
export interface AbsentDiner {
  dinerId: string;
  elderId?: string;
  name: string;
  siteId: string;
  siteName: string;
  /** The last meal, or none since enrolment. */
  lastMealOn?: string;
  /** Serving days since then (or since enrolment), up to today. */
  servingDaysAbsent: number;
}

/** What the workbench shows of meal assistance. */
export interface MealsOverview {
  /** Sites with a built date, and those running (运营率 = running ÷ built). */
  built: number;
  running: number;
  mealsThisMonth: number;
  dinersToday: number;
  absent: AbsentDiner[];
}

/** Serving days without a meal after which a diner is listed as absent. */
export const ABSENT_SERVING_DAYS = 7;

const fen = (label: string) => z.number({ error: `${label}须为整数（分）` }).int(`${label}须为整数（分）`).min(0, `${label}不能为负数`).max(100_000, `${label}金额过大，请核对`);
const perMealTime = (label: string) => z.object({ breakfast: fen(label).optional(), lunch: fen(label).optional(), dinner: fen(label).optional() });

export const mealSubsidyRuleInput = z.object({
  effectiveFrom: isoDate('执行日期'),
  priceFen: perMealTime('餐标'),
  subsidyFen: z.partialRecord(z.enum(MEAL_CATEGORIES.map((c) => c.value) as [MealCategory, ...MealCategory[]]), perMealTime('补贴标准')),
  deliveryFeeFen: fen('送餐费').default(0),
});
export type MealSubsidyRuleInput = z.input<typeof mealSubsidyRuleInput>;

/** A device export is at most this big, and this many rows; both checked before its cells are read. */
export const MAX_MEAL_IMPORT_BYTES = 4 * 1024 * 1024;
export const MAX_MEAL_IMPORT_ROWS = 20_000;

export const mealImportInput = z.object({
  siteId: recordId,
  month,
  method: choice(DEVICE_METHODS, '签到设备'),
  /** The device's export as base64: .xlsx, or .csv in UTF-8 or GBK. */
  file: z.object({
    name: z.string().max(255),
    data: z
      .string({ error: '请选择设备导出的文件' })
      .min(1, '请选择设备导出的文件')
      .max(Math.ceil(MAX_MEAL_IMPORT_BYTES / 3) * 4, `文件不能超过${MAX_MEAL_IMPORT_BYTES / 1024 / 1024}MB`),
  }),
  /** Only report what would be ticked; nothing is written. */
  preview: z.boolean().default(false),
});
export type MealImportInput = z.input<typeof mealImportInput>;

export interface MealImportRow {
  /** The row's number in the sheet, as Excel shows it. */
  line: number;
  /** What the file wrote, trimmed and shortened; an ID number masked. */
  name: string;
  idNumberMasked: string;
  dayText: string;
  mealTimeText: string;
  dinerId?: string;
  dinerName?: string;
  day?: string;
  mealTime?: MealTime;
  /** new: ticked by the import; ticked: already on the grid; duplicate: an earlier row of the file has it; refused: see `reason`. */
  status: 'new' | 'ticked' | 'duplicate' | 'refused';
  reason?: string;
  /** Kept, but worth a look (a day the site does not serve, a name spelled otherwise). */
  warning?: string;
}

export interface MealImportResult {
  fileName: string;
  /** The worksheet read (xlsx only). */
  sheet?: string;
  preview: boolean;
  rows: MealImportRow[];
  counts: Record<MealImportRow['status'], number>;
  /** Meals ticked by this call; 0 in a preview. */
  imported: number;
}

export const mealsOperations = {
  'meals.sites.list': query<{ total: number; rows: MealSiteRow[] }>()(mealSiteListInput),
  'meals.sites.get': query<MealSiteRecord>()(byId),
  /** Adds a site (no id) or edits one (id). */
  'meals.sites.save': mutation<{ id: string }>()(z.object({ id: recordId.optional(), site: mealSiteInput })),
  'meals.sites.delete': mutation<{ id: string }>()(byId),
  'meals.diners.list': query<MealDinerRecord[]>()(z.object({ siteId: recordId, includeStopped: z.boolean().default(false) })),
  'meals.diners.forElder': query<MealDinerRecord[]>()(z.object({ elderId: recordId })),
  /** Enrols a diner at a site (no id) or edits an enrolment (id). */
  'meals.diners.save': mutation<{ id: string }>()(z.object({ siteId: recordId, id: recordId.optional(), diner: mealDinerInput })),
  'meals.diners.delete': mutation<{ id: string }>()(byId),
  'meals.attendance.month': query<MealMonthGrid>()(siteMonth),
  /** Ticks or unticks one meal time of one day for several diners; ticking twice is one meal. */
  'meals.attendance.set': mutation<MealAttendanceResult>()(mealAttendanceInput),
  /** A sign-in device's export for one month of a site: preview what matches, or tick the matched meals in one transaction. */
  'meals.attendance.importData': mutation<MealImportResult, Progress>()(mealImportInput),
  'meals.settlement.get': query<MealSettlement>()(siteMonth),
  /** Locks a settled month; every open check must be confirmed. */
  'meals.settlement.lock': mutation<{ locked: true }>()(siteMonth.extend({ confirmedChecks: z.array(z.string().max(200)).max(5000).default([]) })),
  /** County only: reopens a locked month, with the reason kept. */
  'meals.settlement.unlock': mutation<{ locked: false }>()(
    siteMonth.extend({ reason: labelled(z.string({ error: '请填写解锁原因' }).trim().min(1, '请填写解锁原因').max(200, '解锁原因不能超过200个字'), { label: '解锁原因' }) }),
  ),
  'meals.countyMonth': query<CountyMealMonth>()(z.object({ month })),
  'meals.overview': query<MealsOverview>()(z.object({})),
  'meals.rules.get': query<{ rules: z.output<typeof mealSubsidyRuleInput>[] }>()(z.object({})),
  /** County only: adds or replaces the standard starting on its date; stations receive it by sync. */
  'meals.rules.save': mutation<{ rules: z.output<typeof mealSubsidyRuleInput>[] }>()(z.object({ rule: mealSubsidyRuleInput })),
} as const;
