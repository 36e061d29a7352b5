import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChildListInput, ChildListResult, ChildListRow } from '../../src/shared/contract';
import { ChildListPage } from '../../src/renderer/features/children/list/ChildListPage';
import { useChildListStore } from '../../src/renderer/features/children/list/listStore';
import { installFake, ok, renderRoute } from './helpers';

function row(id: string, name: string, extra: Partial<ChildListRow> = {}): ChildListRow {
  return {
    id,
    stationCode: '341723100',
    name,
    sex: 'M',
    birthDate: '2015-03-01',
    age: 10,
    idNumberMasked: '341723********0011',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    categories: ['left_behind'],
    guardianshipType: 'fair',
    schooling: 'primary',
    reportReasons: [],
    reported: false,
    ...extra,
  };
}

const ROWS = [
  row('c1', '张小明'),
  row('c2', '王芳', { sex: 'F', guardianshipType: 'none', reportReasons: ['无人监护'], categories: ['difficulty'] }),
  row('c3', '李强', { schooling: 'dropped_out', reportReasons: ['辍学'], reported: true }),
];

function listReply(rows: ChildListRow[]) {
  return (input: unknown) => {
    const q = input as ChildListInput;
    const hit = q.search ? rows.filter((r) => r.name.includes(q.search!)) : rows;
    const page = hit.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100));
    return ok({ total: hit.length, rows: page } satisfies ChildListResult);
  };
}

function rowOf(name: string): HTMLElement {
  const el = screen.getByText(name).closest<HTMLElement>('.ant-table-row');
  if (!el) throw new Error(`no table row for ${name}`);
  return el;
}

describe('children list', () => {
  beforeEach(() => {
    useChildListStore.setState({ filters: {} });
  });

  it('renders rows and marks the one that needs a mandatory report', async () => {
    installFake({ 'children.list': listReply(ROWS) });
    renderRoute(<ChildListPage />, { url: '/children', path: '/children' });
    expect(await screen.findByText('张小明')).toBeInTheDocument();
    expect(screen.getByTestId('children-total')).toHaveTextContent('共 3 人');
    expect(within(screen.getByTestId('children-table')).getByText('王芳')).toBeInTheDocument();

    const flagged = rowOf('王芳');
    expect(flagged).toHaveClass('row-needs-report');
    expect(within(flagged).getByText(/需强制报告/)).toBeInTheDocument();

    const reported = rowOf('李强');
    expect(reported).not.toHaveClass('row-needs-report');
    expect(within(reported).getByText('已报告')).toBeInTheDocument();

    expect(rowOf('张小明')).not.toHaveClass('row-needs-report');
    expect(within(rowOf('张小明')).queryByText(/需强制报告|已报告/)).toBeNull();
  });

  it('searches as the user types, once the typing settles', async () => {
    const calls = installFake({ 'children.list': listReply(ROWS) });
    const user = userEvent.setup();
    renderRoute(<ChildListPage />, { url: '/children', path: '/children' });
    await screen.findByText('张小明');
    await user.type(screen.getByTestId('children-search'), '王');
    await waitFor(() => expect(screen.getByTestId('children-total')).toHaveTextContent('共 1 人'));
    expect(screen.queryByText('张小明')).toBeNull();
    const searches = calls.filter((c) => c.name === 'children.list').map((c) => (c.input as ChildListInput).search);
    expect(searches).toEqual([undefined, '王']);
  });

  it('says so in Chinese when nothing is registered', async () => {
    installFake({ 'children.list': listReply([]) });
    renderRoute(<ChildListPage />, { url: '/children', path: '/children' });
    expect(await screen.findByText(/还没有登记儿童/)).toBeInTheDocument();
    expect(screen.getByTestId('children-add')).toHaveTextContent('新增儿童');
  });
});
