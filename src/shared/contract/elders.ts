import { z } from 'zod';
import { DISABILITY_GRADES, DISABILITY_TYPES } from '../domain/children';
import { isRealDate, todayIso } from '../domain/dates';
import {
  CAPABILITY_LEVELS,
  ECONOMIC_STATUSES,
  ELDER_BENEFITS,
  ELDER_AGE_BANDS,
  ELDER_GROUPS,
  ELDER_RELATIONSHIPS,
  elderAgeProblem,
  elderGroupProblem,
  LIVING_SITUATIONS,
  MARITAL_STATUSES,
  RISK_TIERS,
  SUPPORT_KINDS,
  type CapabilityLevel,
  type EconomicStatus,
  type ElderGroup,
  type LivingSituation,
  type RiskTier,
} from '../domain/elders';
import { ETHNICITIES } from '../domain/ethnicities';
import { parseIdNumber, type Sex } from '../domain/idNumber';
import { mutation, query } from './define';
import { byId, choice, idNumber, idNumberLookup, isoDate, optionalIsoDate, optionalPersonName, optionalPhone, optionalText, personListInput, personName, type PersonListRow, recordId, requiredPhone, transferInput, villageCode } from './fields';
import { labelled } from './fieldMeta';

type Issue = (path: (string | number)[], message: string) => void;
const issuer =
  (ctx: z.RefinementCtx): Issue =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });
const realDate = (v: unknown): string | null => (typeof v === 'string' && isRealDate(v) ? v : null);

export const elderGroupInput = z.object({
  id: z.string().max(64).optional(),
  group: choice(ELDER_GROUPS, '对象类别'),
  startDate: isoDate('认定日期'),
  endDate: optionalIsoDate('退出日期'),
  note: optionalText(100, '说明'),
});
export type ElderGroupInput = z.input<typeof elderGroupInput>;

const elderFields = z.object({
  name: personName('老人姓名'),
  idNumber,
  ethnicity: choice(ETHNICITIES, '民族'),
  villageCode: villageCode('所在村（居）'),
  address: optionalText(100, '现居住地址'),
  phone: optionalPhone('联系电话'),
  maritalStatus: choice(MARITAL_STATUSES, '婚姻状况').optional(),
  livingSituation: choice(LIVING_SITUATIONS, '居住情况'),
  capability: choice(CAPABILITY_LEVELS, '能力等级'),
  capabilityScore: labelled(
    z.number({ error: '评估得分须为0—100的整数' }).int('评估得分须为0—100的整数').min(0, '评估得分须为0—100的整数').max(100, '评估得分须为0—100的整数'),
    { label: '能力评估得分' },
  ).optional(),
  capabilityAssessedOn: optionalIsoDate('评估日期'),
  disabilityType: choice(DISABILITY_TYPES, '残疾类别').optional(),
  disabilityGrade: choice(DISABILITY_GRADES, '残疾等级').optional(),
  healthNotes: optionalText(200, '健康状况'),
  economicStatus: choice(ECONOMIC_STATUSES, '经济状况'),
  benefits: z.array(choice(ELDER_BENEFITS, '享受待遇')).max(10).default([]),
  riskTier: choice(RISK_TIERS, '探访等级'),
  /** The helper or village cadre responsible for visiting (探访责任人). */
  visitor: optionalPersonName('探访责任人'),
  visitorPhone: optionalPhone('探访责任人电话'),
  notes: optionalText(500, '备注'),
  groups: z.array(elderGroupInput).max(16).default([]),
});

/**
 * Rules across fields, each reported at the field a user must change. They run even when single
 * fields failed (so a user sees every problem at once), hence every value may still be raw input.
 */
function checkElder(elder: z.output<typeof elderFields>, ctx: z.RefinementCtx): void {
  const today = todayIso();
  const issue = issuer(ctx);
  const parsed = typeof elder.idNumber === 'string' ? parseIdNumber(elder.idNumber, today) : null;
  const birthDate = parsed?.ok ? parsed.info.birthDate : null;
  if (birthDate) {
    const tooYoung = elderAgeProblem(birthDate, today);
    if (tooYoung) issue(['idNumber'], tooYoung);
  }
  const score = typeof elder.capabilityScore === 'number' ? elder.capabilityScore : null;
  const assessedOn = realDate(elder.capabilityAssessedOn);
  if (score !== null && !elder.capabilityAssessedOn) issue(['capabilityAssessedOn'], '请填写评估日期');
  if (elder.capabilityAssessedOn && elder.capabilityScore === undefined) issue(['capabilityScore'], '请填写评估得分');
  if (assessedOn && assessedOn > today) issue(['capabilityAssessedOn'], '评估日期不能晚于今天');
  if (assessedOn && birthDate && assessedOn < birthDate) issue(['capabilityAssessedOn'], '评估日期早于出生日期');
  if (elder.disabilityGrade && !elder.disabilityType) issue(['disabilityType'], '请选择残疾类别');
  if (elder.disabilityType && !elder.disabilityGrade) issue(['disabilityGrade'], '请选择残疾等级');

  const groups: unknown[] = Array.isArray(elder.groups) ? elder.groups : [];
  const activeSeen = new Set<ElderGroup>();
  groups.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const g = raw as Partial<ElderGroupInput>;
    const at = (field: string, message: string) => issue(['groups', i, field], message);
    const start = realDate(g.startDate);
    const end = realDate(g.endDate);
    if (start && birthDate && start < birthDate) at('startDate', '认定日期早于出生日期');
    if (start && start > today) at('startDate', '认定日期不能晚于今天');
    if (start && end && end < start) at('endDate', '退出日期不能早于认定日期');
    const group = ELDER_GROUPS.find((o) => o.value === g.group)?.value;
    if (!group) return;
    const active = !end || end >= today;
    if (active) {
      if (activeSeen.has(group)) at('group', '同一类别不能重复登记');
      activeSeen.add(group);
    }
    // Conditions on the elder's current fields hold for groups held now; an ended group is history.
    if (!active && group !== 'high_age') return;
    const problem = elderGroupProblem(group, {
      birthDate,
      day: start ?? today,
      capabilityScore: score,
      disabilityGrade: typeof elder.disabilityGrade === 'string' ? elder.disabilityGrade : null,
      livingSituation: typeof elder.livingSituation === 'string' ? elder.livingSituation : null,
      economicStatus: typeof elder.economicStatus === 'string' ? elder.economicStatus : null,
    });
    if (problem) at('group', problem);
  });
}

export const elderInput = elderFields.superRefine(checkElder, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type ElderInput = z.input<typeof elderInput>;
export type ElderData = z.output<typeof elderInput>;

/** 联系人: someone to call about the elder; often added on its own after a visit. */
export const elderContactInput = z.object({
  name: personName('联系人姓名'),
  relationship: choice(ELDER_RELATIONSHIPS, '与老人关系'),
  phone: requiredPhone('联系电话'),
  address: optionalText(100, '住址'),
  registeredOn: isoDate('登记日期').refine((v) => v <= todayIso(), '登记日期不能晚于今天'),
  notes: optionalText(200, '备注'),
});
export type ElderContactInput = z.input<typeof elderContactInput>;
export type ElderContactData = z.output<typeof elderContactInput>;

/** 赡养人: one supporter of a support agreement and what they undertake. */
export const supporterInput = z.object({
  name: personName('赡养人姓名'),
  relationship: choice(ELDER_RELATIONSHIPS, '与老人关系'),
  phone: optionalPhone('电话'),
  provides: z.array(choice(SUPPORT_KINDS, '赡养内容')).min(1, '请选择赡养内容').max(4),
  /** Money per month, in fen (分). */
  amountFen: labelled(
    z.number({ error: '赡养费须为整数（分）' }).int('赡养费须为整数（分）').min(0, '赡养费不能为负数').max(100_000_000, '赡养费金额过大，请核对'),
    { label: '赡养费（分/月）' },
  ).optional(),
});

const agreementFields = z.object({
  supporters: z.array(labelled(supporterInput, { label: '赡养人' })).min(1, '请至少填写一名赡养人').max(12),
  signedOn: isoDate('签订日期'),
  witness: optionalText(50, '见证单位'),
  reviewOn: optionalIsoDate('复查日期'),
  notes: optionalText(500, '备注'),
});

function checkAgreement(a: z.output<typeof agreementFields>, ctx: z.RefinementCtx): void {
  const issue = issuer(ctx);
  const signed = realDate(a.signedOn);
  const review = realDate(a.reviewOn);
  if (signed && signed > todayIso()) issue(['signedOn'], '签订日期不能晚于今天');
  if (signed && review && review <= signed) issue(['reviewOn'], '复查日期须晚于签订日期');
  const supporters: unknown[] = Array.isArray(a.supporters) ? a.supporters : [];
  const seen = new Set<string>();
  supporters.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null) return;
    const s = raw as { name?: unknown; provides?: unknown; amountFen?: unknown };
    const provides: unknown[] = Array.isArray(s.provides) ? s.provides : [];
    if (typeof s.amountFen === 'number' && !provides.includes('money')) issue(['supporters', i, 'amountFen'], '填写了赡养费，请在赡养内容中选择“经济供养”');
    const name = typeof s.name === 'string' ? s.name.trim() : '';
    if (name !== '' && seen.has(name)) issue(['supporters', i, 'name'], '同一赡养人不能重复填写');
    seen.add(name);
  });
}

export const supportAgreementInput = agreementFields.superRefine(checkAgreement, {
  when: (payload) => typeof payload.value === 'object' && payload.value !== null,
});
export type SupportAgreementInput = z.input<typeof supportAgreementInput>;
export type SupportAgreementData = z.output<typeof supportAgreementInput>;

export interface ElderGroupRecord {
  id: string;
  group: ElderGroup;
  startDate: string;
  endDate?: string;
  note?: string;
}

export interface ElderContactRecord extends ElderContactData {
  id: string;
  elderId: string;
  createdAt: string;
  updatedAt: string;
}

export interface SupportAgreementRecord extends SupportAgreementData {
  id: string;
  elderId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ElderRecord extends Omit<ElderData, 'groups'> {
  id: string;
  stationCode: string;
  birthDate: string;
  sex: Sex;
  age: number;
  townshipCode: string;
  townshipName: string;
  villageName: string;
  /** The high-age allowance class today (a band value), or null below every band. */
  highAgeClass: string | null;
  groups: ElderGroupRecord[];
  contacts: ElderContactRecord[];
  agreements: SupportAgreementRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface ElderListRow extends PersonListRow {
  phone?: string;
  /** Groups held today. */
  groups: ElderGroup[];
  livingSituation: LivingSituation;
  capability: CapabilityLevel;
  economicStatus: EconomicStatus;
  riskTier: RiskTier;
  highAgeClass: string | null;
}

export const elderListInput = personListInput.extend({
  group: choice(ELDER_GROUPS, '对象类别').optional(),
  riskTier: choice(RISK_TIERS, '探访等级').optional(),
  capability: choice(CAPABILITY_LEVELS, '能力等级').optional(),
  economicStatus: choice(ECONOMIC_STATUSES, '经济状况').optional(),
  livingSituation: choice(LIVING_SITUATIONS, '居住情况').optional(),
  ageBand: choice(ELDER_AGE_BANDS, '年龄段').optional(),
  /** A high-age allowance band value (bands are configurable, so checked by the core). */
  highAgeClass: z.string().max(20).optional(),
});
export type ElderListInput = z.input<typeof elderListInput>;

export interface ElderListResult {
  total: number;
  rows: ElderListRow[];
}

export const eldersOperations = {
  'elders.list': query<ElderListResult>()(elderListInput),
  'elders.get': query<ElderRecord>()(byId),
  /** For the form: tells at once that an ID number is already registered. */
  'elders.findByIdNumber': query<{ id: string; name: string } | null>()(idNumberLookup),
  'elders.create': mutation<{ id: string }>()(elderInput),
  'elders.update': mutation<{ id: string }>()(z.object({ id: recordId, elder: elderInput })),
  'elders.delete': mutation<{ id: string }>()(byId),
  /** Adds a contact (no id) or edits one (id). */
  'elders.saveContact': mutation<{ id: string }>()(z.object({ elderId: recordId, id: recordId.optional(), contact: elderContactInput })),
  'elders.deleteContact': mutation<{ id: string }>()(byId),
  /** Adds a support agreement (no id) or edits one (id). */
  'elders.saveAgreement': mutation<{ id: string }>()(z.object({ elderId: recordId, id: recordId.optional(), agreement: supportAgreementInput })),
  'elders.deleteAgreement': mutation<{ id: string }>()(byId),
  /** County: the elder moved townships; the new township's station takes the record, history kept. */
  'elders.transfer': mutation<{ id: string; stationCode: string }>()(transferInput),
} as const;
