import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WomanDetailPage } from '../../src/renderer/features/women/detail/WomanDetailPage';
import { useWomanListStore } from '../../src/renderer/features/women/list/listStore';
import { WomanListPage } from '../../src/renderer/features/women/list/WomanListPage';
import type { WomanListRow, WomanRecord } from '../../src/shared/contract';
import { installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

const RECORD: WomanRecord = {
  id: 'w-1',
  stationCode: '341723100',
  name: '李秀梅',
  idNumber: makeIdNumber('1988-05-12', '002'),
  birthDate: '1988-05-12',
  sex: 'F',
  age: 38,
  villageCode: '341723100201',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '城东社区',
  address: undefined,
  phone: '13955557777',
  husbandName: '张建军',
  husbandPhone: undefined,
  husbandWorkProvince: '浙江省',
  husbandWorkCity: '宁波市',
  childrenAtHome: 2,
  health: 'ill',
  needs: ['employment', 'legal'],
  sinceOn: '2024-03-01',
  endedOn: undefined,
  notes: undefined,
  active: true,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const deletes = (calls: Call[]) => calls.filter((c) => c.name === 'women.delete');

/** The register's row of RECORD, as `women.list` answers it. */
const ROW: WomanListRow = {
  id: RECORD.id,
  stationCode: RECORD.stationCode,
  name: RECORD.name,
  sex: 'F',
  birthDate: RECORD.birthDate,
  age: 38,
  idNumberMasked: '341723********0025',
  townshipName: RECORD.townshipName,
  villageName: RECORD.villageName,
  husbandName: RECORD.husbandName,
  husbandWorkPlace: '浙江省宁波市',
  health: RECORD.health,
  needs: RECORD.needs,
  sinceOn: RECORD.sinceOn,
  active: true,
};

function renderDetail() {
  return renderRoute(<WomanDetailPage />, { url: '/women/w-1', path: '/women/:id' });
}

describe('left-behind woman detail', () => {
  beforeEach(() => {
    useWomanListStore.setState({ filters: {} });
  });

  it('shows the record with its labels', async () => {
    installFake({ 'women.get': () => ok(RECORD) });
    renderDetail();
    const basic = await screen.findByTestId('woman-basic');
    expect(basic).toHaveTextContent('1988-05-12（38周岁）');
    expect(basic).toHaveTextContent('患病');
    expect(basic).toHaveTextContent('蓉城镇 / 城东社区');
    expect(screen.getByText('浙江省 宁波市')).toBeInTheDocument();
    expect(screen.getByText('就业创业、法律援助')).toBeInTheDocument();
    expect(screen.getByText('2人')).toBeInTheDocument();
    expect(screen.getAllByText('在册').length).toBeGreaterThan(0);
  });

  it('asks before deleting: cancel keeps the record', async () => {
    const calls = installFake({ 'women.get': () => ok(RECORD), 'women.delete': () => ok({ id: 'w-1' }) });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('woman-delete'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('确定删除“李秀梅”的留守妇女记录吗？');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    // The closing animation never ends in jsdom: give a wrongly wired button time to call, then look.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deletes(calls)).toHaveLength(0);
    expect(screen.getByTestId('woman-basic')).toBeInTheDocument();
    expect(screen.queryByTestId('elsewhere')).toBeNull();
  });

  it('deletes once confirmed, refreshes the list and goes back to it', async () => {
    let deleted = false;
    const calls = installFake({
      'women.list': () => ok(deleted ? { total: 0, rows: [] } : { total: 1, rows: [ROW] }),
      'women.get': () => ok(RECORD),
      'women.delete': () => {
        deleted = true;
        return ok({ id: 'w-1' });
      },
    });
    const user = userEvent.setup();
    // The list is read first: coming back to it after the delete must read it again, not show it from before.
    renderRoute(<WomanListPage />, { url: '/women', path: '/women', also: { '/women/:id': <WomanDetailPage /> } });
    await user.click(await screen.findByText('李秀梅'));
    await user.click(await screen.findByTestId('woman-delete'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText(/还没有登记留守妇女/)).toBeInTheDocument();
    expect(deletes(calls).map((c) => c.input)).toEqual([{ id: 'w-1' }]);
    await waitFor(() => expect(calls.filter((c) => c.name === 'women.list')).toHaveLength(2));
    expect(screen.getByTestId('women-total')).toHaveTextContent('共 0 人');
    expect(await screen.findByText('已删除')).toBeInTheDocument();
  });

  it('shows the core’s refusal to delete and stays on the record', async () => {
    installFake({
      'women.get': () => ok(RECORD),
      'women.delete': () => ({ ok: false, error: { code: 'conflict', message: '该留守妇女的记录由其他乡镇的站点维护' } }),
    });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('woman-delete'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('该留守妇女的记录由其他乡镇的站点维护')).toBeInTheDocument();
    expect(screen.queryByTestId('elsewhere')).toBeNull();
  });

  it('says so when the record is gone', async () => {
    installFake({ 'women.get': () => ({ ok: false, error: { code: 'not_found', message: '该留守妇女记录不存在或已被删除' } }) });
    renderDetail();
    expect(await screen.findByText('该留守妇女记录不存在或已被删除')).toBeInTheDocument();
    expect(screen.getByText('返回留守妇女台账')).toBeInTheDocument();
  });
});
