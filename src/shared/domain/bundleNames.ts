/**
 * Bundle file names: what someone sorting USB sticks reads — which station, which way, when — and
 * safe on every file system a stick meets (FAT32 and exFAT long names, NTFS, ext4, APFS).
 *
 *   341723100-20261205-1432-蓉城镇社工站-发往县局.slbundle    a station's bundle for the county
 *   341723100-20261205-1432-蓉城镇社工站-县局回传.slbundle    the county's bundle for that station
 *
 * The station code and the local date and time come first and are ASCII: a tool that mangles
 * Chinese names (an old archiver, an 8.3 alias) still leaves the station and the day readable.
 * `asciiBundleFileName` is the same without the Chinese, for a file system that refuses it (a FAT
 * stick mounted without a UTF-8 character set).
 */
import { todayIso } from './dates';

export const BUNDLE_EXTENSION = '.slbundle';

export type BundleDirection = 'toCounty' | 'fromCounty';

export interface BundleNaming {
  direction: BundleDirection;
  /** The station the bundle is from or for. */
  station: { code: string; name: string };
  /** When it was made; read in this machine's time zone, like every date people see. */
  at: Date;
}

const DIRECTION_WORDS: Record<BundleDirection, { zh: string; ascii: string }> = {
  toCounty: { zh: '发往县局', ascii: 'to-county' },
  fromCounty: { zh: '县局回传', ascii: 'from-county' },
};

/**
 * Characters Windows refuses in a name, control characters, and invisible format and separator
 * characters: a right-to-left override could make a name read as if it had another extension.
 */
const UNSAFE = /[<>:"/\\|?*\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;
/** Device names Windows reserves whatever follows the first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** A station name is at most 40 characters; 20 tell stations apart and keep the name near 100 bytes of UTF-8. */
const MAX_PART_CHARS = 20;
/** Digits only: anything else in a code is dropped rather than trusted into a file name. */
const codePart = (code: string) => code.replace(/[^0-9]/g, '').slice(0, 12) || '0';

/**
 * A piece of text as part of a file name: unsafe characters dropped, white space as `_`, no dot
 * or `_` at either end (a leading dot hides a file; Windows drops a trailing one), at most 20
 * characters. May be empty.
 */
export function fileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(/\s+/gu, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
  const cut = [...cleaned].slice(0, MAX_PART_CHARS).join('').replace(/[._-]+$/, '');
  return RESERVED.test(cut) ? `_${cut}` : cut;
}

function stamp(at: Date): string {
  const hhmm = `${String(at.getHours()).padStart(2, '0')}${String(at.getMinutes()).padStart(2, '0')}`;
  return `${todayIso(at).replace(/-/g, '')}-${hhmm}`;
}

export function bundleFileName({ direction, station, at }: BundleNaming): string {
  const name = fileNamePart(station.name);
  return `${codePart(station.code)}-${stamp(at)}-${name ? `${name}-` : ''}${DIRECTION_WORDS[direction].zh}${BUNDLE_EXTENSION}`;
}

export function asciiBundleFileName({ direction, station, at }: BundleNaming): string {
  return `${codePart(station.code)}-${stamp(at)}-${DIRECTION_WORDS[direction].ascii}${BUNDLE_EXTENSION}`;
}

/** The n-th file of the same name in one folder (n ≥ 2): `…-发往县局-2.slbundle`, never overwriting the first. */
export function numberedFileName(fileName: string, n: number): string {
  return fileName.endsWith(BUNDLE_EXTENSION) ? `${fileName.slice(0, -BUNDLE_EXTENSION.length)}-${n}${BUNDLE_EXTENSION}` : `${fileName}-${n}`;
}
