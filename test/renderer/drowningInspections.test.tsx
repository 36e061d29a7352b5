import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DrowningSummary, DrowningSummaryRow, PlaceTree, StationInfo, WaterInspectionRecord } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { DrowningPage } from '../../src/renderer/features/drowning/DrowningPage';
import { formItemOf, installFake, ok, PLACES, renderRoute, STATION_INFO, type Call } from './helpers';

const STATION = STATION_INFO;
const COUNTY: StationInfo = { ...STATION, role: 'county', code: '341723', name: '青阳县民政局' };

const YEAR = Number(todayIso().slice(0, 4));
const STAMP = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

const POND: WaterInspectionRecord = {
  id: 'w1',
  stationCode: '341723100',
  townshipCode: '341723100',
  villageCode: '341723100201',
  townshipName: '蓉城镇',
  villageName: '城东社区',
  place: '城东水库',
  inspectedOn: `${YEAR}-07-10`,
  inspectors: ['陈社工', '李主任'],
  findings: '护栏缺损一处',
  hazardFound: true,
  actions: '已设置警示牌',
  ...STAMP,
};

const EMPTY_LISTS = {
  'drowning.publicity.list': () => ok({ total: 0, rows: [], counts: { children: 0, letters: 0, pledges: 0 } }),
};

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

// Text and class queries, not *ByRole: role queries walk computed styles and are slow on antd pages.
async function openDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].filter((w) => w.style.display !== 'none');
    const last = open.at(-1)?.querySelector<HTMLElement>('.ant-modal');
    if (!last) throw new Error('no dialog');
    return last;
  });
}

function buttonIn(scope: HTMLElement, name: string): HTMLElement {
  const button = within(scope).getByText(name, { selector: 'button span' }).closest<HTMLElement>('button');
  if (!button) throw new Error(`no button ${name}`);
  return button;
}

async function openTab(name: string): Promise<void> {
  await userEvent.setup().click(await screen.findByText(name, { selector: '.ant-tabs-tab-btn' }));
}

function renderPage() {
  return renderRoute(<DrowningPage />, { url: '/drowning', path: '/drowning' });
}

describe('water inspections', () => {
  it('lists the year’s inspections with their hazards', async () => {
    const calls = installFake({ 'station.info': () => ok(STATION), ...EMPTY_LISTS, 'drowning.inspections.list': () => ok({ total: 1, rows: [POND] }) });
    renderPage();
    await openTab('水域督查');
    const row = (await screen.findByText('城东水库')).closest<HTMLElement>('tr')!;
    expect(within(row).getByText('陈社工、李主任')).toBeInTheDocument();
    expect(within(row).getByText('有隐患')).toBeInTheDocument();
    expect(within(row).getByText('已设置警示牌')).toBeInTheDocument();
    expect(screen.getByTestId('drowning-inspections-total')).toHaveTextContent(`${YEAR}年督查 1 次`);
    expect(callsOf(calls, 'drowning.inspections.list')[0]?.input).toMatchObject({ year: YEAR, townshipCode: '341723100', offset: 0, limit: 50 });
  });

  it('adds an inspection after checking it field by field', async () => {
    const user = userEvent.setup();
    const calls = installFake({
      'station.info': () => ok(STATION),
      ...EMPTY_LISTS,
      'drowning.inspections.list': () => ok({ total: 0, rows: [] }),
      'drowning.inspections.save': () => ok({ id: 'w-new' }),
    });
    renderPage();
    await openTab('水域督查');
    await user.click(await screen.findByTestId('drowning-inspection-add'));
    const dialog = await openDialog();
    await user.click(within(dialog).getByText('是'));
    await user.click(buttonIn(dialog, '保存'));
    // Pasting, not typing: each keystroke in an auto-sizing text area re-measures it.
    const fill = async (el: HTMLElement, text: string) => {
      await user.click(el);
      await user.paste(text);
    };
    const messageOf = (label: string, text: string | RegExp) => within(formItemOf(within(dialog).getByLabelText(label))).findByText(text);
    expect(await messageOf('督查地点', '请填写督查地点')).toBeInTheDocument();
    expect(await messageOf('督查人员', '请填写督查人员')).toBeInTheDocument();
    expect(await messageOf('督查情况', '请填写督查情况')).toBeInTheDocument();
    expect(await messageOf('所在村（居）', '请选择水域所在村（居）')).toBeInTheDocument();
    expect(await messageOf('处置措施', /发现隐患时请填写处置措施/)).toBeInTheDocument();
    expect(callsOf(calls, 'drowning.inspections.save')).toHaveLength(0);

    await user.click(within(dialog).getByLabelText('所在村（居）'));
    await user.click(await screen.findByTitle('蓉城镇'));
    await user.click(await screen.findByTitle('城东社区'));
    await fill(within(dialog).getByLabelText('督查地点'), '城东水库');
    await user.type(within(dialog).getByLabelText('督查人员'), '陈社工、李主任、');
    await fill(within(dialog).getByLabelText('督查情况'), '护栏缺损一处');
    await fill(within(dialog).getByLabelText('处置措施'), '已设置警示牌');
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'drowning.inspections.save')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.inspections.save')[0]?.input).toEqual({
      inspection: {
        villageCode: '341723100201',
        place: '城东水库',
        inspectedOn: todayIso(),
        inspectors: ['陈社工', '李主任'],
        findings: '护栏缺损一处',
        hazardFound: true,
        actions: '已设置警示牌',
      },
    });
    expect(await screen.findByText('已添加督查记录')).toBeInTheDocument();
  });

  it('edits with the record’s id, shows the core’s field errors, and deletes only after confirmation', async () => {
    const user = userEvent.setup();
    const calls = installFake({
      'station.info': () => ok(STATION),
      ...EMPTY_LISTS,
      'drowning.inspections.list': () => ok({ total: 1, rows: [POND] }),
      'drowning.inspections.save': () => ({
        ok: false,
        error: { code: 'validation', message: '这里只能选择本乡镇（街道）的村（居）', fieldErrors: { 'inspection.villageCode': '这里只能选择本乡镇（街道）的村（居）' } },
      }),
      'drowning.inspections.delete': () => ok({ id: 'w1' }),
    });
    renderPage();
    await openTab('水域督查');
    const row = (await screen.findByText('城东水库')).closest<HTMLElement>('tr')!;
    await user.click(buttonIn(row, '编辑'));
    const dialog = await openDialog();
    expect(within(dialog).getByLabelText('督查地点')).toHaveValue('城东水库');
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(formItemOf(within(dialog).getByLabelText('所在村（居）'))).findByText('这里只能选择本乡镇（街道）的村（居）')).toBeInTheDocument();
    expect(callsOf(calls, 'drowning.inspections.save')[0]?.input).toMatchObject({ id: 'w1', inspection: { place: '城东水库', inspectors: ['陈社工', '李主任'] } });
    await user.click(buttonIn(dialog, '取消'));

    await user.click(buttonIn(row, '删除'));
    const confirm = await openDialog();
    expect(confirm).toHaveTextContent(`确定删除${YEAR}-07-10在“城东水库”的督查记录吗？`);
    expect(callsOf(calls, 'drowning.inspections.delete')).toHaveLength(0);
    await user.click(buttonIn(confirm, '删除'));
    await waitFor(() => expect(callsOf(calls, 'drowning.inspections.delete')).toEqual([{ name: 'drowning.inspections.delete', input: { id: 'w1' } }]));
  });
});

describe('drowning yearly figures', () => {
  const COUNTY_PLACES: PlaceTree = {
    ...PLACES,
    townships: [...PLACES.townships, { code: '341723101', name: '木镇镇', villages: [{ code: '341723101201', name: '木镇社区' }] }],
  };
  const figures = (code: string, name: string, f: Partial<DrowningSummaryRow>): DrowningSummaryRow => ({
    code,
    name,
    childrenInScope: 0,
    letters: 0,
    pledges: 0,
    inspections: 0,
    hazards: 0,
    ...f,
  });
  const SUMMARY: DrowningSummary = {
    year: YEAR,
    townships: [
      figures('341723100', '蓉城镇', { childrenInScope: 40, letters: 30, pledges: 20, inspections: 6, hazards: 2 }),
      figures('341723101', '木镇镇', {}),
    ],
    county: figures('341723', '青阳县', { childrenInScope: 40, letters: 30, pledges: 20, inspections: 6, hazards: 2 }),
  };


  it('shows each township with its rates, and the county’s total', async () => {
    const user = userEvent.setup();
    const calls = installFake({ 'station.info': () => ok(COUNTY), ...EMPTY_LISTS, 'places.tree': () => ok(COUNTY_PLACES), 'drowning.summary': () => ok(SUMMARY) });
    renderPage();
    await openTab('年度统计');
    const table = await screen.findByTestId('drowning-summary-table');
    const rong = (await within(table).findByText('蓉城镇')).closest<HTMLElement>('tr')!;
    expect([...rong.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['蓉城镇', '40', '30', '20', '75%', '50%', '6', '2']);
    const quiet = within(table).getByText('木镇镇').closest<HTMLElement>('tr')!;
    expect([...quiet.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['木镇镇', '0', '0', '0', '—', '—', '0', '0']);
    const total = screen.getByTestId('drowning-summary-total');
    expect([...total.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['全县合计', '40', '30', '20', '75%', '50%', '6', '2']);
    expect(callsOf(calls, 'drowning.summary')[0]?.input).toEqual({ year: YEAR });

    // Another year: the page's year picker drives every tab.
    await user.click(screen.getByLabelText('年度'));
    await user.click(await screen.findByTitle(`${YEAR - 1}年`));
    await waitFor(() => expect(callsOf(calls, 'drowning.summary').at(-1)?.input).toEqual({ year: YEAR - 1 }));
  });
});
