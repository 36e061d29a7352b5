/** Antd's cleared inputs hold null where the contract wants a field absent. */
export function withoutNulls(v: unknown): unknown {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, withoutNulls(x)]));
  return v;
}
