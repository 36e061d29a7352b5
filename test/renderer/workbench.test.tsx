import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChildListInput, DueListInput, DueListResult, DueRow, SyncStatus, VisitRateInput, VisitRateResult, VisitsByMonthRow } from '../../src/shared/contract';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { DueStatusKind } from '../../src/shared/domain/visitDue';
import { ChildListPage } from '../../src/renderer/features/children/list/ChildListPage';
import { useChildListStore } from '../../src/renderer/features/children/list/listStore';
import { WorkbenchPage } from '../../src/renderer/features/workbench/WorkbenchPage';
import { useWorkbenchStore } from '../../src/renderer/features/workbench/workbenchStore';
import { installFake, ok, renderRoute, renderWithProviders, type Call } from './helpers';

const TODAY = '2026-03-18';

function due(id: string, name: string, status: DueStatusKind, extra: Partial<DueRow> = {}): DueRow {
  return {
    subjectKind: 'elder',
    id,
    stationCode: '341723100',
    name,
    age: 81,
    townshipName: '蓉城镇',
    villageName: '城东社区',
    groups: ['living_alone'],
    riskTier: 'high',
    frequency: 'weekly',
    status,
    lastVisit: '2026-03-02',
    nextDueBy: '2026-03-09',
    majorChangePending: false,
    ...extra,
  };
}

const PEOPLE: DueRow[] = [
  due('e1', '王秀英', 'overdue', { daysOverdue: 9, majorChangePending: true }),
  due('c1', '张小明', 'overdue', {
    subjectKind: 'child',
    age: 9,
    groups: ['left_behind'],
    riskTier: undefined,
    frequency: 'monthly',
    lastVisit: undefined,
    nextDueBy: '2026-02-28',
    daysOverdue: 18,
    reportReasons: ['无人监护'],
  }),
  due('e2', '李桂兰', 'due_this_week', { nextDueBy: '2026-03-22', villageName: '五星村' }),
  due('e3', '赵德明', 'due_this_month', { riskTier: 'priority', frequency: 'monthly', nextDueBy: '2026-03-31' }),
  due('e4', '钱大爷', 'due_this_month', { riskTier: 'priority', frequency: 'monthly', nextDueBy: '2026-03-31' }),
];

/** The core's due list over PEOPLE, minus those visited during the test. */
function dueReply(visited: Set<string>) {
  return (input: unknown) => {
    const q = input as DueListInput;
    const live = PEOPLE.filter((p) => !visited.has(p.id))
      .filter((p) => !q.subjectKind || p.subjectKind === q.subjectKind)
      .filter((p) => !q.search || p.name.includes(q.search));
    const counts: Record<DueStatusKind, number> = { overdue: 0, due_this_week: 0, due_this_month: 0, ok: visited.size };
    for (const p of live) counts[p.status] += 1;
    const wanted = live.filter((p) => (q.status ? p.status === q.status : p.status !== 'ok'));
    return ok({ today: TODAY, counts, total: wanted.length, rows: wanted.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100)) } satisfies DueListResult);
  };
}

const RATE: VisitRateResult = {
  month: '2026-03',
  scope: 'tekun',
  total: { code: '341723100', name: '蓉城镇', eligible: 6, visited: 5, rate: 5 / 6 },
  rows: [
    { code: '341723100201', name: '城东社区', eligible: 4, visited: 4, rate: 1 },
    { code: '341723100202', name: '五星村', eligible: 2, visited: 1, rate: 0.5 },
  ],
};

const BY_MONTH: VisitsByMonthRow[] = Array.from({ length: 12 }, (_, i) => {
  const m = ((i + 3) % 12) + 1;
  const y = i < 9 ? 2025 : 2026;
  return { month: `${y}-${String(m).padStart(2, '0')}`, elder: 10 + i, child: 3, woman: i % 2 };
});

const SYNC: SyncStatus = {
  role: 'station',
  hubUrl: null,
  fingerprint: 'K7QM-2XHD-9RTA',
  station: { enrolment: 'enrolled', countyFingerprint: 'C0NT-Y4FP-88ZZ', unconfirmed: 7, lastExportedAt: '2026-03-17T16:00:00', lastConfirmedAt: '2026-03-16T09:30:00' },
};

function install(visited = new Set<string>(), sync: SyncStatus = SYNC): Call[] {
  return installFake({
    'workbench.due': dueReply(visited),
    'workbench.visitRate': () => ok(RATE),
    'workbench.visitsByMonth': () => ok(BY_MONTH),
    'children.list': () => ok({ total: 2, rows: [] }),
    'sync.status': () => ok(sync),
    'visits.create': (input) => {
      visited.add((input as { subjectId: string }).subjectId);
      return ok({ id: 'visit-new' });
    },
  });
}

const renderWorkbench = () => renderRoute(<WorkbenchPage />, { url: '/', path: '/' });

function WhereAmI() {
  return <div data-testid="left-for">{useLocation().pathname}</div>;
}

/** The workbench, and a page that tells where a click led (the children list, where asked). */
function renderLeaving({ withChildren = false } = {}) {
  return renderWithProviders(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<WorkbenchPage />} />
        {withChildren && <Route path="/children" element={<ChildListPage />} />}
        <Route path="*" element={<WhereAmI />} />
      </Routes>
    </MemoryRouter>,
  );
}
const dueCalls = (calls: Call[]) => calls.filter((c) => c.name === 'workbench.due').map((c) => c.input as DueListInput);
/** The list's own calls, without the whole-station counts the cards ask for. */
const listCalls = (calls: Call[]) => dueCalls(calls).filter((q) => q.status !== undefined);
const dueTable = () => screen.getByTestId('workbench-due-table');

// Antd tables and modals are slow to render in jsdom, more so on a busy machine.
describe('workbench', { timeout: 90_000 }, () => {
  beforeEach(() => {
    useWorkbenchStore.setState({ tab: 'overdue', filters: {}, page: 1 });
    localStorage.clear();
    // jsdom has no canvas: the chart shows its numbers as a table instead.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the counts of the morning: overdue, due this week and month, reports, unconfirmed changes, the rate', async () => {
    install();
    renderWorkbench();
    await waitFor(() => expect(screen.getByTestId('workbench-overdue-count')).toHaveTextContent('2人'));
    expect(screen.getByTestId('workbench-week-count')).toHaveTextContent('1人');
    expect(screen.getByTestId('workbench-month-count')).toHaveTextContent('2人');
    await waitFor(() => expect(screen.getByTestId('workbench-report-count')).toHaveTextContent('2人'));
    await waitFor(() => expect(screen.getByTestId('workbench-sync-count')).toHaveTextContent('7条'));
    // The county's confirmation, not this station's later export.
    expect(screen.getByText('县局上次确认：2026-03-16 09:30')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('workbench-tekun-rate')).toHaveTextContent('83.3%'));
    expect(screen.getByText('已访 5 / 6 人，目标 100%')).toBeInTheDocument();
    expect(screen.getByTestId('workbench-today')).toHaveTextContent('2026-03-18 星期三');

    // The tabs carry the same counts.
    expect(screen.getByTestId('due-tab-overdue')).toHaveTextContent('已逾期2');
    expect(screen.getByTestId('due-tab-week')).toHaveTextContent('本周应访1');
    expect(screen.getByTestId('due-tab-month')).toHaveTextContent('本月应访2');
  });

  it('says a station waiting for the county’s first answer is waiting, as the sync page does', async () => {
    install(new Set(), { ...SYNC, station: { ...SYNC.station!, enrolment: 'awaiting_county', lastConfirmedAt: null } });
    renderWorkbench();
    await waitFor(() => expect(screen.getByTestId('workbench-sync-count')).toHaveTextContent('7条'));
    expect(await screen.findByText('等待县局确认登记')).toBeInTheDocument();
    expect(screen.queryByText(/本站尚未登记|县局上次确认/)).toBeNull();
  });

  it('lists the overdue first, with links, tags and days overdue', async () => {
    install();
    renderWorkbench();
    const table = await waitFor(() => {
      const t = dueTable();
      expect(within(t).getByText('王秀英')).toBeInTheDocument();
      return t;
    });
    const elder = within(table).getByText('王秀英').closest('tr')!;
    expect(within(elder).getByRole('link', { name: '王秀英' })).toHaveAttribute('href', '/elders/e1');
    expect(within(elder).getByText('9天')).toBeInTheDocument();
    expect(within(elder).getByText('重大变故')).toBeInTheDocument();
    expect(within(elder).getByText('独居')).toBeInTheDocument();
    expect(within(elder).getByText('每周')).toBeInTheDocument();
    const child = within(table).getByText('张小明').closest('tr')!;
    expect(within(child).getByRole('link', { name: '张小明' })).toHaveAttribute('href', '/children/c1');
    expect(within(child).getByText('强制报告')).toBeInTheDocument();
    expect(within(child).getByText('农村留守儿童')).toBeInTheDocument();
    expect(within(child).getByText('从未探访')).toBeInTheDocument();
    expect(within(table).queryByText('李桂兰')).toBeNull();
  });

  it('asks the core for the status of the tab chosen, and for the kind and the search', async () => {
    const calls = install();
    const user = userEvent.setup();
    renderWorkbench();
    await within(await screen.findByTestId('workbench-due-table')).findByText('王秀英');
    expect(listCalls(calls)[0]).toMatchObject({ status: 'overdue', offset: 0 });

    await user.click(screen.getByTestId('due-tab-week'));
    await within(dueTable()).findByText('李桂兰');
    expect(listCalls(calls).at(-1)).toMatchObject({ status: 'due_this_week' });
    expect(within(dueTable()).queryByText('王秀英')).toBeNull();

    await user.click(screen.getByTestId('due-tab-month'));
    await within(dueTable()).findByText('赵德明');
    expect(listCalls(calls).at(-1)).toMatchObject({ status: 'due_this_month' });

    await user.click(screen.getByTestId('due-tab-overdue'));
    await user.click(within(screen.getByTestId('due-kind')).getByText('儿童'));
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ status: 'overdue', subjectKind: 'child' }));
    await waitFor(() => expect(within(dueTable()).queryByText('王秀英')).toBeNull());
    // The cards keep the whole station's counts while the list is filtered.
    expect(screen.getByTestId('workbench-overdue-count')).toHaveTextContent('2人');
    expect(screen.getByTestId('due-tab-overdue')).toHaveTextContent('已逾期1');
    expect(dueCalls(calls)).toContainEqual({ limit: 1 });

    await user.type(screen.getByTestId('due-search'), '张');
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ subjectKind: 'child', search: '张' }));
  });

  it('records a visit from the list, and the person leaves the overdue list at once', async () => {
    const calls = install();
    const user = userEvent.setup();
    renderWorkbench();
    const table = await screen.findByTestId('workbench-due-table');
    const elder = (await within(table).findByText('王秀英')).closest('tr')!;
    await user.click(within(elder).getByTestId('due-row-visit'));
    expect(await screen.findByText('登记探访：王秀英')).toBeInTheDocument();
    await user.type(screen.getByTestId('visit-visitors'), '陈村医');
    await user.click(screen.getByTestId('visit-save'));

    await waitFor(() => expect(calls.some((c) => c.name === 'visits.create')).toBe(true));
    expect(calls.find((c) => c.name === 'visits.create')?.input).toMatchObject({ subjectKind: 'elder', subjectId: 'e1' });
    await waitFor(() => expect(within(dueTable()).queryByText('王秀英')).toBeNull());
    expect(within(dueTable()).getByText('张小明')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('workbench-overdue-count')).toHaveTextContent('1人'));
    expect(screen.getByTestId('due-tab-overdue')).toHaveTextContent('已逾期1');
    // The rate and the chart are asked again too: the visit counts there.
    expect(calls.filter((c) => c.name === 'workbench.visitsByMonth').length).toBeGreaterThan(1);
  });

  it('shows the monthly rate by village for a station, in percent, and marks villages short of 100%', async () => {
    const calls = install();
    renderWorkbench();
    const table = await screen.findByTestId('workbench-rate-table');
    const full = (await within(table).findByText('城东社区')).closest('tr')!;
    const short = within(table).getByText('五星村').closest('tr')!;
    expect(within(full).getByText('100%')).toBeInTheDocument();
    expect(full).not.toHaveClass('rate-below');
    expect(within(short).getByText('50%')).toBeInTheDocument();
    expect(short).toHaveClass('rate-below');
    expect(within(table).getByText('蓉城镇合计')).toBeInTheDocument();
    expect(within(table).getByText('83.3%')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '村（居）' })).toBeInTheDocument();
    const rateCalls = calls.filter((c) => c.name === 'workbench.visitRate').map((c) => c.input as VisitRateInput);
    expect(rateCalls).toContainEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/), scope: 'tekun', townshipCode: '341723100' });
  });

  it('at the county: conflicts instead of unconfirmed changes, the rate by township, the township in the list', async () => {
    const byTownship: VisitRateResult = {
      ...RATE,
      total: { code: '', name: '合计', eligible: 10, visited: 9, rate: 0.9 },
      rows: [
        { code: '341723100', name: '蓉城镇', eligible: 6, visited: 5, rate: 5 / 6 },
        { code: '341723101', name: '木镇镇', eligible: 4, visited: 4, rate: 1 },
      ],
    };
    const calls = installFake({
      'station.info': () => ok({ initialised: true, role: 'county', code: '341723', name: '青阳县民政局', schemaVersion: 1, appVersion: '0.1.0' }),
      'workbench.due': dueReply(new Set()),
      'workbench.visitRate': () => ok(byTownship),
      'workbench.visitsByMonth': () => ok(BY_MONTH),
      'children.list': () => ok({ total: 0, rows: [] }),
      'sync.status': () => ok({ role: 'county', hubUrl: null, fingerprint: 'C0NT-Y4FP-88ZZ', county: { stations: [], openConflicts: 4 } } satisfies SyncStatus),
    });
    renderWorkbench();
    await waitFor(() => expect(screen.getByTestId('workbench-sync-count')).toHaveTextContent('待处理冲突4条'));
    const rate = await screen.findByTestId('workbench-rate-table');
    await within(rate).findByText('木镇镇');
    expect(within(rate).getByRole('columnheader', { name: '乡镇（街道）' })).toBeInTheDocument();
    expect(within(rate).getByText('全县合计')).toBeInTheDocument();
    expect(within(rate).getByText('90%')).toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'workbench.visitRate').map((c) => c.input)).toContainEqual({ month: expect.any(String), scope: 'tekun' });
    expect(await within(dueTable()).findAllByText('蓉城镇 / 城东社区')).toHaveLength(2);
    await waitFor(() => expect(screen.getByTestId('workbench-report-count')).toHaveTextContent('0人'));
  });

  it('gives the chart’s numbers as a table', async () => {
    install();
    renderWorkbench();
    const table = await screen.findByRole('table', { name: '近12个月走访人次' });
    await within(table).findByText('2025年4月');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['月份', '老人', '儿童', '留守妇女', '合计']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['10', '3', '0', '13']);
    expect(within(rows[12]!).getByRole('rowheader')).toHaveTextContent('2026年3月');
    expect(within(rows[12]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['21', '3', '1', '25']);
  });

  it('opens the children list filtered to mandatory reports', async () => {
    const calls = install();
    const user = userEvent.setup();
    useChildListStore.setState({ filters: { search: '王' } });
    renderLeaving({ withChildren: true });
    await waitFor(() => expect(screen.getByTestId('workbench-report-count')).toHaveTextContent('2人'));
    await user.click(screen.getByTestId('workbench-report-count'));
    expect(await screen.findByTestId('children-total')).toBeInTheDocument();
    expect(useChildListStore.getState().filters).toEqual({ needsReport: true });
    // The list asks the core with that filter alone, not with the search it had before.
    const lists = () => calls.filter((c) => c.name === 'children.list').map((c) => c.input as ChildListInput);
    await waitFor(() => expect(lists().at(-1)).toEqual({ needsReport: true, offset: 0, limit: 200 }));
    expect(lists().some((q) => q.search !== undefined)).toBe(false);
  });

  it('prints the overdue, this week’s or this month’s people together, each offered with its count', async () => {
    install();
    const user = userEvent.setup();
    renderLeaving();
    await waitFor(() => expect(screen.getByTestId('due-tab-overdue')).toHaveTextContent('已逾期2'));
    await user.click(screen.getByRole('button', { name: /批量打印探访表/ }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['已逾期人员（2 人）', '本周应访人员（1 人）', '本月应访人员（2 人）']);
    await user.click(within(menu).getByText('已逾期人员（2 人）'));
    expect(await screen.findByTestId('left-for')).toHaveTextContent('/print/batch/overdue');
  });

  it('leads to the batch print page of this month’s visits', async () => {
    install();
    const user = userEvent.setup();
    renderLeaving();
    await waitFor(() => expect(screen.getByTestId('due-tab-month')).toHaveTextContent('本月应访2'));
    await user.click(screen.getByRole('button', { name: /批量打印探访表/ }));
    await user.click(await screen.findByText('本月应访人员（2 人）'));
    expect(await screen.findByTestId('left-for')).toHaveTextContent('/print/batch/due-this-month');
  });
});
