import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ElderListInput, ElderListResult, ElderListRow, StationInfo, SyncStatus } from '../../src/shared/contract';
import { ElderListPage } from '../../src/renderer/features/elders/list/ElderListPage';
import { useElderListStore } from '../../src/renderer/features/elders/list/listStore';
import { installFake, ok, renderRoute, type Call } from './helpers';

function row(id: string, name: string, pinyin: string, extra: Partial<ElderListRow> = {}): ElderListRow & { pinyin: string } {
  return {
    id,
    stationCode: '341723100',
    name,
    pinyin,
    sex: 'F',
    birthDate: '1945-03-01',
    age: 80,
    idNumberMasked: '341723********0024',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    groups: ['empty_nest', 'high_age'],
    livingSituation: 'with_spouse',
    capability: 'intact',
    economicStatus: 'general',
    riskTier: 'general',
    highAgeClass: '80-89',
    ...extra,
  };
}

const ROWS = [
  row('e1', '王秀英', 'wxy'),
  row('e2', '李德明', 'ldm', { sex: 'M', groups: ['living_alone', 'disabled_care'], livingSituation: 'alone', capability: 'severe', riskTier: 'high' }),
  row('e3', '张桂兰', 'zgl', { groups: [], riskTier: 'priority', stationCode: '341723101', townshipName: '木镇镇', villageName: '木镇社区' }),
];

/** A stand-in for the core's list: name characters, pinyin initials, and the tier filter. */
function listReply(rows: ReturnType<typeof row>[]) {
  return (input: unknown) => {
    const q = input as ElderListInput;
    const term = q.search;
    const hit = rows
      .filter((r) => !term || r.name.includes(term) || r.pinyin.startsWith(term))
      .filter((r) => !q.riskTier || r.riskTier === q.riskTier)
      .filter((r) => !q.stationCode || r.stationCode === q.stationCode);
    const page = hit.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100)).map(({ pinyin: _p, ...r }) => r);
    return ok({ total: hit.length, rows: page } satisfies ElderListResult);
  };
}

function rowOf(name: string): HTMLElement {
  const el = screen.getByText(name).closest<HTMLElement>('.ant-table-row');
  if (!el) throw new Error(`no table row for ${name}`);
  return el;
}

const listCalls = (calls: Call[]) => calls.filter((c) => c.name === 'elders.list').map((c) => c.input as ElderListInput);

async function pick(label: string, option: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText(label));
  const dropdown = await waitFor(() => {
    // The newest dropdown: an earlier one may still be fading out, deaf to clicks.
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  await user.click(within(dropdown).getByTitle(option));
}

describe('elders list', () => {
  beforeEach(() => {
    useElderListStore.setState({ filters: {} });
  });

  it('renders rows with their groups and marks the high-risk elder', async () => {
    installFake({ 'elders.list': listReply(ROWS) });
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(screen.getByTestId('elders-total')).toHaveTextContent('共 3 人');

    const risky = rowOf('李德明');
    expect(risky).toHaveClass('row-high-risk');
    expect(within(risky).getByText('高风险')).toBeInTheDocument();
    expect(within(risky).getByText('独居', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(within(risky).getByText('重度失能')).toBeInTheDocument();

    const calm = rowOf('王秀英');
    expect(calm).not.toHaveClass('row-high-risk');
    expect(within(calm).getByText('一般', { selector: '.ant-tag' })).toBeInTheDocument();
    expect(within(calm).getByText('高龄')).toBeInTheDocument();
    expect(rowOf('张桂兰')).not.toHaveClass('row-high-risk');
    // A township station sees no station column.
    expect(screen.queryByRole('columnheader', { name: '站点' })).toBeNull();
  });

  it('searches by pinyin initials as the user types, once the typing settles', async () => {
    const calls = installFake({ 'elders.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    await screen.findByText('王秀英');
    await user.type(screen.getByTestId('elders-search'), 'ldm');
    await waitFor(() => expect(screen.getByTestId('elders-total')).toHaveTextContent('共 1 人'));
    expect(screen.getByText('李德明')).toBeInTheDocument();
    expect(screen.queryByText('王秀英')).toBeNull();
    expect(listCalls(calls).map((q) => q.search)).toEqual([undefined, 'ldm']);
  });

  it('filters by visit tier and clears the filters again', async () => {
    const calls = installFake({ 'elders.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    await screen.findByText('王秀英');
    await pick('探访等级', '高风险');
    await waitFor(() => expect(screen.getByTestId('elders-total')).toHaveTextContent('共 1 人'));
    expect(listCalls(calls).at(-1)).toMatchObject({ riskTier: 'high', offset: 0 });
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(screen.getByTestId('elders-total')).toHaveTextContent('共 3 人'));
    expect(listCalls(calls).at(-1)?.riskTier).toBeUndefined();
  });

  it('filters by living situation', async () => {
    const calls = installFake({ 'elders.list': listReply(ROWS) });
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    await screen.findByText('王秀英');
    await pick('居住情况', '独居');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ livingSituation: 'alone', offset: 0 }));
  });

  it('filters by any age range of the register, and by high-age allowance class apart', async () => {
    const calls = installFake({ 'elders.list': listReply(ROWS) });
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    await screen.findByText('王秀英');
    await pick('年龄段', '60—69岁');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ ageBand: '60-69', offset: 0 }));
    await pick('年龄段', '70—79岁');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ ageBand: '70-79' }));
    await pick('高龄津贴档次', '高龄津贴 90—99周岁');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ ageBand: '70-79', highAgeClass: '90-99' }));
  });

  it('says so in Chinese when nothing is registered', async () => {
    installFake({ 'elders.list': listReply([]) });
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    expect(await screen.findByText(/还没有登记老人/)).toBeInTheDocument();
    expect(screen.getByTestId('elders-add')).toHaveTextContent('新增老人');
  });
});

describe('elders list at the county', () => {
  const COUNTY: StationInfo = { initialised: true, role: 'county', code: '341723', name: '青阳县民政局', countyCode: '341723', countyName: '青阳县', schemaVersion: 2, appVersion: '0.1.0' };
  const STATUS: SyncStatus = {
    role: 'county',
    hubUrl: null,
    fingerprint: 'C0NT-Y4FP-88ZZ',
    county: {
      openConflicts: 0,
      stations: [{ code: '341723100', name: '蓉城镇社工站', state: 'enrolled', fingerprint: null, lastReceivedAt: null, lastSentAt: null, waitingToSend: 0 }],
    },
  };

  beforeEach(() => {
    useElderListStore.setState({ filters: {} });
  });

  it('names each elder’s station and filters by station', async () => {
    const calls = installFake({ 'station.info': () => ok(COUNTY), 'elders.list': listReply(ROWS), 'sync.status': () => ok(STATUS) });
    renderRoute(<ElderListPage />, { url: '/elders', path: '/elders' });
    expect(await screen.findByRole('columnheader', { name: '站点' })).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('王秀英')).getByText('蓉城镇社工站')).toBeInTheDocument());
    await pick('站点', '蓉城镇社工站');
    await waitFor(() => expect(screen.getByTestId('elders-total')).toHaveTextContent('共 2 人'));
    expect(listCalls(calls).at(-1)).toMatchObject({ stationCode: '341723100' });
  });
});
