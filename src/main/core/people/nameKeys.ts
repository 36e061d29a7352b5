import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin ("zhangsan") and initials ("zs"). Surnames read
 * with their surname pronunciation (单 → shan, 曾 → zeng), and ü as v, as people type it.
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' } as const;
  const full = pinyin(name, opts).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  const initials = pinyin(name, { ...opts, pattern: 'first' }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  return { pinyin: full.join(''), initials: initials.join('') };
}
