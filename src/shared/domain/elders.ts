/** Elderly register: target groups and their rules, the form's choice lists, high-age allowance bands. */
import { ageOn } from './dates';
import type { Option } from './labels';

/** The register holds people of this age or older (老年人权益保障法: 60周岁以上). */
export const ELDER_MIN_AGE = 60;

/** The 60+ rule: a message when someone is too young for the register on `day`, else null. */
export function elderAgeProblem(birthDate: string, day: string): string | null {
  const age = ageOn(birthDate, day);
  if (age >= ELDER_MIN_AGE) return null;
  return `登记的老年人须年满${ELDER_MIN_AGE}周岁（该老人今天${age}周岁）`;
}

export const ELDER_GROUPS = [
  { value: 'living_alone', label: '独居' },
  { value: 'empty_nest', label: '空巢' },
  { value: 'left_behind', label: '农村留守' },
  { value: 'disabled_care', label: '失能/半失能' },
  { value: 'severe_disability', label: '重残' },
  { value: 'high_age', label: '高龄' },
  { value: 'family_planning', label: '计划生育特殊家庭' },
  { value: 'dispersed_tekun', label: '分散供养特困' },
] as const satisfies readonly Option[];
export type ElderGroup = (typeof ELDER_GROUPS)[number]['value'];

/** Age bands of the list filter, in completed years today; the high-age allowance classes are a filter of their own. */
export const ELDER_AGE_BANDS = [
  { value: '60-69', label: '60—69岁', min: 60, max: 69 },
  { value: '70-79', label: '70—79岁', min: 70, max: 79 },
  { value: '80-89', label: '80—89岁', min: 80, max: 89 },
  { value: '90-99', label: '90—99岁', min: 90, max: 99 },
  { value: '100+', label: '100岁及以上', min: 100, max: null },
] as const satisfies readonly (Option & { min: number; max: number | null })[];
export type ElderAgeBand = (typeof ELDER_AGE_BANDS)[number]['value'];

/** 高龄: 80 and older (configurable in some provinces; this is the national default). */
export const HIGH_AGE_MIN = 80;
/** 失能/半失能: a capability assessment (GB/T 42195) scoring below this. */
export const DISABLED_CARE_SCORE_BELOW = 65;

export const LIVING_SITUATIONS = [
  { value: 'alone', label: '独居' },
  { value: 'with_spouse', label: '与配偶同住' },
  { value: 'with_children', label: '与子女同住' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];
export type LivingSituation = (typeof LIVING_SITUATIONS)[number]['value'];

export const MARITAL_STATUSES = [
  { value: 'married', label: '有配偶' },
  { value: 'widowed', label: '丧偶' },
  { value: 'divorced', label: '离婚' },
  { value: 'single', label: '未婚' },
] as const satisfies readonly Option[];

/** Capability levels of GB/T 42195-2022 (老年人能力评估规范). */
export const CAPABILITY_LEVELS = [
  { value: 'intact', label: '能力完好' },
  { value: 'mild', label: '轻度失能' },
  { value: 'moderate', label: '中度失能' },
  { value: 'severe', label: '重度失能' },
  { value: 'total', label: '完全失能' },
] as const satisfies readonly Option[];
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number]['value'];

export const ECONOMIC_STATUSES = [
  { value: 'tekun', label: '特困' },
  { value: 'dibao', label: '低保' },
  { value: 'low_income', label: '低收入' },
  { value: 'general', label: '一般' },
] as const satisfies readonly Option[];
export type EconomicStatus = (typeof ECONOMIC_STATUSES)[number]['value'];

export const ELDER_BENEFITS = [
  { value: 'pension_resident', label: '城乡居民养老保险' },
  { value: 'pension_employee', label: '职工养老保险' },
  { value: 'dibao', label: '低保金' },
  { value: 'tekun', label: '特困供养金' },
  { value: 'high_age', label: '高龄津贴' },
  { value: 'care_subsidy', label: '护理补贴' },
  { value: 'disability_subsidy', label: '残疾人两项补贴' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

/** Visit frequency tiers (configurable): high weekly, priority monthly, general quarterly. */
export const RISK_TIERS = [
  { value: 'high', label: '高风险（每周探访）' },
  { value: 'priority', label: '重点（每月探访）' },
  { value: 'general', label: '一般（每季度探访）' },
] as const satisfies readonly Option[];
export type RiskTier = (typeof RISK_TIERS)[number]['value'];

/** People an elder names as contacts or supporters. */
export const ELDER_RELATIONSHIPS = [
  { value: 'spouse', label: '配偶' },
  { value: 'son', label: '儿子' },
  { value: 'daughter', label: '女儿' },
  { value: 'son_in_law', label: '女婿' },
  { value: 'daughter_in_law', label: '儿媳' },
  { value: 'grandchild', label: '孙子女/外孙子女' },
  { value: 'sibling', label: '兄弟姐妹' },
  { value: 'relative', label: '其他亲属' },
  { value: 'neighbour', label: '邻居' },
  { value: 'village_cadre', label: '村（居）干部' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

/** What a supporter (赡养人) provides under a support agreement (赡养协议). */
export const SUPPORT_KINDS = [
  { value: 'money', label: '经济供养' },
  { value: 'food', label: '粮食及生活用品' },
  { value: 'care', label: '生活照料' },
  { value: 'medical', label: '医疗费用及就医陪护' },
] as const satisfies readonly Option[];
export type SupportKind = (typeof SUPPORT_KINDS)[number]['value'];

/** A high-age allowance class: completed years from `minAge` to `maxAge` (inclusive; null = no upper bound). */
export interface HighAgeBand {
  value: string;
  label: string;
  minAge: number;
  maxAge: number | null;
}

/** National default bands; provinces change them (and the amounts) in their settings. */
export const DEFAULT_HIGH_AGE_BANDS: readonly HighAgeBand[] = [
  { value: '80-89', label: '80—89周岁', minAge: 80, maxAge: 89 },
  { value: '90-99', label: '90—99周岁', minAge: 90, maxAge: 99 },
  { value: '100+', label: '100周岁及以上', minAge: 100, maxAge: null },
];

/** The allowance class of someone born on `birthDate`, on `today`; null below every band. */
export function highAgeAllowanceClass(birthDate: string, today: string, bands: readonly HighAgeBand[] = DEFAULT_HIGH_AGE_BANDS): string | null {
  const age = ageOn(birthDate, today);
  return bands.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge))?.value ?? null;
}

/** The problem with a group held by an elder, or null. Reported at the group's own field. */
export function elderGroupProblem(
  group: ElderGroup,
  elder: {
    birthDate: string | null;
    /** The day the group is checked on (its start date). */
    day: string;
    capabilityScore: number | null;
    disabilityGrade: string | null;
    livingSituation: string | null;
    economicStatus: string | null;
  },
): string | null {
  switch (group) {
    case 'high_age': {
      if (!elder.birthDate) return null;
      const age = ageOn(elder.birthDate, elder.day);
      return age >= HIGH_AGE_MIN ? null : `高龄老人须年满${HIGH_AGE_MIN}周岁（认定日期时${age}周岁）`;
    }
    case 'disabled_care':
      if (elder.capabilityScore === null) return `失能/半失能须先填写能力评估得分（低于${DISABLED_CARE_SCORE_BELOW}分）`;
      return elder.capabilityScore < DISABLED_CARE_SCORE_BELOW
        ? null
        : `失能/半失能须能力评估得分低于${DISABLED_CARE_SCORE_BELOW}分（现为${elder.capabilityScore}分）`;
    case 'severe_disability':
      return elder.disabilityGrade === '1' || elder.disabilityGrade === '2' ? null : '重残须为残疾等级一级或二级';
    case 'living_alone':
      return elder.livingSituation === 'alone' ? null : '独居老人的居住情况须为“独居”';
    case 'empty_nest':
      return elder.livingSituation === 'alone' || elder.livingSituation === 'with_spouse' ? null : '空巢老人的居住情况须为“独居”或“与配偶同住”';
    case 'dispersed_tekun':
      return elder.economicStatus === 'tekun' ? null : '分散供养特困老人的经济状况须为“特困”';
    default:
      return null;
  }
}

/**
 * A suggested visit tier, for the form's default: high for someone alone and unable to care for
 * themselves, priority for the groups the monthly visit target names, general otherwise.
 */
export function suggestedRiskTier(elder: { groups: readonly string[]; capability: string | null; livingSituation: string | null }): RiskTier {
  const incapable = elder.capability === 'severe' || elder.capability === 'total';
  if (incapable && elder.livingSituation === 'alone') return 'high';
  if (incapable || elder.groups.some((g) => g !== 'high_age' && g !== 'left_behind')) return 'priority';
  return 'general';
}
