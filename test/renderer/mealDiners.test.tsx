import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ElderListRow, ElderRecord, MealDinerRecord, MealSiteRecord, MealSiteRow } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { ElderDetailPage } from '../../src/renderer/features/elders/detail/ElderDetailPage';
import { DinersTab } from '../../src/renderer/features/meals/diners/DinersTab';
import { formItemOf, installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

const STAMP = { createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };
const today = todayIso();
const ELDER_ID = '0190a0a0-0000-7000-8000-000000000001';
const SITE_ID = '0190a0a0-0000-7000-8000-0000000000aa';

const SITE: MealSiteRecord = {
  id: SITE_ID,
  stationCode: '341723100',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '五星村',
  name: '五星村老年助餐点',
  kind: 'point',
  area: 'rural',
  villageCode: '341723100202',
  address: undefined,
  contactName: undefined,
  contactPhone: undefined,
  seats: undefined,
  taskYear: undefined,
  licenceNo: undefined,
  licenceExpiresOn: undefined,
  notes: undefined,
  operatingModel: 'village_mutual',
  operator: '五星村村民委员会',
  dailyCapacity: 40,
  mealTimes: ['lunch'],
  servingDays: ['1', '2', '3', '4', '5'],
  delivery: true,
  builtOn: '2024-01-01',
  status: 'running',
  statusSince: '2024-01-01',
  diners: 2,
  ...STAMP,
};

const SITE_ROW: MealSiteRow = { id: SITE_ID, stationCode: '341723100', name: SITE.name, kind: 'point', status: 'running', townshipName: '蓉城镇', villageName: '五星村', operator: SITE.operator, dailyCapacity: 40, diners: 2 };

/** 85, 低保, severely disabled: the register gives 低保, 失能 and 80岁及以上. */
const ELDER: ElderRecord = {
  id: ELDER_ID,
  stationCode: '341723100',
  name: '王秀英',
  idNumber: makeIdNumber('1940-05-01', '002'),
  birthDate: '1940-05-01',
  sex: 'F',
  age: 85,
  ethnicity: '01',
  villageCode: '341723100201',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '城东社区',
  phone: undefined,
  address: undefined,
  maritalStatus: undefined,
  capabilityScore: undefined,
  capabilityAssessedOn: undefined,
  healthNotes: undefined,
  visitor: undefined,
  visitorPhone: undefined,
  notes: undefined,
  livingSituation: 'alone',
  capability: 'severe',
  economicStatus: 'dibao',
  benefits: ['dibao'],
  riskTier: 'high',
  highAgeClass: null,
  groups: [{ id: 'g1', group: 'living_alone', startDate: '2020-01-01' }],
  contacts: [],
  agreements: [],
  ...STAMP,
};

const ELDER_ROW: ElderListRow = {
  id: ELDER_ID,
  stationCode: '341723100',
  name: '王秀英',
  sex: 'F',
  birthDate: ELDER.birthDate,
  age: 85,
  idNumberMasked: '3417**********0025',
  townshipName: '蓉城镇',
  villageName: '城东社区',
  groups: ['living_alone'],
  livingSituation: 'alone',
  capability: 'severe',
  economicStatus: 'dibao',
  riskTier: 'high',
  highAgeClass: null,
};

const DINER: MealDinerRecord = {
  id: 'd1',
  siteId: SITE_ID,
  siteName: SITE.name,
  elderId: 'e2',
  name: '李桂兰',
  initials: 'lgl',
  villageName: '五星村',
  derivedCategories: ['age_70'],
  categoryOverride: 'tekun',
  overrideReason: '县局认定为分散供养特困',
  categories: ['tekun'],
  startOn: addDays(today, -60),
  delivery: true,
  dietNotes: '忌辣',
  active: true,
};

const OUTSIDER: MealDinerRecord = {
  id: 'd2',
  siteId: SITE_ID,
  siteName: SITE.name,
  name: '赵大爷',
  initials: 'zdy',
  villageName: '五星村',
  derivedCategories: [],
  categories: [],
  startOn: addDays(today, -60),
  stopOn: addDays(today, -5),
  delivery: false,
  active: false,
};

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);
const lastInput = (calls: Call[], name: Call['name']) => callsOf(calls, name).at(-1)?.input;

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

/** The form item whose label reads exactly `label`. */
function itemLabelled(scope: HTMLElement, label: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('.ant-form-item-label label')].find((l) => l.textContent === label);
  if (!found) throw new Error(`no form item ${label}`);
  return formItemOf(found);
}

async function pickIn(scope: HTMLElement, label: string, option: string | RegExp): Promise<void> {
  const user = userEvent.setup();
  await user.click(within(scope).getByLabelText(label));
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  await user.click(await within(dropdown).findByText(option, { selector: '.ant-select-item-option-content' }));
}

function renderTab() {
  return renderRoute(<DinersTab site={SITE} />, { url: '/meals/sites/s1', path: '/meals/sites/:id' });
}

describe('a site’s diners', { timeout: 90_000 }, () => {
  it('lists diners with the adjusted category marked and its reason on hover, and shows stopped diners on request', async () => {
    const user = userEvent.setup();
    const calls = installFake({ 'meals.diners.list': (input) => ok((input as { includeStopped: boolean }).includeStopped ? [DINER, OUTSIDER] : [DINER]) });
    renderTab();
    const row = (await screen.findByText('李桂兰')).closest<HTMLElement>('tr')!;
    const tag = within(row).getByTestId('meal-diner-override');
    expect(tag).toHaveTextContent('特困（调整）');
    for (const text of ['五星村', DINER.startOn, '送餐', '忌辣', '就餐中']) expect(within(row).getByText(text)).toBeInTheDocument();
    await user.hover(tag);
    expect(await screen.findByText('调整原因：县局认定为分散供养特困；按老人台账：70—79岁')).toBeInTheDocument();
    expect(screen.queryByText('赵大爷')).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('显示已停止就餐的人员'));
    const stopped = (await screen.findByText('赵大爷')).closest<HTMLElement>('tr')!;
    expect(within(stopped).getByText('普通（非登记）')).toBeInTheDocument();
    expect(within(stopped).getByText('已停止')).toBeInTheDocument();
    expect(lastInput(calls, 'meals.diners.list')).toEqual({ siteId: SITE_ID, includeStopped: true });
  });

  it('enrols an elder from the register, shows the categories the register gives, and asks for a reason before adjusting them', async () => {
    const user = userEvent.setup();
    const calls = installFake({
      'meals.diners.list': () => ok([]),
      'elders.list': () => ok({ total: 1, rows: [ELDER_ROW] }),
      'elders.get': () => ok(ELDER),
      'meals.diners.save': () => ok({ id: 'd-new' }),
    });
    renderTab();
    await user.click(await screen.findByTestId('meal-diner-add'));
    const dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('老人'), '王');
    // As a worker does: wait for the register's answer to what was typed, then pick from it.
    await waitFor(() => expect(callsOf(calls, 'elders.list').some((c) => (c.input as { search?: string }).search === '王')).toBe(true));
    await pickIn(dialog, '老人', /^王秀英（城东社区，85岁/);
    const derived = await within(dialog).findByTestId('meal-diner-derived');
    expect(derived).toHaveTextContent('低保失能80岁及以上');

    await pickIn(dialog, '调整补贴类别', '特困');
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(itemLabelled(dialog, '调整原因')).findByText('调整补贴类别时请写明原因')).toBeInTheDocument();
    expect(callsOf(calls, 'meals.diners.save')).toHaveLength(0);

    await user.click(within(dialog).getByLabelText('调整原因'));
    await user.paste('经乡镇审核认定为特困');
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'meals.diners.save')).toHaveLength(1));
    expect(lastInput(calls, 'meals.diners.save')).toEqual({
      siteId: SITE_ID,
      diner: { elderId: ELDER_ID, categoryOverride: 'tekun', overrideReason: '经乡镇审核认定为特困', startOn: today, delivery: false },
    });
    expect(await screen.findByText('已登记就餐')).toBeInTheDocument();
  });

  it('enrols a person outside the register by name and ID number, eating as 普通', async () => {
    const user = userEvent.setup();
    const idNumber = makeIdNumber('1952-03-03', '013');
    const calls = installFake({ 'meals.diners.list': () => ok([]), 'elders.list': () => ok({ total: 0, rows: [] }), 'meals.diners.save': () => ok({ id: 'd-new' }) });
    renderTab();
    await user.click(await screen.findByTestId('meal-diner-add'));
    const dialog = await openDialog();
    await user.click(within(dialog).getByText('台账外人员'));
    expect(within(dialog).getByText(/普通（非登记）：计入就餐人次，不享受补贴/)).toBeInTheDocument();
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(itemLabelled(dialog, '姓名')).findByText('请填写姓名，或从老人台账中选择')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('姓名'));
    await user.paste('赵大爷');
    await user.click(within(dialog).getByLabelText('身份证号'));
    await user.paste(idNumber);
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'meals.diners.save')).toHaveLength(1));
    expect(lastInput(calls, 'meals.diners.save')).toEqual({ siteId: SITE_ID, diner: { name: '赵大爷', idNumber, startOn: today, delivery: false } });
  });

  it('stops a diner from today, and shows why an enrolment with meals cannot be deleted', async () => {
    const user = userEvent.setup();
    const refusal = '该老人已有8条就餐记录，不能删除登记；不再就餐请填写停止就餐日期';
    const calls = installFake({
      'meals.diners.list': () => ok([DINER]),
      'elders.get': () => ok({ ...ELDER, id: 'e2', name: '李桂兰' }),
      'meals.diners.save': () => ok({ id: 'd1' }),
      'meals.diners.delete': () => ({ ok: false, error: { code: 'conflict', message: refusal } }),
    });
    renderTab();
    const row = (await screen.findByText('李桂兰')).closest<HTMLElement>('tr')!;
    await user.click(buttonIn(row, '停止就餐'));
    const dialog = await openDialog();
    expect(within(dialog).getByLabelText('停止就餐日期')).toHaveValue(today);
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'meals.diners.save')).toHaveLength(1));
    expect(lastInput(calls, 'meals.diners.save')).toEqual({
      siteId: SITE_ID,
      id: 'd1',
      diner: { elderId: 'e2', categoryOverride: 'tekun', overrideReason: '县局认定为分散供养特困', startOn: DINER.startOn, stopOn: today, delivery: true, dietNotes: '忌辣' },
    });

    await user.click(buttonIn(row, '删除'));
    await user.click(await screen.findByText('删除', { selector: '.ant-modal-confirm button span' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(lastInput(calls, 'meals.diners.delete')).toEqual({ id: 'd1' });
  });
});

describe('meals on the elder’s page', { timeout: 90_000 }, () => {
  it('shows the sites the elder eats at and enrols them at a site of their township', async () => {
    const user = userEvent.setup();
    const mine: MealDinerRecord = { ...DINER, elderId: ELDER_ID, name: '王秀英', categoryOverride: undefined, overrideReason: undefined, derivedCategories: ['dibao', 'disabled', 'age_80'], categories: ['dibao', 'disabled', 'age_80'] };
    const calls = installFake({
      'elders.get': () => ok(ELDER),
      'meals.diners.forElder': () => ok([mine]),
      'meals.sites.list': () => ok({ total: 2, rows: [SITE_ROW, { ...SITE_ROW, id: '0190a0a0-0000-7000-8000-0000000000bb', name: '城东社区老年食堂', kind: 'canteen', villageName: '城东社区', status: 'stopped' }] }),
      'meals.diners.save': () => ok({ id: 'd-new' }),
    });
    renderRoute(<ElderDetailPage />, { url: `/elders/${ELDER_ID}`, path: '/elders/:id' });
    const section = await screen.findByTestId('elder-meals');
    const row = (await within(section).findByText('五星村老年助餐点')).closest<HTMLElement>('tr')!;
    for (const text of ['低保', '失能', '80岁及以上', DINER.startOn, '就餐中']) expect(within(row).getByText(text)).toBeInTheDocument();
    expect(lastInput(calls, 'meals.diners.forElder')).toEqual({ elderId: ELDER_ID });

    await user.click(within(section).getByTestId('elder-meals-add'));
    const dialog = await openDialog();
    expect(within(dialog).getByText('王秀英')).toBeInTheDocument();
    expect(await within(dialog).findByTestId('meal-diner-derived')).toHaveTextContent('低保失能80岁及以上');
    await user.click(buttonIn(dialog, '保存'));
    expect(await within(itemLabelled(dialog, '助餐点')).findByText('请选择助餐点')).toBeInTheDocument();
    await pickIn(dialog, '助餐点', '五星村老年助餐点（五星村）');
    await user.click(buttonIn(dialog, '保存'));
    await waitFor(() => expect(callsOf(calls, 'meals.diners.save')).toHaveLength(1));
    expect(lastInput(calls, 'meals.diners.save')).toEqual({ siteId: SITE_ID, diner: { elderId: ELDER_ID, startOn: today, delivery: false } });
    expect(lastInput(calls, 'meals.sites.list')).toMatchObject({ townshipCode: '341723100' });
  });
});
