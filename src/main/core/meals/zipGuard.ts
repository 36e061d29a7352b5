/**
 * A bound on what an .xlsx (a zip) unpacks to, checked before exceljs reads it: exceljs inflates
 * every part in memory, so a small hostile file could unpack to gigabytes. Each entry is inflated
 * here with zlib's `maxOutputLength`, which stops at the budget whatever sizes the zip declares.
 * Hand-written (about forty lines of the zip format's directory) because no kept library checks
 * actual inflated sizes against a budget before handing a buffer on.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipRefused extends Error {
  override name = 'ZipRefused';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 2000;

/** Throws `ZipRefused` unless every entry inflates and all together stay within `budgetBytes`. */
export function checkZipSize(bytes: Buffer, budgetBytes: number): void {
  const tail = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= tail; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('no end of central directory');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw new ZipRefused(`${entries} entries`);
  let left = budgetBytes;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipRefused('bad central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    // ZIP64 sizes (0xFFFFFFFF) never occur in a device export of a few megabytes.
    if (compressed === 0xffffffff || local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw new ZipRefused('bad local header');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) throw new ZipRefused('entry past the end');
    const data = bytes.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, left) }).length;
      } catch (e) {
        throw new ZipRefused(e instanceof RangeError ? 'over budget' : 'bad deflate data');
      }
    } else throw new ZipRefused(`compression method ${method}`);
    left -= size;
    if (left < 0) throw new ZipRefused('over budget');
  }
}
