/** Fen (分, how every amount is kept) as yuan with two decimals, for screen and paper. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** With the unit, for text on screen: 37.50 元. */
export function yuanText(fen: number): string {
  return `${yuan(fen)} 元`;
}

/** Yuan as typed into a form → whole fen; 0.1 + 0.2 yuan must reach the core as 30, not 30.000000000000004. */
export function fenOf(yuanValue: number): number {
  return Math.round(yuanValue * 100);
}
