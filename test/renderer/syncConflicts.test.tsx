import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConflictRow, StationInfo, SyncStatus } from '../../src/shared/contract';
import { ConflictsPage } from '../../src/renderer/features/sync/conflicts/ConflictsPage';
import { displayValue, fieldLabel } from '../../src/renderer/features/sync/conflicts/conflictValue';
import { installFake, ok, PLACES, renderRoute, STATION_INFO, type Call } from './helpers';

const conflict = (id: number, field: string, countyValue: unknown, stationValue: unknown, extra: Partial<ConflictRow> = {}): ConflictRow => ({
  id,
  kind: 'child',
  rowId: `child-${id}`,
  record: '张小明',
  field,
  countyValue,
  countyOrigin: 'county',
  stationCode: '341723100',
  stationValue,
  stationActor: '李社工',
  stationAt: '2026-11-20T09:30:00',
  receivedAt: '2026-11-28T14:05:00',
  resolution: null,
  resolvedBy: null,
  resolvedAt: null,
  ...extra,
});

const COUNTY: StationInfo = { ...STATION_INFO, role: 'county', code: '341723', name: '青阳县民政局' };

const STATUS: SyncStatus = {
  role: 'county',
  hubUrl: null,
  fingerprint: 'C0NT-Y4FP-88ZZ',
  county: {
    openConflicts: 3,
    stations: [{ code: '341723100', name: '蓉城镇社工站', state: 'enrolled', fingerprint: null, lastReceivedAt: null, lastSentAt: null, waitingToSend: 0 }],
  },
};

const OPEN = [
  conflict(1, 'schooling', 'primary', 'dropped_out'),
  conflict(2, 'notes', '县局核实：在县城读书', '已转学'),
  conflict(3, 'villageCode', '341723100201', '341723100202', { record: '王芳' }),
];

const rowOf = (el: HTMLElement) => el.closest<HTMLElement>('tr')!;
const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

describe('conflicts page', () => {
  it('shows both values side by side in Chinese and sends the chosen side', async () => {
    let open = OPEN;
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'sync.status': () => ok(STATUS),
      'sync.conflicts': () => ok(open),
      'sync.resolveConflict': (input) => {
        open = open.filter((c) => c.id !== (input as { id: number }).id);
        return ok({ id: (input as { id: number }).id });
      },
    });
    const user = userEvent.setup();
    renderRoute(<ConflictsPage />, { url: '/sync/conflicts', path: '/sync/conflicts' });

    const schooling = rowOf(await screen.findByText('就学情况'));
    expect(within(schooling).getByText('张小明')).toBeInTheDocument();
    expect(within(schooling).getByTestId('conflict-county-value')).toHaveTextContent('小学');
    expect(within(schooling).getByTestId('conflict-station-value')).toHaveTextContent('辍学');
    expect(within(schooling).getByText('蓉城镇社工站（341723100）')).toBeInTheDocument();
    expect(within(schooling).getByText('李社工')).toBeInTheDocument();
    expect(within(schooling).getByText('2026-11-20 09:30')).toBeInTheDocument();

    const notes = rowOf(screen.getByText('备注'));
    expect(within(notes).getByTestId('conflict-county-value')).toHaveTextContent('县局核实：在县城读书');
    expect(within(notes).getByTestId('conflict-station-value')).toHaveTextContent('已转学');

    await waitFor(() => expect(within(rowOf(screen.getByText('所在村（居）'))).getByTestId('conflict-station-value')).toHaveTextContent('蓉城镇 五星村'));
    expect(screen.getByTestId('conflicts-count')).toHaveTextContent('3 条待处理');

    await user.click(within(schooling).getByRole('button', { name: '采用站点的值' }));
    const confirm = (await screen.findByText('采用站点的值？')).closest<HTMLElement>('.ant-popover')!;
    expect(confirm).toHaveTextContent('“就学情况”改为：辍学');
    expect(callsOf(calls, 'sync.resolveConflict')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(callsOf(calls, 'sync.resolveConflict')[0]?.input).toEqual({ id: 1, keep: 'station' }));
    // Refreshed: the resolved conflict is gone.
    await waitFor(() => expect(screen.queryByText('就学情况')).toBeNull());
    expect(callsOf(calls, 'sync.conflicts').length).toBeGreaterThan(1);

    await user.click(within(rowOf(screen.getByText('备注'))).getByRole('button', { name: '保留县局的值' }));
    const keep = (await screen.findByText('保留县局的值？')).closest<HTMLElement>('.ant-popover')!;
    await user.click(within(keep).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(callsOf(calls, 'sync.resolveConflict')[1]?.input).toEqual({ id: 2, keep: 'county' }));
  });

  it('includes resolved conflicts when asked, with how they were resolved', async () => {
    const resolved = conflict(9, 'guardianshipType', 'fair', 'none', { resolution: 'station', resolvedBy: '县局管理员', resolvedAt: '2026-11-29T10:00:00' });
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'sync.status': () => ok(STATUS),
      'sync.conflicts': (input) => ok((input as { open: boolean }).open ? [] : [resolved]),
    });
    const user = userEvent.setup();
    renderRoute(<ConflictsPage />, { url: '/sync/conflicts', path: '/sync/conflicts' });
    expect(await screen.findByText('没有待处理的冲突')).toBeInTheDocument();
    await user.click(screen.getByLabelText('显示已处理的冲突'));
    const row = rowOf(await screen.findByText('监护类型'));
    expect(within(row).getByTestId('conflict-county-value')).toHaveTextContent('监护情况一般');
    expect(within(row).getByTestId('conflict-station-value')).toHaveTextContent('无人监护');
    expect(within(row).getByText('已采用站点的值')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: '保留县局的值' })).toBeNull();
    expect(callsOf(calls, 'sync.conflicts').map((c) => c.input)).toEqual([{ open: true }, { open: false }]);
  });

  it('labels known fields and renders their stored values as the register shows them', () => {
    expect(fieldLabel('child', 'guardianshipType')).toBe('监护类型');
    expect(fieldLabel('child', 'someNewField')).toBe('someNewField');
    expect(displayValue('child', 'incomeSources', '["migrant_work","farming"]')).toBe('打工收入、种养殖业');
    expect(displayValue('child', 'father', '{"name":"张大山","situation":"working_away"}')).toBe('姓名：张大山；父母状况：外出务工');
    expect(displayValue('child', 'boarding', 1)).toBe('是');
    expect(displayValue('child', 'notes', null)).toBe('（空）');
    expect(displayValue('child', 'villageCode', '341723100202', { places: PLACES })).toBe('蓉城镇 五星村');
    expect(displayValue('childCategory', 'category', 'left_behind')).toBe('农村留守儿童');
    expect(displayValue('elder', 'benefits', '[]')).toBe('（无）');
    expect(displayValue('visit', 'visitors', '["李社工","王主任"]')).toBe('李社工、王主任');
    expect(displayValue('supportAgreement', 'supporters', '[{"name":"张大","relationship":"son","provides":["money"]}]')).toBe('赡养人姓名：张大；与老人关系：儿子；赡养内容：经济供养');
  });
});
