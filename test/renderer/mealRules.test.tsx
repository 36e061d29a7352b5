import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StationInfo } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import type { MealSubsidyRule } from '../../src/shared/domain/meals';
import { SubsidyRulesTab } from '../../src/renderer/features/meals/settlement/SubsidyRulesTab';
import { formItemOf, installFake, ok, renderRoute, STATION_INFO, type Call } from './helpers';

const COUNTY: StationInfo = { ...STATION_INFO, role: 'county', code: '341723', name: '青阳县民政局' };
const today = todayIso();
const firstOfThisMonth = `${today.slice(0, 7)}-01`;
const firstOfNextMonth = `${addDays(firstOfThisMonth, 40).slice(0, 7)}-01`;

const OLD: MealSubsidyRule = { effectiveFrom: addDays(firstOfThisMonth, -400), priceFen: { lunch: 800 }, subsidyFen: { tekun: { lunch: 800 } }, deliveryFeeFen: 0 };
const CURRENT: MealSubsidyRule = {
  effectiveFrom: addDays(firstOfThisMonth, -60),
  priceFen: { lunch: 1000, dinner: 800 },
  subsidyFen: { tekun: { lunch: 1000, dinner: 800 }, dibao: { lunch: 500 } },
  deliveryFeeFen: 200,
};

const saves = (calls: Call[]) => calls.filter((c) => c.name === 'meals.rules.save').map((c) => c.input);

function renderTab() {
  return renderRoute(<SubsidyRulesTab />, { url: '/meals', path: '/meals' });
}

describe('the meal subsidy standard', () => {
  it('a station reads the standard in force and the earlier ones, and cannot change them', async () => {
    installFake({ 'meals.rules.get': () => ok({ rules: [OLD, CURRENT] }) });
    renderTab();
    expect(await screen.findByText(/由县民政局统一设置/)).toBeInTheDocument();
    expect(screen.getByText(`现行标准（${CURRENT.effectiveFrom}起执行）`)).toBeInTheDocument();
    const inForce = screen.getByTestId('meal-rule-in-force');
    const tekun = within(inForce).getByText('特困补贴').closest('tr')!;
    expect(within(tekun).getByText('10.00')).toBeInTheDocument();
    expect(within(tekun).getByText('8.00')).toBeInTheDocument();
    expect(inForce).toHaveTextContent('送餐上门每餐另收送餐费 2.00 元');
    const history = screen.getByTestId('meal-rule-history');
    expect(within(history).getByText('午餐：餐标 10.00 元，补贴 特困 10.00 元、低保 5.00 元')).toBeInTheDocument();
    expect(within(history).getByText('现行')).toBeInTheDocument();
    expect(within(history).getByText('已停止')).toBeInTheDocument();
    expect(screen.queryByTestId('meal-rule-form')).toBeNull();
    expect(screen.queryByRole('button', { name: /保存/ })).toBeNull();
  });

  it('the county enters yuan and the standard is saved in fen', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'meals.rules.get': () => ok({ rules: [] }),
      'meals.rules.save': (input) => ok({ rules: [(input as { rule: MealSubsidyRule }).rule] }),
    });
    renderTab();
    const form = await screen.findByTestId('meal-rule-form');
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('执行日期'), `${firstOfNextMonth}{Enter}`);
    await user.type(within(form).getByLabelText('午餐餐标'), '12.5');
    await user.type(within(form).getByLabelText('特困午餐补贴'), '12.5');
    await user.type(within(form).getByLabelText('低保午餐补贴'), '6.3');
    await user.type(within(form).getByLabelText('80岁及以上午餐补贴'), '0.1');
    await user.type(within(form).getByLabelText('送餐费'), '2');
    await user.click(within(form).getByRole('button', { name: /保存补贴标准/ }));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toEqual({
      rule: { effectiveFrom: firstOfNextMonth, priceFen: { lunch: 1250 }, subsidyFen: { tekun: { lunch: 1250 }, dibao: { lunch: 630 }, age_80: { lunch: 10 } }, deliveryFeeFen: 200 },
    });
    expect(await screen.findByText(`现行标准`)).toBeInTheDocument();
    expect(within(screen.getByTestId('meal-rule-history')).getByText('待执行')).toBeInTheDocument();
  });

  it('says at each field what is missing or above the price, and sends nothing', async () => {
    const calls = installFake({ 'station.info': () => ok(COUNTY), 'meals.rules.get': () => ok({ rules: [] }) });
    renderTab();
    const form = await screen.findByTestId('meal-rule-form');
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('低保早餐补贴'), '3');
    await user.click(within(form).getByRole('button', { name: /保存补贴标准/ }));
    expect(await within(formItemOf(within(form).getByLabelText('执行日期'))).findByText('请选择执行日期')).toBeInTheDocument();
    expect(within(formItemOf(within(form).getByLabelText('午餐餐标'))).getByText('请至少填写一个餐次的餐标')).toBeInTheDocument();
    expect(within(formItemOf(within(form).getByLabelText('低保早餐补贴'))).getByText('请先填写早餐餐标')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('早餐餐标'), '2.5');
    expect(await within(formItemOf(within(form).getByLabelText('低保早餐补贴'))).findByText('补贴不能高于早餐餐标 2.50 元')).toBeInTheDocument();
    expect(saves(calls)).toHaveLength(0);
  });

  it('warns that past meals keep their amounts before saving a standard dated before this month', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'meals.rules.get': () => ok({ rules: [CURRENT] }),
      'meals.rules.save': (input) => ok({ rules: [CURRENT, (input as { rule: MealSubsidyRule }).rule] }),
    });
    renderTab();
    const form = await screen.findByTestId('meal-rule-form');
    // The form starts from the standard in force.
    await waitFor(() => expect(within(form).getByLabelText('午餐餐标')).toHaveValue('10.00'));
    const past = addDays(firstOfThisMonth, -20);
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText('执行日期'), `${past}{Enter}`);
    await user.click(within(form).getByRole('button', { name: /保存补贴标准/ }));
    // antd repeats a confirmation's title for screen readers: the visible one.
    const dialog = (await screen.findByText('执行日期早于本月', { selector: '.ant-modal-confirm-title' })).closest<HTMLElement>('.ant-modal')!;
    expect(dialog).toHaveTextContent('已录入的就餐记录保留录入时的餐标和补贴金额');
    expect(saves(calls)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: /仍然保存/ }));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0]).toMatchObject({ rule: { effectiveFrom: past, priceFen: { lunch: 1000, dinner: 800 }, deliveryFeeFen: 200 } });
  });
});
