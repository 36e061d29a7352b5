import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WomanForm } from '../../src/renderer/features/women/form/WomanForm';
import { WomanFormPage } from '../../src/renderer/features/women/form/WomanFormPage';
import type { WomanFormValues } from '../../src/renderer/features/women/form/formValues';
import type { WomanRecord } from '../../src/shared/contract';
import { formItemOf, installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

const ID_1988 = makeIdNumber('1988-05-12', '002');

function validWoman(overrides: WomanFormValues = {}): WomanFormValues {
  return {
    name: '李秀梅',
    idNumber: ID_1988,
    villageCode: '341723100201',
    husbandName: '张建军',
    husbandWorkProvince: '浙江省',
    husbandWorkCity: '宁波市',
    health: 'healthy',
    needs: ['employment'],
    sinceOn: '2024-03-01',
    ...overrides,
  };
}

function renderForm(initialValues: WomanFormValues, saved: string[] = []) {
  return renderRoute(<WomanForm initialValues={initialValues} onSaved={(id) => saved.push(id)} onCancel={() => undefined} />, {
    url: '/women/new',
    path: '/women/new',
  });
}

const sent = (calls: Call[]) => calls.filter((c) => c.name === 'women.create' || c.name === 'women.update');
const idItem = () => formItemOf(screen.getByTestId('woman-idNumber'));

describe('left-behind woman form', () => {
  it('shows birth date and sex derived from a valid ID number', async () => {
    installFake({ 'women.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({ sinceOn: '2024-03-01' });
    expect(screen.getByTestId('woman-birthDate')).toHaveTextContent('填写身份证号码后自动生成');
    await user.type(screen.getByTestId('woman-idNumber'), ID_1988);
    expect(screen.getByTestId('woman-birthDate')).toHaveTextContent('1988-05-12');
    expect(screen.getByTestId('woman-sex')).toHaveTextContent('女');
    expect(formItemOf(screen.getByTestId('woman-birthDate'))).toHaveTextContent('登记日期时35周岁');
  });

  it('refuses a man’s ID number as the field is left, and again on save', async () => {
    const calls = installFake({ 'women.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validWoman({ idNumber: undefined }));
    await user.type(screen.getByTestId('woman-idNumber'), makeIdNumber('1988-05-12', '001'));
    await user.tab();
    expect(await within(idItem()).findByText('留守妇女须为女性（该身份证号码为男性）')).toBeInTheDocument();
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(idItem()).findByText('留守妇女须为女性（该身份证号码为男性）')).toBeInTheDocument();
    expect(screen.getByTestId('woman-form-problem')).toHaveTextContent('填写的内容有误');
    expect(sent(calls)).toHaveLength(0);
  });

  it('clears the check-digit message once the ID number is corrected', async () => {
    installFake({ 'women.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validWoman({ idNumber: undefined }));
    await user.type(screen.getByTestId('woman-idNumber'), ID_1988.slice(0, 17) + (ID_1988[17] === '0' ? '1' : '0'));
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(idItem()).findByText(/身份证号码校验位不正确/)).toBeInTheDocument();
    await user.clear(screen.getByTestId('woman-idNumber'));
    await user.type(screen.getByTestId('woman-idNumber'), ID_1988);
    expect(screen.getByTestId('woman-birthDate')).toHaveTextContent('1988-05-12');
    await waitFor(() => expect(within(idItem()).queryByText(/身份证号码校验位不正确/)).toBeNull());
  });

  it('checks the age on the registration day, under the ID field', async () => {
    const calls = installFake({ 'women.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    // 19 on 2024-03-01, the day before her twentieth birthday.
    renderForm(validWoman({ idNumber: makeIdNumber('2004-03-02', '002') }));
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(idItem()).findByText('登记的留守妇女须为20—59周岁（登记日期时19周岁）')).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('asks for the husband’s name and reports every bad field at once', async () => {
    const calls = installFake({ 'women.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validWoman({ husbandName: undefined, phone: '12345', endedOn: '2024-01-01' }));
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(formItemOf(screen.getByLabelText('丈夫姓名'))).findByText('请填写丈夫姓名')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('联系电话'))).getByText(/电话号码格式不正确/)).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('退出日期'))).getByText('退出日期不能早于登记日期')).toBeInTheDocument();
    expect(screen.getByTestId('woman-form-problem')).toHaveTextContent('共 3 处');
    expect(sent(calls)).toHaveLength(0);
  });

  it('puts a server duplicate under the ID field with a link to the existing record', async () => {
    const message = '该身份证号码已登记（李秀梅），请勿重复录入';
    const calls = installFake({
      'women.findByIdNumber': () => ok(null),
      'women.create': () => ({ ok: false, error: { code: 'duplicate', message, existingId: 'woman-existing-1', fieldErrors: { idNumber: message } } }),
    });
    const user = userEvent.setup();
    renderForm(validWoman());
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(idItem()).findByText(message)).toBeInTheDocument();
    expect(within(idItem()).getByRole('link', { name: '查看已登记的记录' }).getAttribute('href')).toContain('/women/woman-existing-1');
    expect(sent(calls)).toHaveLength(1);
  });

  it('maps the core’s field errors onto their fields', async () => {
    installFake({
      'women.findByIdNumber': () => ok(null),
      'women.create': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: '填写的内容有误，请按提示修改',
          fieldErrors: { villageCode: '该村（居）不属于蓉城镇社工站', husbandPhone: '电话号码格式不正确（手机11位，或区号-号码）', _: '其他问题' },
        },
      }),
    });
    const user = userEvent.setup();
    renderForm(validWoman());
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(formItemOf(screen.getByLabelText('所在村（居）'))).findByText('该村（居）不属于蓉城镇社工站')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('丈夫联系电话'))).getByText(/电话号码格式不正确/)).toBeInTheDocument();
    expect(screen.getByTestId('woman-form-problem')).toHaveTextContent('其他问题');
  });

  it('sends a valid woman once and reports the saved id', async () => {
    const calls = installFake({ 'women.findByIdNumber': () => ok(null), 'women.create': () => ok({ id: 'new-woman-1' }) });
    const user = userEvent.setup();
    const saved: string[] = [];
    renderForm(validWoman(), saved);
    await user.click(screen.getByLabelText('家庭教育指导'));
    await user.click(screen.getByTestId('woman-save'));
    await waitFor(() => expect(saved).toEqual(['new-woman-1']));
    expect(sent(calls)).toHaveLength(1);
    expect(sent(calls)[0]?.input).toEqual({
      name: '李秀梅',
      idNumber: ID_1988,
      villageCode: '341723100201',
      husbandName: '张建军',
      husbandWorkProvince: '浙江省',
      husbandWorkCity: '宁波市',
      health: 'healthy',
      needs: ['employment', 'parenting'],
      sinceOn: '2024-03-01',
    });
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('edits an existing record: loads it and sends an update, its own ID number no duplicate', async () => {
    const record: WomanRecord = {
      ...(validWoman() as WomanRecord),
      id: 'w-9',
      stationCode: '341723100',
      birthDate: '1988-05-12',
      sex: 'F',
      age: 38,
      townshipCode: '341723100',
      townshipName: '蓉城镇',
      villageName: '城东社区',
      active: true,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    const calls = installFake({
      'women.get': () => ok(record),
      'women.findByIdNumber': () => ok({ id: 'w-9', name: '李秀梅' }),
      'women.update': () => ok({ id: 'w-9' }),
    });
    const user = userEvent.setup();
    renderRoute(<WomanFormPage />, { url: '/women/w-9/edit', path: '/women/:id/edit' });
    const husband = await screen.findByLabelText('丈夫姓名');
    expect(husband).toHaveValue('张建军');
    expect(screen.getByText('编辑留守妇女信息：李秀梅')).toBeInTheDocument();
    await user.clear(husband);
    await user.type(husband, '张建国');
    await user.click(screen.getByTestId('woman-idNumber'));
    await user.tab();
    await user.click(screen.getByTestId('woman-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]).toMatchObject({ name: 'women.update', input: { id: 'w-9', woman: { name: '李秀梅', husbandName: '张建国' } } });
    expect(screen.queryByText(/该身份证号码已登记/)).toBeNull();
  });

  it('places an update’s field errors, which the core prefixes with woman.', async () => {
    const record = { ...(validWoman() as WomanRecord), id: 'w-9', stationCode: '341723100', birthDate: '1988-05-12', sex: 'F', age: 38, townshipCode: '341723100', townshipName: '蓉城镇', villageName: '城东社区', active: true, createdAt: '', updatedAt: '' } satisfies WomanRecord;
    installFake({
      'women.get': () => ok(record),
      'women.findByIdNumber': () => ok(null),
      'women.update': () => ({ ok: false, error: { code: 'validation', message: '填写的内容有误，请按提示修改', fieldErrors: { 'woman.villageCode': '这里只能选择本乡镇（街道）的村（居）' } } }),
    });
    const user = userEvent.setup();
    renderRoute(<WomanFormPage />, { url: '/women/w-9/edit', path: '/women/:id/edit' });
    await screen.findByLabelText('丈夫姓名');
    await user.click(screen.getByTestId('woman-save'));
    expect(await within(formItemOf(screen.getByLabelText('所在村（居）'))).findByText('这里只能选择本乡镇（街道）的村（居）')).toBeInTheDocument();
  });
});
