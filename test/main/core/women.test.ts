import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { womanFilters, type WomanListQuery } from '../../../src/main/core/women/list';
import type { WomenDB } from '../../../src/main/core/women/schema';
import { LedgerError, womanListInput, type WomanInput, type WomanListInput } from '../../../src/shared/contract';
import { womanActiveOn, womanAgeProblem } from '../../../src/shared/domain/women';
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

/** An ID number of someone born on `birth` (YYYY-MM-DD); an even sequence is a woman. */
const idBornOn = (birth: string, seq = '002') => validId(`341723${birth.replaceAll('-', '')}${seq}`);

/** A valid left-behind woman, 38 in 2026; override what a test is about. */
function womanInput(over: Partial<WomanInput> = {}): WomanInput {
  return {
    name: '李秀梅',
    idNumber: idBornOn('1988-05-12'),
    villageCode: VILLAGE,
    address: '百花村二组8号',
    phone: '13955557777',
    husbandName: '张建军',
    husbandPhone: '13811119999',
    husbandWorkProvince: '浙江省',
    husbandWorkCity: '宁波市',
    childrenAtHome: 2,
    eldersAtHome: 1,
    health: 'healthy',
    needs: ['parenting', 'employment'],
    sinceOn: '2024-03-01',
    ...over,
  };
}

const outboxCount = (core: Core) => (core.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

describe('left-behind women register', () => {
  it('creates a woman with birth date, sex and age from the ID number, and reads it back', async () => {
    const core = await stationCore(AT);
    const fullWidth = idBornOn('1988-05-12').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const { id } = await core.call('women.create', womanInput({ idNumber: fullWidth }));
    const woman = await core.call('women.get', { id });
    expect(woman).toEqual({
      id,
      stationCode: '341723100',
      name: '李秀梅',
      idNumber: idBornOn('1988-05-12'),
      birthDate: '1988-05-12',
      sex: 'F',
      age: 38,
      villageCode: VILLAGE,
      townshipCode: '341723100',
      townshipName: '蓉城镇',
      villageName: '百花村',
      address: '百花村二组8号',
      phone: '13955557777',
      husbandName: '张建军',
      husbandPhone: '13811119999',
      husbandWorkProvince: '浙江省',
      husbandWorkCity: '宁波市',
      childrenAtHome: 2,
      eldersAtHome: 1,
      health: 'healthy',
      // Kept in the domain's order, whatever order they were ticked in.
      needs: ['employment', 'parenting'],
      sinceOn: '2024-03-01',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = core.db.prepare('SELECT name_pinyin, name_initials, township_code, sex, birth_date FROM women WHERE id = ?').get(id);
    expect(row).toEqual({ name_pinyin: 'lixiumei', name_initials: 'lxm', township_code: '341723100', sex: 'F', birth_date: '1988-05-12' });
  });

  it('reports each bad field in Chinese, at its own path, and writes nothing', async () => {
    const core = await stationCore();
    const err = await rejected(
      core.call('women.create', {
        ...womanInput({ phone: '12345', childrenAtHome: -1, sinceOn: '2024-02-30', endedOn: '2024-13-01' }),
        name: '',
        husbandName: '',
        health: 'unknown' as WomanInput['health'],
        needs: ['employment', 'employment'],
      }),
    );
    expect(err.code).toBe('validation');
    expect(err.fieldErrors).toEqual({
      name: '请填写姓名',
      phone: expect.stringContaining('电话号码格式不正确'),
      husbandName: '请填写丈夫姓名',
      childrenAtHome: '在家子女数须为0—20的整数',
      health: '请选择健康状况',
      needs: '同一需求不能重复选择',
      sinceOn: '登记日期不是有效日期',
      endedOn: '退出日期不是有效日期',
    });
    expect(core.db.prepare('SELECT count(*) AS n FROM women').get()).toEqual({ n: 0 });
  });

  it('admits women only, at the ID number', async () => {
    const core = await stationCore();
    const male = await rejected(core.call('women.create', womanInput({ idNumber: idBornOn('1988-05-12', '001') })));
    expect(male.fieldErrors).toEqual({ idNumber: '留守妇女须为女性（该身份证号码为男性）' });
    const wrongCheck = idBornOn('1988-05-12');
    const bad = await rejected(core.call('women.create', womanInput({ idNumber: wrongCheck.slice(0, 17) + (wrongCheck[17] === '0' ? '1' : '0') })));
    expect(bad.fieldErrors?.idNumber).toBe('身份证号码校验位不正确，请核对每一位数字');
  });

  it('admits ages 20 to 59 on the registration day', async () => {
    const core = await stationCore();
    const idError = async (birth: string) => (await rejected(core.call('women.create', womanInput({ idNumber: idBornOn(birth) })))).fieldErrors?.idNumber;
    // Registered 2024-03-01: 19 the day before her twentieth birthday, 60 on her sixtieth.
    expect(await idError('2004-03-02')).toBe('登记的留守妇女须为20—59周岁（登记日期时19周岁）');
    expect(await idError('1964-03-01')).toBe('登记的留守妇女须为20—59周岁（登记日期时60周岁）');
    await core.call('women.create', womanInput({ name: '刚满二十', idNumber: idBornOn('2004-03-01') }));
    await core.call('women.create', womanInput({ name: '五十九岁', idNumber: idBornOn('1964-03-02') }));
    // Registered at 58, 62 now: the record stays editable.
    const older = idBornOn('1964-06-01', '004');
    const { id } = await core.call('women.create', womanInput({ name: '赵桂英', idNumber: older, sinceOn: '2022-07-01' }));
    await core.call('women.update', { id, woman: womanInput({ name: '赵桂英', idNumber: older, sinceOn: '2022-07-01', notes: '已走访' }) });
  });

  it('checks the registration and end dates', async () => {
    const core = await stationCore();
    const dates = async (over: Partial<WomanInput>) => (await rejected(core.call('women.create', womanInput(over)))).fieldErrors;
    expect(await dates({ sinceOn: '2999-01-01' })).toEqual({ sinceOn: '登记日期不能晚于今天' });
    expect(await dates({ endedOn: '2024-02-01' })).toEqual({ endedOn: '退出日期不能早于登记日期' });
    expect(await dates({ endedOn: '2999-01-01' })).toEqual({ endedOn: '退出日期不能晚于今天' });
    expect((await rejected(core.call('women.create', { ...womanInput(), sinceOn: '' }))).fieldErrors).toEqual({ sinceOn: '请填写登记日期' });
  });

  it('refuses a second woman with the same ID number and names the existing record', async () => {
    const core = await stationCore();
    const { id } = await core.call('women.create', womanInput());
    const err = await rejected(core.call('women.create', womanInput({ name: '李秀兰' })));
    expect(err).toMatchObject({ code: 'duplicate', existingId: id });
    expect(err.fieldErrors?.idNumber).toBe('该身份证号码已登记（李秀梅），请勿重复录入');
    const spaced = idBornOn('1988-05-12').replace(/^(\d{6})(\d{8})/, '$1 $2 ');
    expect(await core.call('women.findByIdNumber', { idNumber: spaced })).toEqual({ id, name: '李秀梅' });
    expect(await core.call('women.findByIdNumber', { idNumber: idBornOn('1990-01-01') })).toBeNull();
    // Its own number is no duplicate of itself; a deleted record's number may be registered again.
    await core.call('women.update', { id, woman: womanInput({ notes: '复核' }) });
    await core.call('women.delete', { id });
    await core.call('women.create', womanInput());
  });

  it('refuses a village of another township at a station', async () => {
    const core = await stationCore();
    const err = await rejected(core.call('women.create', womanInput({ villageCode: OTHER_TOWNSHIP_VILLAGE })));
    expect(err.fieldErrors?.villageCode).toContain('不属于蓉城镇社工站');
    const { id } = await core.call('women.create', womanInput());
    const moved = await rejected(core.call('women.update', { id, woman: womanInput({ villageCode: OTHER_TOWNSHIP_VILLAGE }) }));
    expect(moved.fieldErrors?.villageCode).toBeDefined();
  });

  it('updates fields, captures only what changed, ends the record and soft-deletes', async () => {
    const core = await stationCore(AT);
    const { id } = await core.call('women.create', womanInput());
    // The same needs ticked in another order change nothing.
    const before = outboxCount(core);
    await core.call('women.update', { id, woman: womanInput({ needs: ['employment', 'parenting'] }) });
    expect(outboxCount(core)).toBe(before);

    await core.call('women.update', { id, woman: womanInput({ husbandWorkCity: '杭州市', endedOn: '2026-06-30', notes: '丈夫已返乡' }) });
    const last = core.db.prepare("SELECT fields FROM sync_outbox WHERE tbl = 'women' ORDER BY seq DESC LIMIT 1").get() as { fields: string };
    expect(Object.keys(JSON.parse(last.fields) as object).sort()).toEqual(['ended_on', 'husband_work_city', 'notes', 'updated_at']);
    expect(await core.call('women.get', { id })).toMatchObject({ husbandWorkCity: '杭州市', endedOn: '2026-06-30', active: false, notes: '丈夫已返乡' });

    await core.call('women.delete', { id });
    expect((await rejected(core.call('women.get', { id }))).code).toBe('not_found');
    expect((await rejected(core.call('women.update', { id, woman: womanInput() }))).code).toBe('not_found');
    expect((await rejected(core.call('women.delete', { id }))).code).toBe('not_found');
    expect((await core.call('women.list', {})).total).toBe(0);
    expect(core.db.prepare('SELECT deleted FROM women WHERE id = ?').get(id)).toEqual({ deleted: 1 });
  });

  it('leaves another station’s woman alone: not listed, not editable', async () => {
    const core = await stationCore();
    const { id } = await core.call('women.create', womanInput());
    // As if the county had moved this record to another township's station.
    core.db.prepare("UPDATE women SET station_code = '341723101' WHERE id = ?").run(id);
    expect((await core.call('women.list', {})).total).toBe(0);
    expect((await rejected(core.call('women.update', { id, woman: womanInput() }))).code).toBe('conflict');
    expect((await rejected(core.call('women.delete', { id }))).code).toBe('conflict');
  });
});

describe('left-behind women list', () => {
  async function seeded(core?: Core) {
    const c = core ?? (await stationCore(AT));
    const add = (name: string, birth: string, over: Partial<WomanInput> = {}) => c.call('women.create', womanInput({ name, idNumber: idBornOn(birth), ...over }));
    await add('李秀梅', '1988-05-12');
    await add('王春燕', '1999-01-01', { villageCode: '341723100201', sinceOn: '2023-06-01', needs: ['emotional'], husbandWorkCity: undefined });
    await add('单丽华', '1975-07-07', { sinceOn: '2020-01-01', endedOn: '2026-05-01', health: 'ill' });
    await add('陈桂芳', '1981-10-10', { health: 'disabled', needs: [] });
    return c;
  }

  it('searches by name characters, pinyin initials, full pinyin and ID digits', async () => {
    const core = await seeded();
    const names = async (search: string) => (await core.call('women.list', { search })).rows.map((r) => r.name);
    expect(await names('秀梅')).toEqual(['李秀梅']);
    expect(await names('lxm')).toEqual(['李秀梅']);
    expect(await names('WCY')).toEqual(['王春燕']);
    expect(await names('wangchun')).toEqual(['王春燕']);
    expect(await names('chunyan')).toEqual([]);
    expect(await names('slh')).toEqual(['单丽华']); // 单 as a surname reads shan
    expect(await names('19811010')).toEqual(['陈桂芳']);
    expect(await names('z%')).toEqual([]);
  });

  it('filters by township, village, active or ended, and age band', async () => {
    const core = await seeded();
    const names = async (q: WomanListInput) => (await core.call('women.list', q)).rows.map((r) => r.name).sort();
    expect(await names({ townshipCode: '341723100' })).toHaveLength(4);
    expect(await names({ villageCode: '341723100201' })).toEqual(['王春燕']);
    expect(await names({ status: 'active' })).toEqual(['李秀梅', '王春燕', '陈桂芳']);
    expect(await names({ status: 'ended' })).toEqual(['单丽华']);
    expect(await names({ ageBand: '20-29' })).toEqual(['王春燕']);
    expect(await names({ ageBand: '30-39' })).toEqual(['李秀梅']);
    expect(await names({ ageBand: '40-49' })).toEqual(['陈桂芳']);
    expect(await names({ ageBand: '50-59' })).toEqual(['单丽华']);
    expect(await names({ ageBand: '50-59', status: 'active' })).toEqual([]);
    expect(await names({ search: 'w', status: 'active', villageCode: '341723100201' })).toEqual(['王春燕']);
    const err = await rejected(core.call('women.list', { ageBand: '60-69' as WomanListInput['ageBand'] }));
    expect(err.fieldErrors).toEqual({ ageBand: '请选择年龄段' });
  });

  it('pages in a stable order and carries husband, needs and status per row', async () => {
    const core = await seeded();
    const first = await core.call('women.list', { limit: 3 });
    const second = await core.call('women.list', { limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(['陈桂芳', '李秀梅', '单丽华', '王春燕']);
    const wang = second.rows[0]!;
    expect(wang).toMatchObject({
      stationCode: '341723100',
      sex: 'F',
      age: 27,
      villageName: '牌楼村',
      phone: '13955557777',
      husbandName: '张建军',
      husbandWorkPlace: '浙江省',
      health: 'healthy',
      needs: ['emotional'],
      sinceOn: '2023-06-01',
      active: true,
    });
    expect(wang.idNumberMasked).toMatch(/^341723\*{8}\d{3}[\dX]$/);
    expect(first.rows.find((r) => r.name === '单丽华')).toMatchObject({ active: false, endedOn: '2026-05-01', health: 'ill' });
  });

  it('counts from the list index alone, whatever the filters', async () => {
    const core = await seeded();
    const kdb = new Kysely<WomenDB>({ dialect: new SqliteDialect({ database: core.db }) });
    const q: WomanListQuery = womanListInput.parse({ search: 'lxm', townshipCode: '341723100', status: 'active', ageBand: '30-39' });
    const count = kdb
      .selectFrom('women')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(womanFilters(q, '2026-11-28', '341723100'))
      .compile();
    const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${count.sql}`).all(...count.parameters) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toContain('COVERING INDEX women_list');
  });

  it('at the county, lists every station’s women, one station on request', async () => {
    const county = createCore({ dataDir: tempDir(), actor: 'tester', ...AT });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await seeded(county);
    await county.call('women.create', womanInput({ name: '周小红', idNumber: idBornOn('1992-02-02'), villageCode: OTHER_TOWNSHIP_VILLAGE }));
    expect((await county.call('women.list', {})).total).toBe(5);
    const other = await county.call('women.list', { stationCode: '341723101' });
    expect(other.rows.map((r) => [r.name, r.stationCode])).toEqual([['周小红', '341723101']]);
    expect((await county.call('women.list', { stationCode: '341723100' })).total).toBe(4);
  });
});

describe('left-behind women sync', () => {
  it('a woman registered at a station reaches the county whole, and an edit follows', async () => {
    const PASS = 'women-passphrase';
    const county = createCore({ dataDir: tempDir(), actor: 'county-staff' });
    await county.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    await county.call('sync.createKeys', { passphrase: PASS });
    const file = join(tempDir(), 'enrol.json');
    await county.call('sync.enrolStation', { code: '341723100', outPath: file });
    const station = await stationCore();
    await station.call('sync.acceptEnrolment', { path: file, passphrase: PASS });

    const { id } = await station.call('women.create', womanInput());
    const up = await station.call('sync.exportBundle', { outPath: join(tempDir(), 'up.slbundle'), passphrase: PASS });
    const [result] = (await county.call('sync.importBundles', { paths: [up.path], passphrase: PASS })).results;
    expect(result!.outcome).toBe('applied');
    expect(await county.call('women.get', { id })).toEqual(await station.call('women.get', { id }));
    const derived = 'SELECT name_pinyin, name_initials, birth_date, sex, township_code FROM women WHERE id = ?';
    expect(county.db.prepare(derived).get(id)).toEqual(station.db.prepare(derived).get(id));

    await station.call('women.update', { id, woman: womanInput({ name: '李晓梅', endedOn: '2025-12-31' }) });
    const next = await station.call('sync.exportBundle', { outPath: join(tempDir(), 'up2.slbundle'), passphrase: PASS });
    await county.call('sync.importBundles', { paths: [next.path], passphrase: PASS });
    expect(await county.call('women.get', { id })).toMatchObject({ name: '李晓梅', endedOn: '2025-12-31', active: false });
    expect(county.db.prepare('SELECT name_pinyin, name_initials FROM women WHERE id = ?').get(id)).toEqual({ name_pinyin: 'lixiaomei', name_initials: 'lxm' });
    expect((await county.call('women.list', { search: 'lxm', status: 'ended' })).rows.map((r) => r.name)).toEqual(['李晓梅']);
  });
});

describe('left-behind women domain rules', () => {
  it('holds ages 20 to 59 on the given day, and ends on the end date', () => {
    expect(womanAgeProblem('2006-11-29', '2026-11-28')).toContain('19周岁');
    expect(womanAgeProblem('2006-11-28', '2026-11-28')).toBeNull();
    expect(womanAgeProblem('1967-11-29', '2026-11-28')).toBeNull();
    expect(womanAgeProblem('1966-11-28', '2026-11-28')).toContain('60周岁');
    expect(womanActiveOn(null, '2026-11-28')).toBe(true);
    expect(womanActiveOn('2026-11-29', '2026-11-28')).toBe(true);
    expect(womanActiveOn('2026-11-28', '2026-11-28')).toBe(false);
  });
});
