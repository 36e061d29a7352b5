import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHILD_DUE_RULE,
  DEFAULT_ELDER_DUE_RULE,
  DUE_STATUSES,
  SPECIAL_HARDSHIP_GROUP,
  VISIT_FREQUENCIES,
  dueStatus,
  frequencyFor,
  isoWeekOf,
  monthlyVisitRate,
  periodKey,
  periodOf,
  type DueRule,
} from '../../src/shared/domain/visitDue';
import { labelOf } from '../../src/shared/domain/labels';

describe('visit frequencies and due rules', () => {
  it('labels frequencies and statuses in Chinese', () => {
    expect(VISIT_FREQUENCIES.map((f) => f.label)).toEqual(['每周', '每月', '每季度']);
    expect(labelOf(DUE_STATUSES, 'overdue')).toBe('已逾期');
  });

  it('names special-hardship elders by the elder register group code', () => {
    expect(SPECIAL_HARDSHIP_GROUP).toBe('dispersed_tekun');
  });

  it('gives elders the national default: high risk weekly, priority monthly, general quarterly', () => {
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, { tier: 'high' })).toBe('weekly');
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, { tier: 'priority' })).toBe('monthly');
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, { tier: 'general' })).toBe('quarterly');
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, {})).toBe('quarterly');
  });

  it('visits every special-hardship elder at least monthly, a stricter tier still winning', () => {
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, { tier: 'general', groups: [SPECIAL_HARDSHIP_GROUP] })).toBe('monthly');
    expect(frequencyFor(DEFAULT_ELDER_DUE_RULE, { tier: 'high', groups: [SPECIAL_HARDSHIP_GROUP] })).toBe('weekly');
  });

  it('visits children without a guardian or de-facto unsupported monthly, other children quarterly', () => {
    expect(frequencyFor(DEFAULT_CHILD_DUE_RULE, { guardianshipType: 'none', groups: ['left_behind'] })).toBe('monthly');
    expect(frequencyFor(DEFAULT_CHILD_DUE_RULE, { guardianshipType: 'good', groups: ['unsupported'] })).toBe('monthly');
    expect(frequencyFor(DEFAULT_CHILD_DUE_RULE, { guardianshipType: 'good', groups: ['left_behind', 'difficulty'] })).toBe('quarterly');
  });

  it('takes a province rule as data, every condition of a line required', () => {
    const rule: DueRule = {
      lines: [
        { tiers: ['priority'], groups: ['living_alone'], frequency: 'weekly' },
        { groups: ['living_alone'], frequency: 'monthly' },
      ],
      otherwise: 'monthly',
    };
    expect(frequencyFor(rule, { tier: 'priority', groups: ['living_alone'] })).toBe('weekly');
    expect(frequencyFor(rule, { tier: 'general', groups: ['living_alone'] })).toBe('monthly');
    expect(frequencyFor(rule, { tier: 'priority', groups: [] })).toBe('monthly');
  });
});

describe('calendar periods', () => {
  it('ends February on the 28th, or the 29th in a leap year', () => {
    expect(periodOf('monthly', '2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('monthly', '2028-02-29')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('monthly', '2026-01-31')).toEqual({ start: '2026-01-01', end: '2026-01-31' });
  });

  it('splits the year into calendar quarters', () => {
    expect(periodOf('quarterly', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('quarterly', '2026-04-01')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('quarterly', '2026-12-31')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodKey('quarterly', '2026-08-15')).toBe('2026-Q3');
  });

  it('uses ISO weeks, Monday to Sunday, numbered by the year of their Thursday', () => {
    expect(periodOf('weekly', '2026-12-31')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(periodKey('weekly', '2026-12-31')).toBe('2026-W53');
    expect(periodKey('weekly', '2027-01-03')).toBe('2026-W53');
    expect(periodKey('weekly', '2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(periodOf('weekly', '2028-02-29')).toEqual({ start: '2028-02-28', end: '2028-03-05' });
  });
});

describe('dueStatus', () => {
  const monthly = { frequency: 'monthly' as const, joinedOn: '2025-01-01' };

  it('after a visit on 31 January, is due again by the end of February', () => {
    const jan = dueStatus({ ...monthly, today: '2026-01-31', visits: ['2026-01-31'] });
    expect(jan).toMatchObject({ status: 'ok', visitedThisPeriod: true, lastVisit: '2026-01-31', nextDueBy: '2026-02-28' });

    const feb1 = dueStatus({ ...monthly, today: '2026-02-01', visits: ['2026-01-31'] });
    expect(feb1).toMatchObject({ status: 'due_this_month', periodStart: '2026-02-01', periodEnd: '2026-02-28', nextDueBy: '2026-02-28', visitedThisPeriod: false });
    expect(feb1.daysOverdue).toBeUndefined();
  });

  it('is due this week when the month ends within the current ISO week', () => {
    expect(dueStatus({ ...monthly, today: '2026-02-23', visits: ['2026-01-31'] }).status).toBe('due_this_week');
  });

  it('is overdue the day after a month ends without a visit, counting days from the missed month end', () => {
    const s = dueStatus({ ...monthly, today: '2026-03-01', visits: ['2026-01-31'] });
    expect(s).toMatchObject({ status: 'overdue', nextDueBy: '2026-02-28', daysOverdue: 1, periodStart: '2026-03-01', periodEnd: '2026-03-31' });
  });

  it('counts overdue days from the first missed month of a long lapse', () => {
    const s = dueStatus({ ...monthly, today: '2026-03-15', visits: ['2025-06-10', '2025-03-01'] });
    expect(s).toMatchObject({ status: 'overdue', lastVisit: '2025-06-10', nextDueBy: '2025-07-31', daysOverdue: 227 });
  });

  it('clears an overdue status once the current month has a visit (a missed month cannot be made up)', () => {
    const s = dueStatus({ ...monthly, today: '2026-03-10', visits: ['2026-01-15', '2026-03-05'] });
    expect(s).toMatchObject({ status: 'ok', nextDueBy: '2026-04-30', visitedThisPeriod: true });
  });

  it('treats 29 February in a leap year as the last day of the month', () => {
    expect(dueStatus({ ...monthly, today: '2028-02-29', visits: ['2028-01-20'] })).toMatchObject({ status: 'due_this_week', nextDueBy: '2028-02-29' });
    expect(dueStatus({ ...monthly, today: '2028-03-01', visits: ['2028-01-20'] })).toMatchObject({ status: 'overdue', nextDueBy: '2028-02-29', daysOverdue: 1 });
    expect(dueStatus({ ...monthly, today: '2028-03-01', visits: ['2028-02-29'] })).toMatchObject({ status: 'due_this_month', nextDueBy: '2028-03-31' });
  });

  it('makes a person who joins mid-month due by that month end, never overdue for earlier months', () => {
    const joined = { frequency: 'monthly' as const, joinedOn: '2026-03-18' };
    expect(dueStatus({ ...joined, today: '2026-03-20', visits: [] })).toMatchObject({ status: 'due_this_month', nextDueBy: '2026-03-31' });
    // A visit from before they joined neither covers the joining month nor makes earlier months count.
    const old = dueStatus({ ...joined, today: '2026-03-20', visits: ['2026-01-10'] });
    expect(old).toMatchObject({ status: 'due_this_month', nextDueBy: '2026-03-31', lastVisit: '2026-01-10' });
    expect(dueStatus({ ...joined, today: '2026-04-01', visits: [] })).toMatchObject({ status: 'overdue', nextDueBy: '2026-03-31', daysOverdue: 1 });
  });

  it('owes nothing before the person joins', () => {
    expect(dueStatus({ frequency: 'monthly', joinedOn: '2026-04-10', today: '2026-03-20', visits: [] })).toMatchObject({ status: 'ok', nextDueBy: '2026-04-30' });
  });

  it('counts a visit recorded late for the month of its visit date', () => {
    // Entered on 2 March, dated 27 February: February is covered, March is still to do.
    expect(dueStatus({ ...monthly, today: '2026-03-02', visits: ['2026-01-05', '2026-02-27'] })).toMatchObject({
      status: 'due_this_month',
      nextDueBy: '2026-03-31',
      visitedThisPeriod: false,
    });
    expect(dueStatus({ ...monthly, today: '2026-03-02', visits: ['2026-01-05'] })).toMatchObject({ status: 'overdue', daysOverdue: 2 });
  });

  it('ignores visits dated after today', () => {
    const s = dueStatus({ ...monthly, today: '2026-03-10', visits: ['2026-02-10', '2026-03-20'] });
    expect(s).toMatchObject({ status: 'due_this_month', lastVisit: '2026-02-10', visitedThisPeriod: false });
    const weekly = dueStatus({ frequency: 'weekly', joinedOn: '2026-01-01', today: '2026-03-10', visits: ['2026-03-09', '2026-03-30'] });
    expect(weekly).toMatchObject({ status: 'ok', lastVisit: '2026-03-09', nextDueBy: '2026-03-16' });
  });

  describe('weekly, across the year boundary', () => {
    const weekly = { frequency: 'weekly' as const, joinedOn: '2026-12-01' };

    it('counts a visit on Monday 28 December 2026 for ISO week 2026-W53, which ends on 3 January 2027', () => {
      expect(dueStatus({ ...weekly, today: '2027-01-02', visits: ['2026-12-28'] })).toMatchObject({
        status: 'ok',
        periodStart: '2026-12-28',
        periodEnd: '2027-01-03',
        visitedThisPeriod: true,
        nextDueBy: '2027-01-04',
      });
    });

    it('also wants high-risk visits no more than 7 days apart within a calendar week', () => {
      expect(dueStatus({ ...weekly, today: '2027-01-04', visits: ['2026-12-28'] })).toMatchObject({ status: 'due_this_week', nextDueBy: '2027-01-04' });
      expect(dueStatus({ ...weekly, today: '2027-01-05', visits: ['2026-12-28'] })).toMatchObject({
        status: 'overdue',
        nextDueBy: '2027-01-04',
        daysOverdue: 1,
        periodStart: '2027-01-04',
        periodEnd: '2027-01-10',
      });
    });

    it('counts a visit on Sunday 3 January 2027 for 2026-W53 and wants the next one in 2027-W01', () => {
      expect(dueStatus({ ...weekly, today: '2027-01-08', visits: ['2027-01-03'] })).toMatchObject({ status: 'due_this_week', nextDueBy: '2027-01-10' });
    });

    it('is overdue once a whole ISO week since joining passed without a visit', () => {
      expect(dueStatus({ frequency: 'weekly', joinedOn: '2026-12-16', today: '2026-12-29', visits: [] })).toMatchObject({
        status: 'overdue',
        nextDueBy: '2026-12-20',
        daysOverdue: 9,
      });
    });
  });

  describe('quarterly', () => {
    const quarterly = { frequency: 'quarterly' as const, joinedOn: '2025-01-01' };

    it('counts a visit on 31 March for Q1 and wants the next one by 30 June', () => {
      const s = dueStatus({ ...quarterly, today: '2026-04-01', visits: ['2026-03-31'] });
      expect(s).toMatchObject({ status: 'ok', periodStart: '2026-04-01', periodEnd: '2026-06-30', nextDueBy: '2026-06-30', visitedThisPeriod: false });
    });

    it('is due this month in the last month of an unvisited quarter and overdue the day after', () => {
      expect(dueStatus({ ...quarterly, today: '2026-06-10', visits: ['2026-03-31'] }).status).toBe('due_this_month');
      expect(dueStatus({ ...quarterly, today: '2026-07-01', visits: ['2026-03-31'] })).toMatchObject({ status: 'overdue', nextDueBy: '2026-06-30', daysOverdue: 1 });
    });

    it('rolls from Q4 into Q1 of the next year', () => {
      expect(dueStatus({ ...quarterly, today: '2026-12-31', visits: ['2026-10-01'] })).toMatchObject({ status: 'ok', nextDueBy: '2027-03-31', visitedThisPeriod: true });
      expect(dueStatus({ ...quarterly, today: '2027-01-01', visits: ['2026-10-01'] })).toMatchObject({ status: 'ok', periodStart: '2027-01-01', periodEnd: '2027-03-31', visitedThisPeriod: false });
      expect(dueStatus({ ...quarterly, today: '2027-01-01', visits: ['2026-09-30'] })).toMatchObject({ status: 'overdue', nextDueBy: '2026-12-31', daysOverdue: 1 });
    });
  });

  describe('major change', () => {
    it('requires a visit by the day after the change, even when this month is already visited', () => {
      const on = dueStatus({ ...monthly, today: '2026-03-10', visits: ['2026-03-02'], majorChangeOn: '2026-03-10' });
      expect(on).toMatchObject({ status: 'due_this_week', nextDueBy: '2026-03-11', majorChangePending: true });
      expect(dueStatus({ ...monthly, today: '2026-03-11', visits: ['2026-03-02'], majorChangeOn: '2026-03-10' }).status).toBe('due_this_week');
      expect(dueStatus({ ...monthly, today: '2026-03-12', visits: ['2026-03-02'], majorChangeOn: '2026-03-10' })).toMatchObject({
        status: 'overdue',
        nextDueBy: '2026-03-11',
        daysOverdue: 1,
      });
    });

    it('is satisfied by a visit on or after the day of the change', () => {
      const s = dueStatus({ ...monthly, today: '2026-03-11', visits: ['2026-03-02', '2026-03-10'], majorChangeOn: '2026-03-10' });
      expect(s).toMatchObject({ status: 'ok', majorChangePending: false, nextDueBy: '2026-04-30' });
    });

    it('stays due this week when the change is on a Sunday and the visit falls due on Monday', () => {
      expect(dueStatus({ ...monthly, today: '2026-03-15', visits: ['2026-03-02'], majorChangeOn: '2026-03-15' })).toMatchObject({
        status: 'due_this_week',
        nextDueBy: '2026-03-16',
      });
    });

    it('ignores a change dated after today', () => {
      expect(dueStatus({ ...monthly, today: '2026-03-10', visits: ['2026-03-02'], majorChangeOn: '2026-03-12' })).toMatchObject({ status: 'ok', majorChangePending: false });
    });
  });

  it('rejects a today or join date that is not a real date', () => {
    expect(() => dueStatus({ ...monthly, today: '2026-02-30', visits: [] })).toThrow(RangeError);
    expect(() => dueStatus({ frequency: 'monthly', joinedOn: '2026-13-01', today: '2026-03-01', visits: [] })).toThrow(RangeError);
  });
});

describe('monthlyVisitRate', () => {
  it('counts everyone in the group on any day of the month, people joining or leaving mid-month included', () => {
    const people = [
      { joinedOn: '2026-02-15', visits: ['2026-02-20'] }, // joined mid-month, visited
      { joinedOn: '2025-05-01', leftOn: '2026-02-03', visits: [] }, // left on 3 Feb, not visited
      { joinedOn: '2025-05-01', leftOn: '2026-01-31', visits: ['2026-02-10'] }, // left before February
      { joinedOn: '2026-03-01', visits: ['2026-02-25'] }, // joined after February
      { joinedOn: '2026-02-28', visits: ['2026-02-28'] }, // joined on the last day, visited that day
      { joinedOn: '2025-05-01', visits: ['2026-01-31', '2026-03-01'] }, // visited either side of February only
    ];
    expect(monthlyVisitRate(people, '2026-02')).toEqual({ eligible: 4, visited: 2, rate: 0.5 });
  });

  it('counts a visit on 29 February in a leap year', () => {
    expect(monthlyVisitRate([{ joinedOn: '2027-06-01', visits: ['2028-02-29'] }], '2028-02')).toEqual({ eligible: 1, visited: 1, rate: 1 });
  });

  it('counts a visit recorded late for the month of its date', () => {
    const person = { joinedOn: '2025-01-01', visits: ['2026-02-27'] };
    expect(monthlyVisitRate([person], '2026-02').visited).toBe(1);
    expect(monthlyVisitRate([person], '2026-03').visited).toBe(0);
  });

  it('is 0 when no one is eligible, and rejects a malformed month', () => {
    expect(monthlyVisitRate([], '2026-02')).toEqual({ eligible: 0, visited: 0, rate: 0 });
    expect(() => monthlyVisitRate([], '2026-13')).toThrow(RangeError);
    expect(() => monthlyVisitRate([], '2026-2')).toThrow(RangeError);
  });
});
