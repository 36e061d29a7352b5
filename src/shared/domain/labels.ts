/** A stable code and its Chinese label; codes go to the database, labels only to people. */
export interface Option<C extends string = string> {
  value: C;
  label: string;
}

export function labelOf<C extends string>(options: readonly Option<C>[], code: C | null | undefined): string {
  if (code == null) return '';
  return options.find((o) => o.value === code)?.label ?? code;
}

export function codesOf<C extends string>(options: readonly Option<C>[]): [C, ...C[]] {
  return options.map((o) => o.value) as [C, ...C[]];
}
