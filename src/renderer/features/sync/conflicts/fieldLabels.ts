/**
 * Conflicts name a table and a database column; people need the form's label and the value as the
 * register shows it (a SCHOOLING code as 小学, a village code as its name).
 */
import type { PlaceTree } from '../../../../shared/contract';
import {
  ASSISTANCE_KINDS,
  CHILD_CATEGORIES,
  DIFFICULTY_KINDS,
  DISABILITY_GRADES,
  DISABILITY_TYPES,
  GUARDIAN_RELATIONSHIPS,
  GUARDIANSHIP_TYPES,
  HEALTH_STATUSES,
  HUKOU_TYPES,
  INCOME_SOURCES,
  LEFT_BEHIND_REASONS,
  ORPHAN_CARE,
  ORPHAN_REASONS,
  PARENT_SITUATIONS,
  SCHOOLING,
  UNSUPPORTED_REASONS,
} from '../../../../shared/domain/children';
import {
  CAPABILITY_LEVELS,
  ECONOMIC_STATUSES,
  ELDER_BENEFITS,
  ELDER_GROUPS,
  ELDER_RELATIONSHIPS,
  LIVING_SITUATIONS,
  MARITAL_STATUSES,
  RISK_TIERS,
} from '../../../../shared/domain/elders';
import { ETHNICITIES } from '../../../../shared/domain/ethnicities';
import { HOME_HAZARDS, SUBJECT_KINDS, SUPPORTER_VISITS, VISIT_METHODS, VISIT_NEEDS } from '../../../../shared/domain/visits';
import { WOMAN_HEALTH, WOMAN_NEEDS } from '../../../../shared/domain/women';
import { labelOf, type Option } from '../../../../shared/domain/labels';

type Kind = 'text' | 'bool' | 'code' | 'codes' | 'person' | 'village' | 'township' | 'station';

interface FieldInfo {
  label: string;
  kind?: Kind;
  options?: readonly Option[];
}

const SEXES: readonly Option[] = [
  { value: 'M', label: '男' },
  { value: 'F', label: '女' },
];

const code = (label: string, options: readonly Option[]): FieldInfo => ({ label, kind: 'code', options });
const codes = (label: string, options: readonly Option[]): FieldInfo => ({ label, kind: 'codes', options });
const person = (label: string): FieldInfo => ({ label, kind: 'person' });

/** Columns every register of people has. */
const PERSON_FIELDS: Record<string, FieldInfo> = {
  name: { label: '姓名' },
  id_number: { label: '身份证号码' },
  birth_date: { label: '出生日期' },
  sex: code('性别', SEXES),
  township_code: { label: '所在乡镇（街道）', kind: 'township' },
  village_code: { label: '所在村（居）', kind: 'village' },
};

const COMMON: Record<string, FieldInfo> = {
  deleted: { label: '删除标记', kind: 'bool' },
  station_code: { label: '所属站点', kind: 'station' },
};

const FIELDS: Record<string, Record<string, FieldInfo>> = {
  children: {
    ...PERSON_FIELDS,
    ethnicity: code('民族', ETHNICITIES),
    hukou_registered: { label: '是否登记户口', kind: 'bool' },
    hukou_type: code('户口性质', HUKOU_TYPES),
    registered_address: { label: '户籍地址' },
    current_address: { label: '现居住地址' },
    health_status: code('健康状况', HEALTH_STATUSES),
    disability_type: code('残疾类别', DISABILITY_TYPES),
    disability_grade: code('残疾等级', DISABILITY_GRADES),
    illness: { label: '所患疾病' },
    schooling: code('就学情况', SCHOOLING),
    boarding: { label: '是否寄宿', kind: 'bool' },
    paternal_grandfather: person('祖父'),
    paternal_grandmother: person('祖母'),
    maternal_grandfather: person('外祖父'),
    maternal_grandmother: person('外祖母'),
    father: person('父亲'),
    mother: person('母亲'),
    guardian: person('委托监护人'),
    guardianship_type: code('监护类型', GUARDIANSHIP_TYPES),
    income_sources: codes('家庭收入来源', INCOME_SOURCES),
    assistance: codes('享受救助', ASSISTANCE_KINDS),
    child_director: { label: '儿童主任' },
    child_director_phone: { label: '儿童主任电话' },
    report_date: { label: '报告日期' },
    report_agency: { label: '报告单位' },
    report_note: { label: '报告情况' },
    notes: { label: '备注' },
  },
  child_categories: {
    child_id: { label: '儿童' },
    category: code('儿童类别', CHILD_CATEGORIES),
    start_date: { label: '认定日期' },
    end_date: { label: '退出日期' },
    reason: code('认定情形', [...LEFT_BEHIND_REASONS, ...ORPHAN_REASONS]),
    reasons: codes('认定情形', [...UNSUPPORTED_REASONS, ...DIFFICULTY_KINDS]),
    care: code('养育方式', ORPHAN_CARE),
  },
  elders: {
    ...PERSON_FIELDS,
    ethnicity: code('民族', ETHNICITIES),
    address: { label: '现居住地址' },
    phone: { label: '联系电话' },
    marital_status: code('婚姻状况', MARITAL_STATUSES),
    living_situation: code('居住情况', LIVING_SITUATIONS),
    capability: code('能力等级', CAPABILITY_LEVELS),
    capability_score: { label: '能力评估得分' },
    capability_assessed_on: { label: '评估日期' },
    disability_type: code('残疾类别', DISABILITY_TYPES),
    disability_grade: code('残疾等级', DISABILITY_GRADES),
    health_notes: { label: '健康状况' },
    economic_status: code('经济状况', ECONOMIC_STATUSES),
    benefits: codes('享受待遇', ELDER_BENEFITS),
    high_age_class: { label: '高龄津贴档次' },
    risk_tier: code('探访等级', RISK_TIERS),
    visitor: { label: '探访责任人' },
    visitor_phone: { label: '探访责任人电话' },
    notes: { label: '备注' },
  },
  elder_groups: {
    elder_id: { label: '老人' },
    group_code: code('对象类别', ELDER_GROUPS),
    start_date: { label: '认定日期' },
    end_date: { label: '退出日期' },
    note: { label: '说明' },
  },
  elder_contacts: {
    elder_id: { label: '老人' },
    name: { label: '联系人姓名' },
    relationship: code('与老人关系', ELDER_RELATIONSHIPS),
    phone: { label: '联系电话' },
    address: { label: '住址' },
    registered_on: { label: '登记日期' },
    notes: { label: '备注' },
  },
  support_agreements: {
    elder_id: { label: '老人' },
    supporters: { label: '赡养人' },
    signed_on: { label: '签订日期' },
    witness: { label: '见证单位' },
    review_on: { label: '复查日期' },
    notes: { label: '备注' },
  },
  women: {
    ...PERSON_FIELDS,
    address: { label: '现居住地址' },
    phone: { label: '联系电话' },
    husband_name: { label: '丈夫姓名' },
    husband_phone: { label: '丈夫电话' },
    husband_work_province: { label: '丈夫务工省份' },
    husband_work_city: { label: '丈夫务工城市' },
    children_at_home: { label: '在家子女数' },
    elders_at_home: { label: '在家老人数' },
    health: code('健康状况', WOMAN_HEALTH),
    needs: codes('服务需求', WOMAN_NEEDS),
    since_on: { label: '登记日期' },
    ended_on: { label: '退出日期' },
    notes: { label: '备注' },
  },
  visits: {
    subject_kind: code('探访对象类别', SUBJECT_KINDS),
    subject_id: { label: '探访对象' },
    township_code: { label: '探访地乡镇（街道）', kind: 'township' },
    village_code: { label: '探访地村（居）', kind: 'village' },
    visited_on: { label: '探访日期' },
    visitors: codes('走访人', []),
    method: code('探访方式', VISIT_METHODS),
    health: { label: '身体状况' },
    illness: { label: '患病情况' },
    living_difficulties: { label: '生活困难' },
    money_difficulties: { label: '经济困难' },
    benefits_received: { label: '享受政策' },
    supporters_visit: code('子女（赡养人）探望情况', SUPPORTER_VISITS),
    hazards: codes('安全隐患', HOME_HAZARDS),
    hazard_note: { label: '隐患说明' },
    needs: codes('服务需求', VISIT_NEEDS),
    actions: { label: '采取措施' },
    referrals: { label: '转介情况' },
    next_visit_on: { label: '下次探访日期' },
    notes: { label: '备注' },
  },
  major_changes: {
    subject_kind: code('对象类别', SUBJECT_KINDS),
    subject_id: { label: '对象' },
    occurred_on: { label: '发生日期' },
    description: { label: '变故情况' },
  },
  drowning_publicity: {
    child_id: { label: '儿童' },
    year: { label: '年度' },
    letter_on: { label: '一封信发放日期' },
    pledge_on: { label: '承诺书签订日期' },
    handed_by: { label: '发放人' },
    notes: { label: '备注' },
  },
  water_inspections: {
    township_code: { label: '所在乡镇（街道）', kind: 'township' },
    village_code: { label: '所在村（居）', kind: 'village' },
    place: { label: '督查水域' },
    inspected_on: { label: '督查日期' },
    inspectors: codes('督查人员', []),
    findings: { label: '督查情况' },
    hazard_found: { label: '是否发现隐患', kind: 'bool' },
    actions: { label: '整改措施' },
    notes: { label: '备注' },
  },
};

/** Keys inside the JSON of a relative, parent or guardian. */
const PERSON_KEYS: Record<string, FieldInfo> = {
  name: { label: '姓名' },
  phone: { label: '电话' },
  health: { label: '健康状况' },
  birthDate: { label: '出生日期' },
  idNumber: { label: '身份证号码' },
  situation: code('状况', PARENT_SITUATIONS),
  workProvince: { label: '务工省份' },
  workCity: { label: '务工城市' },
  relationship: code('与儿童关系', GUARDIAN_RELATIONSHIPS),
  address: { label: '住址' },
};

function infoOf(table: string, field: string): FieldInfo | undefined {
  return FIELDS[table]?.[field] ?? COMMON[field];
}

/** The form's label for a column, or the column name itself for one this screen does not know. */
export function fieldLabel(table: string, field: string): string {
  return infoOf(table, field)?.label ?? field;
}

export const EMPTY_VALUE = '（空）';

/** Columns holding lists and objects store them as JSON text. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('[') || t.startsWith('{'))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

export interface ValueContext {
  places?: PlaceTree | null;
  stationName?: (code: string) => string;
}

function placeName(code: string, places: PlaceTree | null | undefined, level: 'township' | 'village'): string {
  const township = places?.townships.find((t) => t.code === code.slice(0, 9));
  if (!township) return code;
  if (level === 'township') return township.name;
  const village = township.villages.find((v) => v.code === code);
  return village ? `${township.name} ${village.name}` : code;
}

/** A value as people read it in the register; unknown fields show their raw value. */
export function displayValue(table: string, field: string, value: unknown, ctx: ValueContext = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  const info = infoOf(table, field);
  switch (info?.kind) {
    case 'bool':
      return value === true || value === 1 || value === '1' ? '是' : '否';
    case 'code':
      return labelOf(info.options ?? [], String(value));
    case 'codes': {
      const list = parsed(value);
      if (!Array.isArray(list)) return String(value);
      return list.length > 0 ? list.map((c) => labelOf(info.options ?? [], String(c))).join('、') : '（无）';
    }
    case 'person': {
      const obj = parsed(value);
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return String(value);
      const parts = Object.entries(obj as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => {
          const keyInfo = PERSON_KEYS[k];
          const shown = keyInfo?.kind === 'code' ? labelOf(keyInfo.options ?? [], String(v)) : String(v);
          return `${keyInfo?.label ?? k}：${shown}`;
        });
      return parts.length > 0 ? parts.join('；') : '（未填写）';
    }
    case 'village':
      return placeName(String(value), ctx.places, 'village');
    case 'township':
      return placeName(String(value), ctx.places, 'township');
    case 'station':
      return ctx.stationName ? ctx.stationName(String(value)) : String(value);
    default: {
      const v = parsed(value);
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }
}
