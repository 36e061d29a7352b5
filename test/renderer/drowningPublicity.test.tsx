import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublicityBatchResult, PublicityListInput, PublicityListResult, PublicityListRow } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { PAGE_SIZE } from '../../src/renderer/api/pagedList';
import { DrowningPage } from '../../src/renderer/features/drowning/DrowningPage';
import { formItemOf, installFake, ok, renderRoute, STATION_INFO, type Call } from './helpers';

const STATION = STATION_INFO;

const YEAR = Number(todayIso().slice(0, 4));

function row(id: string, name: string, extra: Partial<PublicityListRow> = {}): PublicityListRow {
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
    ...extra,
  };
}

const ROWS = [
  row('c1', '张小明', { letterOn: `${YEAR}-05-20`, pledgeOn: `${YEAR}-05-27`, handedBy: '李主任' }),
  row('c2', '王芳', { sex: 'F' }),
  row('c3', '李强', { villageName: '五星村' }),
];

const VILLAGE_NAMES: Record<string, string> = { '341723100201': '城东社区', '341723100202': '五星村' };

function listReply(rows: PublicityListRow[]) {
  return (input: unknown) => {
    const q = input as PublicityListInput;
    const inVillage = q.villageCode ? rows.filter((r) => r.villageName === VILLAGE_NAMES[q.villageCode!]) : rows;
    const hit = q.status === 'missing_letter' ? inVillage.filter((r) => !r.letterOn) : inVillage;
    return ok({ total: hit.length, rows: hit, counts: { children: 3, letters: 1, pledges: 1 } } satisfies PublicityListResult);
  };
}

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

function rowOf(name: string): HTMLElement {
  const el = screen.getByText(name).closest<HTMLElement>('.ant-table-row');
  if (!el) throw new Error(`no row for ${name}`);
  return el;
}

/** Picks an option of a select in the dialog: the newest open dropdown, not a row's text of the same name. */
async function choose(dialog: HTMLElement, label: string, option: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(within(dialog).getByLabelText(label));
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  await user.click(within(dropdown).getByTitle(option));
}

function renderPage() {
  return renderRoute(<DrowningPage />, { url: '/drowning', path: '/drowning' });
}

describe('drowning publicity register', () => {
  it('lists the year’s children with what each is missing, and the counts of the area', async () => {
    const calls = installFake({ 'station.info': () => ok(STATION), 'drowning.publicity.list': listReply(ROWS) });
    renderPage();
    expect(await screen.findByText('张小明')).toBeInTheDocument();
    expect(within(rowOf('张小明')).getByText(`${YEAR}-05-20`)).toBeInTheDocument();
    expect(within(rowOf('张小明')).getByText('李主任')).toBeInTheDocument();
    expect(within(rowOf('张小明')).getByText('10岁')).toBeInTheDocument();
    // Read on as it scrolls, like every register: no page numbers.
    expect(document.querySelector('.ant-pagination')).toBeNull();
    expect(within(rowOf('王芳')).getByText('未发放')).toBeInTheDocument();
    expect(within(rowOf('王芳')).getByText('未签订')).toBeInTheDocument();
    expect(within(rowOf('王芳')).getByText('王芳', { selector: 'a' }).getAttribute('href')).toBe('/children/c2');
    expect(screen.getByTestId('drowning-publicity-counts')).toHaveTextContent(`${YEAR}年在册关爱儿童 3 人，已发放一封信 1 人（33%），已签订承诺书 1 人（33%）`);
    // A station's register is its own township's.
    expect(callsOf(calls, 'drowning.publicity.list')[0]?.input).toMatchObject({ year: YEAR, townshipCode: '341723100', status: 'all', offset: 0, limit: PAGE_SIZE });
  });

  it('shows only the children still missing a letter when asked', async () => {
    const user = userEvent.setup();
    const calls = installFake({ 'station.info': () => ok(STATION), 'drowning.publicity.list': listReply(ROWS) });
    renderPage();
    await screen.findByText('张小明');
    await user.click(screen.getByLabelText('宣传情况'));
    await user.click(await screen.findByTitle('未发放一封信'));
    await waitFor(() => expect(screen.queryByText('张小明')).toBeNull());
    expect(screen.getByText('王芳')).toBeInTheDocument();
    expect(callsOf(calls, 'drowning.publicity.list').at(-1)?.input).toMatchObject({ status: 'missing_letter' });
  });

  it('starts the batch from a village, says plainly what is recorded, and confirms how many', async () => {
    const user = userEvent.setup();
    const result: PublicityBatchResult = { children: 1, set: 1, alreadySet: 0, conflicting: 0, notFound: 0 };
    const calls = installFake({
      'station.info': () => ok(STATION),
      'drowning.publicity.list': listReply(ROWS),
      'drowning.publicity.batch': (_input, onProgress) => {
        onProgress?.({ phase: '正在登记防溺水宣传', done: 1, total: 1 });
        return ok(result);
      },
    });
    renderPage();
    await screen.findByText('张小明');
    expect(screen.getByTestId('drowning-batch-open')).toHaveTextContent('批量登记');
    await user.click(screen.getByTestId('drowning-batch-open'));
    const dialog = await openDialog();
    expect(within(dialog).getByTestId('drowning-batch-intro')).toHaveTextContent('只登记填写了日期的项目，未填写的保持不变');
    const today = todayIso();
    await user.type(within(dialog).getByLabelText('一封信发放日期'), `${today}{Enter}`);
    // No place yet: the whole township is never the silent default.
    await user.click(buttonIn(dialog, '登记'));
    expect(await within(dialog).findByText(/请先选择村（居）/)).toBeInTheDocument();
    expect(screen.queryByTestId('drowning-batch-confirm')).toBeNull();

    await choose(dialog, '登记范围', '五星村');
    await waitFor(() => expect(within(dialog).getByTestId('drowning-batch-intro')).toHaveTextContent('将为五星村的 1 名儿童登记以下日期。'));
    await user.type(within(dialog).getByLabelText('发放人'), '李主任');
    await user.click(buttonIn(dialog, '登记'));
    const confirm = await screen.findByTestId('drowning-batch-confirm');
    const confirmDialog = confirm.closest<HTMLElement>('.ant-modal-confirm')!;
    expect(confirmDialog).toHaveTextContent('确定为五星村的 1 名儿童登记吗？');
    expect(confirm).toHaveTextContent(`一封信发放日期：${today}`);
    expect(confirm).toHaveTextContent('已登记过日期的儿童保持原日期，不会改动。');
    expect(callsOf(calls, 'drowning.publicity.batch')).toHaveLength(0);

    await user.click(buttonIn(confirmDialog, '确定登记'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.batch')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.publicity.batch')[0]?.input).toEqual({
      year: YEAR,
      townshipCode: '341723100',
      villageCode: '341723100202',
      status: 'all',
      letterOn: today,
      handedBy: '李主任',
      overwrite: false,
    });
    expect(await screen.findByTestId('drowning-batch-result')).toHaveTextContent('已为 1 名儿童登记。');
    // The list is read again.
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.list').length).toBeGreaterThanOrEqual(2));
  });

  it('covers the whole township only when chosen deliberately, and reports what it left alone', async () => {
    const user = userEvent.setup();
    const calls = installFake({
      'station.info': () => ok(STATION),
      'drowning.publicity.list': listReply(ROWS),
      'drowning.publicity.batch': () => ok({ children: 3, set: 2, alreadySet: 1, conflicting: 0, notFound: 0 } satisfies PublicityBatchResult),
    });
    renderPage();
    await screen.findByText('张小明');
    await user.click(screen.getByTestId('drowning-batch-open'));
    const dialog = await openDialog();
    await choose(dialog, '登记范围', '全蓉城镇（所有村居）');
    await waitFor(() => expect(within(dialog).getByTestId('drowning-batch-intro')).toHaveTextContent('将为蓉城镇全部的 3 名儿童登记以下日期。'));
    // Nothing to set: the message sits under the letter's date.
    await user.click(buttonIn(dialog, '登记'));
    expect(await within(formItemOf(within(dialog).getByLabelText('一封信发放日期'))).findByText('请填写一封信发放日期或承诺书签订日期')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('一封信发放日期'), `${todayIso()}{Enter}`);
    await user.click(buttonIn(dialog, '登记'));
    const confirm = await screen.findByTestId('drowning-batch-confirm');
    expect(confirm.closest('.ant-modal-confirm')).toHaveTextContent('确定为蓉城镇全部的 3 名儿童登记吗？');
    await user.click(buttonIn(document.body, '确定登记'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.batch')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.publicity.batch')[0]?.input).toEqual({ year: YEAR, townshipCode: '341723100', status: 'all', letterOn: todayIso(), overwrite: false });
    expect(await screen.findByTestId('drowning-batch-result')).toHaveTextContent('已为 2 名儿童登记；1 名已有日期，未改动。');
  });

  it('sets dates only for the picked children when some are picked', async () => {
    const user = userEvent.setup();
    const calls = installFake({
      'station.info': () => ok(STATION),
      'drowning.publicity.list': listReply(ROWS),
      'drowning.publicity.batch': () => ok({ children: 2, set: 1, alreadySet: 0, conflicting: 1, notFound: 0 } satisfies PublicityBatchResult),
    });
    renderPage();
    await screen.findByText('张小明');
    // The table takes clicks once it stops loading.
    await waitFor(() => expect(document.querySelector('.ant-spin-blur')).toBeNull());
    await user.click(rowOf('王芳').querySelector('input[type=checkbox]')!);
    await user.click(rowOf('李强').querySelector('input[type=checkbox]')!);
    expect(screen.getByTestId('drowning-batch-open')).toHaveTextContent('为已选的 2 人登记');
    await user.click(screen.getByTestId('drowning-batch-open'));
    const dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('承诺书签订日期'), `${todayIso()}{Enter}`);
    await user.click(within(dialog).getByText('替换已登记的日期'));
    await user.click(buttonIn(dialog, '登记'));
    const confirm = await screen.findByTestId('drowning-batch-confirm');
    expect(confirm.closest('.ant-modal-confirm')).toHaveTextContent('确定为已选的 2 名儿童登记吗？');
    expect(confirm).toHaveTextContent('已有的日期将被替换为以上日期。');
    await user.click(buttonIn(document.body, '确定登记'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.batch')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.publicity.batch')[0]?.input).toMatchObject({ childIds: ['c2', 'c3'], pledgeOn: todayIso(), overwrite: true });
    expect(await screen.findByTestId('drowning-batch-result')).toHaveTextContent('1 名的承诺书签订日期将早于一封信发放日期，未改动，请逐个核对');
  });
});
