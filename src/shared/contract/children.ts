import { z } from 'zod';
import {
  AGE_BANDS,
  ASSISTANCE_KINDS,
  categoryAgeProblem,
  CHILD_CATEGORIES,
  DIFFICULTY_KINDS,
  DISABILITY_GRADES,
  DISABILITY_TYPES,
  GUARDIAN_RELATIONSHIPS,
  GUARDIANSHIP_TYPES,
  HEALTH_STATUSES,
  HUKOU_TYPES,
  INCOME_SOURCES,
  isInSchool,
  LEFT_BEHIND_REASONS,
  ORPHAN_CARE,
  ORPHAN_REASONS,
  PARENT_SITUATIONS,
  SCHOOLING,
  UNSUPPORTED_REASONS,
  type AgeBand,
  type ChildCategory,
  type GuardianshipType,
  type Schooling,
} from '../domain/children';
import { isRealDate, todayIso } from '../domain/dates';
import { ETHNICITIES } from '../domain/ethnicities';
import { parseIdNumber, type Sex } from '../domain/idNumber';
import { mutation, query } from './define';
import { labelled } from './fieldMeta';
import { byId, choice, idNumber, idNumberLookup, isoDate, optionalIdNumber, notAfterTodayMessage, optionalIsoDate, optionalPersonName, optionalPhone, optionalText, personListInput, personName, type PersonListRow, recordId, transferInput, villageCode } from './fields';

const relative = z.object({
  name: optionalPersonName('姓名'),
  phone: optionalPhone('电话'),
  health: optionalText(20, '健康状况'),
});

const parent = z.object({
  name: optionalPersonName('姓名'),
  birthDate: optionalIsoDate('出生日期'),
  idNumber: optionalIdNumber,
  situation: choice(PARENT_SITUATIONS, '父母状况').optional(),
  workProvince: optionalText(20, '务工省份'),
  workCity: optionalText(20, '务工城市'),
  phone: optionalPhone('电话'),
});

const guardian = z.object({
  name: optionalPersonName('委托监护人姓名'),
  phone: optionalPhone('电话'),
  idNumber: optionalIdNumber,
  relationship: choice(GUARDIAN_RELATIONSHIPS, '与儿童关系').optional(),
  address: optionalText(100, '住址'),
});

export const childCategoryInput = z.object({
  id: z.string().max(64).optional(),
  category: choice(CHILD_CATEGORIES, '儿童类别'),
  startDate: isoDate('认定日期'),
  endDate: optionalIsoDate('退出日期'),
  /** 农村留守儿童: why; 孤儿: how the parents were lost. */
  reason: labelled(z.string().max(40), { label: '认定情形', options: [...LEFT_BEHIND_REASONS, ...ORPHAN_REASONS] }).optional(),
  /** 事实无人抚养儿童: parents' situations; 困境儿童: kinds of difficulty. */
  reasons: z.array(labelled(z.string().max(40), { label: '认定情形', options: [...UNSUPPORTED_REASONS, ...DIFFICULTY_KINDS] })).max(10).default([]),
  /** 孤儿: 集中养育 or 社会散居. */
  care: choice(ORPHAN_CARE, '养育方式').optional(),
});
export type ChildCategoryInput = z.input<typeof childCategoryInput>;

const childFields = z.object({
  name: personName('儿童姓名'),
  idNumber,
  ethnicity: choice(ETHNICITIES, '民族'),
  hukouRegistered: labelled(z.boolean({ error: '请选择是否登记户口' }), { label: '是否登记户口' }),
  hukouType: choice(HUKOU_TYPES, '户口性质'),
  villageCode: villageCode('所在村（居）'),
  registeredAddress: optionalText(100, '户籍地址'),
  currentAddress: optionalText(100, '现居住地址'),
  healthStatus: choice(HEALTH_STATUSES, '健康状况'),
  disabilityType: choice(DISABILITY_TYPES, '残疾类别').optional(),
  disabilityGrade: choice(DISABILITY_GRADES, '残疾等级').optional(),
  illness: optionalText(50, '所患疾病'),
  schooling: choice(SCHOOLING, '就学情况'),
  boarding: labelled(z.boolean(), { label: '是否寄宿' }).default(false),
  paternalGrandfather: labelled(relative.prefault({}), { label: '祖父' }),
  paternalGrandmother: labelled(relative.prefault({}), { label: '祖母' }),
  maternalGrandfather: labelled(relative.prefault({}), { label: '外祖父' }),
  maternalGrandmother: labelled(relative.prefault({}), { label: '外祖母' }),
  father: labelled(parent.prefault({}), { label: '父亲' }),
  mother: labelled(parent.prefault({}), { label: '母亲' }),
  guardian: labelled(guardian.prefault({}), { label: '委托监护人' }),
  guardianshipType: choice(GUARDIANSHIP_TYPES, '监护类型'),
  incomeSources: z.array(choice(INCOME_SOURCES, '家庭收入来源')).default([]),
  assistance: z.array(choice(ASSISTANCE_KINDS, '享受救助')).default([]),
  childDirector: optionalPersonName('儿童主任'),
  childDirectorPhone: optionalPhone('儿童主任电话'),
  reportDate: optionalIsoDate('报告日期'),
  reportAgency: optionalText(50, '报告单位'),
  reportNote: optionalText(200, '报告情况'),
  notes: optionalText(500, '备注'),
  categories: z.array(childCategoryInput).min(1, '请至少选择一个儿童类别').max(8),
});

/**
 * Rules across fields, each reported at the field a user must change. They run even when single
 * fields failed (so a user sees every problem at once), hence every value may still be raw input.
 */
function checkChild(child: z.output<typeof childFields>, ctx: z.RefinementCtx): void {
  const today = todayIso();
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (child.healthStatus === 'disabled') {
    if (!child.disabilityType) issue(['disabilityType'], '请选择残疾类别');
    if (!child.disabilityGrade) issue(['disabilityGrade'], '请选择残疾等级');
  }
  if (child.healthStatus === 'ill' && !child.illness) issue(['illness'], '请填写所患疾病');
  if (typeof child.reportDate === 'string' && child.reportDate > today) issue(['reportDate'], notAfterTodayMessage('报告日期'));
  for (const [who, label] of [['father', '父亲'], ['mother', '母亲']] as const) {
    const born: unknown = child[who]?.birthDate;
    if (typeof born === 'string' && born > today) issue([who, 'birthDate'], notAfterTodayMessage(`${label}出生日期`));
  }
  const parsed = typeof child.idNumber === 'string' ? parseIdNumber(child.idNumber, today) : null;
  const birthDate = parsed?.ok ? parsed.info.birthDate : null;
  const inSchool = isInSchool(child.schooling);
  const categories: unknown[] = Array.isArray(child.categories) ? child.categories : [];
  const activeSeen = new Set<ChildCategory>();
  categories.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const c = raw as Partial<ChildCategoryInput>;
    const at = (field: string, message: string) => issue(['categories', i, field], message);
    const start = typeof c.startDate === 'string' && isRealDate(c.startDate) ? c.startDate : null;
    const end = typeof c.endDate === 'string' && isRealDate(c.endDate) ? c.endDate : null;
    if (start && birthDate && start < birthDate) at('startDate', '认定日期早于出生日期');
    if (start && start > today) at('startDate', '认定日期不能晚于今天');
    if (start && end && end < start) at('endDate', '退出日期不能早于认定日期');
    const category = CHILD_CATEGORIES.find((o) => o.value === c.category)?.value;
    if (!category) return;
    const active = !end || end >= today;
    if (active) {
      if (activeSeen.has(category)) at('category', '同一类别不能重复登记');
      activeSeen.add(category);
    }
    if (birthDate) {
      const ageProblem = categoryAgeProblem(category, birthDate, active ? today : (start ?? today), { inSchool });
      if (ageProblem) at('category', ageProblem);
    }
    const reasons: unknown[] = Array.isArray(c.reasons) ? c.reasons : [];
    const allIn = (opts: readonly { value: string }[], values: unknown[]) => values.length > 0 && values.every((v) => opts.some((o) => o.value === v));
    switch (category) {
      case 'left_behind':
        if (!allIn(LEFT_BEHIND_REASONS, [c.reason].filter(Boolean))) at('reason', '请选择留守情形');
        if (child.hukouType === 'urban') at('category', '农村留守儿童须为农业户口');
        break;
      case 'orphan':
        if (!allIn(ORPHAN_REASONS, [c.reason].filter(Boolean))) at('reason', '请选择孤儿认定情形');
        if (!c.care) at('care', '请选择养育方式');
        break;
      case 'unsupported':
        if (!allIn(UNSUPPORTED_REASONS, reasons)) at('reasons', '请选择父母的情形');
        break;
      case 'difficulty':
        if (!allIn(DIFFICULTY_KINDS, reasons)) at('reasons', '请选择困境类型');
        break;
    }
  });
}

export const childInput = childFields.superRefine(checkChild, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type ChildInput = z.input<typeof childInput>;
export type ChildData = z.output<typeof childInput>;

export interface ChildCategoryRecord {
  id: string;
  category: ChildCategory;
  startDate: string;
  endDate?: string;
  reason?: string;
  reasons: string[];
  care?: 'institution' | 'community';
}

export interface ChildRecord extends Omit<ChildData, 'categories'> {
  id: string;
  stationCode: string;
  birthDate: string;
  sex: Sex;
  townshipCode: string;
  townshipName: string;
  villageName: string;
  categories: ChildCategoryRecord[];
  reportReasons: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ChildListRow extends PersonListRow {
  /** Categories held today. */
  categories: ChildCategory[];
  guardianshipType: GuardianshipType;
  schooling: Schooling;
  reportReasons: string[];
  reported: boolean;
}

export const childListInput = personListInput.extend({
  category: choice(CHILD_CATEGORIES, '儿童类别').optional(),
  guardianshipType: choice(GUARDIANSHIP_TYPES, '监护类型').optional(),
  ageBand: z.enum(AGE_BANDS.map((b) => b.value) as [AgeBand, ...AgeBand[]]).optional(),
  needsReport: z.boolean().optional(),
});
export type ChildListInput = z.input<typeof childListInput>;

export interface ChildListResult {
  total: number;
  rows: ChildListRow[];
}

export const childrenOperations = {
  'children.list': query<ChildListResult>()(childListInput),
  'children.get': query<ChildRecord>()(byId),
  /** For the form: tells at once that an ID number is already registered. */
  'children.findByIdNumber': query<{ id: string; name: string } | null>()(idNumberLookup),
  'children.create': mutation<{ id: string }>()(childInput),
  'children.update': mutation<{ id: string }>()(z.object({ id: recordId, child: childInput })),
  'children.delete': mutation<{ id: string }>()(byId),
  /** County: the child moved townships; the new township's station takes the record, history kept. */
  'children.transfer': mutation<{ id: string; stationCode: string }>()(transferInput),
} as const;
