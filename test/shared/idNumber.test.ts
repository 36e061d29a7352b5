import { describe, expect, it } from 'vitest';
import { birthDateForAge, todayIso } from '../../src/shared/domain/dates';
import { idCheckChar, maskIdNumber, normaliseIdNumber, parseIdNumber } from '../../src/shared/domain/idNumber';

const validId = (first17: string) => first17 + idCheckChar(first17);

describe('GB 11643 ID numbers', () => {
  it('accepts the standard examples and derives birth date and sex', () => {
    const a = parseIdNumber('11010519491231002X');
    expect(a).toEqual({ ok: true, info: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', addressCode: '110105' } });
    const b = parseIdNumber('440524188001010014');
    expect(b.ok && b.info).toMatchObject({ birthDate: '1880-01-01', sex: 'M' });
  });

  it('computes the check character, X included', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects a wrong check digit with a Chinese message', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r).toMatchObject({ ok: false, problem: 'check' });
    expect(!r.ok && r.message).toContain('校验位不正确');
  });

  it('rejects dates that do not exist, including 29 February in a common year', () => {
    for (const bad of ['341723201502300010', '341723201913010010', '341723201900000010', '341723201902290010']) {
      const first17 = bad.slice(0, 17);
      const r = parseIdNumber(first17 + idCheckChar(first17));
      expect(r, bad).toMatchObject({ ok: false, problem: 'date' });
    }
    const leap = '34172320200229001';
    expect(parseIdNumber(leap + idCheckChar(leap)).ok).toBe(true);
  });

  it('rejects a birth date after today', () => {
    const first17 = '34172320300101001';
    expect(parseIdNumber(first17 + idCheckChar(first17), '2026-11-28')).toMatchObject({ ok: false, problem: 'future' });
  });

  it('refuses a birth date no living person has: before 1900, or more than 120 years ago', () => {
    const today = todayIso();
    const id = (birthDate: string) => validId(`341723${birthDate.replaceAll('-', '')}001`);
    expect(parseIdNumber(id('1899-12-31'), today)).toMatchObject({ ok: false, problem: 'early', message: '身份证号码中的出生日期早于1900年，请核对出生年份' });
    expect(parseIdNumber(id(birthDateForAge(today, 121)), today)).toMatchObject({ ok: false, problem: 'old', message: '按身份证号码中的出生日期计算已超过120周岁，请核对出生年份' });
    expect(parseIdNumber(id(birthDateForAge(today, 120)), today).ok).toBe(true);
    // A number already stored is read without today: its birth date and sex still derive.
    expect(parseIdNumber(id('1880-01-01')).ok).toBe(true);
  });

  it('normalises full-width digits, lower-case x and spaces', () => {
    expect(normaliseIdNumber('１１０１０５ １９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(parseIdNumber(' 110105 19491231 002x ').ok).toBe(true);
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ').ok).toBe(true);
  });

  it('explains length and character problems', () => {
    expect(parseIdNumber('')).toMatchObject({ problem: 'empty' });
    expect(parseIdNumber('1101051949')).toMatchObject({ problem: 'length' });
    expect(parseIdNumber('11010519491231002A')).toMatchObject({ problem: 'chars' });
    expect(parseIdNumber('1101051949123100XX')).toMatchObject({ problem: 'chars' });
  });

  it('masks the birth date and sequence for lists and notices', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
