/** Children's register: categories, their age rules and the official form's choice lists. */
import { ageOn } from './dates';
import { labelOf, type Option } from './labels';

export const CHILD_CATEGORIES = [
  { value: 'left_behind', label: '农村留守儿童' },
  { value: 'orphan', label: '孤儿' },
  { value: 'unsupported', label: '事实无人抚养儿童' },
  { value: 'difficulty', label: '困境儿童' },
] as const satisfies readonly Option[];
export type ChildCategory = (typeof CHILD_CATEGORIES)[number]['value'];

/** Age limits (exclusive, in completed years) of each category, national defaults. */
export const CATEGORY_AGE_LIMIT: Record<ChildCategory, number> = {
  left_behind: 16,
  orphan: 18,
  unsupported: 18,
  difficulty: 18,
};

export const LEFT_BEHIND_REASONS = [
  { value: 'both_away', label: '父母均外出务工' },
  { value: 'one_away_other_ill', label: '一方外出务工，另一方重病' },
  { value: 'one_away_other_disabled', label: '一方外出务工，另一方重残' },
] as const satisfies readonly Option[];

export const ORPHAN_REASONS = [
  { value: 'both_dead', label: '父母双亡' },
  { value: 'one_dead_one_missing', label: '一方死亡、另一方失踪' },
  { value: 'both_missing', label: '父母均失踪' },
] as const satisfies readonly Option[];

export const ORPHAN_CARE = [
  { value: 'institution', label: '集中养育' },
  { value: 'community', label: '社会散居' },
] as const satisfies readonly Option[];

/** 民发〔2019〕62号: the situations of each parent that make a child de-facto unsupported. */
export const UNSUPPORTED_REASONS = [
  { value: 'severe_disability', label: '重残' },
  { value: 'serious_illness', label: '重病' },
  { value: 'imprisoned', label: '服刑在押' },
  { value: 'compulsory_rehab', label: '强制隔离戒毒' },
  { value: 'other_detention', label: '其他限制人身自由6个月以上' },
  { value: 'lost_contact', label: '失联6个月以上' },
  { value: 'guardianship_revoked', label: '被撤销监护资格' },
  { value: 'deported', label: '被遣送出境' },
] as const satisfies readonly Option[];

export const DIFFICULTY_KINDS = [
  { value: 'poverty', label: '家庭贫困' },
  { value: 'disability', label: '自身残疾' },
  { value: 'guardianship', label: '监护缺失或监护不当' },
] as const satisfies readonly Option[];

export const HEALTH_STATUSES = [
  { value: 'healthy', label: '健康' },
  { value: 'disabled', label: '残疾' },
  { value: 'ill', label: '患病' },
] as const satisfies readonly Option[];

export const DISABILITY_TYPES = [
  { value: 'visual', label: '视力残疾' },
  { value: 'hearing', label: '听力残疾' },
  { value: 'speech', label: '言语残疾' },
  { value: 'physical', label: '肢体残疾' },
  { value: 'intellectual', label: '智力残疾' },
  { value: 'mental', label: '精神残疾' },
  { value: 'multiple', label: '多重残疾' },
] as const satisfies readonly Option[];

export const DISABILITY_GRADES = [
  { value: '1', label: '一级' },
  { value: '2', label: '二级' },
  { value: '3', label: '三级' },
  { value: '4', label: '四级' },
] as const satisfies readonly Option[];

export const SCHOOLING = [
  { value: 'kindergarten', label: '幼儿园' },
  { value: 'not_in_kindergarten', label: '未入园' },
  { value: 'primary', label: '小学' },
  { value: 'junior', label: '初中' },
  { value: 'senior', label: '高中' },
  { value: 'vocational', label: '中职' },
  { value: 'dropped_out', label: '辍学' },
  { value: 'not_in_school', label: '不在学' },
] as const satisfies readonly Option[];
export type Schooling = (typeof SCHOOLING)[number]['value'];

export const HUKOU_TYPES = [
  { value: 'rural', label: '农业户口' },
  { value: 'urban', label: '非农业户口' },
] as const satisfies readonly Option[];

export const PARENT_SITUATIONS = [
  { value: 'at_home', label: '在家' },
  { value: 'working_away', label: '外出务工' },
  { value: 'serious_illness', label: '重病' },
  { value: 'severe_disability', label: '重残' },
  { value: 'deceased', label: '死亡' },
  { value: 'missing', label: '失踪/失联' },
  { value: 'imprisoned', label: '服刑在押' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export const GUARDIANSHIP_TYPES = [
  { value: 'none', label: '无人监护' },
  { value: 'parent_incapable', label: '父或母无监护能力' },
  { value: 'delegate_insufficient', label: '受委托监护人监护能力不足' },
  { value: 'fair', label: '监护情况一般' },
  { value: 'good', label: '监护情况较好' },
] as const satisfies readonly Option[];
export type GuardianshipType = (typeof GUARDIANSHIP_TYPES)[number]['value'];

/**
 * A delegated guardian is one named person, so each grandparent has a code of its own. The two
 * group codes before them are what records saved by earlier releases hold: still valid and read as
 * before (祖父母, 外祖父母), never offered for a new choice (`GUARDIAN_RELATIONSHIP_CHOICES`).
 */
export const GUARDIAN_RELATIONSHIPS = [
  { value: 'grandparent_paternal', label: '祖父母' },
  { value: 'grandparent_maternal', label: '外祖父母' },
  { value: 'paternal_grandfather', label: '祖父' },
  { value: 'paternal_grandmother', label: '祖母' },
  { value: 'maternal_grandfather', label: '外祖父' },
  { value: 'maternal_grandmother', label: '外祖母' },
  { value: 'sibling', label: '兄姐' },
  { value: 'relative', label: '其他亲属' },
  { value: 'friend', label: '朋友' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number]['value'];

/** The old group codes, each with the precise codes a worker picks from instead. */
export const FORMER_GUARDIAN_RELATIONSHIPS: Readonly<Partial<Record<GuardianRelationship, readonly GuardianRelationship[]>>> = {
  grandparent_paternal: ['paternal_grandfather', 'paternal_grandmother'],
  grandparent_maternal: ['maternal_grandfather', 'maternal_grandmother'],
};

/** What the form offers: one person each. */
export const GUARDIAN_RELATIONSHIP_CHOICES = GUARDIAN_RELATIONSHIPS.filter((o) => !(o.value in FORMER_GUARDIAN_RELATIONSHIPS));

/** For an old group code: what to ask the worker, e.g. 请改选“祖父”或“祖母”; undefined for a precise code. */
export function formerRelationshipHint(code: string | null | undefined): string | undefined {
  const precise = code ? FORMER_GUARDIAN_RELATIONSHIPS[code as GuardianRelationship] : undefined;
  if (!precise) return undefined;
  const names = precise.map((c) => `“${labelOf(GUARDIAN_RELATIONSHIPS, c)}”`).join('或');
  return `原记录为“${labelOf(GUARDIAN_RELATIONSHIPS, code as GuardianRelationship)}”，请改选${names}`;
}

export const INCOME_SOURCES = [
  { value: 'migrant_work', label: '打工收入' },
  { value: 'farming', label: '种养殖业' },
  { value: 'government_aid', label: '政府救助' },
  { value: 'relatives', label: '亲朋接济' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export const ASSISTANCE_KINDS = [
  { value: 'dibao', label: '低保' },
  { value: 'temporary', label: '临时救助' },
  { value: 'medical', label: '医疗救助' },
  { value: 'housing', label: '住房救助' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export const AGE_BANDS = [
  { value: '0-5', label: '0—5岁', min: 0, max: 5 },
  { value: '6-13', label: '6—13岁', min: 6, max: 13 },
  { value: '14-16', label: '14—16岁', min: 14, max: 16 },
  { value: '17+', label: '17岁及以上', min: 17, max: 200 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['value'];

export function ageBandOf(age: number): AgeBand {
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.value ?? '17+';
}

/**
 * Mandatory reporting (强制报告): a child without any guardian or out of school must be reported
 * to the police at once; the register flags them until a report is recorded.
 */
export const MANDATORY_REPORT = {
  /** 无人监护 */
  guardianshipType: 'none',
  /** 辍学 */
  schooling: 'dropped_out',
} as const satisfies { guardianshipType: GuardianshipType; schooling: Schooling };

export function mandatoryReportReasons(child: { guardianshipType: string | null; schooling: string | null }): string[] {
  const reasons: string[] = [];
  if (child.guardianshipType === MANDATORY_REPORT.guardianshipType) reasons.push(labelOf(GUARDIANSHIP_TYPES, MANDATORY_REPORT.guardianshipType));
  if (child.schooling === MANDATORY_REPORT.schooling) reasons.push(labelOf(SCHOOLING, MANDATORY_REPORT.schooling));
  return reasons;
}

/** Schooling that counts as in school (an orphan in school keeps the allowance past 18). */
export const IN_SCHOOL: readonly Schooling[] = ['kindergarten', 'primary', 'junior', 'senior', 'vocational'];

export const isInSchool = (schooling: string | null | undefined): boolean => (IN_SCHOOL as readonly string[]).includes(schooling ?? '');

/** The age-rule message for a category held on `day`, or null when the child fits. */
export function categoryAgeProblem(
  category: ChildCategory,
  birthDate: string,
  day: string,
  opts: { inSchool?: boolean } = {},
): string | null {
  const age = ageOn(birthDate, day);
  const limit = CATEGORY_AGE_LIMIT[category];
  if (age < limit) return null;
  // Orphans keep their allowance past 18 while still in school.
  if (category === 'orphan' && opts.inSchool) return null;
  const label = CHILD_CATEGORIES.find((c) => c.value === category)!.label;
  return `${label}须未满${limit}周岁（该儿童在${day}时已满${age}周岁）`;
}
