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

/** Whether a health check found anything beyond the routine answers. */
export function healthConcerns(health: Partial<HealthCheck> | null | undefined): HealthAspect[] {
  if (!health) return [];
  return HEALTH_ASPECTS.filter((a) => health[a.key] !== undefined && health[a.key] !== a.options[0].value).map((a) => a.key);
}
