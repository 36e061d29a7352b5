import type { FormInstance } from 'antd';

export type NamePath = (string | number)[];

/**
 * `groups.0.startDate` (the contract's field-error key) → antd's name path. `prefix` drops the
 * wrapper an operation puts around a form's values (`elder.` in `{ id, elder }`).
 */
export function namePathOf(key: string, prefix?: string): NamePath {
  const bare = prefix && key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : key;
  return bare.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface FormProblem {
  title: string;
  /** Messages that belong to no field on screen. */
  details: string[];
}

/** Clears every field's messages except those `keep` names (e.g. a duplicate found on blur). */
export function clearFieldErrors(form: FormInstance, keep: (name: NamePath) => boolean = () => false): void {
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && !keep(f.name));
  if (stale.length > 0) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}

/**
 * Puts each message under its field and scrolls to the first; returns the summary to show above
 * the form, with the messages no field on screen could take.
 */
export function placeFieldErrors(
  form: FormInstance,
  fieldErrors: Record<string, string>,
  title: string,
  toPath: (key: string) => NamePath = (key) => namePathOf(key),
): FormProblem {
  const entries = Object.entries(fieldErrors).map(([key, msg]) => ({ name: toPath(key), msg }));
  form.setFields(entries.map((e) => ({ name: e.name, errors: [e.msg] })));
  // antd keeps errors only for fields it renders: a message that did not stick has no field.
  const placed = entries.filter((e) => form.getFieldError(e.name).length > 0);
  const unplaced = entries.filter((e) => form.getFieldError(e.name).length === 0).map((e) => e.msg);
  const first = placed[0]?.name;
  if (first) {
    try {
      form.scrollToField(first, { block: 'center', behavior: 'smooth' });
    } catch {
      // Scrolling is a convenience; jsdom and hidden fields cannot scroll.
    }
  }
  return { title: entries.length > 1 ? `${title}（共 ${entries.length} 处）` : title, details: unplaced };
}

/** The name paths antd's `changedValues` reaches (lists arrive sparse: holes are skipped). */
export function changedPaths(changed: unknown, prefix: NamePath = []): NamePath[] {
  const nested = Array.isArray(changed)
    ? changed.flatMap((v, i) => (v === undefined ? [] : changedPaths(v, [...prefix, i])))
    : typeof changed === 'object' && changed !== null
      ? Object.entries(changed).flatMap(([k, v]) => changedPaths(v, [...prefix, k]))
      : [];
  return nested.length > 0 ? nested : prefix.length > 0 ? [prefix] : [];
}

const isPrefix = (a: NamePath, b: NamePath) => a.length <= b.length && a.every((p, i) => b[i] === p);

/**
 * A message placed by a save stays until the next save unless cleared: clear it once the user
 * changes that field, so a corrected field stops showing red. Wire to the form's `onValuesChange`.
 */
export function clearChangedErrors(form: FormInstance, changedValues: unknown): void {
  const paths = changedPaths(changedValues);
  // A checkbox group changes as `benefits.0`, a removed list item as `groups`: match either way.
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && paths.some((p) => isPrefix(p, f.name) || isPrefix(f.name, p)));
  if (stale.length > 0) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}
