/**
 * A sign-in device's export imported into a site's month, through a real core: real .xlsx files
 * written by exceljs, CSV in UTF-8 and GBK, matching by ID number and by name, the rows refused and
 * why, and a commit that ticks everything or nothing.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/core';
import { checkZipSize, ZipRefused } from '../../../src/main/core/meals/zipGuard';
import { MAX_MEAL_IMPORT_BYTES, type MealImportInput, type MealImportResult, type MealSubsidyRuleInput } from '../../../src/shared/contract';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { elderInput, mealSiteInput, tempDir, validId } from '../../helpers/core';

const today = todayIso();
/** Last month: ended, so every day of it is in the past and it can be locked. */
const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
const monthBefore = addDays(`${month}-01`, -1).slice(0, 7);
const day = (d: number, m = month) => `${m}-${String(d).padStart(2, '0')}`;
const utc = (iso: string, hour = 0, minute = 0) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hour, minute));

const STANDARD: MealSubsidyRuleInput = { effectiveFrom: day(1, monthBefore), priceFen: { breakfast: 400, lunch: 1000 }, subsidyFen: { dibao: { lunch: 500, breakfast: 200 } }, deliveryFeeFen: 0 };

const WANG_ID = '341723195003030024';
const LI_ID = validId('34172319480505004');
const ZHAO_ID = validId('34172319450909003');

let core: Core;
let siteId: string;
let wang: string;
let li: string;
let zhao: string;

async function xlsx(rows: (string | number | Date | null)[][], opts: { titleRows?: string[][]; sheetName?: string } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(opts.sheetName ?? '刷卡记录');
  for (const t of opts.titleRows ?? []) sheet.addRow(t);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function importInput(data: string, over: Partial<MealImportInput> = {}): MealImportInput {
  return { siteId, month, method: 'card', file: { name: '考勤记录.xlsx', data }, preview: true, ...over };
}

const meals = () => core.db.prepare('SELECT diner_id, day, meal_time, method, subsidy_fen FROM meal_attendance WHERE site_id = ? AND deleted = 0 ORDER BY day, diner_id').all(siteId) as {
  diner_id: string;
  day: string;
  meal_time: string;
  method: string;
  subsidy_fen: number;
}[];

beforeAll(async () => {
  core = createCore({ dataDir: tempDir(), actor: '县局管理员' });
  await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
  await core.call('meals.rules.save', { rule: STANDARD });
  ({ id: siteId } = await core.call('meals.sites.save', { site: mealSiteInput({ dailyCapacity: 30, mealTimes: ['breakfast', 'lunch'], servingDays: ['1', '2', '3', '4', '5'] }) }));
  const { id: elderA } = await core.call('elders.create', elderInput({ name: '王秀英', idNumber: WANG_ID, economicStatus: 'dibao' }));
  const { id: elderB } = await core.call('elders.create', elderInput({ name: '李桂兰', idNumber: LI_ID, economicStatus: 'general' }));
  const { id: elderC } = await core.call('elders.create', elderInput({ name: '赵德明', idNumber: ZHAO_ID, economicStatus: 'general' }));
  ({ id: wang } = await core.call('meals.diners.save', { siteId, diner: { elderId: elderA, startOn: day(1, monthBefore) } }));
  ({ id: li } = await core.call('meals.diners.save', { siteId, diner: { elderId: elderB, startOn: day(1, monthBefore) } }));
  // Enrolled from the 10th only.
  ({ id: zhao } = await core.call('meals.diners.save', { siteId, diner: { elderId: elderC, startOn: day(10) } }));
  // Someone outside the register with the same name as an elder enrolled here.
  await core.call('meals.diners.save', { siteId, diner: { name: '李桂兰', startOn: day(1, monthBefore) } });
});

describe('preview', () => {
  it('matches an .xlsx by ID number under title rows, with date cells, and writes nothing', async () => {
    const data = await xlsx(
      [
        ['序号', '姓名', '身份证号', '日期', '餐次'],
        [1, '王秀英', WANG_ID, utc(day(3)), '午餐'],
        [2, '王秀英', WANG_ID, utc(day(3)), '早'],
        [3, '李桂兰', LI_ID, utc(day(4)), '中餐'],
        [4, '王秀英', WANG_ID, utc(day(3)), '午餐'],
        [null, '合计', null, null, null],
      ],
      { titleRows: [['蓉城镇百花村老年助餐点刷卡记录'], ['导出时间：2025-01-01']] },
    );
    const result = await core.call('meals.attendance.importData', importInput(data));
    expect(result).toMatchObject({ preview: true, imported: 0, sheet: '刷卡记录', counts: { new: 3, ticked: 0, duplicate: 1, refused: 0 } });
    expect(result.rows.map((r) => [r.line, r.dinerName, r.day, r.mealTime, r.status])).toEqual([
      [4, '王秀英', day(3), 'lunch', 'new'],
      [5, '王秀英', day(3), 'breakfast', 'new'],
      [6, '李桂兰', day(4), 'lunch', 'new'],
      [7, '王秀英', day(3), 'lunch', 'duplicate'],
    ]);
    // ID numbers come back masked.
    expect(result.rows[0]!.idNumberMasked).toBe('341723********0024');
    expect(meals()).toEqual([]);
  });

  it('matches a GBK CSV by name, reading the meal from the clock-in time', async () => {
    const text = `人员姓名,打卡时间\r\n王秀英,${day(5)} 07:41:02\r\n王秀英,${day(5)} 11:32:10\r\n赵德明,${day(12).replace(/-/g, '/')} 11:40\r\n`;
    const data = Buffer.from(encodeGbk(text)).toString('base64');
    const result = await core.call('meals.attendance.importData', importInput(data, { file: { name: '人脸识别记录.csv', data } }));
    expect(result.rows.map((r) => [r.name, r.day, r.mealTime, r.status])).toEqual([
      ['王秀英', day(5), 'breakfast', 'new'],
      ['王秀英', day(5), 'lunch', 'new'],
      ['赵德明', day(12), 'lunch', 'new'],
    ]);
  });

  it('refuses ambiguous names, unknown people, rows outside the month or the enrolment, and unserved meals, each with its reason', async () => {
    const data = csv(
      [
        '姓名,身份证号,日期,餐次',
        `李桂兰,,${day(6)},午餐`,
        `张三,,${day(6)},午餐`,
        `王秀英,,${day(6, monthBefore)},午餐`,
        `赵德明,,${day(6)},午餐`,
        `王秀英,,${day(6)},晚餐`,
        `王秀英,,${day(6)},夜宵`,
        `王秀英,,2025年13月1日,午餐`,
        `无名,341723195003030025,${day(6)},午餐`,
        `王秀英,,${day(7)},`,
      ].join('\n'),
    );
    const result = await core.call('meals.attendance.importData', importInput(data, { file: { name: 'export.csv', data } }));
    expect(result.rows.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['李桂兰', 'refused', '本助餐点有2位同名人员，请在文件中填写身份证号'],
      ['张三', 'refused', '本助餐点的就餐名单中没有此人'],
      ['王秀英', 'refused', `不在所选月份（${Number(month.slice(0, 4))}年${Number(month.slice(5))}月）内`],
      ['赵德明', 'refused', `该日不在就餐登记期内（${day(10)} 至 今）`],
      ['王秀英', 'refused', '本助餐点不供应晚餐'],
      ['王秀英', 'refused', '餐次“夜宵”无法识别'],
      ['王秀英', 'refused', '日期“2025年13月1日”无法识别'],
      ['无名', 'refused', '该身份证号不在本助餐点的就餐名单中'],
      ['王秀英', 'refused', '缺少餐次，且无法从时间判断'],
    ]);
    expect(result.counts).toEqual({ new: 0, ticked: 0, duplicate: 0, refused: 9 });
  });

  it('refuses an ID number Excel stored as a number, whose last digits are gone', async () => {
    const data = await xlsx([
      ['姓名', '身份证号', '日期', '餐次'],
      ['王秀英', 341723195003030000, utc(day(3)), '午餐'],
    ]);
    const result = await core.call('meals.attendance.importData', importInput(data));
    expect(result.rows[0]).toMatchObject({ status: 'refused', reason: '身份证号被存成了数字，后几位已丢失；请把该列设为文本后重新导出' });
  });

  it('refuses a file without a header, an old .xls, and an oversized file, at the file', async () => {
    const noHeader = csv('张三,2025-01-01\n李四,2025-01-02\n');
    await expect(core.call('meals.attendance.importData', importInput(noHeader))).rejects.toMatchObject({
      data: { code: 'validation', fieldErrors: { file: '没有找到表头：需要“身份证号”或“姓名”列，以及“日期”或“打卡时间”列' } },
    });
    const xls = Buffer.alloc(512);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    await expect(core.call('meals.attendance.importData', importInput(xls.toString('base64')))).rejects.toMatchObject({
      data: { fieldErrors: { file: '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入' } },
    });
    const huge = Buffer.alloc(MAX_MEAL_IMPORT_BYTES + 10, 0x41).toString('base64');
    const outcome = await core.invoke('meals.attendance.importData', importInput(huge));
    expect(outcome.ok ? null : outcome.error.fieldErrors).toEqual({ 'file.data': '文件不能超过4MB' });
  });

  it('refuses an .xlsx that unpacks beyond its budget before exceljs reads it', async () => {
    const bytes = Buffer.from(await xlsx([['姓名', '日期'], ...Array.from({ length: 200 }, (_, i) => [`王${i}`, day(3)])]), 'base64');
    expect(() => checkZipSize(bytes, 64 * 1024 * 1024)).not.toThrow();
    expect(() => checkZipSize(bytes, 2000)).toThrow(ZipRefused);
    expect(() => checkZipSize(bytes.subarray(0, bytes.length - 30), 64 * 1024 * 1024)).toThrow(ZipRefused);
  });
});

describe('commit', () => {
  let committed: MealImportResult;

  it('ticks the matched meals with the device method and the day’s subsidy, and says what was already ticked', async () => {
    await core.call('meals.attendance.set', { siteId, day: day(3), mealTime: 'lunch', ticks: [{ dinerId: wang, present: true }] });
    const data = await xlsx([
      ['身份证号', '日期', '餐次', '就餐方式'],
      [WANG_ID, utc(day(3)), '午餐', '堂食'],
      [WANG_ID, utc(day(4)), '午餐', '送餐'],
      [LI_ID, utc(day(4)), '早餐', '堂食'],
      // A Saturday or Sunday of the month: kept, with a warning.
      [LI_ID, utc(weekendDay()), '午餐', '堂食'],
    ]);
    committed = await core.call('meals.attendance.importData', importInput(data, { method: 'face', preview: false }));
    expect(committed).toMatchObject({ preview: false, imported: 3, counts: { new: 3, ticked: 1, duplicate: 0, refused: 0 } });
    expect(committed.rows.find((r) => r.day === weekendDay())?.warning).toBe('这一天不是本助餐点的供餐日');
    const rows = meals();
    expect(rows).toContainEqual({ diner_id: wang, day: day(3), meal_time: 'lunch', method: 'late', subsidy_fen: 500 });
    expect(rows).toContainEqual({ diner_id: wang, day: day(4), meal_time: 'lunch', method: 'face', subsidy_fen: 500 });
    expect(rows).toContainEqual({ diner_id: li, day: day(4), meal_time: 'breakfast', method: 'face', subsidy_fen: 0 });
    const grid = await core.call('meals.attendance.month', { siteId, month });
    expect(grid.ticks.find((t) => t.dinerId === wang && t.day === day(4))).toMatchObject({ delivered: true });
    expect(grid.meals).toBe(4);
    // Captured like any other write.
    const outbox = core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'meals.attendance.importData' AND tbl = 'meal_attendance'").get() as { n: number };
    expect(outbox.n).toBe(3);
  });

  it('importing the same file again ticks nothing more', async () => {
    const data = await xlsx([
      ['身份证号', '日期', '餐次'],
      [WANG_ID, utc(day(4)), '午餐'],
    ]);
    const again = await core.call('meals.attendance.importData', importInput(data, { preview: false }));
    expect(again).toMatchObject({ imported: 0, counts: { ticked: 1, new: 0 } });
  });

  it('writes all or nothing: a failure on one row leaves the month as it was', async () => {
    const before = meals();
    // A trigger standing in for any failure part-way through the transaction (disk full, a crash).
    core.db.exec(`CREATE TEMP TRIGGER fail_third AFTER INSERT ON meal_attendance WHEN (SELECT count(*) FROM meal_attendance WHERE method = 'qr') >= 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const data = csv(['身份证号,日期,餐次', ...[11, 12, 13, 14].map((d) => `${ZHAO_ID},${day(d)},午餐`)].join('\n'));
      const outcome = await core.invoke('meals.attendance.importData', importInput(data, { method: 'qr', preview: false }));
      expect(outcome.ok).toBe(false);
    } finally {
      core.db.exec('DROP TRIGGER fail_third');
    }
    expect(meals()).toEqual(before);
  });

  it('refuses every new row of a locked month, with the reason, and ticks nothing', async () => {
    await core.call('meals.settlement.lock', { siteId, month, confirmedChecks: (await core.call('meals.settlement.get', { siteId, month })).checks.map((c) => c.key) });
    const data = csv(`身份证号,日期,餐次\n${ZHAO_ID},${day(20)},午餐\n${WANG_ID},${day(4)},午餐\n`);
    const result = await core.call('meals.attendance.importData', importInput(data, { preview: false }));
    expect(result.imported).toBe(0);
    expect(result.rows.map((r) => [r.status, r.reason])).toEqual([
      ['refused', `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月已结算锁定，不能再导入；如需更正请联系县民政局解锁`],
      ['ticked', undefined],
    ]);
    expect(meals().some((m) => m.diner_id === zhao)).toBe(false);
  });
});

/** The first Saturday or Sunday of the month. */
function weekendDay(): string {
  for (let d = 1; ; d++) {
    const wd = utc(day(d)).getUTCDay();
    if (wd === 0 || wd === 6) return day(d);
  }
}

/** GBK bytes of `text` (Node decodes GBK but cannot encode it): each character found by decoding every two-byte code. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}
