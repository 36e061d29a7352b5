import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { VisitRecord } from '../../src/shared/contract';
import { addDays } from '../../src/shared/domain/dates';
import { todayIso } from '../../src/shared/domain/dates';
import { ROUTINE_HEALTH } from '../../src/shared/domain/visits';
import { VisitEntryModal } from '../../src/renderer/features/visits/VisitEntryModal';
import { formItemOf, installFake, ok, renderRoute, type Call } from './helpers';

const SUBJECT = { kind: 'child' as const, id: 'child-1', name: '张小明' };
const REMEMBERED = 'station-ledger.visits.lastVisitors';

function renderModal(visit?: VisitRecord, saved: string[] = [], closed: { count: number } = { count: 0 }) {
  return renderRoute(
    <VisitEntryModal subject={SUBJECT} visit={visit} open onClose={() => (closed.count += 1)} onSaved={(id) => saved.push(id)} />,
    { url: '/children/child-1', path: '/children/:id' },
  );
}

const writes = (calls: Call[]) => calls.filter((c) => c.name === 'visits.create' || c.name === 'visits.update');

function visitRecord(overrides: Partial<VisitRecord>): VisitRecord {
  return {
    id: 'visit-1',
    stationCode: '341723100',
    subjectKind: 'child',
    subjectId: 'child-1',
    villageCode: '341723100201',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    visitedOn: '2025-03-01',
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
    createdAt: '2025-03-01T02:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    ...overrides,
  };
}

function panelOf(label: string): HTMLElement | null {
  return screen.getByLabelText(label).closest<HTMLElement>('.ant-collapse-item');
}

beforeEach(() => {
  localStorage.clear();
});

describe('visit entry', () => {
  it('saves a routine visit from the defaults and one visitor, by Enter', async () => {
    const calls = installFake({ 'visits.create': () => ok({ id: 'visit-new' }) });
    const user = userEvent.setup();
    const saved: string[] = [];
    const closed = { count: 0 };
    renderModal(undefined, saved, closed);
    expect(screen.getByTestId('visit-entry')).toBeInTheDocument();
    await user.type(screen.getByTestId('visit-visitors'), '王芳{Enter}');
    await waitFor(() => expect(saved).toEqual(['visit-new']));
    expect(writes(calls)).toHaveLength(1);
    expect(writes(calls)[0]!.input).toEqual({
      subjectKind: 'child',
      subjectId: 'child-1',
      visit: { visitedOn: todayIso(), visitors: ['王芳'], method: 'home', health: ROUTINE_HEALTH, hazards: [], needs: [] },
    });
    expect(closed.count).toBe(1);
  });

  it('remembers the visitors of the last visit for the next one', async () => {
    installFake({ 'visits.create': () => ok({ id: 'visit-new' }) });
    const user = userEvent.setup();
    const first = renderModal();
    await user.click(screen.getByTestId('visit-visitors'));
    await user.paste('王芳、李强');
    await user.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(JSON.parse(localStorage.getItem(REMEMBERED) ?? '[]')).toEqual(['王芳', '李强']));
    first.unmount();

    const calls = installFake({ 'visits.create': () => ok({ id: 'visit-next' }) });
    renderModal();
    expect(screen.getByTestId('visit-visitors')).toHaveValue('王芳、李强');
    await user.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.input).toMatchObject({ visit: { visitors: ['王芳', '李强'] } });
  });

  it('checks the form as the contract does and sends nothing while it is wrong', async () => {
    const calls = installFake({ 'visits.update': () => ok({ id: 'visit-1' }) });
    const user = userEvent.setup();
    const tomorrow = addDays(todayIso(), 1);
    renderModal(visitRecord({ visitedOn: tomorrow, nextVisitOn: tomorrow, hazards: ['other'] }));
    await user.clear(screen.getByTestId('visit-visitors'));
    await user.click(screen.getByTestId('visit-save'));

    const itemOf = (label: string) => formItemOf(screen.getByLabelText(label));
    expect(await within(formItemOf(screen.getByTestId('visit-visitors'))).findByText('请填写走访人')).toBeInTheDocument();
    expect(within(itemOf('探访日期')).getByText('探访日期不能晚于今天')).toBeInTheDocument();
    expect(within(itemOf('下次探访日期')).getByText('下次探访日期须晚于本次探访日期')).toBeInTheDocument();
    expect(within(itemOf('隐患说明')).getByText(/请写明隐患情况/)).toBeInTheDocument();
    // A record with more than the routine opens with "更多情况" unfolded.
    expect(panelOf('隐患说明')).toHaveClass('ant-collapse-item-active');
    expect(writes(calls)).toHaveLength(0);
  });

  it('shows the core’s field errors at their fields', async () => {
    installFake({
      'visits.create': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: '填写的内容有误，请按提示修改',
          fieldErrors: { 'visit.visitors.1': '走访人不能重复', 'visit.notes': '备注不能超过500个字' },
        },
      }),
    });
    const user = userEvent.setup();
    const saved: string[] = [];
    renderModal(undefined, saved);
    await user.click(screen.getByTestId('visit-visitors'));
    await user.paste('王芳 李强');
    expect(panelOf('备注')).not.toHaveClass('ant-collapse-item-active');
    await user.click(screen.getByTestId('visit-save'));
    expect(await within(formItemOf(screen.getByTestId('visit-visitors'))).findByText('走访人不能重复')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('备注'))).getByText('备注不能超过500个字')).toBeInTheDocument();
    // The folded "更多情况" panel opens to show the error it holds.
    expect(panelOf('备注')).toHaveClass('ant-collapse-item-active');
    expect(saved).toEqual([]);
  });
});
