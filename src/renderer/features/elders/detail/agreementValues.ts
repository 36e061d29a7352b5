import type { SupportAgreementRecord } from '../../../../shared/contract';
import type { SupportKind } from '../../../../shared/domain/elders';
import { withoutNulls } from '../../../ui/formValues';

/** A supporter as the form holds it: money in yuan (元), as people say it; the contract keeps fen. */
export interface SupporterValues {
  name?: string;
  relationship?: string;
  phone?: string;
  provides?: SupportKind[];
  amountYuan?: number;
}

export interface AgreementValues {
  supporters?: SupporterValues[];
  signedOn?: string;
  witness?: string;
  reviewOn?: string;
  notes?: string;
}

export function agreementToValues(a: SupportAgreementRecord | null): AgreementValues {
  if (!a) return { supporters: [{ provides: [] }] };
  return {
    supporters: a.supporters.map((s) => ({
      name: s.name,
      relationship: s.relationship,
      phone: s.phone,
      provides: [...s.provides],
      amountYuan: s.amountFen === undefined ? undefined : s.amountFen / 100,
    })),
    signedOn: a.signedOn,
    witness: a.witness,
    reviewOn: a.reviewOn,
    notes: a.notes,
  };
}

/** The form's values in the contract's shape (not yet validated: anything may still be missing). */
export function valuesToAgreement(raw: unknown): unknown {
  const v = withoutNulls(raw) as AgreementValues;
  const supporters = (v.supporters ?? []).map((s) => ({
    name: s?.name,
    relationship: s?.relationship,
    phone: s?.phone,
    provides: s?.provides ?? [],
    // Rounded to whole fen: 0.1 + 0.2 yuan must not reach the core as 30.000000000000004 fen.
    amountFen: typeof s?.amountYuan === 'number' ? Math.round(s.amountYuan * 100) : undefined,
  }));
  return { ...v, supporters };
}

/** `agreement.supporters.0.amountFen` → the form's `supporters.0.amountYuan`. */
export function agreementErrorKey(key: string): string {
  const bare = key.startsWith('agreement.') ? key.slice('agreement.'.length) : key;
  return bare.replace(/\.amountFen$/, '.amountYuan');
}

/** Fen as people read money: 30000 → "300元", 30050 → "300.5元". */
export function formatYuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
}
