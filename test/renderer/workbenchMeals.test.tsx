import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MealsOverview } from '../../src/shared/contract';
import { MealsCard } from '../../src/renderer/features/workbench/MealsCard';
import { installFake, ok, renderRoute } from './helpers';

const OVERVIEW: MealsOverview = {
  built: 4,
  running: 3,
  mealsThisMonth: 1260,
  dinersToday: 85,
  absent: [
    { dinerId: 'd1', elderId: 'e1', name: '王秀英', siteId: 's1', siteName: '百花村老年助餐点', lastMealOn: '2026-11-20', servingDaysAbsent: 9 },
    { dinerId: 'd2', name: '赵大爷', siteId: 's1', siteName: '百花村老年助餐点', servingDaysAbsent: 7 },
  ],
};

describe('meals on the workbench', () => {
  it('shows sites running of built, this month’s meals, and links absent elders to their page', async () => {
    installFake({ 'meals.overview': () => ok(OVERVIEW) });
    renderRoute(<MealsCard />, { url: '/', path: '/' });
    expect(await screen.findByText('3 / 4')).toBeInTheDocument();
    expect(screen.getByText('运营率 75%')).toBeInTheDocument();
    expect(screen.getByTestId('workbench-meals-month')).toHaveTextContent('1,260');
    const absent = screen.getByTestId('workbench-meals-absent');
    expect(within(absent).getByRole('link', { name: '王秀英' })).toHaveAttribute('href', '/elders/e1');
    expect(absent).toHaveTextContent('上次就餐 2026-11-20');
    // Someone outside the register has no page to open.
    expect(within(absent).queryByRole('link', { name: '赵大爷' })).toBeNull();
    expect(absent).toHaveTextContent('登记后未就餐');
  });

  it('says when the station has no site yet', async () => {
    installFake({ 'meals.overview': () => ok({ built: 0, running: 0, mealsThisMonth: 0, dinersToday: 0, absent: [] } satisfies MealsOverview) });
    renderRoute(<MealsCard />, { url: '/', path: '/' });
    expect(await screen.findByText('尚未登记助餐点')).toBeInTheDocument();
  });
});
