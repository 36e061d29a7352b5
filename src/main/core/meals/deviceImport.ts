/**
 * `meals.attendance.importData`: a sign-in device's export (刷卡, 人脸, 扫码) for one month of a site.
 * The header row is found by its names (身份证号 or 姓名, 日期 or a 打卡时间 with the time, 餐次), so
 * title rows above it and footers below are passed over. Each row is matched to a diner of the site
 * whose enrolment covers the day, by ID number or, without one, by a name only one person at the
 * site has. A preview writes nothing; a commit matches again inside its one transaction and ticks
 * the new meals, so what it writes never rests on a preview another PC may have overtaken.
 *
 * A device's meal is kept with the device's method even for a past day: the device recorded it at
 * the meal, it is not a late entry from memory (补录).
 */
import { LedgerError, type MealImportResult, type MealImportRow, type ParsedInputOf } from '../../../shared/contract';
import { isoWeekday, isRealDate } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { ruleOn, type MealTime } from '../../../shared/domain/meals';
import type { CallContext, CoreContext } from '../context';
import { fromStringListColumn } from '../db/columns';
import { insertRow, updateRow, type WriteContext } from '../sync/capture';
import { mealId, mealValues, monthBounds, siteOf } from './attendance';
import { readDeviceFile, type Cell, type DeviceRow } from './deviceFile';
import { dinerRows, type DinerFactsRow } from './diners';
import { monthRow } from './months';
import { requireOwnSite } from './sites';
import { mealRules } from './subsidyRules';

const PHASE_READ = '读取文件';
const PHASE_MATCH = '核对就餐人员';
const PHASE_WRITE = '写入就餐记录';
/** Rows per progress report (and pause, while writing). */
const ROWS_PER_REPORT = 500;

type Column = 'id' | 'name' | 'day' | 'time' | 'meal' | 'mode';

/** Header names devices and hand-kept sheets use, after spaces and punctuation are dropped. */
const HEADERS: Record<Column, readonly string[]> = {
  id: ['身份证号', '身份证号码', '身份证', '公民身份号码', '证件号码', '证件号'],
  name: ['姓名', '人员姓名', '老人姓名', '用户姓名', '就餐人', '名字'],
  day: ['日期', '就餐日期', '打卡日期', '签到日期', '刷卡日期', '消费日期', '识别日期'],
  time: ['时间', '打卡时间', '刷卡时间', '签到时间', '识别时间', '消费时间', '就餐时间', '记录时间'],
  meal: ['餐次', '餐别', '就餐餐次', '餐段', '餐型'],
  mode: ['就餐方式', '用餐方式'],
};
const HEADER_SEARCH_ROWS = 30;

const MEAL_LABEL: Record<MealTime, string> = { breakfast: '早餐', lunch: '午餐', dinner: '晚餐' };

const squash = (s: string) => s.normalize('NFKC').replace(/[\s*＊:：()（）[\]【】]/g, '');

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 19).replace('T', ' ');
  return String(c).trim();
}

/** The header row and where each known column is; null when no row within the first few has one. */
function findHeader(rows: readonly DeviceRow[]): { at: number; columns: Partial<Record<Column, number>> } | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns: Partial<Record<Column, number>> = {};
    rows[i]!.cells.forEach((c, index) => {
      if (typeof c !== 'string') return;
      const label = squash(c);
      for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
        if (columns[column] === undefined && names.includes(label)) columns[column] = index;
      }
    });
    if ((columns.id !== undefined || columns.name !== undefined) && (columns.day !== undefined || columns.time !== undefined)) return { at: i, columns };
  }
  return null;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface When {
  day?: string;
  /** Hour of the day, when the cell holds a time. */
  hour?: number;
}

/**
 * A day (and perhaps a time) from a cell: a date cell, an Excel serial number, 20250305 as a
 * number or text, or 2025-03-05 / 2025/3/5 / 2025.3.5 / 2025年3月5日, each with an optional time.
 */
export function whenOf(c: Cell): When {
  if (c instanceof Date) {
    const hour = c.getUTCHours() + c.getUTCMinutes() / 60;
    // A time-only cell is a date in 1899/1900 in Excel's epoch.
    const day = c.getUTCFullYear() < 1901 ? undefined : iso(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate());
    return { day, hour: hour > 0 ? c.getUTCHours() : undefined };
  }
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 29991231) return { day: checked(iso(Math.floor(c / 10000), Math.floor(c / 100) % 100, c % 100)) };
    if (c >= 20000 && c < 80000) {
      const t = new Date(EPOCH_1900 + Math.round(c * 86_400) * 1000);
      const frac = c - Math.floor(c);
      return { day: iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()), hour: frac > 0 ? t.getUTCHours() : undefined };
    }
    // A fraction of a day: a time cell read as a number.
    if (c >= 0 && c < 1) return { hour: Math.floor(c * 24) };
    return {};
  }
  if (typeof c !== 'string') return {};
  const s = c.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:[\sT]+(\d{1,2})[:时](\d{1,2}))?/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:[\sT]*(\d{1,2}):(\d{2}))?/.exec(s);
  if (m) return { day: checked(iso(Number(m[1]), Number(m[2]), Number(m[3]))), hour: m[4] !== undefined ? Number(m[4]) : undefined };
  const t = /^(\d{1,2}):(\d{2})/.exec(s);
  if (t) return { hour: Number(t[1]) };
  return {};
}

const checked = (day: string) => (isRealDate(day) ? day : undefined);

/** 早/早餐/早饭 → breakfast, 午/中/午餐/中餐 → lunch, 晚 → dinner; null for anything else. */
function mealOf(c: Cell): MealTime | null {
  const s = text(c).normalize('NFKC').toLowerCase();
  if (s === '') return null;
  if (s.includes('早') || s.startsWith('breakfast')) return 'breakfast';
  if (s.includes('午') || s.includes('中') || s.startsWith('lunch')) return 'lunch';
  if (s.includes('晚') || s.startsWith('dinner') || s.startsWith('supper')) return 'dinner';
  return null;
}

/** The meal a time of day falls in, as devices at a site are used: before 10:00, before 15:00, later. */
const mealAtHour = (hour: number): MealTime => (hour < 10 ? 'breakfast' : hour < 15 ? 'lunch' : 'dinner');

const normName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const normId = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** A diner's enrolments at the site, grouped by person (an elder may be enrolled twice, at different times). */
interface Person {
  key: string;
  name: string;
  spans: DinerFactsRow[];
}

function peopleOf(diners: readonly DinerFactsRow[]): { byId: Map<string, Person>; byName: Map<string, Person[]> } {
  const people = new Map<string, Person>();
  for (const d of diners) {
    const key = d.elder_id ?? d.id;
    const p = people.get(key) ?? { key, name: d.elder_name ?? d.name ?? '', spans: [] };
    p.spans.push(d);
    people.set(key, p);
  }
  const byId = new Map<string, Person>();
  const byName = new Map<string, Person[]>();
  for (const p of people.values()) {
    const id = p.spans[0]!.elder_id_number ?? p.spans[0]!.id_number;
    if (id) byId.set(normId(id), p);
    const name = normName(p.name);
    byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  return { byId, byName };
}

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

interface Matched {
  rows: MealImportRow[];
  /** The rows to tick, with the diner they go to. */
  ticks: { row: MealImportRow; diner: DinerFactsRow; delivered?: boolean; revive: boolean }[];
}

function matchRows(ctx: CoreContext, call: CallContext, input: ParsedInputOf<'meals.attendance.importData'>, table: DeviceRow[]): Matched {
  const { siteId, month } = input;
  const site = siteOf(ctx, siteId);
  const header = findHeader(table);
  if (!header) {
    const message = '没有找到表头：需要“身份证号”或“姓名”列，以及“日期”或“打卡时间”列';
    throw new LedgerError({ code: 'validation', message, detail: 'no header row in device export', fieldErrors: { file: message } });
  }
  const { columns } = header;
  const data = table.slice(header.at + 1);
  const served = fromStringListColumn(site.meal_times) as MealTime[];
  const servingDays = new Set(fromStringListColumn(site.serving_days));
  const { start, end } = monthBounds(month);
  const today = ctx.today();
  const locked = monthRow(ctx, siteId, month)?.locked === 1;
  const diners = dinerRows(ctx, 'd.site_id = @site AND d.deleted = 0', { site: siteId });
  const { byId, byName } = peopleOf(diners);
  const existing = ctx.db.prepare('SELECT deleted FROM meal_attendance WHERE id = ?');
  const seen = new Set<string>();
  const out: Matched = { rows: [], ticks: [] };
  const cell = (r: DeviceRow, c: Column) => (columns[c] === undefined ? null : (r.cells[columns[c]] ?? null));

  call.progress({ phase: PHASE_MATCH, done: 0, total: data.length });
  data.forEach((r, i) => {
    if ((i + 1) % ROWS_PER_REPORT === 0) call.progress({ phase: PHASE_MATCH, done: i + 1, total: data.length });
    const idCell = cell(r, 'id');
    const name = text(cell(r, 'name')).slice(0, 20);
    const idText = typeof idCell === 'number' ? String(idCell) : normId(text(idCell));
    const dayCell = cell(r, 'day');
    const timeCell = cell(r, 'time');
    const mealCell = cell(r, 'meal');
    // Footers (合计, 填表人) and blank lines between blocks are not meals.
    if (!name && !idText) return;
    if (/^(合计|小计|总计|填表|审核|制表|备注|注[:：])/.test(name)) return;
    const row: MealImportRow = {
      line: r.line,
      name,
      idNumberMasked: idText.length === 18 ? maskIdNumber(idText) : idText.slice(0, 20),
      dayText: text(dayCell ?? timeCell).slice(0, 20),
      mealTimeText: text(mealCell).slice(0, 10),
      status: 'refused',
    };
    out.rows.push(row);
    const refuse = (reason: string) => {
      row.reason = reason;
    };

    const fromDay = whenOf(dayCell);
    const fromTime = whenOf(timeCell);
    const day = fromDay.day ?? fromTime.day;
    const hour = fromTime.hour ?? fromDay.hour;
    if (!day) return refuse(row.dayText ? `日期“${row.dayText}”无法识别` : '缺少日期');
    row.day = day;
    if (day < start || day > end) return refuse(`不在所选月份（${monthLabel(month)}）内`);
    if (day > today) return refuse('日期晚于今天');

    let person: Person | undefined;
    if (typeof idCell === 'number') return refuse('身份证号被存成了数字，后几位已丢失；请把该列设为文本后重新导出');
    if (idText) {
      if (!/^\d{17}[\dX]$/.test(idText)) return refuse('身份证号格式不正确');
      person = byId.get(idText);
      if (!person) return refuse('该身份证号不在本助餐点的就餐名单中');
      if (name && normName(name) !== normName(person.name)) row.warning = `文件中的姓名“${name}”与登记的“${person.name}”不同`;
    } else {
      const named = byName.get(normName(name)) ?? [];
      if (named.length === 0) return refuse('本助餐点的就餐名单中没有此人');
      if (named.length > 1) return refuse(`本助餐点有${named.length}位同名人员，请在文件中填写身份证号`);
      person = named[0];
    }
    row.dinerName = person!.name;

    const mealTime = mealOf(mealCell) ?? (row.mealTimeText ? null : hour !== undefined ? mealAtHour(hour) : served.length === 1 ? served[0]! : null);
    if (!mealTime) return refuse(row.mealTimeText ? `餐次“${row.mealTimeText}”无法识别` : '缺少餐次，且无法从时间判断');
    row.mealTime = mealTime;
    if (!served.includes(mealTime)) return refuse(`本助餐点不供应${MEAL_LABEL[mealTime]}`);

    const diner = person!.spans.find((d) => d.start_on <= day && (d.stop_on === null || d.stop_on >= day));
    if (!diner) {
      const spans = person!.spans.map((d) => `${d.start_on} 至 ${d.stop_on ?? '今'}`).join('、');
      return refuse(`该日不在就餐登记期内（${spans}）`);
    }
    row.dinerId = diner.id;

    const id = mealId(diner.id, day, mealTime);
    if (seen.has(id)) {
      row.status = 'duplicate';
      row.reason = '与文件中前面一行重复，只算一餐';
      return;
    }
    seen.add(id);
    const stored = existing.get(id) as { deleted: number } | undefined;
    if (stored?.deleted === 0) {
      row.status = 'ticked';
      return;
    }
    if (locked) return refuse(`${monthLabel(month)}已结算锁定，不能再导入；如需更正请联系县民政局解锁`);
    if (!servingDays.has(isoWeekday(day))) row.warning = '这一天不是本助餐点的供餐日';
    const mode = text(cell(r, 'mode'));
    row.status = 'new';
    out.ticks.push({ row, diner, delivered: mode.includes('送') ? true : mode.includes('堂') || mode.includes('自取') ? false : undefined, revive: stored !== undefined });
  });
  call.progress({ phase: PHASE_MATCH, done: data.length, total: data.length });
  return out;
}

/** Groups each elder of the site held on each day of the month, as `groupsOn` gives them for a day. */
function groupsByDay(ctx: CoreContext, siteId: string, start: string, end: string): (elderId: string | null, day: string) => string[] {
  const rows = ctx.db
    .prepare(
      `SELECT elder_id, group_code, start_date, end_date FROM elder_groups WHERE deleted = 0 AND start_date <= @end AND (end_date IS NULL OR end_date >= @start)
       AND elder_id IN (SELECT elder_id FROM meal_diners WHERE site_id = @site AND elder_id IS NOT NULL)`,
    )
    .all({ site: siteId, start, end }) as { elder_id: string; group_code: string; start_date: string; end_date: string | null }[];
  return (elderId, day) => (elderId === null ? [] : rows.filter((g) => g.elder_id === elderId && g.start_date <= day && (g.end_date === null || g.end_date >= day)).map((g) => g.group_code));
}

function counted(rows: readonly MealImportRow[]): MealImportResult['counts'] {
  const counts = { new: 0, ticked: 0, duplicate: 0, refused: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

async function writeTicks(ctx: CoreContext, w: WriteContext, call: CallContext, input: ParsedInputOf<'meals.attendance.importData'>, matched: Matched, pause: () => Promise<void>): Promise<number> {
  const { start, end } = monthBounds(input.month);
  const groups = groupsByDay(ctx, input.siteId, start, end);
  const rules = mealRules(ctx);
  const owner = siteOf(ctx, input.siteId).station_code;
  const total = matched.ticks.length;
  call.progress({ phase: PHASE_WRITE, done: 0, total });
  let done = 0;
  for (const t of matched.ticks) {
    const day = t.row.day!;
    const values = mealValues(t.diner, groups(t.diner.elder_id, day), ruleOn(rules, day), { day, mealTime: t.row.mealTime!, method: input.method, delivered: t.delivered });
    const id = mealId(t.diner.id, day, t.row.mealTime!);
    if (t.revive) updateRow(w, 'meal_attendance', id, { ...values, deleted: 0 });
    else insertRow(w, 'meal_attendance', id, values, owner);
    if (++done % ROWS_PER_REPORT === 0) {
      call.progress({ phase: PHASE_WRITE, done, total });
      await pause();
    }
  }
  call.progress({ phase: PHASE_WRITE, done, total });
  return done;
}

export async function importDeviceData(ctx: CoreContext, call: CallContext, input: ParsedInputOf<'meals.attendance.importData'>): Promise<MealImportResult> {
  requireOwnSite(ctx, input.siteId);
  call.progress({ phase: PHASE_READ, done: 0, total: 1 });
  const table = await readDeviceFile(Buffer.from(input.file.data, 'base64'));
  call.progress({ phase: PHASE_READ, done: 1, total: 1 });
  const result = (m: Matched, imported: number): MealImportResult => ({
    fileName: input.file.name,
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
    preview: input.preview,
    rows: m.rows,
    counts: counted(m.rows),
    imported,
  });
  if (input.preview) return result(matchRows(ctx, call, input, table.rows), 0);
  return ctx.writeInChunks(call, async (w, pause) => {
    // Matched again inside the transaction: the month may have been ticked or locked since the preview.
    requireOwnSite(ctx, input.siteId);
    const matched = matchRows(ctx, call, input, table.rows);
    return result(matched, await writeTicks(ctx, w, call, input, matched, pause));
  });
}
