import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DueInfo, MajorChangeRecord, VisitRecord, VisitTimeline as Timeline } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { ROUTINE_HEALTH } from '../../src/shared/domain/visits';
import { VisitTimeline } from '../../src/renderer/features/visits/VisitTimeline';
import { installFake, ok, renderRoute } from './helpers';

function visit(id: string, visitedOn: string, overrides: Partial<VisitRecord> = {}): VisitRecord {
  return {
    id,
    stationCode: '341723100',
    subjectKind: 'elder',
    subjectId: 'elder-1',
    villageCode: '341723100201',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    visitedOn,
    visitors: ['王芳'],
    method: 'home',
    health: { ...ROUTINE_HEALTH },
    illness: undefined,
    livingDifficulties: undefined,
    moneyDifficulties: undefined,
    benefitsReceived: undefined,
    supportersVisit: undefined,
    hazards: [],
    hazardNote: undefined,
    needs: [],
    actions: undefined,
    referrals: undefined,
    nextVisitOn: undefined,
    notes: undefined,
    createdAt: `${visitedOn}T02:00:00.000Z`,
    updatedAt: `${visitedOn}T02:00:00.000Z`,
    ...overrides,
  };
}

const OVERDUE: DueInfo = { frequency: 'monthly', status: 'overdue', lastVisit: '2025-01-20', nextDueBy: '2025-02-28', daysOverdue: 12, majorChangePending: false };

function timeline(over: Partial<Timeline> = {}): Timeline {
  return {
    visits: [
      visit('v-old', '2024-11-03'),
      visit('v-new', '2025-01-20', { hazards: ['power'], health: { ...ROUTINE_HEALTH, mobility: 'bedridden' }, visitors: ['李强', '王芳'] }),
      visit('v-mid', '2024-12-15', { method: 'phone' }),
    ],
    majorChanges: [],
    due: OVERDUE,
    ...over,
  };
}

/** The dialog opened last (a confirmation opens over the page's own). */
async function lastDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const last = screen.getAllByRole('dialog').at(-1);
    if (!last) throw new Error('no dialog');
    return last;
  });
}

function renderTimeline() {
  return renderRoute(<VisitTimeline kind="elder" id="elder-1" name="刘桂兰" />, { url: '/elders/elder-1', path: '/elders/:id' });
}

describe('visit timeline', () => {
  it('shows an overdue person in red with the days overdue, and the numbers behind it', async () => {
    installFake({ 'visits.timeline': () => ok(timeline()) });
    renderTimeline();
    const tag = await screen.findByTestId('visit-due');
    expect(tag).toHaveTextContent('已逾期 12 天');
    expect(tag.className).toMatch(/red/);
    const card = screen.getByTestId('visit-timeline');
    expect(card).toHaveTextContent('每月');
    expect(card).toHaveTextContent('上次探访：2025-01-20');
    expect(card).toHaveTextContent('2025-02-28');
  });

  it('lists visits newest first and marks what a visit found', async () => {
    installFake({ 'visits.timeline': () => ok(timeline()) });
    renderTimeline();
    await screen.findByTestId('visit-due');
    const dates = screen.getAllByTestId('visit-item-date').map((d) => d.textContent);
    expect(dates).toEqual(['2025-01-20', '2024-12-15', '2024-11-03']);
    const newest = screen.getAllByTestId('visit-item')[0]!;
    expect(within(newest).getByText('用电隐患')).toBeInTheDocument();
    expect(within(newest).getByText('行动能力：卧床')).toBeInTheDocument();
    expect(screen.getAllByTestId('visit-item')[1]).toHaveTextContent('情况正常');
  });

  it('opens a visit’s full record on click', async () => {
    installFake({ 'visits.timeline': () => ok(timeline({ visits: [visit('v-1', '2025-01-20', { actions: '联系村医上门' })] })) });
    const user = userEvent.setup();
    renderTimeline();
    await screen.findByTestId('visit-due');
    expect(screen.queryByTestId('visit-details')).toBeNull();
    await user.click(screen.getByTestId('visit-item-date'));
    expect(within(screen.getByTestId('visit-details')).getByText('联系村医上门')).toBeInTheDocument();
  });

  it('shows a child’s visit with the child’s answers, and marks what needs follow-up', async () => {
    const childVisit = visit('v-child', '2025-01-20', {
      subjectKind: 'child',
      subjectId: 'child-1',
      health: {},
      childCheck: { guardianship: 'weak', schooling: 'attending', health: 'good', mental: 'good', parentContact: 'rarely', safety: ['drowning'] },
    });
    installFake({ 'visits.timeline': () => ok(timeline({ visits: [childVisit], due: null })) });
    const user = userEvent.setup();
    renderRoute(<VisitTimeline kind="child" id="child-1" name="张小明" />, { url: '/children/child-1', path: '/children/:id' });
    const item = await screen.findByTestId('visit-item');
    for (const flag of ['监护落实：监护不力', '与父母联系：很少联系', '溺水隐患']) expect(within(item).getByText(flag)).toBeInTheDocument();
    await user.click(screen.getByTestId('visit-item-date'));
    const details = screen.getByTestId('visit-details');
    for (const [label, answer] of [
      ['监护落实', '监护不力'],
      ['就学情况', '正常上学（入园）'],
      ['心理状况', '良好'],
      ['安全情况', '溺水隐患'],
    ] as const) {
      const row = within(details).getByText(label).closest('tr');
      expect(row).toHaveTextContent(answer);
    }
    expect(within(details).queryByText('行动能力')).toBeNull();
  });

  it('asks before deleting a visit and reloads after', async () => {
    const calls = installFake({ 'visits.timeline': () => ok(timeline()), 'visits.delete': () => ok({ id: 'v-new' }) });
    const user = userEvent.setup();
    renderTimeline();
    await screen.findByTestId('visit-due');
    await user.click(screen.getAllByTestId('visit-delete')[0]!);
    const confirm = await lastDialog();
    expect(confirm).toHaveTextContent('确定删除 2025-01-20 的探访记录吗？');
    expect(calls.filter((c) => c.name === 'visits.delete')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() => expect(calls.filter((c) => c.name === 'visits.delete').map((c) => c.input)).toEqual([{ id: 'v-new' }]));
    await waitFor(() => expect(calls.filter((c) => c.name === 'visits.timeline')).toHaveLength(2));
  });

  it('records a major change and shows it waiting for its visit', async () => {
    const pending: MajorChangeRecord = { id: 'mc-1', occurredOn: todayIso(), description: '摔伤住院', visited: false };
    let saved = false;
    const calls = installFake({
      'visits.timeline': () =>
        ok(
          saved
            ? timeline({ majorChanges: [pending], due: { ...OVERDUE, status: 'due_this_week', daysOverdue: undefined, majorChangePending: true } })
            : timeline(),
        ),
      'visits.saveMajorChange': () => {
        saved = true;
        return ok({ id: 'mc-1' });
      },
    });
    const user = userEvent.setup();
    renderTimeline();
    await screen.findByTestId('visit-due');
    await user.click(screen.getByTestId('visit-major-add'));
    const form = await screen.findByTestId('major-change-form');
    await user.click(screen.getByTestId('major-change-save'));
    expect(await within(form).findByText('请填写变故情况')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('变故情况'), '摔伤住院');
    await user.click(screen.getByTestId('major-change-save'));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'visits.saveMajorChange').map((c) => c.input)).toEqual([
        { subjectKind: 'elder', subjectId: 'elder-1', id: undefined, change: { occurredOn: todayIso(), description: '摔伤住院' } },
      ]),
    );
    const change = await screen.findByTestId('major-change');
    expect(change).toHaveTextContent('摔伤住院');
    expect(change).toHaveTextContent('需24小时内探访');
    expect(change.className).toMatch(/pending/);
    expect(screen.getByTestId('visit-due')).toHaveTextContent('本周应访');
  });
});
