/**
 * Visits (探视走访) of children, elders and left-behind women: the codes of a visit record
 * (docs/domain.md, "Visits"). One model for every kind of person; a routine visit needs only the date,
 * visitors and method, the rest defaults to "nothing to report".
 */
import type { Option } from './labels';

export const SUBJECT_KINDS = [
  { value: 'elder', label: '老人' },
  { value: 'child', label: '儿童' },
  { value: 'woman', label: '留守妇女' },
] as const satisfies readonly Option[];
export type SubjectKind = (typeof SUBJECT_KINDS)[number]['value'];

export const VISIT_METHODS = [
  { value: 'home', label: '入户' },
  { value: 'phone', label: '电话' },
  { value: 'video', label: '视频' },
] as const satisfies readonly Option[];
export type VisitMethod = (typeof VISIT_METHODS)[number]['value'];

/** Each aspect of the health check on the form; the first option is the routine answer. */
export const HEALTH_ASPECTS = [
  {
    key: 'speech',
    label: '语言表达',
    options: [
      { value: 'clear', label: '清楚' },
      { value: 'unclear', label: '含糊' },
      { value: 'none', label: '不能表达' },
    ],
  },
  {
    key: 'mobility',
    label: '行动能力',
    options: [
      { value: 'independent', label: '自如' },
      { value: 'assisted', label: '需搀扶或借助器具' },
      { value: 'bedridden', label: '卧床' },
    ],
  },
  {
    key: 'responsiveness',
    label: '反应能力',
    options: [
      { value: 'normal', label: '正常' },
      { value: 'slow', label: '迟缓' },
      { value: 'poor', label: '差' },
    ],
  },
  {
    key: 'mental',
    label: '精神状态',
    options: [
      { value: 'good', label: '良好' },
      { value: 'low', label: '情绪低落' },
      { value: 'abnormal', label: '异常' },
    ],
  },
] as const satisfies readonly { key: string; label: string; options: readonly Option[] }[];
export type HealthAspect = (typeof HEALTH_ASPECTS)[number]['key'];
export type HealthCheck = { [A in (typeof HEALTH_ASPECTS)[number] as A['key']]: A['options'][number]['value'] };

/** The routine answers: what a visit with nothing to report records. */
export const ROUTINE_HEALTH = Object.fromEntries(HEALTH_ASPECTS.map((a) => [a.key, a.options[0].value])) as HealthCheck;

export const SUPPORTER_VISITS = [
  { value: 'often', label: '经常探望' },
  { value: 'sometimes', label: '偶尔探望' },
  { value: 'never', label: '从不探望' },
  { value: 'none', label: '无赡养人' },
] as const satisfies readonly Option[];
export type SupporterVisits = (typeof SUPPORTER_VISITS)[number]['value'];

export const HOME_HAZARDS = [
  { value: 'water', label: '用水' },
  { value: 'power', label: '用电' },
  { value: 'gas', label: '燃气' },
  { value: 'heating', label: '取暖' },
  { value: 'building', label: '房屋' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];
export type HomeHazard = (typeof HOME_HAZARDS)[number]['value'];

export const VISIT_NEEDS = [
  { value: 'care', label: '生活照料' },
  { value: 'rehab', label: '康复护理' },
  { value: 'emotional', label: '精神慰藉' },
  { value: 'adaptation', label: '适老化改造' },
  { value: 'medical', label: '就医' },
  { value: 'schooling', label: '就学' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];
export type VisitNeed = (typeof VISIT_NEEDS)[number]['value'];

/**
 * A child's visit (儿童探访): guardianship, schooling, health, mental state and contact with the
 * parents, each with the answers that need follow-up named in `concerns`. An orphan's "no parents"
 * is a fact of the register, not a finding, so it is no concern.
 */
export const CHILD_ASPECTS = [
  {
    key: 'guardianship',
    label: '监护落实',
    options: [
      { value: 'in_place', label: '监护到位' },
      { value: 'weak', label: '监护不力' },
      { value: 'none', label: '无人监护' },
    ],
    concerns: ['weak', 'none'],
  },
  {
    key: 'schooling',
    label: '就学情况',
    options: [
      { value: 'attending', label: '正常上学（入园）' },
      { value: 'preschool', label: '未到学龄' },
      { value: 'truancy', label: '经常缺课' },
      { value: 'dropped_out', label: '辍学' },
    ],
    concerns: ['truancy', 'dropped_out'],
  },
  {
    key: 'health',
    label: '身体状况',
    options: [
      { value: 'good', label: '良好' },
      { value: 'ill', label: '患病' },
      { value: 'injured', label: '受伤' },
    ],
    concerns: ['ill', 'injured'],
  },
  {
    key: 'mental',
    label: '心理状况',
    options: [
      { value: 'good', label: '良好' },
      { value: 'low', label: '情绪低落' },
      { value: 'withdrawn', label: '孤僻内向' },
      { value: 'behaviour', label: '行为异常' },
    ],
    concerns: ['low', 'withdrawn', 'behaviour'],
  },
  {
    key: 'parentContact',
    label: '与父母联系',
    options: [
      { value: 'often', label: '经常联系' },
      { value: 'sometimes', label: '偶尔联系' },
      { value: 'rarely', label: '很少联系' },
      { value: 'no_parents', label: '无父母或失联' },
    ],
    concerns: ['rarely'],
  },
] as const satisfies readonly { key: string; label: string; options: readonly Option[]; concerns: readonly string[] }[];
export type ChildAspect = (typeof CHILD_ASPECTS)[number]['key'];
export type ChildAnswers = { [A in (typeof CHILD_ASPECTS)[number] as A['key']]: A['options'][number]['value'] };

/** What a new child visit starts with: guardianship in place, health and mood good. Schooling and
 *  contact with the parents depend on the child, so they are left to the visitor. */
export const ROUTINE_CHILD_ANSWERS: Partial<ChildAnswers> = { guardianship: 'in_place', health: 'good', mental: 'good' };

/** The child's own safety (防溺水, 交通, 网络): any one ticked is a finding. */
export const CHILD_SAFETY_RISKS = [
  { value: 'drowning', label: '溺水隐患' },
  { value: 'traffic', label: '交通安全隐患' },
  { value: 'online', label: '网络安全隐患' },
] as const satisfies readonly Option[];
export type ChildSafetyRisk = (typeof CHILD_SAFETY_RISKS)[number]['value'];

export type ChildCheck = Partial<ChildAnswers> & { safety?: readonly ChildSafetyRisk[] };

/** What a child visit found that needs follow-up: each aspect of concern, then each safety risk. */
export function childConcerns(check: ChildCheck | null | undefined): { key: ChildAspect | 'safety'; label: string; answer: string }[] {
  if (!check) return [];
  const aspects = CHILD_ASPECTS.flatMap((a) => {
    const answer = check[a.key];
    if (answer === undefined || !(a.concerns as readonly string[]).includes(answer)) return [];
    return [{ key: a.key, label: a.label, answer: a.options.find((o) => o.value === answer)?.label ?? answer }];
  });
  const risks = (check.safety ?? []).map((r) => ({ key: 'safety' as const, label: '安全', answer: CHILD_SAFETY_RISKS.find((o) => o.value === r)?.label ?? r }));
  return [...aspects, ...risks];
}

/** Which questions a visit asks, by kind of person. Elders keep the whole elder form; a child gets
 *  the child check instead of the elder's health check; a left-behind woman only what fits her. */
export interface VisitQuestions {
  health: readonly HealthAspect[];
  supportersVisit: boolean;
  needs: readonly VisitNeed[];
  childCheck: boolean;
}

const ELDER_ONLY_NEEDS: readonly VisitNeed[] = ['adaptation'];
const NEEDS_BUT_ELDER_ONLY = VISIT_NEEDS.map((n) => n.value).filter((n) => !ELDER_ONLY_NEEDS.includes(n));

export const VISIT_QUESTIONS: Readonly<Record<SubjectKind, VisitQuestions>> = {
  elder: { health: HEALTH_ASPECTS.map((a) => a.key), supportersVisit: true, needs: VISIT_NEEDS.map((n) => n.value), childCheck: false },
  child: { health: [], supportersVisit: false, needs: NEEDS_BUT_ELDER_ONLY, childCheck: true },
  woman: { health: ['mental'], supportersVisit: false, needs: NEEDS_BUT_ELDER_ONLY, childCheck: false },
};

/** The visit answers `foreignAnswers` looks at, as the contract's visit data holds them. */
export interface VisitAnswers {
  health?: Partial<HealthCheck>;
  supportersVisit?: string;
  needs?: readonly string[];
  childCheck?: ChildCheck;
}

export interface ForeignAnswer {
  /** The field path the message belongs to, e.g. `health.mobility`. */
  path: string;
  /** The answer itself, to tell an answer kept from an older visit from a new one. */
  value: string;
  message: string;
}

/** Answers to questions this kind of person is not asked (an elder's mobility on a child's visit). */
export function foreignAnswers(kind: SubjectKind, v: VisitAnswers): ForeignAnswer[] {
  const asked = VISIT_QUESTIONS[kind];
  const who = SUBJECT_KINDS.find((k) => k.value === kind)?.label ?? kind;
  const out: ForeignAnswer[] = [];
  for (const a of HEALTH_ASPECTS) {
    const answer = v.health?.[a.key];
    if (answer !== undefined && !asked.health.includes(a.key)) out.push({ path: `health.${a.key}`, value: answer, message: `探访${who}不填“${a.label}”` });
  }
  if (v.supportersVisit !== undefined && !asked.supportersVisit) out.push({ path: 'supportersVisit', value: v.supportersVisit, message: `“子女（赡养人）探望情况”只用于老人，探访${who}不填` });
  for (const n of v.needs ?? []) {
    if (!(asked.needs as readonly string[]).includes(n)) {
      const need = VISIT_NEEDS.find((o) => o.value === n)?.label ?? n;
      out.push({ path: 'needs', value: n, message: `“${need}”只用于老人，探访${who}不选` });
    }
  }
  if (v.childCheck !== undefined && !asked.childCheck && !isEmptyChildCheck(v.childCheck)) {
    out.push({ path: 'childCheck', value: JSON.stringify(v.childCheck), message: `儿童探访情况只用于儿童，探访${who}不填` });
  }
  return out;
}

export function isEmptyChildCheck(check: ChildCheck | null | undefined): boolean {
  if (!check) return true;
  return CHILD_ASPECTS.every((a) => check[a.key] === undefined) && (check.safety ?? []).length === 0;
}

/** Whether a health check found anything beyond the routine answers. */
export function healthConcerns(health: Partial<HealthCheck> | null | undefined): HealthAspect[] {
  if (!health) return [];
  return HEALTH_ASPECTS.filter((a) => health[a.key] !== undefined && health[a.key] !== a.options[0].value).map((a) => a.key);
}
