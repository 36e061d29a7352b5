import { describe, expect, it } from 'vitest';
import { ageOn, birthDateForAge, isRealDate, nextDay } from '../../src/shared/domain/dates';
import { ageBandOf, categoryAgeProblem, mandatoryReportReasons } from '../../src/shared/domain/children';

describe('dates', () => {
  it('knows real dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-04-31')).toBe(false);
    expect(isRealDate('2023-4-1')).toBe(false);
  });

  it('counts completed years, birthdays included', () => {
    expect(ageOn('2010-11-28', '2026-11-27')).toBe(15);
    expect(ageOn('2010-11-28', '2026-11-28')).toBe(16);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('finds the birth-date bounds of an age', () => {
    expect(birthDateForAge('2026-11-28', 16)).toBe('2010-11-28');
    expect(birthDateForAge('2024-02-29', 1)).toBe('2023-02-28');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });
});

describe('children rules', () => {
  it('applies each category age limit, orphans in school excepted', () => {
    expect(categoryAgeProblem('left_behind', '2010-11-29', '2026-11-28')).toBeNull();
    expect(categoryAgeProblem('left_behind', '2010-11-28', '2026-11-28')).toContain('农村留守儿童须未满16周岁');
    expect(categoryAgeProblem('orphan', '2008-01-01', '2026-11-28')).toContain('孤儿须未满18周岁');
    expect(categoryAgeProblem('orphan', '2008-01-01', '2026-11-28', { inSchool: true })).toBeNull();
    expect(categoryAgeProblem('unsupported', '2009-01-01', '2026-11-28')).toBeNull();
  });

  it('puts ages in the statistical bands', () => {
    expect([0, 5, 6, 13, 14, 16, 17].map(ageBandOf)).toEqual(['0-5', '0-5', '6-13', '6-13', '14-16', '14-16', '17+']);
  });

  it('flags children who must be reported', () => {
    expect(mandatoryReportReasons({ guardianshipType: 'none', schooling: 'dropped_out' })).toEqual(['无人监护', '辍学']);
    expect(mandatoryReportReasons({ guardianshipType: 'good', schooling: 'primary' })).toEqual([]);
  });
});
