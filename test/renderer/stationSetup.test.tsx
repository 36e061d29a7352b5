import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Outcome, Progress, ShippedCounty, StationInfo } from '../../src/shared/contract';
import { SetupPage } from '../../src/renderer/features/station/SetupPage';
import { formItemOf, installFake, ok, renderWithProviders } from './helpers';

const INFO: StationInfo = { initialised: true, role: 'station', code: '341723100', name: '蓉城镇社工站', countyCode: '341723', countyName: '青阳县', schemaVersion: 1, appVersion: '0.1.0' };
const SHIPPED: ShippedCounty[] = [
  {
    code: '341723',
    name: '青阳县',
    townships: [
      { code: '341723100', name: '蓉城镇' },
      { code: '341723101', name: '木镇镇' },
      { code: '341723102', name: '庙前镇' },
    ],
  },
];

describe('first-run setup', () => {
  it('chooses the township from the shipped list, then loads demo data with a progress bar', async () => {
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    const calls = installFake({
      'places.shipped': () => ok(SHIPPED),
      'station.init': () => ok(INFO),
      'demo.load': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const user = userEvent.setup();
    let finished = false;
    renderWithProviders(<SetupPage onFinished={() => (finished = true)} />);
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    const township = screen.getByLabelText('乡镇（街道）');
    expect(await within(formItemOf(township)).findByText('请选择乡镇（街道）')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('站点名称'))).getByText('请填写名称')).toBeInTheDocument();
    expect(calls.some((c) => c.name === 'station.init')).toBe(false);

    // Found by its name or its code; each message goes as soon as its field is filled.
    await user.click(township);
    await user.type(township, '3417231');
    expect(await screen.findByTitle('木镇镇（341723101）')).toBeInTheDocument();
    await user.clear(township);
    await user.type(township, '蓉城');
    await user.click(await screen.findByTitle('蓉城镇（341723100）'));
    await waitFor(() => expect(within(formItemOf(township)).queryByText('请选择乡镇（街道）')).toBeNull());
    expect(within(formItemOf(screen.getByLabelText('站点名称'))).getByText('请填写名称')).toBeInTheDocument();
    await user.type(screen.getByLabelText('站点名称'), '蓉城镇社工站');
    await waitFor(() => expect(screen.queryByText('请填写名称')).toBeNull());

    await user.click(screen.getByRole('button', { name: '完成设置' }));
    await user.click(await screen.findByRole('button', { name: '加载演示数据' }));
    await waitFor(() => expect(report).toBeDefined());
    report!({ phase: '生成演示数据', done: 30, total: 60 });
    expect(await screen.findByText(/生成演示数据（30 \/ 60）/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    finish!(ok({ children: 60, elders: 40, women: 15, visits: 713 }));
    await waitFor(() => expect(finished).toBe(true));
    expect(await screen.findByText('已加载演示数据：60 名儿童、40 位老人、15 名留守妇女、713 条走访记录')).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'station.init')?.input).toEqual({ role: 'station', code: '341723100', name: '蓉城镇社工站' });
  });

  it('clears the core’s refusal under the township once another is chosen', async () => {
    const refusal = '代码 341723102 不是青阳县的乡镇（街道）';
    installFake({
      'places.shipped': () => ok(SHIPPED),
      'station.init': () => ({ ok: false, error: { code: 'validation', message: refusal, fieldErrors: { code: refusal } } }),
    });
    const user = userEvent.setup();
    renderWithProviders(<SetupPage onFinished={() => undefined} />);
    const township = screen.getByLabelText('乡镇（街道）');
    await user.click(township);
    await user.click(await screen.findByTitle('庙前镇（341723102）'));
    await user.type(screen.getByLabelText('站点名称'), '庙前镇社工站');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await within(formItemOf(township)).findByText(refusal)).toBeInTheDocument();
    await user.click(township);
    await user.click(await screen.findByTitle('木镇镇（341723101）'));
    await waitFor(() => expect(within(formItemOf(township)).queryByText(refusal)).toBeNull());
  });

  it('lets the county choose its county, offered at once when only one ships', async () => {
    const calls = installFake({ 'places.shipped': () => ok(SHIPPED), 'station.init': () => ok({ ...INFO, role: 'county', code: '341723', name: '青阳县民政局' }) });
    const user = userEvent.setup();
    renderWithProviders(<SetupPage onFinished={() => undefined} />);
    await screen.findByLabelText('乡镇（街道）');
    await waitFor(() => expect(calls.some((c) => c.name === 'places.shipped')).toBe(true));
    await user.click(screen.getByText('县民政局'));
    const county = await screen.findByLabelText('县（市、区）');
    expect(formItemOf(county)).toHaveTextContent('青阳县（341723）');
    await user.type(screen.getByLabelText('单位名称'), '青阳县民政局');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    await waitFor(() => expect(calls.find((c) => c.name === 'station.init')?.input).toEqual({ role: 'county', code: '341723', name: '青阳县民政局' }));
  });
});
