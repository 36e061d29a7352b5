/** How values read on a printed government form. */
import { labelOf, type Option } from '../../../shared/domain/labels';

/** 2026-11-17 → 2026年11月17日; empty for no date. */
export function chineseDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The label of any stored code; one this version does not know (a newer county's) shows as is. */
export function label(options: readonly Option[], code: string | null | undefined): string {
  return labelOf(options, code);
}

/** Joins the parts that are filled in: 浙江省 + 杭州市, names of several visitors. */
export function joined(parts: readonly (string | null | undefined)[], separator = ''): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(separator);
}
