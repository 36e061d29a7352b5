import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../src/shared/contract';
import { birthDateForAge, todayIso } from '../../src/shared/domain/dates';
import { ElderForm } from '../../src/renderer/features/elders/form/ElderForm';
import { ElderFormPage } from '../../src/renderer/features/elders/form/ElderFormPage';
import type { ElderFormValues } from '../../src/renderer/features/elders/form/formValues';
import { formItemOf, installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

const ID_1940 = makeIdNumber('1940-05-01', '002');

function validElder(overrides: ElderFormValues = {}): ElderFormValues {
  return {
    name: '王秀英',
    idNumber: ID_1940,
    ethnicity: '01',
    villageCode: '341723100201',
    phone: '13912345678',
    livingSituation: 'alone',
    capability: 'mild',
    economicStatus: 'general',
    benefits: ['pension_resident'],
    riskTier: 'priority',
    groups: [
      { group: 'living_alone', startDate: '2020-01-01' },
      { group: 'high_age', startDate: '2021-01-01' },
    ],
    ...overrides,
  };
}

function renderForm(initialValues: ElderFormValues, saved: string[] = []) {
  return renderRoute(<ElderForm initialValues={initialValues} onSaved={(id) => saved.push(id)} onCancel={() => undefined} />, {
    url: '/elders/new',
    path: '/elders/new',
  });
}

const sent = (calls: Call[]) => calls.filter((c) => c.name === 'elders.create' || c.name === 'elders.update');
/** The form item of a radio or checkbox group, whose label points at no single control. */
const labelledItem = (label: string) => formItemOf(screen.getByText(label, { selector: 'label' }));
const groupItem = (position: number, label: string) => formItemOf(within(screen.getByTestId(`elder-group-${position}`)).getByLabelText(label));

describe('elder form', { timeout: 60_000 }, () => {
  it('refuses a wrong check digit under the ID field and sends nothing', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderRoute(<ElderFormPage />, { url: '/elders/new', path: '/elders/new' });
    const wrongCheck = ID_1940.slice(0, 17) + (ID_1940[17] === '0' ? '1' : '0');
    await user.type(screen.getByTestId('elder-idNumber'), wrongCheck);
    await user.type(screen.getByLabelText('老人姓名'), '王秀英');
    await user.click(screen.getByTestId('elder-save'));
    expect(await within(formItemOf(screen.getByTestId('elder-idNumber'))).findByText(/身份证号码校验位不正确/)).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('所在村（居）'))).getByText('请选择所在村（居）')).toBeInTheDocument();
    expect(within(labelledItem('经济状况')).getByText('请选择经济状况')).toBeInTheDocument();
    expect(within(labelledItem('居住情况')).getByText('请选择居住情况')).toBeInTheDocument();
    expect(screen.getByTestId('elder-form-problem')).toHaveTextContent('填写的内容有误');
    expect(sent(calls)).toHaveLength(0);
  });

  it('saves only from the button, and clears a message once its field is changed', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null), 'elders.create': () => ok({ id: 'new-elder-2' }) });
    const user = userEvent.setup();
    renderForm(validElder({ economicStatus: undefined }));
    // Enter confirms a typed date or name; it must not send a half-filled form.
    await user.type(screen.getByLabelText('老人姓名'), '{Enter}');
    expect(screen.queryByTestId('elder-form-problem')).toBeNull();
    await user.click(screen.getByTestId('elder-save'));
    expect(await within(labelledItem('经济状况')).findByText('请选择经济状况')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '低保' }));
    await waitFor(() => expect(within(labelledItem('经济状况')).queryByText('请选择经济状况')).toBeNull());
    expect(sent(calls)).toHaveLength(0);
  });

  it('derives birth date and sex, and says at once when someone is under 60', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({});
    expect(screen.getByTestId('elder-birthDate')).toHaveTextContent('填写身份证号码后自动生成');
    await user.type(screen.getByTestId('elder-idNumber'), ID_1940);
    expect(screen.getByTestId('elder-birthDate')).toHaveTextContent('1940-05-01');
    expect(screen.getByTestId('elder-sex')).toHaveTextContent('女');

    const fiftyNine = makeIdNumber(birthDateForAge(todayIso(), 59), '011');
    await user.clear(screen.getByTestId('elder-idNumber'));
    await user.type(screen.getByTestId('elder-idNumber'), fiftyNine);
    await user.tab();
    expect(await within(formItemOf(screen.getByTestId('elder-idNumber'))).findByText(/须年满60周岁/)).toBeInTheDocument();
    expect(screen.getByTestId('elder-sex')).toHaveTextContent('男');
    expect(sent(calls)).toHaveLength(0);
  });

  it('refuses an ID number giving an impossible age as the field is left', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({});
    await user.click(screen.getByTestId('elder-idNumber'));
    await user.paste(makeIdNumber(birthDateForAge(todayIso(), 150), '011'));
    await user.tab();
    expect(await within(formItemOf(screen.getByTestId('elder-idNumber'))).findByText('身份证号码中的出生日期早于1900年，请核对出生年份')).toBeInTheDocument();
    expect(screen.getByTestId('elder-birthDate')).toHaveTextContent('填写身份证号码后自动生成');
    expect(calls.filter((c) => c.name === 'elders.findByIdNumber')).toHaveLength(0);
  });

  it('shows a group rule at the group that breaks it, and date order at the exit date', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(
      validElder({
        livingSituation: 'with_children',
        groups: [
          { group: 'living_alone', startDate: '2020-01-01' },
          { group: 'high_age', startDate: '2021-01-01', endDate: '2020-06-01' },
        ],
      }),
    );
    await user.click(screen.getByTestId('elder-save'));
    expect(await within(groupItem(0, '对象类别')).findByText('独居老人的居住情况须为“独居”')).toBeInTheDocument();
    expect(within(groupItem(1, '退出日期')).getByText('退出日期不能早于认定日期')).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('maps the core’s field errors onto their fields', async () => {
    installFake({
      'elders.findByIdNumber': () => ok(null),
      'elders.create': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: '填写的内容有误，请按提示修改',
          fieldErrors: {
            phone: '电话号码格式不正确（手机11位，或区号-号码）',
            'groups.1.startDate': '认定日期早于出生日期',
            villageCode: '该村（居）不属于蓉城镇',
            capabilityScore: '请填写评估得分',
            _: '其他问题',
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderForm(validElder());
    await user.click(screen.getByTestId('elder-save'));
    expect(await within(formItemOf(screen.getByLabelText('联系电话'))).findByText(/电话号码格式不正确/)).toBeInTheDocument();
    expect(within(groupItem(1, '认定日期')).getByText('认定日期早于出生日期')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('所在村（居）'))).getByText('该村（居）不属于蓉城镇')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('能力评估得分'))).getByText('请填写评估得分')).toBeInTheDocument();
    const problem = screen.getByTestId('elder-form-problem');
    expect(problem).toHaveTextContent('填写的内容有误');
    expect(problem).toHaveTextContent('其他问题');
  });

  it('puts a duplicate ID number under the field with a link to the existing elder', async () => {
    const message = '该身份证号码已登记（王秀英），请勿重复录入';
    installFake({
      'elders.findByIdNumber': () => ok(null),
      'elders.create': () => ({ ok: false, error: { code: 'duplicate', message, existingId: 'elder-existing-1', fieldErrors: { idNumber: message } } }),
    });
    const user = userEvent.setup();
    renderForm(validElder());
    await user.click(screen.getByTestId('elder-save'));
    const idItem = formItemOf(screen.getByTestId('elder-idNumber'));
    expect(await within(idItem).findByText(message)).toBeInTheDocument();
    expect(within(idItem).getByRole('link', { name: '查看已登记的记录' }).getAttribute('href')).toContain('/elders/elder-existing-1');
  });

  it('warns of a registered ID number as soon as the field is left', async () => {
    installFake({ 'elders.findByIdNumber': () => ok({ id: 'elder-existing-2', name: '李德明' }) });
    const user = userEvent.setup();
    renderForm({});
    await user.type(screen.getByTestId('elder-idNumber'), ID_1940);
    await user.tab();
    const idItem = formItemOf(screen.getByTestId('elder-idNumber'));
    expect(await within(idItem).findByText('该身份证号码已登记（李德明），请勿重复录入')).toBeInTheDocument();
    expect(within(idItem).getByRole('link', { name: '查看已登记的记录' }).getAttribute('href')).toContain('/elders/elder-existing-2');
  });

  it('suggests the visit tier and, for a new elder, starts from the suggestion', async () => {
    installFake({ 'elders.findByIdNumber': () => ok(null) });
    renderForm(validElder({ riskTier: undefined, capability: 'severe', livingSituation: 'alone' }));
    expect(screen.getByTestId('elder-risk-suggestion')).toHaveTextContent('建议：高风险（每周探访）');
    await waitFor(() => expect(screen.getByRole('radio', { name: '高风险（每周探访）' })).toBeChecked());
  });

  it('offers to adopt the suggestion when the chosen tier differs', async () => {
    installFake({ 'elders.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validElder({ riskTier: 'general' }));
    // 独居 is a group the monthly visit target names.
    expect(screen.getByTestId('elder-risk-suggestion')).toHaveTextContent('建议：重点（每月探访）');
    expect(screen.getByRole('radio', { name: '一般（每季度探访）' })).toBeChecked();
    await user.click(within(screen.getByTestId('elder-risk-suggestion')).getByRole('button', { name: '按建议设置' }));
    expect(screen.getByRole('radio', { name: '重点（每月探访）' })).toBeChecked();
  });

  it('sends a valid elder with two groups once and reports the saved id', async () => {
    const calls = installFake({ 'elders.findByIdNumber': () => ok(null), 'elders.create': () => ok({ id: 'new-elder-1' }) });
    const user = userEvent.setup();
    const saved: string[] = [];
    renderForm(validElder({ capabilityScore: 70, capabilityAssessedOn: '2024-05-01' }), saved);
    await user.click(screen.getByTestId('elder-save'));
    await waitFor(() => expect(saved).toEqual(['new-elder-1']));
    expect(sent(calls)).toHaveLength(1);
    expect(sent(calls)[0]?.input).toMatchObject({
      name: '王秀英',
      idNumber: ID_1940,
      capabilityScore: 70,
      riskTier: 'priority',
      groups: [
        { group: 'living_alone', startDate: '2020-01-01' },
        { group: 'high_age', startDate: '2021-01-01' },
      ],
    });
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('edits an existing elder: keeps group ids, sends an update, and places its errors', async () => {
    const record: ElderRecord = {
      ...(validElder() as ElderRecord),
      id: 'e-9',
      stationCode: '341723100',
      birthDate: '1940-05-01',
      sex: 'F',
      age: 85,
      townshipCode: '341723100',
      townshipName: '蓉城镇',
      villageName: '城东社区',
      highAgeClass: '80-89',
      groups: [{ id: 'g-1', group: 'living_alone', startDate: '2020-01-01' }],
      contacts: [],
      agreements: [],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    let updates = 0;
    const calls = installFake({
      'elders.get': () => ok(record),
      'elders.findByIdNumber': () => ok({ id: 'e-9', name: '王秀英' }),
      'elders.update': () =>
        ++updates === 1
          ? { ok: false, error: { code: 'validation', message: '填写的内容有误，请按提示修改', fieldErrors: { 'elder.visitor': '探访责任人不能包含数字' } } }
          : ok({ id: 'e-9' }),
    });
    const user = userEvent.setup();
    renderRoute(<ElderFormPage />, { url: '/elders/e-9/edit', path: '/elders/:id/edit' });
    const name = await screen.findByLabelText('老人姓名');
    expect(name).toHaveValue('王秀英');
    await user.clear(name);
    await user.type(name, '王秀瑛');
    // Its own ID number is not a duplicate of itself.
    await user.click(screen.getByTestId('elder-idNumber'));
    await user.tab();
    await user.click(screen.getByTestId('elder-save'));
    expect(await within(formItemOf(screen.getByLabelText('探访责任人'))).findByText('探访责任人不能包含数字')).toBeInTheDocument();
    await user.click(screen.getByTestId('elder-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(2));
    expect(sent(calls)[1]).toMatchObject({
      name: 'elders.update',
      input: { id: 'e-9', elder: { name: '王秀瑛', groups: [{ id: 'g-1', group: 'living_alone' }] } },
    });
    expect(screen.queryByText(/该身份证号码已登记/)).toBeNull();
  });
});
