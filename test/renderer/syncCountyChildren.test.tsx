import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChildListInput, ChildListRow, ChildRecord, PlaceTree, StationInfo, SyncStatus } from '../../src/shared/contract';
import { ChildDetailPage } from '../../src/renderer/features/children/detail/ChildDetailPage';
import { ChildListPage } from '../../src/renderer/features/children/list/ChildListPage';
import { useChildListStore } from '../../src/renderer/features/children/list/listStore';
import { installFake, makeIdNumber, ok, PLACES, renderRoute, type Call } from './helpers';

const COUNTY_INFO: StationInfo = { initialised: true, role: 'county', code: '341723', name: '青阳县民政局', countyCode: '341723', countyName: '青阳县', schemaVersion: 2, appVersion: '0.1.0' };

const TREE: PlaceTree = {
  ...PLACES,
  townships: [...PLACES.townships, { code: '341723101', name: '木镇镇', villages: [{ code: '341723101201', name: '木镇社区' }] }],
};

const STATUS: SyncStatus = {
  role: 'county',
  hubUrl: null,
  fingerprint: 'C0NT-Y4FP-88ZZ',
  county: {
    openConflicts: 0,
    stations: [{ code: '341723100', name: '蓉城镇社工站', state: 'enrolled', fingerprint: null, lastReceivedAt: null, lastSentAt: null, waitingToSend: 0 }],
  },
};

function row(id: string, name: string, stationCode: string, townshipName: string): ChildListRow {
  return {
    id,
    stationCode,
    name,
    sex: 'M',
    birthDate: '2015-03-01',
    age: 10,
    idNumberMasked: '341723********0011',
    townshipName,
    villageName: '社区',
    categories: ['left_behind'],
    guardianshipType: 'fair',
    schooling: 'primary',
    reportReasons: [],
    reported: false,
  };
}

const ROWS = [row('c1', '张小明', '341723100', '蓉城镇'), row('c2', '李强', '341723101', '木镇镇')];
const RECORD = {
  id: 'c1',
  stationCode: '341723100',
  name: '张小明',
  idNumber: makeIdNumber('2015-03-01', '001'),
  birthDate: '2015-03-01',
  sex: 'M',
  ethnicity: '01',
  hukouRegistered: true,
  hukouType: 'rural',
  villageCode: '341723100201',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '城东社区',
  healthStatus: 'healthy',
  schooling: 'primary',
  boarding: false,
  guardianshipType: 'fair',
  incomeSources: [],
  assistance: [],
  paternalGrandfather: {},
  paternalGrandmother: {},
  maternalGrandfather: {},
  maternalGrandmother: {},
  father: {},
  mother: {},
  guardian: {},
  categories: [{ id: 'k1', category: 'left_behind', startDate: '2023-09-01', reason: 'both_away', reasons: [] }],
  reportReasons: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
} as unknown as ChildRecord; // as the core returns it: empty relatives are {}

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

describe('county children register', () => {
  beforeEach(() => {
    useChildListStore.setState({ filters: {} });
  });

  it('names each child’s station and filters by station', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY_INFO),
      'places.tree': () => ok(TREE),
      'sync.status': () => ok(STATUS),
      'children.list': (input) => {
        const q = input as ChildListInput;
        const hit = q.stationCode ? ROWS.filter((r) => r.stationCode === q.stationCode) : ROWS;
        return ok({ total: hit.length, rows: hit });
      },
    });
    const user = userEvent.setup();
    renderRoute(<ChildListPage />, { url: '/children', path: '/children' });
    expect(await screen.findByRole('columnheader', { name: '站点' })).toBeInTheDocument();
    const table = screen.getByTestId('children-table');
    // An enrolled station by its sync name; a township without one by the township's name.
    await waitFor(() => expect(within(table).getByText('蓉城镇社工站')).toBeInTheDocument());
    expect(within(table).getByText('木镇镇')).toBeInTheDocument();

    await user.click(screen.getByLabelText('站点'));
    const dropdown = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-select-dropdown');
      if (!el) throw new Error('no dropdown yet');
      return el;
    });
    await user.click(within(dropdown).getByTitle('木镇镇'));
    await waitFor(() => expect(screen.getByTestId('children-total')).toHaveTextContent('共 1 人'));
    expect(callsOf(calls, 'children.list').at(-1)?.input).toMatchObject({ stationCode: '341723101' });
  });

  it('moves a child to a village of another township from the detail page', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY_INFO),
      'places.tree': () => ok(TREE),
      'children.get': () => ok(RECORD),
      'children.transfer': () => ok({ id: 'c1', stationCode: '341723101' }),
    });
    const user = userEvent.setup();
    renderRoute(<ChildDetailPage />, { url: '/children/c1', path: '/children/:id' });
    await user.click(await screen.findByTestId('child-transfer'));
    const modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByRole('button', { name: '确认迁移' }));
    expect(await within(modal).findByText('请选择迁入的村（居）')).toBeInTheDocument();
    expect(callsOf(calls, 'children.transfer')).toHaveLength(0);

    await user.click(within(modal).getByRole('combobox'));
    await user.click(await screen.findByText('木镇镇', { selector: '.ant-cascader-menu-item-content' }));
    await user.click(await screen.findByText('木镇社区', { selector: '.ant-cascader-menu-item-content' }));
    await user.click(within(modal).getByRole('button', { name: '确认迁移' }));
    expect(await screen.findByText('已迁移至木镇镇 木镇社区，记录转由该乡镇站点维护')).toBeInTheDocument();
    expect(callsOf(calls, 'children.transfer')[0]?.input).toEqual({ id: 'c1', villageCode: '341723101201' });
    // The record is read again after the move.
    await waitFor(() => expect(callsOf(calls, 'children.get')).toHaveLength(2));
  });

  it('offers no transfer at a township station', async () => {
    installFake({ 'station.info': () => ok({ ...COUNTY_INFO, role: 'station', code: '341723100' }), 'children.get': () => ok(RECORD) });
    renderRoute(<ChildDetailPage />, { url: '/children/c1', path: '/children/:id' });
    await screen.findByTestId('child-edit');
    expect(screen.queryByTestId('child-transfer')).toBeNull();
  });
});
