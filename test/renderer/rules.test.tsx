import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RulesRecord, StationInfo } from '../../src/shared/contract';
import { DEFAULT_HIGH_AGE_BANDS } from '../../src/shared/domain/elders';
import { DEFAULT_CHILD_DUE_RULE, DEFAULT_ELDER_DUE_RULE } from '../../src/shared/domain/visitDue';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { RulesPage } from '../../src/renderer/features/rules/RulesPage';
import { formatDateTime } from '../../src/renderer/ui/dates';
import { installFake, ok, renderRoute, STATION_INFO, type Call } from './helpers';

const STATION = STATION_INFO;
const COUNTY: StationInfo = { ...STATION, role: 'county', code: '341723', name: '青阳县民政局' };

const DEFAULTS: RulesRecord = {
  elderDue: DEFAULT_ELDER_DUE_RULE,
  childDue: DEFAULT_CHILD_DUE_RULE,
  highAgeBands: DEFAULT_HIGH_AGE_BANDS,
  source: { elderDue: 'default', childDue: 'default', highAgeBands: 'default' },
  changed: {},
};

const saves = (calls: Call[]) => calls.filter((c) => c.name === 'rules.save').map((c) => c.input);

describe('rules settings', () => {
  it('a station reads the rules as text, with who set them and when', async () => {
    const setAt = `${addDays(todayIso(), -3)}T01:30:00Z`;
    const elderDue = { lines: [{ tiers: ['high'], frequency: 'weekly' }, { groups: ['living_alone', 'empty_nest'], frequency: 'monthly' }], otherwise: 'quarterly' } as const;
    installFake({
      'station.info': () => ok(STATION),
      'rules.get': () => ok({ ...DEFAULTS, elderDue, source: { ...DEFAULTS.source, elderDue: 'county' }, changed: { elderDue: { at: setAt, by: null } } } satisfies RulesRecord),
    });
    renderRoute(<RulesPage />, { url: '/settings/rules', path: '/settings/rules' });
    expect(await screen.findByText(/由县民政局统一设置/)).toBeInTheDocument();
    const elder = screen.getByTestId('rules-elder');
    expect(within(elder).getByText('探访等级为高风险')).toBeInTheDocument();
    expect(within(elder).getByText('对象类别为独居或空巢')).toBeInTheDocument();
    expect(within(elder).getByText('其他老人')).toBeInTheDocument();
    expect(within(elder).getByTestId('rules-changed')).toHaveTextContent(`青阳县民政局设置于 ${formatDateTime(setAt)}`);
    expect(within(screen.getByTestId('rules-bands')).getByText('国家默认规则，县民政局尚未调整')).toBeInTheDocument();
    expect(within(screen.getByTestId('rules-bands')).getByText('80—89周岁')).toBeInTheDocument();
    // Text, not a disabled form: no inputs, no required marks, nothing to save.
    expect(document.querySelector('form, input, .ant-form-item-required')).toBeNull();
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
  });

  it('the county saves a frequency rule without empty conditions', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'rules.get': () => ok(DEFAULTS),
      'rules.save': (input) => ok({ ...DEFAULTS, elderDue: (input as { elderDue: RulesRecord['elderDue'] }).elderDue, source: { ...DEFAULTS.source, elderDue: 'county' } }),
    });
    renderRoute(<RulesPage />, { url: '/settings/rules', path: '/settings/rules' });
    const elder = await screen.findByTestId('rules-elder');
    const user = userEvent.setup();
    await user.click(within(elder).getByRole('button', { name: /增加一行/ }));
    await user.click(within(elder).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    const sent = saves(calls)[0] as { elderDue: { lines: Record<string, unknown>[]; otherwise: string } };
    expect(sent.elderDue.otherwise).toBe('quarterly');
    expect(sent.elderDue.lines).toHaveLength(DEFAULT_ELDER_DUE_RULE.lines.length + 1);
    // The new line has no conditions: it is sent as the frequency alone, never as empty lists.
    expect(sent.elderDue.lines.at(-1)).toEqual({ frequency: 'monthly' });
    expect(await within(elder).findByText('县局设置')).toBeInTheDocument();
  });

  it('shows the core’s refusal of overlapping bands under the bands', async () => {
    installFake({
      'station.info': () => ok(COUNTY),
      'rules.get': () => ok(DEFAULTS),
      'rules.save': () => ({ ok: false, error: { code: 'validation', message: '填写的内容有误，请按提示修改', fieldErrors: { 'highAgeBands.1.minAge': '各档次的年龄段不能重叠' } } }),
    });
    renderRoute(<RulesPage />, { url: '/settings/rules', path: '/settings/rules' });
    const bands = await screen.findByTestId('rules-bands');
    await userEvent.setup().click(within(bands).getByRole('button', { name: '保存' }));
    expect(await within(bands).findByText('各档次的年龄段不能重叠')).toBeInTheDocument();
  });
});
