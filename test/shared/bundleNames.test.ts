import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../src/shared/domain/dates';
import { asciiBundleFileName, bundleFileName, fileNamePart, numberedFileName } from '../../src/shared/domain/bundleNames';

/** Today at the given time on this machine's clock, as a worker sees it when exporting. */
function todayAt(hours: number, minutes: number): Date {
  const [y, m, d] = todayIso().split('-').map(Number);
  return new Date(y!, m! - 1, d!, hours, minutes);
}
const compact = (iso: string) => iso.replace(/-/g, '');

/** What Windows (NTFS, FAT32/exFAT long names) refuses in a file name. */
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

describe('bundle file names', () => {
  it('say which station, which way and when', () => {
    const at = todayAt(9, 5);
    const station = { code: '341723100', name: '蓉城镇社工站' };
    expect(bundleFileName({ direction: 'toCounty', station, at })).toBe(`341723100-${compact(todayIso(at))}-0905-蓉城镇社工站-发往县局.slbundle`);
    expect(bundleFileName({ direction: 'fromCounty', station, at })).toBe(`341723100-${compact(todayIso(at))}-0905-蓉城镇社工站-县局回传.slbundle`);
    expect(asciiBundleFileName({ direction: 'toCounty', station, at })).toBe(`341723100-${compact(todayIso(at))}-0905-to-county.slbundle`);
  });

  it('drop what Windows refuses, invisible characters and reserved names from a station name', () => {
    expect(fileNamePart('城关镇/社工站')).toBe('城关镇社工站');
    expect(fileNamePart('  木镇 社工站 ')).toBe('木镇_社工站');
    expect(fileNamePart('a<b>c:d"e|f?g*h\\i')).toBe('abcdefghi');
    expect(fileNamePart('站点\u202Egpj.exe')).toBe('站点gpj.exe');
    expect(fileNamePart('...隐藏')).toBe('隐藏');
    expect(fileNamePart('末尾.')).toBe('末尾');
    expect(fileNamePart('CON')).toBe('_CON');
    expect(fileNamePart('lpt1.txt')).toBe('_lpt1.txt');
    expect([...fileNamePart('很'.repeat(40))]).toHaveLength(20);
    expect(fileNamePart('<>|')).toBe('');
    const at = todayAt(14, 30);
    expect(bundleFileName({ direction: 'toCounty', station: { code: '341723100', name: '///' }, at })).toBe(`341723100-${compact(todayIso(at))}-1430-发往县局.slbundle`);
  });

  it('are safe on every file system a USB stick meets, whatever the station is called', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 12 }), fc.boolean(), (name, code, up) => {
        const naming = { direction: up ? 'toCounty' : 'fromCounty', station: { code, name }, at: todayAt(23, 59) } as const;
        for (const fileName of [bundleFileName(naming), asciiBundleFileName(naming), numberedFileName(bundleFileName(naming), 12)]) {
          expect(fileName).not.toMatch(WINDOWS_FORBIDDEN);
          expect(fileName).not.toMatch(WINDOWS_RESERVED);
          expect(fileName).not.toMatch(/[\p{Cf}\p{Zl}\p{Zp}]/u);
          expect(fileName).toMatch(/^[0-9]+-\d{8}-\d{4}-.*\.slbundle$/);
          // ext4 counts bytes (255), NTFS and FAT32 long names UTF-16 units (255): far below both.
          expect(utf8Bytes(fileName)).toBeLessThanOrEqual(120);
        }
        expect(asciiBundleFileName(naming)).toMatch(/^[\x21-\x7e]+$/);
      }),
    );
  });

  it('number a second file of the same name instead of replacing the first', () => {
    expect(numberedFileName('341723100-20260105-0905-蓉城镇社工站-发往县局.slbundle', 2)).toBe('341723100-20260105-0905-蓉城镇社工站-发往县局-2.slbundle');
  });
});
