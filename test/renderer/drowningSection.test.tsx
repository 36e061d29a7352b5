import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PublicityRecord } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { DrowningSection } from '../../src/renderer/features/drowning/DrowningSection';
import { formItemOf, installFake, ok, renderRoute, type Call } from './helpers';

const YEAR = Number(todayIso().slice(0, 4));
const LAST = YEAR - 1;

const RECORD: PublicityRecord = {
  id: 'p1',
  childId: 'c1',
  stationCode: '341723100',
  year: LAST,
  letterOn: `${LAST}-05-20`,
  handedBy: '李主任',
  createdAt: `${LAST}-05-20T08:00:00Z`,
  updatedAt: `${LAST}-05-20T08:00:00Z`,
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

function renderSection() {
  return renderRoute(<DrowningSection childId="c1" childName="张小明" />, { url: '/children/c1', path: '/children/:id' });
}

describe('a child’s drowning-prevention section', () => {
  it('shows each year’s letter and pledge, and adds this year', async () => {
    let reads = 0;
    const calls = installFake({
      'drowning.publicity.forChild': () => ok(++reads === 1 ? [RECORD] : [{ ...RECORD, id: 'p2', year: YEAR, letterOn: todayIso(), handedBy: undefined }, RECORD]),
      'drowning.publicity.save': () => ok({ id: 'p2' }),
    });
    const user = userEvent.setup();
    renderSection();
    const section = await screen.findByTestId('child-drowning');
    const row = (await within(section).findByText(`${LAST}年`)).closest<HTMLElement>('tr')!;
    expect(within(row).getByText(`${LAST}-05-20`)).toBeInTheDocument();
    expect(within(row).getByText('未签订')).toBeInTheDocument();
    expect(within(row).getByText('李主任')).toBeInTheDocument();

    await user.click(screen.getByTestId('child-drowning-add'));
    const dialog = await openDialog();
    expect(dialog).toHaveTextContent('登记防溺水宣传：张小明');
    // A recorded year is not offered again: this year is the default, and no date is guessed.
    expect(within(dialog).getByTitle(`${YEAR}年`)).toBeInTheDocument();
    const letter = within(dialog).getByLabelText('一封信发放日期');
    expect(letter).toHaveValue('');
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(formItemOf(letter)).findByText('请填写一封信发放日期或承诺书签订日期')).toBeInTheDocument();
    await user.type(letter, `${todayIso()}{Enter}`);
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.save')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.publicity.save')[0]?.input).toEqual({ childId: 'c1', year: YEAR, letterOn: todayIso() });
    expect(await screen.findByText(`已保存${YEAR}年防溺水宣传`)).toBeInTheDocument();
    await waitFor(() => expect(within(section).getByText(`${YEAR}年`)).toBeInTheDocument());
    expect(callsOf(calls, 'drowning.publicity.forChild')).toHaveLength(2);
  });

  it('edits a year, refusing a pledge dated before the letter or outside the year, at the field', async () => {
    const calls = installFake({ 'drowning.publicity.forChild': () => ok([RECORD]), 'drowning.publicity.save': () => ok({ id: 'p1' }) });
    const user = userEvent.setup();
    renderSection();
    const section = await screen.findByTestId('child-drowning');
    await user.click(await within(section).findByText('编辑'));
    const dialog = await openDialog();
    expect(dialog).toHaveTextContent(`编辑${LAST}年防溺水宣传：张小明`);
    const pledge = within(dialog).getByLabelText('承诺书签订日期');
    await user.type(pledge, `${LAST}-05-19{Enter}`);
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(formItemOf(pledge)).findByText('承诺书签订日期不能早于一封信发放日期')).toBeInTheDocument();

    await user.clear(pledge);
    await user.type(pledge, `${YEAR}-01-01{Enter}`);
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(formItemOf(pledge)).findByText(`承诺书签订日期应在${LAST}年内`)).toBeInTheDocument();
    expect(callsOf(calls, 'drowning.publicity.save')).toHaveLength(0);

    await user.clear(pledge);
    await user.type(pledge, `${LAST}-05-27{Enter}`);
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.save')).toHaveLength(1));
    expect(callsOf(calls, 'drowning.publicity.save')[0]?.input).toEqual({
      childId: 'c1',
      year: LAST,
      letterOn: `${LAST}-05-20`,
      pledgeOn: `${LAST}-05-27`,
      handedBy: '李主任',
    });
  });

  it('shows the core’s refusal, and deletes a year only after confirmation', async () => {
    const calls = installFake({
      'drowning.publicity.forChild': () => ok([RECORD]),
      'drowning.publicity.save': () => ({ ok: false, error: { code: 'conflict', message: '该儿童的记录由其他乡镇的站点维护，不能在本站登记防溺水宣传' } }),
      'drowning.publicity.delete': () => ok({ id: 'p1' }),
    });
    const user = userEvent.setup();
    renderSection();
    const section = await screen.findByTestId('child-drowning');
    await user.click(await within(section).findByText('编辑'));
    const dialog = await openDialog();
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(dialog).findByTestId('drowning-publicity-problem')).toHaveTextContent('该儿童的记录由其他乡镇的站点维护');
    await user.click(buttonIn(dialog, '取消'));

    await user.click(within(section).getByText('删除'));
    const confirm = await openDialog();
    expect(confirm).toHaveTextContent(`确定删除${LAST}年的防溺水宣传记录吗？`);
    expect(callsOf(calls, 'drowning.publicity.delete')).toHaveLength(0);
    await user.click(buttonIn(confirm, '删除'));
    await waitFor(() => expect(callsOf(calls, 'drowning.publicity.delete')).toEqual([{ name: 'drowning.publicity.delete', input: { id: 'p1' } }]));
  });
});
