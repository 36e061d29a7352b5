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
      visit: { visitedOn: todayIso(), visitors: ['王芳'], method: 'home', health: {}, childCheck: { guardianship: 'in_place', health: 'good', mental: 'good', safety: [] }, hazards: [], needs: [] },
    });
    expect(closed.count).toBe(1);
  });

  it('asks a child about guardianship, school, health, parents and safety, never the elder’s questions', async () => {
    const calls = installFake({ 'visits.create': () => ok({ id: 'visit-new' }) });
    const user = userEvent.setup();
    renderModal();
    const dialog = screen.getByTestId('visit-entry');
    for (const label of ['监护落实', '就学情况', '身体状况', '心理状况', '与父母联系', '安全情况（有隐患的打勾）']) expect(within(dialog).getByText(label)).toBeInTheDocument();
    for (const elderOnly of ['行动能力', '语言表达', '反应能力', '子女（赡养人）探望情况', '适老化改造', '需搀扶或借助器具']) expect(within(dialog).queryByText(elderOnly)).toBeNull();
    await user.click(within(dialog).getByText('经常缺课'));
    await user.click(within(dialog).getByText('很少联系'));
    await user.click(within(dialog).getByRole('checkbox', { name: '溺水隐患' }));
    await user.click(within(dialog).getByText(/^更多情况/));
    await user.click(within(dialog).getByRole('checkbox', { name: '就学' }));
    await user.type(screen.getByTestId('visit-visitors'), '王芳');
    await user.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.input).toMatchObject({
      subjectKind: 'child',
      visit: {
        health: {},
        childCheck: { guardianship: 'in_place', schooling: 'truancy', health: 'good', mental: 'good', parentContact: 'rarely', safety: ['drowning'] },
        needs: ['schooling'],
      },
    });
    expect((writes(calls)[0]!.input as { visit: { supportersVisit?: string } }).visit.supportersVisit).toBeUndefined();
  });

  it('asks an elder the elder’s questions, and a left-behind woman only what fits her', async () => {
    installFake({});
    const elder = renderRoute(<VisitEntryModal subject={{ kind: 'elder', id: 'elder-1', name: '王秀英' }} open onClose={() => {}} />, { url: '/elders/elder-1', path: '/elders/:id' });
    let dialog = screen.getByTestId('visit-entry');
    for (const label of ['语言表达', '行动能力', '反应能力', '精神状态', '子女（赡养人）探望情况', '适老化改造', '需搀扶或借助器具']) expect(within(dialog).getAllByText(label).length).toBeGreaterThan(0);
    expect(within(dialog).queryByText('监护落实')).toBeNull();
    elder.unmount();
    renderRoute(<VisitEntryModal subject={{ kind: 'woman', id: 'woman-1', name: '李秀梅' }} open onClose={() => {}} />, { url: '/women/woman-1', path: '/women/:id' });
    dialog = screen.getByTestId('visit-entry');
    expect(within(dialog).getByText('精神状态')).toBeInTheDocument();
    for (const notHers of ['行动能力', '语言表达', '反应能力', '子女（赡养人）探望情况', '适老化改造', '监护落实']) expect(within(dialog).queryByText(notHers)).toBeNull();
  });

  it('edits an older child visit without touching the elder answers it was saved with', async () => {
    const calls = installFake({ 'visits.update': () => ok({ id: 'visit-1' }) });
    const user = userEvent.setup();
    renderModal(visitRecord({ visitedOn: todayIso() }));
    await user.click(screen.getByText('正常上学（入园）'));
    await user.click(screen.getByTestId('visit-save'));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.input).toMatchObject({ id: 'visit-1', visit: { health: ROUTINE_HEALTH, childCheck: { schooling: 'attending' } } });
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

  it('keeps a visit date after today and says at the field why it cannot be saved', async () => {
    const calls = installFake({ 'visits.create': () => ok({ id: 'visit-new' }) });
    const user = userEvent.setup();
    renderModal();
    const date = screen.getByLabelText('探访日期');
    const tomorrow = addDays(todayIso(), 1);
    await user.clear(date);
    await user.type(date, `${tomorrow}{Enter}`);
    expect(await within(formItemOf(date)).findByText('探访日期不能晚于今天')).toBeInTheDocument();
    expect(date).toHaveValue(tomorrow);
    expect(writes(calls)).toHaveLength(0);
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
