import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MealAttendanceInput, MealDinerRecord, MealMonthGrid, MealSiteRecord, MealTick } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { AttendanceTab } from '../../src/renderer/features/meals/attendance/AttendanceTab';
import { installFake, ok, renderWithProviders, type Call } from './helpers';

const TODAY = todayIso();
const YESTERDAY = addDays(TODAY, -1);
const MONTH = TODAY.slice(0, 7);
const FIRST = `${MONTH}-01`;
const dayOf = (iso: string) => Number(iso.slice(8, 10));

const SITE: MealSiteRecord = {
  id: 's1',
  stationCode: '341723100',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '五星村',
  name: '五星村老年助餐点',
  kind: 'point',
  area: 'rural',
  villageCode: '341723100202',
  operatingModel: 'village_mutual',
  operator: '五星村村民委员会',
  dailyCapacity: 40,
  mealTimes: ['lunch'],
  servingDays: ['1', '2', '3', '4', '5', '6', '7'],
  delivery: true,
  builtOn: addDays(TODAY, -300),
  status: 'running',
  statusSince: addDays(TODAY, -300),
  diners: 4,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function diner(id: string, name: string, initials: string, extra: Partial<MealDinerRecord> = {}): MealDinerRecord {
  return {
    id,
    siteId: SITE.id,
    siteName: SITE.name,
    name,
    initials,
    villageName: '五星村',
    derivedCategories: ['age_70'],
    categories: ['age_70'],
    startOn: addDays(FIRST, -60),
    delivery: false,
    active: true,
    ...extra,
  };
}

// In the core's order (by initials); the stopped diner is shown last, greyed.
const DINERS = [
  diner('d-lgl', '李桂兰', 'lgl'),
  diner('d-wuw', '吴伟', 'ww', { delivery: true }),
  diner('d-wxy', '王秀英', 'wxy'),
  diner('d-zdy', '赵大爷', 'zdy', { startOn: addDays(FIRST, -60), stopOn: addDays(FIRST, -1), active: false }),
];

const tick = (dinerId: string, day: string, extra: Partial<MealTick> = {}): MealTick => ({
  dinerId,
  day,
  mealTime: 'lunch',
  method: day < TODAY ? 'late' : 'sign',
  delivered: false,
  subsidyFen: 300,
  paidFen: 700,
  ...extra,
});

/** The core, faked over a list of ticks: month grids read from it, meals.attendance.set writes it. */
function fakeCore(initial: MealTick[], { locked = false } = {}) {
  let ticks = [...initial];
  const grid = (month: string): MealMonthGrid => {
    const mine = ticks.filter((t) => t.day.startsWith(month));
    return {
      siteId: SITE.id,
      month,
      mealTimes: ['lunch'],
      servingDays: SITE.servingDays,
      dailyCapacity: SITE.dailyCapacity,
      diners: DINERS,
      ticks: mine,
      locked,
      meals: mine.length,
      subsidyFen: mine.reduce((n, t) => n + t.subsidyFen, 0),
    };
  };
  const calls = installFake({
    'meals.attendance.month': (input) => ok(grid((input as { month: string }).month)),
    'meals.attendance.set': (input) => {
      const q = input as MealAttendanceInput;
      for (const t of q.ticks) {
        ticks = ticks.filter((x) => !(x.dinerId === t.dinerId && x.day === q.day));
        if (t.present) ticks.push(tick(t.dinerId, q.day));
      }
      return ok({ meals: ticks.filter((t) => t.day === q.day).length, changed: q.ticks.length });
    },
  });
  return calls;
}

const setCalls = (calls: Call[]) => calls.filter((c) => c.name === 'meals.attendance.set').map((c) => c.input as MealAttendanceInput);

function cell(name: string, iso: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-testid="meal-attendance-grid"] tr[data-name="${name}"]`);
  const td = row?.querySelector<HTMLElement>(`td[data-day="${dayOf(iso)}"]`);
  if (!td) throw new Error(`no cell for ${name} on ${iso}`);
  return td;
}

/** The name of the row holding the grid's cursor. */
const focusedName = () => document.querySelector<HTMLElement>('td[aria-selected="true"]')?.closest('tr')?.dataset.name;

async function openCard(): Promise<HTMLElement> {
  renderWithProviders(<AttendanceTab site={SITE} />);
  const grid = await screen.findByTestId('meal-attendance-grid');
  // Today's column holds the keyboard as soon as the card is shown.
  await waitFor(() => expect(grid).toHaveFocus());
  return grid;
}

describe('daily attendance from the keyboard', () => {
  it('opens on today’s column and jumps to a person by typing pinyin initials', async () => {
    const user = userEvent.setup();
    fakeCore([]);
    await openCard();
    expect(document.querySelector('td[aria-selected="true"]')).toBe(cell('李桂兰', TODAY));

    await user.keyboard('wxy');
    expect(focusedName()).toBe('王秀英');
    expect(document.querySelector('td[aria-selected="true"]')).toBe(cell('王秀英', TODAY));
    await user.keyboard('{Escape}l');
    expect(focusedName()).toBe('李桂兰');
    // The same first letter again steps to the next person with it.
    await user.keyboard('{Escape}w');
    expect(focusedName()).toBe('吴伟');
    await user.keyboard('{Escape}w');
    expect(focusedName()).toBe('王秀英');
  });

  it('greys out a diner who has stopped and keeps them at the end', async () => {
    fakeCore([]);
    await openCard();
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="meal-attendance-grid"] tbody tr')];
    expect(rows.map((r) => r.dataset.name)).toEqual(['李桂兰', '吴伟', '王秀英', '赵大爷']);
    expect(rows.at(-1)).toHaveClass('stopped');
  });

  it('Space ticks and unticks the focused cell; Enter saves the day in one request', async () => {
    const user = userEvent.setup();
    const calls = fakeCore([]);
    await openCard();
    await user.keyboard('lgl ');
    expect(cell('李桂兰', TODAY)).toHaveAttribute('data-state', 'pending-tick');
    await user.keyboard(' ');
    expect(cell('李桂兰', TODAY)).toHaveAttribute('data-state', 'empty');
    await user.keyboard(' {ArrowDown} {ArrowDown} ');
    expect(cell('吴伟', TODAY)).toHaveTextContent('送');
    expect(screen.getByTestId('meal-attendance-unsaved')).toHaveTextContent('3处未保存');
    expect(setCalls(calls)).toEqual([]);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(cell('王秀英', TODAY)).toHaveAttribute('data-state', 'ticked'));
    expect(setCalls(calls)).toEqual([
      {
        siteId: SITE.id,
        day: TODAY,
        mealTime: 'lunch',
        ticks: [
          { dinerId: 'd-lgl', present: true },
          { dinerId: 'd-wuw', present: true },
          { dinerId: 'd-wxy', present: true },
        ],
      },
    ]);
    // The month's meals and subsidy are read again after the save.
    await waitFor(() => expect(screen.getByTestId('meal-attendance-month-total')).toHaveTextContent(`${Number(MONTH.slice(5))}月共就餐 3 人次，补贴 9.00 元`));
    expect(screen.getByTestId(`meal-attendance-day-total-${dayOf(TODAY)}`)).toHaveTextContent('3');
    expect(screen.getByTestId('meal-attendance-unsaved')).toHaveTextContent('已全部保存');
  });

  it('= copies the last serving day’s ticks into the focused day, and moving to another day saves it', async () => {
    const user = userEvent.setup();
    const calls = fakeCore([tick('d-lgl', YESTERDAY), tick('d-wxy', YESTERDAY)]);
    await openCard();
    await user.keyboard('=');
    expect(cell('李桂兰', TODAY)).toHaveAttribute('data-state', 'pending-tick');
    expect(cell('王秀英', TODAY)).toHaveAttribute('data-state', 'pending-tick');
    expect(cell('吴伟', TODAY)).toHaveAttribute('data-state', 'empty');
    expect(setCalls(calls)).toEqual([]);

    // Leaving the day (for the one before, or on the 1st for last month) saves it: nothing typed is left behind unsaved.
    const firstOfMonth = dayOf(TODAY) === 1;
    await user.keyboard(firstOfMonth ? '{PageUp}' : '{ArrowLeft}');
    await waitFor(() => expect(setCalls(calls)).toHaveLength(1));
    expect(setCalls(calls)[0]).toEqual({
      siteId: SITE.id,
      day: TODAY,
      mealTime: 'lunch',
      ticks: [
        { dinerId: 'd-lgl', present: true },
        { dinerId: 'd-wxy', present: true },
      ],
    });
    if (!firstOfMonth) await waitFor(() => expect(cell('王秀英', TODAY)).toHaveAttribute('data-state', 'ticked'));
  });

  it('leaving the page saves a day not saved yet', async () => {
    const user = userEvent.setup();
    const calls = fakeCore([]);
    const { unmount } = renderWithProviders(<AttendanceTab site={SITE} />);
    const grid = await screen.findByTestId('meal-attendance-grid');
    await waitFor(() => expect(grid).toHaveFocus());
    await user.keyboard('wxy ');
    expect(setCalls(calls)).toEqual([]);
    unmount();
    await waitFor(() => expect(setCalls(calls)).toEqual([{ siteId: SITE.id, day: TODAY, mealTime: 'lunch', ticks: [{ dinerId: 'd-wxy', present: true }] }]));
  });

  it('shows a past day entered late as 补录, distinct from a tick of the day', async () => {
    fakeCore([tick('d-lgl', YESTERDAY), tick('d-wxy', TODAY)]);
    await openCard();
    // Yesterday may be last month: only check the cells this month shows.
    if (YESTERDAY.startsWith(MONTH)) expect(cell('李桂兰', YESTERDAY)).toHaveClass('late');
    expect(cell('王秀英', TODAY)).toHaveClass('tick');
    expect(cell('王秀英', TODAY)).not.toHaveClass('late');
  });

  it('a locked month is read-only, with a clear banner', async () => {
    const user = userEvent.setup();
    const calls = fakeCore([tick('d-lgl', TODAY)], { locked: true });
    await openCard();
    expect(screen.getByTestId('meal-attendance-locked')).toHaveTextContent('已结算锁定');
    await user.keyboard(' {ArrowDown} =');
    await user.keyboard('{Enter}');
    expect(cell('李桂兰', TODAY)).toHaveAttribute('data-state', 'ticked');
    expect(cell('吴伟', TODAY)).toHaveAttribute('data-state', 'empty');
    expect(screen.getByTestId('meal-attendance-save')).toBeDisabled();
    expect(screen.getByTestId('meal-attendance-copy')).toBeDisabled();
    expect(setCalls(calls)).toEqual([]);
  });
});
