import type { Option } from '../../shared/domain/labels';

/** antd wants mutable option arrays; the domain's lists are frozen `as const`. */
export function optionsOf<C extends string>(list: readonly Option<C>[]): { value: C; label: string }[] {
  return list.map((o) => ({ value: o.value, label: o.label }));
}

export function labelsOf<C extends string>(list: readonly Option<C>[], codes: readonly string[] | undefined): string[] {
  return (codes ?? []).map((c) => list.find((o) => o.value === c)?.label ?? c);
}
