/** Three fields a row on a wide screen, two on a laptop, one on a narrow window. */
export const COL = { xs: 24, md: 12, xl: 8 } as const;
export const WIDE_COL = { xs: 24, xl: 16 } as const;
export const HALF_COL = { xs: 24, xl: 12 } as const;
export const GUTTER = 16;

export const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
