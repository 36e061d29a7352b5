import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../src/shared/contract';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { childInput, OTHER_TOWNSHIP_VILLAGE, stationCore, validId } from '../../helpers/core';

async function rejected(p: Promise<unknown>): Promise<LedgerError['data']> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LedgerError);
  return (e as LedgerError).data;
}

describe('children register', () => {
  it('creates a child with birth date and sex derived from the ID number, and reads it back', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput({ idNumber: '３４１７２３２０１５０１０１００１６' }));
    const child = await core.call('children.get', { id });
    expect(child).toMatchObject({
      name: '张三',
      idNumber: '341723201501010016',
      birthDate: '2015-01-01',
      sex: 'M',
      townshipName: '蓉城镇',
      villageName: '百花村',
      stationCode: '341723100',
      father: { name: '张大山', workCity: '杭州市' },
    });
    expect(child.categories).toHaveLength(1);
    expect(child.categories[0]).toMatchObject({ category: 'left_behind', reason: 'both_away', startDate: '2024-03-01' });
  });

  it('reports each bad field in Chinese, at its own path, and writes nothing', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('children.create', {
        ...childInput({ idNumber: '341723201501010017', healthStatus: 'disabled' }),
        father: { phone: '12345' },
        categories: [{ category: 'left_behind', startDate: '2024-02-30', reason: 'both_away' }],
      }),
    );
    expect(err.code).toBe('validation');
    expect(err.fieldErrors).toMatchObject({
      idNumber: '身份证号码校验位不正确，请核对每一位数字',
      'father.phone': expect.stringContaining('电话号码格式不正确'),
      'categories.0.startDate': '认定日期不是有效日期',
    });
    expect(core.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 0 });
  });

  it('applies the age rule of each category where the category is', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('children.create', childInput({ idNumber: validId('34172320080101001'), schooling: 'senior' })),
    );
    expect(err.fieldErrors?.['categories.0.category']).toContain('农村留守儿童须未满16周岁');
    const err2 = await rejected(
      core.call('children.create', childInput({ healthStatus: 'disabled', categories: [{ category: 'difficulty', startDate: '2024-01-01' }] })),
    );
    expect(err2.fieldErrors).toMatchObject({ disabilityType: '请选择残疾类别', disabilityGrade: '请选择残疾等级', 'categories.0.reasons': '请选择困境类型' });
  });

  it('reports rules across fields together with single-field problems, so one save shows them all', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('children.create', {
        ...childInput({ idNumber: validId('34172320080101001'), schooling: 'senior', healthStatus: 'ill' }),
        name: '',
        categories: [{ category: 'left_behind', startDate: '2024-01-01' }],
      }),
    );
    expect(err.fieldErrors).toMatchObject({
      name: '请填写儿童姓名',
      illness: '请填写所患疾病',
      'categories.0.reason': '请选择留守情形',
      'categories.0.category': expect.stringContaining('须未满16周岁'),
    });
  });

  it('stores a minority name with its middle dot, refuses markup and emoji in names and dates after today', async () => {
    const core = await stationCore();
    const tomorrow = addDays(todayIso(), 1);
    const err = await rejected(
      core.call('children.create', {
        ...childInput({ reportDate: tomorrow, reportAgency: '蓉城派出所' }),
        name: '李😀明',
        father: { name: '<b>张</b>', birthDate: tomorrow },
      }),
    );
    expect(err.fieldErrors).toMatchObject({
      name: '儿童姓名只能包含汉字、英文字母和间隔号“·”',
      'father.name': '姓名只能包含汉字、英文字母和间隔号“·”',
      'father.birthDate': '父亲出生日期不能晚于今天',
      reportDate: '报告日期不能晚于今天',
    });
    const minorityName = '阿依古丽•买买提艾力•吐尔逊托合提';
    const { id } = await core.call('children.create', childInput({ name: minorityName, guardian: { name: 'Maria  Santos' } }));
    expect(await core.call('children.get', { id })).toMatchObject({ name: '阿依古丽·买买提艾力·吐尔逊托合提', guardian: { name: 'Maria Santos' } });
  });

  it('refuses a second child with the same ID number and names the existing record', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput());
    const err = await rejected(core.call('children.create', childInput({ name: '张四', idNumber: '341723201501010016' })));
    expect(err).toMatchObject({ code: 'duplicate', existingId: id });
    expect(err.fieldErrors?.idNumber).toContain('已登记（张三）');
    expect(await core.call('children.findByIdNumber', { idNumber: '341723 2015 0101 0016' })).toEqual({ id, name: '张三' });
  });

  it('refuses a village of another township at a station', async () => {
    const core = await stationCore();
    const err = await rejected(core.call('children.create', childInput({ villageCode: OTHER_TOWNSHIP_VILLAGE })));
    expect(err.fieldErrors?.villageCode).toContain('不属于蓉城镇社工站');
  });

  it('updates fields and categories, and soft-deletes', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput());
    const before = await core.call('children.get', { id });
    await core.call('children.update', {
      id,
      child: {
        ...childInput({ schooling: 'dropped_out', guardianshipType: 'none' }),
        categories: [
          { ...before.categories[0]!, endDate: '2025-06-30' },
          { category: 'difficulty', startDate: '2025-07-01', reasons: ['guardianship'] },
        ],
      },
    });
    const after = await core.call('children.get', { id });
    expect(after.reportReasons).toEqual(['无人监护', '辍学']);
    expect(after.categories.map((c) => [c.category, c.endDate])).toEqual([
      ['left_behind', '2025-06-30'],
      ['difficulty', undefined],
    ]);
    expect(after.categories[0]!.id).toBe(before.categories[0]!.id);

    await core.call('children.delete', { id });
    expect((await rejected(core.call('children.get', { id }))).code).toBe('not_found');
    expect((await core.call('children.list', {})).total).toBe(0);
    // Soft delete: the row stays, marked, so the deletion can sync like any edit.
    expect(core.db.prepare('SELECT deleted FROM children WHERE id = ?').get(id)).toEqual({ deleted: 1 });
    // The ID number is free again.
    await core.call('children.create', childInput());
  });
});

describe('children list', () => {
  async function seeded() {
    const core = await stationCore();
    const add = (name: string, first17: string, over: Parameters<typeof childInput>[0] = {}) =>
      core.call('children.create', childInput({ name, idNumber: validId(first17), ...over }));
    await add('张三', '34172320150101001');
    await add('王小明', '34172320180505002', { villageCode: '341723100201', guardianshipType: 'none' });
    await add('李四', '34172320220202003', { schooling: 'kindergarten' });
    await add('单丽', '34172320120303004', {
      schooling: 'junior',
      categories: [{ category: 'orphan', startDate: '2020-01-01', reason: 'both_dead', care: 'community' }],
    });
    return core;
  }

  it('searches by pinyin initials, full pinyin, name characters and ID digits', async () => {
    const core = await seeded();
    const names = async (search: string) => (await core.call('children.list', { search })).rows.map((r) => r.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('WXM')).toEqual(['王小明']);
    expect(await names('wangxiao')).toEqual(['王小明']);
    expect(await names('sl')).toEqual(['单丽']); // 单 as a surname reads shan
    expect(await names('小明')).toEqual(['王小明']);
    expect(await names('20220202')).toEqual(['李四']);
    expect(await names('％')).toEqual([]);
    expect(await names('z%')).toEqual([]);
  });

  it('filters by village, category, guardianship, age band and mandatory report', async () => {
    const core = await seeded();
    const names = async (q: Parameters<typeof core.call<'children.list'>>[1]) =>
      (await core.call('children.list', q)).rows.map((r) => r.name).sort();
    expect(await names({ villageCode: '341723100201' })).toEqual(['王小明']);
    expect(await names({ townshipCode: '341723100' })).toHaveLength(4);
    expect(await names({ category: 'orphan' })).toEqual(['单丽']);
    expect(await names({ guardianshipType: 'none' })).toEqual(['王小明']);
    expect(await names({ needsReport: true })).toEqual(['王小明']);
    expect(await names({ ageBand: '0-5' })).toEqual(['李四']);
    expect(await names({ ageBand: '6-13', category: 'left_behind' })).toEqual(['张三', '王小明']);
    expect(await names({ ageBand: '14-16' })).toEqual(['单丽']);
  });

  it('pages in a stable order and marks categories and report reasons per row', async () => {
    const core = await seeded();
    const first = await core.call('children.list', { limit: 2 });
    const second = await core.call('children.list', { limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(['李四', '单丽', '王小明', '张三']);
    const wang = first.rows.concat(second.rows).find((r) => r.name === '王小明')!;
    expect(wang).toMatchObject({ categories: ['left_behind'], reportReasons: ['无人监护'], reported: false, villageName: '牌楼村' });
    expect(wang.idNumberMasked).toMatch(/^341723\*{8}\d{3}[\dX]$/);
  });
});
