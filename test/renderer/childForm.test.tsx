import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addDays, birthDateForAge, todayIso } from '../../src/shared/domain/dates';
import { ChildForm } from '../../src/renderer/features/children/form/ChildForm';
import { ChildFormPage } from '../../src/renderer/features/children/form/ChildFormPage';
import type { ChildFormValues } from '../../src/renderer/features/children/form/formValues';
import type { ChildRecord } from '../../src/shared/contract';
import { formItemOf, installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

const ID_2015 = makeIdNumber('2015-03-01', '001');

function validChild(overrides: ChildFormValues = {}): ChildFormValues {
  return {
    name: '张小明',
    idNumber: ID_2015,
    ethnicity: '01',
    hukouRegistered: true,
    hukouType: 'rural',
    villageCode: '341723100201',
    healthStatus: 'healthy',
    schooling: 'primary',
    boarding: false,
    guardianshipType: 'fair',
    incomeSources: ['migrant_work'],
    assistance: [],
    father: { name: '张大山', situation: 'working_away', workProvince: '浙江省', workCity: '宁波市' },
    categories: [{ category: 'left_behind', startDate: '2023-09-01', reason: 'both_away', reasons: [] }],
    ...overrides,
  };
}

function renderForm(initialValues: ChildFormValues, saved: string[] = []) {
  return renderRoute(<ChildForm initialValues={initialValues} onSaved={(id) => saved.push(id)} onCancel={() => undefined} />, {
    url: '/children/new',
    path: '/children/new',
  });
}

const sent = (calls: Call[]) => calls.filter((c) => c.name === 'children.create' || c.name === 'children.update');

describe('child form', () => {
  it('refuses a wrong check digit under the ID field and sends nothing', async () => {
    const calls = installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderRoute(<ChildFormPage />, { url: '/children/new', path: '/children/new' });
    const wrongCheck = ID_2015.slice(0, 17) + (ID_2015[17] === '0' ? '1' : '0');
    await user.type(screen.getByTestId('child-idNumber'), wrongCheck);
    await user.type(screen.getByLabelText('儿童姓名'), '张小明');
    await user.click(screen.getByTestId('child-save'));
    const idItem = formItemOf(screen.getByTestId('child-idNumber'));
    expect(await within(idItem).findByText(/身份证号码校验位不正确/)).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('also flags the check digit when the ID field loses focus', async () => {
    const calls = installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({});
    await user.type(screen.getByTestId('child-idNumber'), '11010519491231002Y');
    await user.tab();
    expect(await within(formItemOf(screen.getByTestId('child-idNumber'))).findByText(/只能包含数字/)).toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'children.findByIdNumber')).toHaveLength(0);
  });

  it('clears the check-digit message once the ID number is corrected', async () => {
    installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({});
    const wrongCheck = ID_2015.slice(0, 17) + (ID_2015[17] === '0' ? '1' : '0');
    await user.type(screen.getByTestId('child-idNumber'), wrongCheck);
    await user.tab();
    const idItem = formItemOf(screen.getByTestId('child-idNumber'));
    expect(await within(idItem).findByText(/身份证号码校验位不正确/)).toBeInTheDocument();
    await user.clear(screen.getByTestId('child-idNumber'));
    await user.type(screen.getByTestId('child-idNumber'), ID_2015);
    expect(screen.getByTestId('child-birthDate')).toHaveTextContent('2015-03-01');
    await waitFor(() => expect(within(idItem).queryByText(/身份证号码校验位不正确/)).toBeNull());
  });

  it('shows birth date and sex derived from a valid ID number', async () => {
    installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm({});
    expect(screen.getByTestId('child-birthDate')).toHaveTextContent('填写身份证号码后自动生成');
    await user.type(screen.getByTestId('child-idNumber'), makeIdNumber('2016-07-15', '002'));
    expect(screen.getByTestId('child-birthDate')).toHaveTextContent('2016-07-15');
    expect(screen.getByTestId('child-sex')).toHaveTextContent('女');
  });

  it('shows the age rule at the category that breaks it', async () => {
    const calls = installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    const seventeen = makeIdNumber(birthDateForAge(todayIso(), 17), '011');
    renderForm(validChild({ idNumber: seventeen }));
    await user.click(screen.getByTestId('child-save'));
    const category = screen.getByTestId('child-category-0');
    const categoryItem = formItemOf(within(category).getByLabelText('儿童类别'));
    expect(await within(categoryItem).findByText(/农村留守儿童须未满16周岁/)).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('keeps a recognition date after today and says at the field why it cannot be saved', async () => {
    const calls = installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validChild({ categories: [{ category: 'left_behind', reason: 'both_away', reasons: [] }] }));
    const start = within(screen.getByTestId('child-category-0')).getByLabelText('认定日期');
    const tomorrow = addDays(todayIso(), 1);
    await user.type(start, `${tomorrow}{Enter}`);
    expect(await within(formItemOf(start)).findByText('认定日期不能晚于今天')).toBeInTheDocument();
    expect(start).toHaveValue(tomorrow);
    // Enter confirmed the date; it did not save the form.
    expect(screen.queryByTestId('child-form-problem')).toBeNull();
    await user.click(screen.getByTestId('child-save'));
    expect(await screen.findByTestId('child-form-problem')).toHaveTextContent('填写的内容有误');
    expect(within(formItemOf(start)).getByText('认定日期不能晚于今天')).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('keeps a long name whole and says at the field what a name may hold', async () => {
    const calls = installFake({ 'children.findByIdNumber': () => ok(null) });
    const user = userEvent.setup();
    renderForm(validChild({ name: undefined }));
    const name = screen.getByLabelText('儿童姓名');
    const long = `${'阿'.repeat(15)}·${'买'.repeat(15)}`;
    await user.click(name);
    await user.paste(long);
    expect(name).toHaveValue(long);
    await user.click(screen.getByTestId('child-save'));
    expect(await within(formItemOf(name)).findByText('儿童姓名不能超过30个字')).toBeInTheDocument();
    await user.clear(name);
    await user.paste('李😀明');
    await user.click(screen.getByTestId('child-save'));
    expect(await within(formItemOf(name)).findByText('儿童姓名只能包含汉字、英文字母和间隔号“·”')).toBeInTheDocument();
    expect(sent(calls)).toHaveLength(0);
  });

  it('puts a server duplicate under the ID field with a link to the existing record', async () => {
    const message = '该身份证号码已登记（张小明），请勿重复录入';
    const calls = installFake({
      'children.findByIdNumber': () => ok(null),
      'children.create': () => ({
        ok: false,
        error: { code: 'duplicate', message, existingId: 'child-existing-1', fieldErrors: { idNumber: message } },
      }),
    });
    const user = userEvent.setup();
    renderForm(validChild());
    await user.click(screen.getByTestId('child-save'));
    const idItem = formItemOf(screen.getByTestId('child-idNumber'));
    expect(await within(idItem).findByText(message)).toBeInTheDocument();
    const link = within(idItem).getByRole('link', { name: '查看已登记的记录' });
    expect(link.getAttribute('href')).toContain('/children/child-existing-1');
    expect(sent(calls)).toHaveLength(1);
  });

  it('warns of a registered ID number as soon as the field is left', async () => {
    installFake({ 'children.findByIdNumber': () => ok({ id: 'child-existing-2', name: '李四' }) });
    const user = userEvent.setup();
    renderForm({});
    await user.type(screen.getByTestId('child-idNumber'), ID_2015);
    await user.tab();
    const idItem = formItemOf(screen.getByTestId('child-idNumber'));
    expect(await within(idItem).findByText('该身份证号码已登记（李四），请勿重复录入')).toBeInTheDocument();
    expect(within(idItem).getByRole('link', { name: '查看已登记的记录' }).getAttribute('href')).toContain('/children/child-existing-2');
  });

  it('maps server field errors onto their fields', async () => {
    installFake({
      'children.findByIdNumber': () => ok(null),
      'children.create': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: '填写的内容有误，请按提示修改',
          fieldErrors: {
            'father.phone': '电话号码格式不正确（手机11位，或区号-号码）',
            'categories.0.startDate': '认定日期早于出生日期',
            villageCode: '该村（居）不属于蓉城镇',
            categories: '请至少选择一个儿童类别',
            _: '其他问题',
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderForm(validChild());
    await user.click(screen.getByTestId('child-save'));
    expect(await within(formItemOf(screen.getByLabelText('父亲联系电话'))).findByText(/电话号码格式不正确/)).toBeInTheDocument();
    const category = screen.getByTestId('child-category-0');
    expect(within(formItemOf(within(category).getByLabelText('认定日期'))).getByText('认定日期早于出生日期')).toBeInTheDocument();
    expect(within(formItemOf(screen.getByLabelText('所在村（居）'))).getByText('该村（居）不属于蓉城镇')).toBeInTheDocument();
    expect(screen.getByTestId('child-form-problem')).toHaveTextContent('填写的内容有误');
    // A list-level message shows under the list; one with no field at all, in the summary.
    expect(screen.getByText('请至少选择一个儿童类别').closest('[data-testid="child-form-problem"]')).toBeNull();
    expect(screen.getByTestId('child-form-problem')).toHaveTextContent('其他问题');
  });

  it('sends a valid child once and reports the saved id', async () => {
    const calls = installFake({
      'children.findByIdNumber': () => ok(null),
      'children.create': () => ok({ id: 'new-child-1' }),
    });
    const user = userEvent.setup();
    const saved: string[] = [];
    renderForm(validChild(), saved);
    await user.click(screen.getByTestId('child-save'));
    await waitFor(() => expect(saved).toEqual(['new-child-1']));
    const [create] = sent(calls);
    expect(create?.input).toMatchObject({ name: '张小明', idNumber: ID_2015, categories: [{ category: 'left_behind', reason: 'both_away' }] });
    expect(await screen.findByText('已保存')).toBeInTheDocument();
  });

  it('edits an existing record: loads it, keeps category ids and sends an update', async () => {
    const record: ChildRecord = {
      ...(validChild() as ChildRecord),
      id: 'c-9',
      stationCode: '341723100',
      birthDate: '2015-03-01',
      sex: 'M',
      townshipCode: '341723100',
      townshipName: '蓉城镇',
      villageName: '城东社区',
      categories: [{ id: 'cat-1', category: 'left_behind', startDate: '2023-09-01', reason: 'both_away', reasons: [] }],
      reportReasons: [],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    const calls = installFake({
      'children.get': () => ok(record),
      'children.findByIdNumber': () => ok({ id: 'c-9', name: '张小明' }),
      'children.update': () => ok({ id: 'c-9' }),
    });
    const user = userEvent.setup();
    renderRoute(<ChildFormPage />, { url: '/children/c-9/edit', path: '/children/:id/edit' });
    const name = await screen.findByLabelText('儿童姓名');
    expect(name).toHaveValue('张小明');
    await user.clear(name);
    await user.type(name, '张晓明');
    // Its own ID number is not a duplicate of itself.
    await user.click(screen.getByTestId('child-idNumber'));
    await user.tab();
    await user.click(screen.getByTestId('child-save'));
    await waitFor(() => expect(sent(calls)).toHaveLength(1));
    expect(sent(calls)[0]).toMatchObject({
      name: 'children.update',
      input: { id: 'c-9', child: { name: '张晓明', categories: [{ id: 'cat-1', category: 'left_behind' }] } },
    });
    expect(screen.queryByText(/该身份证号码已登记/)).toBeNull();
  });

  it('puts the core’s refusal of an edit under the field, though the update names it under child.', async () => {
    const record: ChildRecord = {
      ...(validChild() as ChildRecord),
      id: 'c-9',
      stationCode: '341723100',
      birthDate: '2015-03-01',
      sex: 'M',
      townshipCode: '341723100',
      townshipName: '蓉城镇',
      villageName: '城东社区',
      categories: [{ id: 'cat-1', category: 'left_behind', startDate: '2023-09-01', reason: 'both_away', reasons: [] }],
      reportReasons: [],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    const message = '迁往其他乡镇（街道）请由县局办理“迁移”，这里只能选择本乡镇的村（居）';
    installFake({
      'children.get': () => ok(record),
      'children.findByIdNumber': () => ok({ id: 'c-9', name: '张小明' }),
      'children.update': () => ({ ok: false, error: { code: 'validation', message, fieldErrors: { 'child.villageCode': message } } }),
    });
    renderRoute(<ChildFormPage />, { url: '/children/c-9/edit', path: '/children/:id/edit' });
    await screen.findByLabelText('儿童姓名');
    await userEvent.setup().click(screen.getByTestId('child-save'));
    expect(await within(formItemOf(screen.getByLabelText('所在村（居）'))).findByText(message)).toBeInTheDocument();
  });
});
