/** Field schemas shared by several registers; messages are what users read under a field. */
import { z } from 'zod';
import { isRealDate } from '../domain/dates';
import { parseIdNumber, type Sex } from '../domain/idNumber';
import { normalisePersonName, personNameMessage, personNameProblem } from '../domain/personName';
import { todayIso } from '../domain/dates';
import { codesOf, type Option } from '../domain/labels';
import { labelled } from './fieldMeta';

export const optionalText = (max: number, label: string) =>
  labelled(
    z
      .string()
      .trim()
      .max(max, `${label}不能超过${max}个字`)
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    { label },
  );

/** A person's real name, normalised (`normalisePersonName`); '' when empty, or an issue at the field. */
function checkedName(raw: string, label: string, ctx: z.RefinementCtx): string {
  const name = normalisePersonName(raw);
  const problem = name === '' ? null : personNameProblem(name);
  if (!problem) return name;
  ctx.addIssue({ code: 'custom', message: personNameMessage(problem, label) });
  return z.NEVER;
}

export const personName = (label: string) =>
  labelled(
    z.string({ error: `请填写${label}` }).transform((raw, ctx) => {
      const name = checkedName(raw, label, ctx);
      if (name !== '') return name;
      ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      return z.NEVER;
    }),
    { label },
  );

export const optionalPersonName = (label: string) =>
  labelled(
    z
      .string()
      .optional()
      .transform((raw, ctx) => (raw === undefined ? undefined : checkedName(raw, label, ctx) || undefined)),
    { label },
  );

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const phoneNumber = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v?.replace(/\s/g, '')))
  .refine((v) => v === undefined || PHONE.test(v), '电话号码格式不正确（手机11位，或区号-号码）');
export const optionalPhone = (label: string) => labelled(phoneNumber.clone(), { label });

/** A phone that must be given, checked like `optionalPhone`. */
export const requiredPhone = (label: string) =>
  labelled(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(1, `请填写${label}`)
      .transform((raw, ctx) => {
        const r = phoneNumber.safeParse(raw);
        if (r.success && r.data !== undefined) return r.data;
        ctx.addIssue({ code: 'custom', message: r.success ? `请填写${label}` : (r.error.issues[0]?.message ?? `${label}格式不正确`) });
        return z.NEVER;
      }),
    { label },
  );

/** What a date after today is told, by the contract and by forms as the date is chosen. */
export const notAfterTodayMessage = (label: string) => `${label}不能晚于今天`;

export const isoDate = (label: string) =>
  labelled(
    z
      .string({ error: `请填写${label}` })
      .min(1, `请填写${label}`)
      .refine(isRealDate, `${label}不是有效日期`),
    { label },
  );

export const optionalIsoDate = (label: string) =>
  labelled(
    z
      .string()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .refine((v) => v === undefined || isRealDate(v), `${label}不是有效日期`),
    { label },
  );

/** An ID number, normalised (full-width digits, lower-case x, spaces) and checked. */
function checkedIdNumber(raw: string, ctx: z.RefinementCtx): string {
  const parsed = parseIdNumber(raw, todayIso());
  if (parsed.ok) return parsed.info.idNumber;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
}

export const idNumber = labelled(z.string({ error: '请填写身份证号码' }).transform(checkedIdNumber), { label: '身份证号码' });

export const optionalIdNumber = labelled(
  z
    .string()
    .optional()
    .transform((raw, ctx) => (raw === undefined || raw.trim() === '' ? undefined : checkedIdNumber(raw, ctx))),
  { label: '身份证号码' },
);

export const recordId = z.string().min(1, '缺少记录编号').max(64);

/** One of a list of coded options; the stored code reads as its label. */
export function choice<C extends string>(options: readonly Option<C>[], label: string) {
  return labelled(z.enum(codesOf(options), { error: `请选择${label}` }), { label, options });
}

/** A village of the county's place list, stored as its 12-digit code. */
export const villageCode = (label: string, message = `请选择${label}`) =>
  labelled(z.string({ error: message }).regex(/^\d{12}$/, message), { label, kind: 'village' });

/** zod issues → field path → first Chinese message, the shape forms and hosts report. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** What every list of people takes: search as you type, places, (county) a station, a page. */
export const personListInput = z.object({
  search: z.string().trim().max(30).optional(),
  townshipCode: z.string().regex(/^\d{9}$/).optional(),
  villageCode: z.string().regex(/^\d{12}$/).optional(),
  /** County: one station's records. */
  stationCode: z.string().regex(/^\d{9}$/).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** The fields every list of people shows; each register's row extends it with its own. */
export interface PersonListRow {
  id: string;
  /** The station whose record this is (the county sees every station's). */
  stationCode: string;
  name: string;
  sex: Sex;
  birthDate: string;
  age: number;
  idNumberMasked: string;
  townshipName: string;
  villageName: string;
}

export const byId = z.object({ id: recordId });

/** For forms: tells at once that an ID number is already registered. */
export const idNumberLookup = z.object({ idNumber: z.string().max(40) });

/** County: a person moved townships, to this village. */
export const transferInput = z.object({ id: recordId, villageCode: z.string({ error: '请选择迁入的村（居）' }).regex(/^\d{12}$/, '请选择迁入的村（居）') });

/** A calendar month, YYYY-MM. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
