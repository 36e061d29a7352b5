/**
 * The fields of each kind of synced record, as the contract names them: a form's fields and the few
 * a save fills in (whom a visit is about, where it took place). The county's conflicts name a record
 * kind and one of these fields; labels and readings come from the field schemas (`fieldMeta.ts`).
 */
import { z } from 'zod';
import { childCategoryInput, childInput } from './children';
import { publicityInput, waterInspectionInput } from './drowning';
import { elderContactInput, elderGroupInput, elderInput, supportAgreementInput } from './elders';
import { describeField, labelled, type DescribedField } from './fieldMeta';
import { choice, recordId, villageCode } from './fields';
import { mealDinerInput, mealSiteInput } from './meals';
import { MEAL_CATEGORIES, MEAL_METHODS, MEAL_TIMES } from '../domain/meals';
import { majorChangeInput, subjectFields, visitInput } from './visits';
import { womanInput } from './women';

const belongsTo = (label: string) => labelled(recordId.clone(), { label });
const townshipCode = (label: string) => labelled(z.string(), { label, kind: 'township' });

/** Fields every synced record has. */
const COMMON = {
  deleted: labelled(z.boolean(), { label: '删除标记' }),
  stationCode: labelled(z.string(), { label: '所属站点', kind: 'station' }),
};

const RECORD_FIELDS = {
  child: childInput.shape,
  childCategory: { ...childCategoryInput.shape, childId: belongsTo('儿童') },
  // The high-age allowance class is set on save, from the age that day.
  elder: { ...elderInput.shape, highAgeClass: labelled(z.string(), { label: '高龄津贴档次' }) },
  elderGroup: { ...elderGroupInput.shape, elderId: belongsTo('老人') },
  elderContact: { ...elderContactInput.shape, elderId: belongsTo('老人') },
  supportAgreement: { ...supportAgreementInput.shape, elderId: belongsTo('老人') },
  woman: womanInput.shape,
  visit: { ...visitInput.shape, ...subjectFields.shape, villageCode: villageCode('探访地村（居）'), townshipCode: townshipCode('探访地乡镇（街道）') },
  majorChange: { ...majorChangeInput.shape, ...subjectFields.shape },
  drowningPublicity: publicityInput.shape,
  waterInspection: { ...waterInspectionInput.shape, townshipCode: townshipCode('所在乡镇（街道）') },
  mealSite: { ...mealSiteInput.shape, townshipCode: townshipCode('所在乡镇（街道）') },
  mealDiner: { ...mealDinerInput.shape, siteId: belongsTo('助餐点') },
  // A meal's amounts are the day's standard, set when it is ticked; conflicts on them are rare.
  meal: {
    siteId: belongsTo('助餐点'),
    dinerId: belongsTo('就餐人员'),
    day: labelled(z.string(), { label: '就餐日期' }),
    mealTime: choice(MEAL_TIMES, '餐次'),
    method: choice(MEAL_METHODS, '签到方式'),
    delivered: labelled(z.boolean(), { label: '送餐' }),
    category: choice(MEAL_CATEGORIES, '补贴类别'),
    priceFen: labelled(z.number(), { label: '餐标（分）' }),
    subsidyFen: labelled(z.number(), { label: '补贴（分）' }),
    paidFen: labelled(z.number(), { label: '个人支付（分）' }),
    deliveryFeeFen: labelled(z.number(), { label: '送餐费（分）' }),
  },
  mealMonth: {
    siteId: belongsTo('助餐点'),
    month: labelled(z.string(), { label: '月份' }),
    locked: labelled(z.boolean(), { label: '已结算锁定' }),
    lockedBy: labelled(z.string(), { label: '锁定人' }),
    lockedAt: labelled(z.string(), { label: '锁定时间' }),
    unlockReason: labelled(z.string(), { label: '解锁原因' }),
    confirmedChecks: z.array(labelled(z.string(), { label: '已确认的核对项' })),
  },
} as const satisfies Record<string, Readonly<Record<string, z.ZodType>>>;

export type RecordKind = keyof typeof RECORD_FIELDS;

/** What people call each kind of record. */
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  child: '儿童',
  childCategory: '儿童类别',
  elder: '老人',
  elderGroup: '老人对象类别',
  elderContact: '老人联系人',
  supportAgreement: '赡养协议',
  woman: '留守妇女',
  visit: '探访记录',
  majorChange: '重大变故',
  drowningPublicity: '防溺水宣传',
  waterInspection: '水域督查',
  mealSite: '助餐点',
  mealDiner: '就餐人员',
  meal: '就餐记录',
  mealMonth: '助餐月结算',
};

export const RECORD_KINDS = Object.keys(RECORD_FIELDS) as RecordKind[];

/** What a field of a kind of record is to a person; undefined for a field the contract does not declare. */
export function recordField(kind: RecordKind, field: string): DescribedField | undefined {
  const shape: Readonly<Record<string, z.ZodType>> = RECORD_FIELDS[kind];
  const schema = Object.prototype.hasOwnProperty.call(shape, field) ? shape[field] : COMMON[field as keyof typeof COMMON];
  return schema ? describeField(schema) : undefined;
}
