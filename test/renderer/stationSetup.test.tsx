import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Outcome, Progress, StationInfo } from '../../src/shared/contract';
import { SetupPage } from '../../src/renderer/features/station/SetupPage';
import { installFake, ok, renderWithProviders } from './helpers';

const INFO: StationInfo = { initialised: true, role: 'station', code: '341723100', name: '蓉城镇社工站', countyCode: '341723', countyName: '青阳县', schemaVersion: 1, appVersion: '0.1.0' };

describe('first-run setup', () => {
  it('checks the township code, then loads demo data with a progress bar', async () => {
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    const calls = installFake({
      'station.init': () => ok(INFO),
      'demo.load': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const user = userEvent.setup();
    let finished = false;
    renderWithProviders(<SetupPage onFinished={() => (finished = true)} />);
    await user.type(screen.getByLabelText('乡镇（街道）代码'), '3417');
    await user.type(screen.getByLabelText('站点名称'), '蓉城镇社工站');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await screen.findByText('乡镇站点代码应为9位乡镇（街道）统计代码')).toBeInTheDocument();
    expect(calls.some((c) => c.name === 'station.init')).toBe(false);

    await user.type(screen.getByLabelText('乡镇（街道）代码'), '23100');
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
});
