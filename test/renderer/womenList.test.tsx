import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WomanListInput, WomanListResult, WomanListRow } from '../../src/shared/contract';
import { useWomanListStore } from '../../src/renderer/features/women/list/listStore';
import { WomanListPage } from '../../src/renderer/features/women/list/WomanListPage';
import { installFake, ok, renderRoute, type Call } from './helpers';

function row(id: string, name: string, extra: Partial<WomanListRow> = {}): WomanListRow {
  return {
    id,
    stationCode: '341723100',
    name,
    sex: 'F',
    birthDate: '1988-05-12',
    age: 38,
    idNumberMasked: '341723********0025',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    husbandName: '张建军',
    husbandWorkPlace: '浙江省宁波市',
    health: 'healthy',
    needs: ['employment'],
    sinceOn: '2024-03-01',
    active: true,
    ...extra,
  };
}

const ROWS = [
  row('w1', '李秀梅'),
  row('w2', '王春燕', { age: 27, needs: ['emotional', 'parenting'], husbandWorkPlace: '' }),
  row('w3', '单丽华', { age: 51, active: false, endedOn: '2026-05-01', health: 'ill' }),
];

function listReply(rows: WomanListRow[]) {
  return (input: unknown) => {
    const q = input as WomanListInput;
    let hit = q.search ? rows.filter((r) => r.name.includes(q.search!)) : rows;
    if (q.status) hit = hit.filter((r) => r.active === (q.status === 'active'));
    const page = hit.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100));
    return ok({ total: hit.length, rows: page } satisfies WomanListResult);
  };
}

function rowOf(name: string): HTMLElement {
  const el = screen.getByText(name).closest<HTMLElement>('.ant-table-row');
  if (!el) throw new Error(`no table row for ${name}`);
  return el;
}

const listCalls = (calls: Call[]) => calls.filter((c) => c.name === 'women.list').map((c) => c.input as WomanListInput);

async function pick(label: string, option: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText(label));
  // An earlier dropdown may still be in the document, closing: take the open one that holds the option.
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].find(
      (d) => !d.classList.contains('ant-select-dropdown-hidden') && within(d).queryByTitle(option) !== null,
    );
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  await user.click(within(dropdown).getByTitle(option));
}

describe('left-behind women list', () => {
  beforeEach(() => {
    useWomanListStore.setState({ filters: {} });
  });

  it('renders rows with husband, needs and status, and greys an ended record', async () => {
    installFake({ 'women.list': listReply(ROWS) });
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    expect(await screen.findByText('李秀梅')).toBeInTheDocument();
    expect(screen.getByTestId('women-total')).toHaveTextContent('共 3 人');
    const li = rowOf('李秀梅');
    expect(li).toHaveTextContent('张建军 / 浙江省宁波市');
    expect(within(li).getByText('就业创业')).toBeInTheDocument();
    expect(within(li).getByText('在册')).toBeInTheDocument();
    expect(li).not.toHaveClass('row-ended');
    expect(within(rowOf('王春燕')).getByText('心理疏导')).toBeInTheDocument();
    const ended = rowOf('单丽华');
    expect(ended).toHaveClass('row-ended');
    expect(within(ended).getByText('已退出（2026-05-01）')).toBeInTheDocument();
    expect(ended).toHaveTextContent('患病');
  });

  it('searches as the user types, once the typing settles', async () => {
    const calls = installFake({ 'women.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await screen.findByText('李秀梅');
    await user.type(screen.getByTestId('women-search'), '春燕');
    await waitFor(() => expect(screen.getByTestId('women-total')).toHaveTextContent('共 1 人'));
    expect(screen.queryByText('李秀梅')).toBeNull();
    expect(screen.getByText('王春燕')).toBeInTheDocument();
    expect(listCalls(calls).map((q) => q.search)).toEqual([undefined, '春燕']);
  });

  it('filters by status and age band, and clears the filters', async () => {
    const calls = installFake({ 'women.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await screen.findByText('李秀梅');
    await pick('登记状态', '已退出');
    await waitFor(() => expect(screen.getByTestId('women-total')).toHaveTextContent('共 1 人'));
    expect(screen.getByText('单丽华')).toBeInTheDocument();
    await pick('年龄段', '50—59岁');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ status: 'ended', ageBand: '50-59', offset: 0 }));
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(screen.getByTestId('women-total')).toHaveTextContent('共 3 人'));
    expect(listCalls(calls).at(-1)).toEqual({ offset: 0, limit: 200 });
  });

  it('opens a record from its row', async () => {
    installFake({ 'women.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await user.click(await screen.findByText('王春燕'));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  });

  it('shows a cut village name and the needs whole on hover', async () => {
    const long = '城东社区居民委员会第二居民小组';
    installFake({ 'women.list': listReply([row('w1', '李秀梅', { villageName: long, needs: ['employment', 'emotional', 'parenting'] })]) });
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await screen.findByText('李秀梅');
    const li = rowOf('李秀梅');
    const user = userEvent.setup();
    await user.hover(within(li).getByText(`蓉城镇 / ${long}`));
    expect(await screen.findByRole('tooltip', { name: `蓉城镇 / ${long}` })).toBeInTheDocument();
    await user.hover(within(li).getByText('就业创业'));
    expect(await screen.findByRole('tooltip', { name: /就业创业、/ })).toBeInTheDocument();
  });

  it('says so in Chinese when nothing is registered', async () => {
    installFake({ 'women.list': listReply([]) });
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    expect(await screen.findByText(/还没有登记留守妇女/)).toBeInTheDocument();
    expect(screen.getByTestId('women-add')).toHaveTextContent('新增留守妇女');
  });
});
