import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ElderContactRecord, ElderRecord, PlaceTree, StationInfo, SupportAgreementRecord } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { ElderDetailPage } from '../../src/renderer/features/elders/detail/ElderDetailPage';
import { DEFAULT_CHILD_DUE_RULE, DEFAULT_ELDER_DUE_RULE } from '../../src/shared/domain/visitDue';
import { formItemOf, installFake, makeIdNumber, ok, PLACES, renderRoute, type Call } from './helpers';

const STAMP = { createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };

const CONTACT: ElderContactRecord = {
  id: 'ct-1',
  elderId: 'e1',
  name: '李建国',
  relationship: 'son',
  phone: '13912345678',
  address: '浙江省宁波市',
  registeredOn: '2024-03-01',
  notes: undefined,
  ...STAMP,
};

const AGREEMENT: SupportAgreementRecord = {
  id: 'ag-1',
  elderId: 'e1',
  supporters: [
    { name: '李建国', relationship: 'son', phone: '13912345678', provides: ['money', 'medical'], amountFen: 30000 },
    { name: '李秀梅', relationship: 'daughter', phone: undefined, provides: ['care'] },
  ],
  signedOn: '2024-05-01',
  witness: '城东社区居民委员会',
  reviewOn: '2025-05-01',
  notes: undefined,
  ...STAMP,
};

const ELDER: ElderRecord = {
  id: 'e1',
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
  livingSituation: 'alone',
  capability: 'severe',
  capabilityScore: 40,
  capabilityAssessedOn: '2024-06-01',
  economicStatus: 'dibao',
  benefits: ['dibao', 'high_age'],
  riskTier: 'high',
  highAgeClass: '80-89',
  healthNotes: undefined,
  visitor: '陈红',
  visitorPhone: undefined,
  notes: undefined,
  groups: [
    { id: 'g1', group: 'living_alone', startDate: '2020-01-01' },
    { id: 'g2', group: 'disabled_care', startDate: '2024-06-01' },
  ],
  contacts: [CONTACT],
  agreements: [AGREEMENT],
  ...STAMP,
};

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

function renderDetail() {
  return renderRoute(<ElderDetailPage />, { url: '/elders/e1', path: '/elders/:id' });
}

async function openDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialogs = screen.getAllByRole('dialog');
    const last = dialogs.at(-1);
    if (!last) throw new Error('no dialog');
    return last;
  });
}

async function pick(scope: HTMLElement, label: string, option: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(within(scope).getByLabelText(label));
  const dropdown = await waitFor(() => {
    // The newest dropdown: an earlier one may still be fading out, deaf to clicks.
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  await user.click(within(dropdown).getByTitle(option));
}

describe('elder detail', { timeout: 60_000 }, () => {
  it('shows each section, the high-age class and leaves room for visits', async () => {
    installFake({ 'elders.get': () => ok(ELDER) });
    renderDetail();
    expect(await screen.findByRole('heading', { name: '王秀英' })).toBeInTheDocument();
    expect(within(screen.getByTestId('elder-basic')).getByText(ELDER.idNumber)).toBeInTheDocument();
    const groups = screen.getByTestId('elder-groups');
    expect(within(groups).getByText('独居')).toBeInTheDocument();
    expect(within(groups).getByText('失能/半失能')).toBeInTheDocument();
    expect(within(screen.getByTestId('elder-care')).getByText('40分（2024-06-01评估）')).toBeInTheDocument();
    expect(screen.getByTestId('elder-high-age-class')).toHaveTextContent('80—89周岁');
    expect(within(screen.getByTestId('elder-visit')).getByText('高风险（每周探访）')).toBeInTheDocument();
    expect(within(screen.getByTestId('elder-contacts')).getByText('李建国')).toBeInTheDocument();
    const agreement = screen.getByTestId('elder-agreement');
    expect(within(agreement).getByText('300元/月')).toBeInTheDocument();
    expect(within(agreement).getByText('医疗费用及就医陪护')).toBeInTheDocument();
    expect(within(agreement).getByText('城东社区居民委员会')).toBeInTheDocument();
  });

  it('shows when the record was made and changed as date and time, YYYY-MM-DD HH:mm', async () => {
    installFake({ 'elders.get': () => ok(ELDER) });
    renderDetail();
    await screen.findByRole('heading', { name: '王秀英' });
    for (const label of ['登记时间', '最后修改']) {
      // A bordered description: the value is the cell after its label.
      const cell = screen.getByText(label).closest('th')?.nextElementSibling;
      expect(cell?.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    }
  });

  it('adds a contact through elders.saveContact after checking it field by field', async () => {
    let gets = 0;
    const calls = installFake({
      'elders.get': () => ok(++gets === 1 ? { ...ELDER, contacts: [] } : ELDER),
      'elders.saveContact': () => ok({ id: 'ct-new' }),
    });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('elder-contact-add'));
    const dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('联系电话'), '1391234');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(formItemOf(within(dialog).getByLabelText('联系人姓名'))).findByText('请填写联系人姓名')).toBeInTheDocument();
    expect(within(formItemOf(within(dialog).getByLabelText('与老人关系'))).getByText('请选择与老人关系')).toBeInTheDocument();
    expect(within(formItemOf(within(dialog).getByLabelText('联系电话'))).getByText(/电话号码格式不正确/)).toBeInTheDocument();
    expect(callsOf(calls, 'elders.saveContact')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('联系人姓名'), '李建国');
    await pick(dialog, '与老人关系', '儿子');
    await user.type(within(dialog).getByLabelText('联系电话'), '5678');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsOf(calls, 'elders.saveContact')).toHaveLength(1));
    expect(callsOf(calls, 'elders.saveContact')[0]?.input).toEqual({
      elderId: 'e1',
      contact: { name: '李建国', relationship: 'son', phone: '13912345678', registeredOn: todayIso() },
    });
    expect(await screen.findByText('已添加联系人')).toBeInTheDocument();
    // The record is read again and shows the new contact.
    await waitFor(() => expect(within(screen.getByTestId('elder-contacts')).getByText('李建国')).toBeInTheDocument());
    expect(callsOf(calls, 'elders.get')).toHaveLength(2);
  });

  it('edits a contact with its id and shows the core’s field errors in the modal', async () => {
    let saves = 0;
    const calls = installFake({
      'elders.get': () => ok(ELDER),
      'elders.saveContact': () =>
        ++saves === 1
          ? { ok: false, error: { code: 'validation', message: '填写的内容有误，请按提示修改', fieldErrors: { 'contact.address': '住址不能超过100个字' } } }
          : ok({ id: 'ct-1' }),
    });
    const user = userEvent.setup();
    renderDetail();
    const contacts = await screen.findByTestId('elder-contacts');
    await user.click(within(contacts).getByRole('button', { name: /编辑/ }));
    const dialog = await openDialog();
    expect(within(dialog).getByLabelText('联系人姓名')).toHaveValue('李建国');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(formItemOf(within(dialog).getByLabelText('住址'))).findByText('住址不能超过100个字')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsOf(calls, 'elders.saveContact')).toHaveLength(2));
    expect(callsOf(calls, 'elders.saveContact')[1]?.input).toMatchObject({ elderId: 'e1', id: 'ct-1', contact: { name: '李建国', relationship: 'son' } });
  });

  it('deletes a contact only after confirmation', async () => {
    const calls = installFake({ 'elders.get': () => ok(ELDER), 'elders.deleteContact': () => ok({ id: 'ct-1' }) });
    const user = userEvent.setup();
    renderDetail();
    const contacts = await screen.findByTestId('elder-contacts');
    await user.click(within(contacts).getByRole('button', { name: /删除/ }));
    const confirm = await openDialog();
    expect(confirm).toHaveTextContent('确定删除联系人“李建国”吗？');
    expect(callsOf(calls, 'elders.deleteContact')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(callsOf(calls, 'elders.deleteContact')).toEqual([{ name: 'elders.deleteContact', input: { id: 'ct-1' } }]));
  });

  it('adds a support agreement with two supporters, money in yuan sent as fen', async () => {
    const calls = installFake({
      'elders.get': () => ok({ ...ELDER, agreements: [] }),
      'elders.saveAgreement': () => ok({ id: 'ag-new' }),
    });
    const user = userEvent.setup();
    renderDetail();
    expect(await screen.findByText('未签订赡养协议')).toBeInTheDocument();
    await user.click(screen.getByTestId('elder-agreement-add'));
    const dialog = await openDialog();

    const first = within(dialog).getByTestId('supporter-0');
    await user.type(within(first).getByLabelText('赡养人姓名'), '李建国');
    await pick(first, '与老人关系', '儿子');
    await user.click(within(first).getByRole('checkbox', { name: '生活照料' }));
    await user.type(within(first).getByLabelText('赡养费（元/月）'), '300');

    await user.click(within(dialog).getByTestId('supporter-add'));
    const second = within(dialog).getByTestId('supporter-1');
    await user.type(within(second).getByLabelText('赡养人姓名'), '李秀梅');
    await pick(second, '与老人关系', '女儿');
    await user.click(within(second).getByRole('checkbox', { name: '粮食及生活用品' }));

    const signed = within(dialog).getByLabelText('签订日期');
    await user.click(signed);
    await user.type(signed, '2024-05-01{Enter}');
    await user.type(within(dialog).getByLabelText('见证单位'), '城东社区居民委员会');

    // Money without 经济供养 is refused at the amount, before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(formItemOf(within(first).getByLabelText('赡养费（元/月）'))).findByText(/请在赡养内容中选择“经济供养”/)).toBeInTheDocument();
    expect(callsOf(calls, 'elders.saveAgreement')).toHaveLength(0);

    await user.click(within(first).getByRole('checkbox', { name: '经济供养' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsOf(calls, 'elders.saveAgreement')).toHaveLength(1));
    expect(callsOf(calls, 'elders.saveAgreement')[0]?.input).toEqual({
      elderId: 'e1',
      agreement: {
        supporters: [
          { name: '李建国', relationship: 'son', provides: ['money', 'care'], amountFen: 30000 },
          { name: '李秀梅', relationship: 'daughter', provides: ['food'] },
        ],
        signedOn: '2024-05-01',
        witness: '城东社区居民委员会',
      },
    });
    expect(await screen.findByText('已添加赡养协议')).toBeInTheDocument();
  });

  it('edits and deletes a support agreement through its own operations', async () => {
    const calls = installFake({
      'elders.get': () => ok(ELDER),
      'elders.saveAgreement': () => ok({ id: 'ag-1' }),
      'elders.deleteAgreement': () => ok({ id: 'ag-1' }),
    });
    const user = userEvent.setup();
    renderDetail();
    const card = await screen.findByTestId('elder-agreement');
    await user.click(within(card).getByRole('button', { name: /编辑/ }));
    const dialog = await openDialog();
    expect(within(within(dialog).getByTestId('supporter-0')).getByLabelText('赡养费（元/月）')).toHaveValue('300.00');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsOf(calls, 'elders.saveAgreement')).toHaveLength(1));
    expect(callsOf(calls, 'elders.saveAgreement')[0]?.input).toMatchObject({
      elderId: 'e1',
      id: 'ag-1',
      agreement: { supporters: [{ name: '李建国', amountFen: 30000 }, { name: '李秀梅' }], reviewOn: '2025-05-01' },
    });

    await user.click(within(screen.getByTestId('elder-agreement')).getByRole('button', { name: /删除/ }));
    const confirm = await openDialog();
    expect(confirm).toHaveTextContent('确定删除2024-05-01签订的赡养协议吗？');
    await user.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(callsOf(calls, 'elders.deleteAgreement')).toEqual([{ name: 'elders.deleteAgreement', input: { id: 'ag-1' } }]));
  });

  it('asks before deleting the elder, and deletes only when confirmed', async () => {
    const calls = installFake({ 'elders.get': () => ok(ELDER), 'elders.delete': () => ok({ id: 'e1' }) });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('elder-delete'));
    let confirm = await openDialog();
    expect(confirm).toHaveTextContent('确定删除老人“王秀英”的记录吗？');
    await user.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(callsOf(calls, 'elders.delete')).toHaveLength(0);

    await user.click(screen.getByTestId('elder-delete'));
    confirm = await openDialog();
    await user.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(callsOf(calls, 'elders.delete')).toEqual([{ name: 'elders.delete', input: { id: 'e1' } }]));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  });
});

describe('moving an elder to another township (county)', () => {
  const COUNTY: StationInfo = { initialised: true, role: 'county', code: '341723', name: '青阳县民政局', countyCode: '341723', countyName: '青阳县', schemaVersion: 4, appVersion: '0.1.0' };
  const TREE: PlaceTree = { ...PLACES, townships: [...PLACES.townships, { code: '341723101', name: '木镇镇', villages: [{ code: '341723101201', name: '木镇社区' }] }] };
  it('the county moves the elder with elders.transfer and reads the record again', async () => {
    const calls = installFake({
      'station.info': () => ok(COUNTY),
      'places.tree': () => ok(TREE),
      'elders.get': () => ok(ELDER),
      'visits.timeline': () => ok({ visits: [], majorChanges: [], due: null }),
      'elders.transfer': () => ok({ id: 'e1', stationCode: '341723101' }),
    });
    const user = userEvent.setup();
    renderDetail();
    await user.click(await screen.findByTestId('elder-transfer'));
    const modal = await openDialog();
    await user.click(within(modal).getByRole('combobox'));
    await user.click(await screen.findByText('木镇镇', { selector: '.ant-cascader-menu-item-content' }));
    await user.click(await screen.findByText('木镇社区', { selector: '.ant-cascader-menu-item-content' }));
    await user.click(within(modal).getByRole('button', { name: '确认迁移' }));
    expect(await screen.findByText('已迁移至木镇镇 木镇社区，记录转由该乡镇站点维护')).toBeInTheDocument();
    expect(callsOf(calls, 'elders.transfer')[0]?.input).toEqual({ id: 'e1', villageCode: '341723101201' });
    await waitFor(() => expect(callsOf(calls, 'elders.get')).toHaveLength(2));
  });

  it('a township station has no transfer button', async () => {
    installFake({ 'station.info': () => ok({ ...COUNTY, role: 'station', code: '341723100' }), 'elders.get': () => ok(ELDER), 'visits.timeline': () => ok({ visits: [], majorChanges: [], due: null }) });
    renderDetail();
    await screen.findByTestId('elder-edit');
    expect(screen.queryByTestId('elder-transfer')).toBeNull();
  });
});

describe('the high-age allowance class', () => {
  it('is named by the county’s bands once they are in force', async () => {
    const bands = [{ value: '80-89', label: '一档（80—89周岁）', minAge: 80, maxAge: 89, amountFen: 5000 }];
    installFake({
      'elders.get': () => ok(ELDER),
      'visits.timeline': () => ok({ visits: [], majorChanges: [], due: null }),
      'rules.get': () => ok({ elderDue: DEFAULT_ELDER_DUE_RULE, childDue: DEFAULT_CHILD_DUE_RULE, highAgeBands: bands, source: { elderDue: 'default', childDue: 'default', highAgeBands: 'county' } }),
    });
    renderDetail();
    await waitFor(() => expect(screen.getByTestId('elder-high-age-class')).toHaveTextContent('一档（80—89周岁）'));
  });
});
