import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MealSettlement, MealSiteRecord, StationInfo } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { SettlementTab } from '../../src/renderer/features/meals/settlement/SettlementTab';
import { CountyMonthTab } from '../../src/renderer/features/meals/settlement/CountyMonthTab';
import { installFake, ok, renderRoute, STATION_INFO, type Call } from './helpers';

const COUNTY: StationInfo = { ...STATION_INFO, role: 'county', code: '341723', name: '青阳县民政局' };
const LAST_MONTH = addDays(`${todayIso().slice(0, 7)}-01`, -1).slice(0, 7);

const SITE: MealSiteRecord = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  stationCode: '341723100',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '五星村',
  villageCode: '341723100202',
  name: '五星村老年助餐点',
  kind: 'point',
  area: 'rural',
  operatingModel: 'village_mutual',
  operator: '五星村村民委员会',
  dailyCapacity: 30,
  mealTimes: ['lunch'],
  servingDays: ['1', '2', '3', '4', '5'],
  delivery: true,
  status: 'running',
  statusSince: '2025-01-01',
  builtOn: '2025-01-01',
  diners: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const CHECKS: MealSettlement['checks'] = [
  { key: `non_serving_day:${LAST_MONTH}-06`, kind: 'non_serving_day', message: `${LAST_MONTH}-06 不是供餐日，却有2人就餐`, confirmed: false },
  { key: 'after_stop:d1', kind: 'after_stop', message: '王秀英 在停止就餐或离开台账（2026-01-18）之后仍有就餐记录', confirmed: false },
];

function settlementOf(over: Partial<MealSettlement> = {}): MealSettlement {
  return {
    siteId: SITE.id,
    siteName: SITE.name,
    operator: SITE.operator,
    townshipName: '蓉城镇',
    villageName: '五星村',
    month: LAST_MONTH,
    persons: [
      { dinerId: 'd1', name: '王秀英', idNumberMasked: '341723********0024', category: 'dibao', meals: 20, subsidyFen: 10000, paidFen: 10000, deliveryFeeFen: 0 },
      { dinerId: 'd2', name: '李桂兰', idNumberMasked: '341723********0049', category: 'tekun', meals: 22, subsidyFen: 22000, paidFen: 0, deliveryFeeFen: 4450 },
    ],
    categories: [
      { category: 'tekun', persons: 1, meals: 22, subsidyFen: 22000, paidFen: 0, deliveryFeeFen: 4450 },
      { category: 'dibao', persons: 1, meals: 20, subsidyFen: 10000, paidFen: 10000, deliveryFeeFen: 0 },
    ],
    total: { persons: 2, meals: 42, subsidyFen: 32000, paidFen: 10000, deliveryFeeFen: 4450 },
    checks: CHECKS,
    locked: false,
    ...over,
  };
}

const named = (calls: Call[], name: string) => calls.filter((c) => c.name === name).map((c) => c.input);

function renderTab() {
  return renderRoute(<SettlementTab site={SITE} />, { url: `/meals/sites/${SITE.id}`, path: '/meals/sites/:id' });
}

describe('a site’s monthly settlement', () => {
  it('opens at last month and shows the totals and each elder’s amounts in yuan', async () => {
    const calls = installFake({ 'meals.settlement.get': () => ok(settlementOf()) });
    renderTab();
    const totals = await screen.findByTestId('settlement-totals');
    expect(named(calls, 'meals.settlement.get')[0]).toEqual({ siteId: SITE.id, month: LAST_MONTH });
    expect(within(totals).getByTestId('settlement-total-persons')).toHaveTextContent('2人');
    expect(within(totals).getByTestId('settlement-total-meals')).toHaveTextContent('42人次');
    expect(within(totals).getByTestId('settlement-total-subsidy')).toHaveTextContent('320.00元');
    expect(within(totals).getByTestId('settlement-total-paid')).toHaveTextContent('100.00元');
    expect(within(totals).getByTestId('settlement-total-delivery')).toHaveTextContent('44.50元');
    const persons = screen.getByTestId('settlement-persons');
    // 特困 before 低保, as the categories are ordered; the ID masked as the core gives it.
    const rows = within(persons).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['李桂兰', '王秀英']);
    expect(within(rows[0]!).getByText('341723********0049')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('220.00')).toBeInTheDocument();
    const categories = screen.getByTestId('settlement-categories');
    expect(within(categories).getByText('特困')).toBeInTheDocument();
    expect(within(categories).getByText('合计')).toBeInTheDocument();
  });

  it('offers 锁定本月 only once every check is confirmed, and sends the confirmed checks', async () => {
    const calls = installFake({ 'meals.settlement.get': () => ok(settlementOf()), 'meals.settlement.lock': () => ok({ locked: true }) });
    renderTab();
    const lock = await screen.findByRole('button', { name: /锁定本月/ });
    expect(lock).toBeDisabled();
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: `确认：${CHECKS[0]!.message}` }));
    expect(lock).toBeDisabled();
    expect(screen.getByText('1项待确认')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: `确认：${CHECKS[1]!.message}` }));
    expect(lock).toBeEnabled();
    await user.click(lock);
    await waitFor(() => expect(named(calls, 'meals.settlement.lock')).toHaveLength(1));
    expect(named(calls, 'meals.settlement.lock')[0]).toEqual({ siteId: SITE.id, month: LAST_MONTH, confirmedChecks: CHECKS.map((c) => c.key) });
  });

  it('shows the core’s refusal of a lock in its own words', async () => {
    installFake({
      'meals.settlement.get': () => ok(settlementOf({ checks: [] })),
      'meals.settlement.lock': () => ({ ok: false, error: { code: 'validation', message: '该月尚未结束，月末最后一天起才能结算锁定' } }),
    });
    renderTab();
    const lock = await screen.findByRole('button', { name: /锁定本月/ });
    expect(lock).toBeEnabled();
    await userEvent.setup().click(lock);
    expect(await screen.findByTestId('settlement-lock-refused')).toHaveTextContent('该月尚未结束，月末最后一天起才能结算锁定');
  });

  it('a station sees who locked the month, and no 解锁', async () => {
    installFake({ 'meals.settlement.get': () => ok(settlementOf({ locked: true, lockedBy: '张社工', lockedAt: '2026-02-01T02:00:00.000Z', checks: CHECKS.map((c) => ({ ...c, confirmed: true })) })) });
    renderTab();
    const note = await screen.findByTestId('settlement-locked');
    expect(note).toHaveTextContent('已结算锁定（张社工');
    expect(note).toHaveTextContent('请联系县民政局解锁');
    expect(screen.queryByRole('button', { name: /解锁/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /锁定本月/ })).toBeNull();
    for (const c of CHECKS) expect(screen.getByRole('checkbox', { name: `确认：${c.message}` })).toBeChecked();
  });

  it('at the county, 解锁 needs a reason, which is sent with the month', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'meals.settlement.get': () => ok(settlementOf({ locked: true, lockedBy: '张社工', lockedAt: '2026-02-01T02:00:00.000Z' })),
      'meals.settlement.unlock': () => ok({ locked: false }),
    });
    renderTab();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /解锁/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /解锁/ }));
    expect(await within(dialog).findByText('请填写解锁原因')).toBeInTheDocument();
    expect(named(calls, 'meals.settlement.unlock')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('解锁原因'), '补录遗漏的就餐记录');
    await user.click(within(dialog).getByRole('button', { name: /解锁/ }));
    await waitFor(() => expect(named(calls, 'meals.settlement.unlock')).toEqual([{ siteId: SITE.id, month: LAST_MONTH, reason: '补录遗漏的就餐记录' }]));
  });

  it('opens the settlement statement and the signing sheet of the chosen month for printing', async () => {
    installFake({ 'meals.settlement.get': () => ok(settlementOf()) });
    renderRoute(<SettlementTab site={SITE} />, {
      url: `/meals/sites/${SITE.id}`,
      path: '/meals/sites/:id',
      also: { '/print/meals/settlement/:siteId/:month': <div data-testid="print-settlement-page" />, '/print/meals/signin/:siteId/:month': <div data-testid="print-signin-page" /> },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: /打印结算表/ }));
    expect(await screen.findByTestId('print-settlement-page')).toBeInTheDocument();
  });
});

describe('the county’s month', () => {
  it('shows each township’s operating rate, meals and subsidy in yuan, and each site’s lock', async () => {
    installFake({
      'station.info': () => ok(COUNTY),
      'meals.countyMonth': () =>
        ok({
          month: LAST_MONTH,
          townships: [
            { code: '341723100', name: '蓉城镇', built: 4, running: 3, meals: 620, subsidyFen: 310050, lockedSites: 1 },
            { code: '341723101', name: '木镇镇', built: 0, running: 0, meals: 0, subsidyFen: 0, lockedSites: 0 },
          ],
          sites: [
            { stationCode: '341723100', townshipName: '蓉城镇', siteId: SITE.id, siteName: SITE.name, status: 'running', meals: 620, persons: 31, subsidyFen: 310050, locked: true },
            { stationCode: '341723100', townshipName: '蓉城镇', siteId: 's2', siteName: '城东社区老年食堂', status: 'stopped', meals: 0, persons: 0, subsidyFen: 0, locked: false },
          ],
        }),
    });
    renderRoute(<CountyMonthTab />, { url: '/meals', path: '/meals' });
    const townships = await screen.findByTestId('county-month-townships');
    const rong = (await within(townships).findByText('蓉城镇')).closest('tr')!;
    expect(within(rong).getByText('75.0%')).toBeInTheDocument();
    expect(within(rong).getByText('3100.50')).toBeInTheDocument();
    expect(within(rong).getByText('1 / 2')).toBeInTheDocument();
    // None built: no rate to speak of.
    expect(within(within(townships).getByText('木镇镇').closest('tr')!).getByText('—')).toBeInTheDocument();
    const sites = screen.getByTestId('county-month-sites');
    expect(within(within(sites).getByText(SITE.name).closest('tr')!).getByText('已锁定')).toBeInTheDocument();
    expect(within(within(sites).getByText('城东社区老年食堂').closest('tr')!).getByText('未锁定')).toBeInTheDocument();
  });
});
