import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { LedgerError, type ElderContactInput, type ElderInput, type SupportAgreementInput } from '../../../src/shared/contract';
import { birthDateForAge, nextDay, todayIso } from '../../../src/shared/domain/dates';
import { DEFAULT_HIGH_AGE_BANDS, highAgeAllowanceClass, suggestedRiskTier } from '../../../src/shared/domain/elders';
import { OTHER_TOWNSHIP_VILLAGE, stationCore, tempDir, validId, VILLAGE } from '../../helpers/core';

async function rejected(p: Promise<unknown>): Promise<LedgerError['data']> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LedgerError);
  return (e as LedgerError).data;
}

/** The core's clock for tests that read ages; input rules still check against the real day. */
const AT = { now: () => new Date('2026-11-28T04:00:00Z') };

/** An ID number of someone born on `birth` (YYYY-MM-DD); odd sequence = male. */
const idBornOn = (birth: string, seq = '001') => validId(`341723${birth.replaceAll('-', '')}${seq}`);

/** A valid elder living alone, 76 in 2026; override what a test is about. */
function elderInput(over: Partial<ElderInput> = {}): ElderInput {
  return {
    name: '王秀英',
    idNumber: '341723195003030024',
    ethnicity: '01',
    villageCode: VILLAGE,
    address: '百花村三组12号',
    phone: '13955556666',
    maritalStatus: 'widowed',
    livingSituation: 'alone',
    capability: 'mild',
    economicStatus: 'dibao',
    benefits: ['pension_resident', 'dibao'],
    riskTier: 'priority',
    visitor: '陈村医',
    groups: [{ group: 'living_alone', startDate: '2023-05-01' }],
    ...over,
  };
}

const contactInput = (over: Partial<ElderContactInput> = {}): ElderContactInput => ({
  name: '王建国',
  relationship: 'son',
  phone: '13811112222',
  address: '浙江省杭州市',
  registeredOn: '2025-09-01',
  ...over,
});

const agreementInput = (over: Partial<SupportAgreementInput> = {}): SupportAgreementInput => ({
  supporters: [
    { name: '王建国', relationship: 'son', phone: '13811112222', provides: ['money', 'medical'], amountFen: 50_000 },
    { name: '王建华', relationship: 'daughter', provides: ['care', 'food'] },
  ],
  signedOn: '2025-03-01',
  witness: '百花村村民委员会',
  reviewOn: '2026-03-01',
  ...over,
});

describe('elderly register', () => {
  it('refuses an ID number giving an impossible age, and a name with markup, at their fields', async () => {
    const core = await stationCore();
    const today = todayIso();
    const err = await rejected(core.call('elders.create', elderInput({ idNumber: idBornOn(birthDateForAge(today, 150)), name: '<svg onload=alert(1)>' })));
    expect(err.fieldErrors).toMatchObject({ idNumber: '身份证号码中的出生日期早于1900年，请核对出生年份', name: '老人姓名只能包含汉字、英文字母和间隔号“·”' });
    const err2 = await rejected(core.call('elders.create', elderInput({ idNumber: idBornOn(birthDateForAge(today, 121)) })));
    expect(err2.fieldErrors).toMatchObject({ idNumber: '按身份证号码中的出生日期计算已超过120周岁，请核对出生年份' });
    expect(core.db.prepare('SELECT count(*) AS n FROM elders').get()).toEqual({ n: 0 });
    const { id } = await core.call('elders.create', elderInput({ idNumber: idBornOn(birthDateForAge(today, 120)), name: '买买提・吐尔逊' }));
    expect(await core.call('elders.get', { id })).toMatchObject({ name: '买买提·吐尔逊' });
  });

  it('creates an elder with birth date, sex and age from the ID number, and reads it back', async () => {
    const core = await stationCore(AT);
    const { id } = await core.call('elders.create', elderInput({ idNumber: '３４１７２３１９５００３０３００２４' }));
    const elder = await core.call('elders.get', { id });
    expect(elder).toMatchObject({
      name: '王秀英',
      idNumber: '341723195003030024',
      birthDate: '1950-03-03',
      sex: 'F',
      age: 76,
      townshipName: '蓉城镇',
      villageName: '百花村',
      stationCode: '341723100',
      livingSituation: 'alone',
      benefits: ['pension_resident', 'dibao'],
      highAgeClass: null,
      contacts: [],
      agreements: [],
    });
    expect(elder.groups).toEqual([{ id: expect.any(String), group: 'living_alone', startDate: '2023-05-01' }]);
    const row = core.db.prepare('SELECT name_pinyin, name_initials, township_code, high_age_class FROM elders WHERE id = ?').get(id);
    expect(row).toEqual({ name_pinyin: 'wangxiuying', name_initials: 'wxy', township_code: '341723100', high_age_class: null });
  });

  it('reports each bad field in Chinese, at its own path, and writes nothing', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('elders.create', {
        ...elderInput({ idNumber: '341723195003030025', phone: '12345', capabilityScore: 150, capabilityAssessedOn: '2025-02-30' }),
        name: '',
        groups: [{ group: 'living_alone', startDate: '2024-13-01' }],
      }),
    );
    expect(err.code).toBe('validation');
    expect(err.fieldErrors).toMatchObject({
      name: '请填写老人姓名',
      idNumber: '身份证号码校验位不正确，请核对每一位数字',
      phone: expect.stringContaining('电话号码格式不正确'),
      capabilityScore: '评估得分须为0—100的整数',
      capabilityAssessedOn: '评估日期不是有效日期',
      'groups.0.startDate': '认定日期不是有效日期',
    });
    expect(core.db.prepare('SELECT count(*) AS n FROM elders').get()).toEqual({ n: 0 });
  });

  it('admits only people aged 60 or more', async () => {
    const core = await stationCore();
    const sixtyToday = birthDateForAge(todayIso(), 60);
    const young = idBornOn(nextDay(sixtyToday));
    const err = await rejected(core.call('elders.create', elderInput({ idNumber: young })));
    expect(err.fieldErrors?.idNumber).toBe('登记的老年人须年满60周岁（该老人今天59周岁）');
    await core.call('elders.create', elderInput({ idNumber: idBornOn(sixtyToday) }));
  });

  it('applies the rules of each group at the group', async () => {
    const core = await stationCore();
    const groupError = async (over: Partial<ElderInput>, field = 'group') =>
      (await rejected(core.call('elders.create', elderInput(over)))).fieldErrors?.[`groups.0.${field}`];
    // 高龄: 80 or older on the day the group was recognised.
    expect(await groupError({ groups: [{ group: 'high_age', startDate: '2025-01-01' }] })).toBe('高龄老人须年满80周岁（认定日期时74周岁）');
    const born1944 = idBornOn('1944-06-15');
    expect(await groupError({ idNumber: born1944, groups: [{ group: 'high_age', startDate: '2024-06-14' }] })).toContain('认定日期时79周岁');
    // 失能/半失能: an assessment scoring below 65.
    expect(await groupError({ groups: [{ group: 'disabled_care', startDate: '2025-01-01' }] })).toContain('须先填写能力评估得分');
    expect(
      await groupError({ capabilityScore: 65, capabilityAssessedOn: '2025-01-01', groups: [{ group: 'disabled_care', startDate: '2025-01-01' }] }),
    ).toBe('失能/半失能须能力评估得分低于65分（现为65分）');
    expect(await groupError({ disabilityType: 'physical', disabilityGrade: '3', groups: [{ group: 'severe_disability', startDate: '2025-01-01' }] })).toBe(
      '重残须为残疾等级一级或二级',
    );
    expect(await groupError({ livingSituation: 'with_children' })).toBe('独居老人的居住情况须为“独居”');
    expect(await groupError({ groups: [{ group: 'dispersed_tekun', startDate: '2025-01-01' }] })).toBe('分散供养特困老人的经济状况须为“特困”');
    expect(await groupError({ groups: [{ group: 'living_alone', startDate: '2025-01-01', endDate: '2024-01-01' }] }, 'endDate')).toBe(
      '退出日期不能早于认定日期',
    );
    const twice = await rejected(
      core.call('elders.create', elderInput({ groups: [{ group: 'living_alone', startDate: '2023-05-01' }, { group: 'living_alone', startDate: '2024-05-01' }] })),
    );
    expect(twice.fieldErrors?.['groups.1.group']).toBe('同一类别不能重复登记');
    // A score needs its date; a disability grade needs its type.
    const pairs = await rejected(core.call('elders.create', elderInput({ capabilityScore: 40, disabilityGrade: '1' })));
    expect(pairs.fieldErrors).toMatchObject({ capabilityAssessedOn: '请填写评估日期', disabilityType: '请选择残疾类别' });

    const { id } = await core.call(
      'elders.create',
      elderInput({
        idNumber: born1944,
        capability: 'moderate',
        capabilityScore: 52,
        capabilityAssessedOn: '2025-10-08',
        disabilityType: 'physical',
        disabilityGrade: '2',
        economicStatus: 'tekun',
        groups: [
          { group: 'high_age', startDate: '2024-06-15' },
          { group: 'disabled_care', startDate: '2025-10-08' },
          { group: 'severe_disability', startDate: '2020-01-01' },
          { group: 'dispersed_tekun', startDate: '2019-01-01' },
          { group: 'living_alone', startDate: '2023-05-01' },
        ],
      }),
    );
    const elder = await core.call('elders.get', { id });
    expect(elder.groups.map((g) => g.group)).toEqual(['dispersed_tekun', 'severe_disability', 'living_alone', 'high_age', 'disabled_care']);
    expect(elder.highAgeClass).toBe('80-89');
  });

  it('refuses a second elder with the same ID number and names the existing record', async () => {
    const core = await stationCore();
    const { id } = await core.call('elders.create', elderInput());
    const err = await rejected(core.call('elders.create', elderInput({ name: '王秀兰' })));
    expect(err).toMatchObject({ code: 'duplicate', existingId: id });
    expect(err.fieldErrors?.idNumber).toContain('已登记（王秀英）');
    expect(await core.call('elders.findByIdNumber', { idNumber: '341723 1950 0303 0024' })).toEqual({ id, name: '王秀英' });
    expect(await core.call('elders.findByIdNumber', { idNumber: '341723195003030030' })).toBeNull();
  });

  it('refuses a village of another township at a station', async () => {
    const core = await stationCore();
    const err = await rejected(core.call('elders.create', elderInput({ villageCode: OTHER_TOWNSHIP_VILLAGE })));
    expect(err.fieldErrors?.villageCode).toContain('不属于蓉城镇社工站');
    const { id } = await core.call('elders.create', elderInput());
    const moved = await rejected(core.call('elders.update', { id, elder: elderInput({ villageCode: OTHER_TOWNSHIP_VILLAGE }) }));
    expect(moved.fieldErrors?.villageCode).toBeDefined();
  });

  it('updates fields and groups, keeping group ids, and soft-deletes', async () => {
    const core = await stationCore();
    const { id } = await core.call('elders.create', elderInput());
    const before = await core.call('elders.get', { id });
    await core.call('elders.update', {
      id,
      elder: elderInput({
        livingSituation: 'with_spouse',
        maritalStatus: 'married',
        riskTier: 'general',
        notes: '老伴已回村同住',
        groups: [
          { ...before.groups[0]!, endDate: '2026-06-30' },
          { group: 'empty_nest', startDate: '2026-07-01' },
        ],
      }),
    });
    const after = await core.call('elders.get', { id });
    expect(after).toMatchObject({ livingSituation: 'with_spouse', riskTier: 'general', notes: '老伴已回村同住' });
    expect(after.groups.map((g) => [g.group, g.endDate])).toEqual([
      ['living_alone', '2026-06-30'],
      ['empty_nest', undefined],
    ]);
    expect(after.groups[0]!.id).toBe(before.groups[0]!.id);

    await core.call('elders.delete', { id });
    expect((await rejected(core.call('elders.get', { id }))).code).toBe('not_found');
    expect((await rejected(core.call('elders.update', { id, elder: elderInput() }))).code).toBe('not_found');
    expect((await core.call('elders.list', {})).total).toBe(0);
    expect(core.db.prepare('SELECT deleted FROM elders WHERE id = ?').get(id)).toEqual({ deleted: 1 });
    await core.call('elders.create', elderInput());
  });

  it('leaves another station’s elder alone: not listed, not editable', async () => {
    const core = await stationCore();
    const { id } = await core.call('elders.create', elderInput());
    // As if the county had moved this record to another township's station.
    core.db.prepare("UPDATE elders SET station_code = '341723101' WHERE id = ?").run(id);
    expect((await core.call('elders.list', {})).total).toBe(0);
    expect((await rejected(core.call('elders.update', { id, elder: elderInput() }))).code).toBe('conflict');
    expect((await rejected(core.call('elders.saveContact', { elderId: id, contact: contactInput() }))).code).toBe('conflict');
  });
});

describe('contacts and support agreements', () => {
  it('adds, edits and removes a contact on its own', async () => {
    const core = await stationCore();
    const { id: elderId } = await core.call('elders.create', elderInput());
    const { id } = await core.call('elders.saveContact', { elderId, contact: contactInput() });
    await core.call('elders.saveContact', { elderId, contact: contactInput({ name: '李梅', relationship: 'neighbour', phone: '0566-5012345', registeredOn: '2026-10-01' }) });
    let elder = await core.call('elders.get', { id: elderId });
    expect(elder.contacts.map((c) => [c.name, c.phone])).toEqual([
      ['李梅', '0566-5012345'],
      ['王建国', '13811112222'],
    ]);
    await core.call('elders.saveContact', { elderId, id, contact: contactInput({ phone: '13811113333' }) });
    elder = await core.call('elders.get', { id: elderId });
    expect(elder.contacts.find((c) => c.id === id)).toMatchObject({ elderId, phone: '13811113333', relationship: 'son' });
    await core.call('elders.deleteContact', { id });
    elder = await core.call('elders.get', { id: elderId });
    expect(elder.contacts.map((c) => c.name)).toEqual(['李梅']);
    expect((await rejected(core.call('elders.deleteContact', { id }))).code).toBe('not_found');
  });

  it('checks a contact field by field, and keeps it with its own elder', async () => {
    const core = await stationCore();
    const { id: elderId } = await core.call('elders.create', elderInput());
    const err = await rejected(core.call('elders.saveContact', { elderId, contact: { ...contactInput({ phone: '', registeredOn: '2999-01-01' }), name: '' } }));
    expect(err.fieldErrors).toMatchObject({ 'contact.name': '请填写联系人姓名', 'contact.phone': '请填写联系电话', 'contact.registeredOn': '登记日期不能晚于今天' });
    const bad = await rejected(core.call('elders.saveContact', { elderId, contact: contactInput({ phone: '1381111' }) }));
    expect(bad.fieldErrors?.['contact.phone']).toContain('电话号码格式不正确');
    const { id } = await core.call('elders.saveContact', { elderId, contact: contactInput() });
    const { id: otherElder } = await core.call('elders.create', elderInput({ name: '赵大爷', idNumber: idBornOn('1948-08-08') }));
    expect((await rejected(core.call('elders.saveContact', { elderId: otherElder, id, contact: contactInput() }))).code).toBe('not_found');
    expect((await rejected(core.call('elders.saveContact', { elderId: 'no-such-elder', contact: contactInput() }))).code).toBe('not_found');
  });

  it('adds, edits and removes a support agreement with its supporters', async () => {
    const core = await stationCore();
    const { id: elderId } = await core.call('elders.create', elderInput());
    const { id } = await core.call('elders.saveAgreement', { elderId, agreement: agreementInput() });
    let [agreement] = (await core.call('elders.get', { id: elderId })).agreements;
    expect(agreement).toMatchObject({
      id,
      signedOn: '2025-03-01',
      reviewOn: '2026-03-01',
      witness: '百花村村民委员会',
      supporters: [
        { name: '王建国', relationship: 'son', phone: '13811112222', provides: ['money', 'medical'], amountFen: 50_000 },
        { name: '王建华', relationship: 'daughter', provides: ['care', 'food'] },
      ],
    });
    // Saving it unchanged writes nothing.
    const seq = () => (core.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    const before = seq();
    await core.call('elders.saveAgreement', { elderId, id, agreement: agreementInput() });
    expect(seq()).toBe(before);
    await core.call('elders.saveAgreement', { elderId, id, agreement: agreementInput({ reviewOn: '2027-03-01' }) });
    [agreement] = (await core.call('elders.get', { id: elderId })).agreements;
    expect(agreement!.reviewOn).toBe('2027-03-01');
    await core.call('elders.deleteAgreement', { id });
    expect((await core.call('elders.get', { id: elderId })).agreements).toEqual([]);
  });

  it('checks an agreement: a supporter at least, what each provides, review after signing', async () => {
    const core = await stationCore();
    const { id: elderId } = await core.call('elders.create', elderInput());
    const none = await rejected(core.call('elders.saveAgreement', { elderId, agreement: agreementInput({ supporters: [] }) }));
    expect(none.fieldErrors).toEqual({ 'agreement.supporters': '请至少填写一名赡养人' });
    const err = await rejected(
      core.call('elders.saveAgreement', {
        elderId,
        agreement: agreementInput({
          reviewOn: '2025-03-01',
          supporters: [
            { name: '王建国', relationship: 'son', provides: [] },
            { name: '王建华', relationship: 'daughter', provides: ['care'], amountFen: 20_000 },
            { name: '王建国', relationship: 'son', phone: '110', provides: ['food'] },
          ],
        }),
      }),
    );
    expect(err.fieldErrors).toEqual({
      'agreement.reviewOn': '复查日期须晚于签订日期',
      'agreement.supporters.0.provides': '请选择赡养内容',
      'agreement.supporters.1.amountFen': '填写了赡养费，请在赡养内容中选择“经济供养”',
      'agreement.supporters.2.name': '同一赡养人不能重复填写',
      'agreement.supporters.2.phone': expect.stringContaining('电话号码格式不正确'),
    });
    const future = await rejected(core.call('elders.saveAgreement', { elderId, agreement: agreementInput({ signedOn: '2999-01-01', reviewOn: undefined }) }));
    expect(future.fieldErrors).toEqual({ 'agreement.signedOn': '签订日期不能晚于今天' });
  });
});

describe('elderly list', () => {
  async function seeded(core?: Core) {
    const c = core ?? (await stationCore(AT));
    const add = (name: string, birth: string, over: Partial<ElderInput> = {}) =>
      c.call('elders.create', elderInput({ name, idNumber: idBornOn(birth, name === '单桂兰' ? '002' : '001'), ...over }));
    await add('王秀英', '1950-03-03');
    await add('张德福', '1944-01-20', {
      villageCode: '341723100201',
      livingSituation: 'with_children',
      capability: 'severe',
      capabilityScore: 35,
      capabilityAssessedOn: '2026-01-10',
      riskTier: 'high',
      groups: [
        { group: 'high_age', startDate: '2024-02-01' },
        { group: 'disabled_care', startDate: '2026-01-10' },
      ],
    });
    await add('单桂兰', '1935-07-07', { economicStatus: 'tekun', groups: [{ group: 'dispersed_tekun', startDate: '2020-01-01' }, { group: 'living_alone', startDate: '2020-01-01' }] });
    await add('李长寿', '1925-12-01', { livingSituation: 'with_children', capability: 'total', economicStatus: 'general', riskTier: 'high', groups: [] });
    return c;
  }

  it('searches by name characters, pinyin initials, full pinyin and ID digits', async () => {
    const core = await seeded();
    const names = async (search: string) => (await core.call('elders.list', { search })).rows.map((r) => r.name);
    expect(await names('德福')).toEqual(['张德福']);
    expect(await names('wxy')).toEqual(['王秀英']);
    expect(await names('ZDF')).toEqual(['张德福']);
    expect(await names('changshou')).toEqual([]);
    expect(await names('lichang')).toEqual(['李长寿']);
    expect(await names('sgl')).toEqual(['单桂兰']); // 单 as a surname reads shan
    expect(await names('19350707')).toEqual(['单桂兰']);
    expect(await names('z%')).toEqual([]);
  });

  it('filters by township, village, group, risk tier, capability, economic and living situation, and high-age class', async () => {
    const core = await seeded();
    const names = async (q: Parameters<typeof core.call<'elders.list'>>[1]) => (await core.call('elders.list', q)).rows.map((r) => r.name).sort();
    expect(await names({ townshipCode: '341723100' })).toHaveLength(4);
    expect(await names({ villageCode: '341723100201' })).toEqual(['张德福']);
    expect(await names({ group: 'living_alone' })).toEqual(['单桂兰', '王秀英']);
    expect(await names({ group: 'disabled_care' })).toEqual(['张德福']);
    expect(await names({ riskTier: 'high' })).toEqual(['张德福', '李长寿']);
    expect(await names({ capability: 'total' })).toEqual(['李长寿']);
    expect(await names({ economicStatus: 'tekun' })).toEqual(['单桂兰']);
    expect(await names({ livingSituation: 'with_children' })).toEqual(['张德福', '李长寿']);
    expect(await names({ livingSituation: 'with_children', capability: 'severe' })).toEqual(['张德福']);
    expect(await names({ highAgeClass: '80-89' })).toEqual(['张德福']);
    expect(await names({ highAgeClass: '90-99' })).toEqual(['单桂兰']);
    expect(await names({ highAgeClass: '100+' })).toEqual(['李长寿']);
    expect(await names({ highAgeClass: '80-89', riskTier: 'high', group: 'high_age' })).toEqual(['张德福']);
    const err = await rejected(core.call('elders.list', { highAgeClass: '70-79' }));
    expect(err.fieldErrors).toEqual({ highAgeClass: '没有这个高龄津贴档次' });
  });

  it('pages in a stable order and carries groups, class and station per row', async () => {
    const core = await seeded();
    const first = await core.call('elders.list', { limit: 3 });
    const second = await core.call('elders.list', { limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(['李长寿', '单桂兰', '王秀英', '张德福']);
    const zhang = first.rows.concat(second.rows).find((r) => r.name === '张德福')!;
    expect(zhang).toMatchObject({
      stationCode: '341723100',
      villageName: '牌楼村',
      age: 82,
      groups: ['disabled_care', 'high_age'],
      capability: 'severe',
      riskTier: 'high',
      highAgeClass: '80-89',
      phone: '13955556666',
    });
    expect(zhang.idNumberMasked).toMatch(/^341723\*{8}\d{3}[\dX]$/);
  });

  it('at the county, lists every station’s elders, one station on request', async () => {
    const county = createCore({ dataDir: tempDir(), actor: 'tester', ...AT });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await seeded(county);
    await county.call('elders.create', elderInput({ name: '周福', idNumber: idBornOn('1946-02-02'), villageCode: OTHER_TOWNSHIP_VILLAGE }));
    expect((await county.call('elders.list', {})).total).toBe(5);
    const other = await county.call('elders.list', { stationCode: '341723101' });
    expect(other.rows.map((r) => [r.name, r.stationCode])).toEqual([['周福', '341723101']]);
    expect((await county.call('elders.list', { stationCode: '341723100' })).total).toBe(4);
  });
});

describe('elderly sync', () => {
  it('an elder with groups, a contact and an agreement reaches the county whole', async () => {
    const PASS = 'elderly-passphrase';
    const county = createCore({ dataDir: tempDir(), actor: 'county-staff' });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await county.call('sync.createKeys', { passphrase: PASS });
    const file = join(tempDir(), 'enrol.json');
    await county.call('sync.enrolStation', { code: '341723100', outPath: file });
    const station = await stationCore();
    await station.call('sync.acceptEnrolment', { path: file, passphrase: PASS });

    const { id } = await station.call('elders.create', elderInput());
    await station.call('elders.saveContact', { elderId: id, contact: contactInput() });
    await station.call('elders.saveAgreement', { elderId: id, agreement: agreementInput() });
    const up = await station.call('sync.exportBundle', { outPath: join(tempDir(), 'up.slbundle'), passphrase: PASS });
    const [result] = (await county.call('sync.importBundles', { paths: [up.path], passphrase: PASS })).results;
    expect(result!.outcome).toBe('applied');

    const atCounty = await county.call('elders.get', { id });
    const atStation = await station.call('elders.get', { id });
    expect(atCounty).toEqual(atStation);
    expect(atCounty.contacts).toHaveLength(1);
    expect(atCounty.agreements[0]!.supporters).toHaveLength(2);
  });
});

describe('elderly domain rules', () => {
  it('puts an age in its high-age allowance band, with configurable bands', () => {
    expect(highAgeAllowanceClass('1946-11-28', '2026-11-27')).toBeNull();
    expect(highAgeAllowanceClass('1946-11-28', '2026-11-28')).toBe('80-89');
    expect(highAgeAllowanceClass('1936-11-29', '2026-11-28')).toBe('80-89');
    expect(highAgeAllowanceClass('1936-11-28', '2026-11-28')).toBe('90-99');
    expect(highAgeAllowanceClass('1920-01-01', '2026-11-28')).toBe('100+');
    const province = [{ value: '70+', label: '70周岁及以上', minAge: 70, maxAge: null }];
    expect(highAgeAllowanceClass('1955-01-01', '2026-11-28', province)).toBe('70+');
    expect(DEFAULT_HIGH_AGE_BANDS.map((b) => b.value)).toEqual(['80-89', '90-99', '100+']);
  });

  it('suggests a visit tier from groups, capability and living situation', () => {
    expect(suggestedRiskTier({ groups: [], capability: 'total', livingSituation: 'alone' })).toBe('high');
    expect(suggestedRiskTier({ groups: ['dispersed_tekun'], capability: 'intact', livingSituation: 'with_children' })).toBe('priority');
    expect(suggestedRiskTier({ groups: ['high_age'], capability: 'mild', livingSituation: 'with_children' })).toBe('general');
  });
});
