/**
 * Reads a sign-in device's export into rows of cells: .xlsx through exceljs, or CSV text. Chinese
 * devices and Excel on Chinese Windows write CSV in GBK ("ANSI"), newer ones UTF-8 with or without
 * a BOM, and Excel's "Unicode text" is UTF-16 with tabs; the old .xls format is refused with the
 * way out. Every byte is hostile: the size is checked before anything else, the unpacked size of
 * an .xlsx before exceljs sees it (zipGuard.ts), the row count before the cells are read, and
 * cells are cut to a short length and a fixed number of columns.
 */
import ExcelJS from 'exceljs';
import { LedgerError, MAX_MEAL_IMPORT_BYTES, MAX_MEAL_IMPORT_ROWS } from '../../../shared/contract';
import { checkZipSize, ZipRefused } from './zipGuard';

/** A cell as the import reads it: text, a number, a date (exceljs gives calendar values as UTC), or nothing. */
export type Cell = string | number | Date | null;

export interface DeviceRow {
  /** The row's number in the sheet or file, as a person sees it. */
  line: number;
  cells: Cell[];
}

export interface DeviceTable {
  sheet?: string;
  rows: DeviceRow[];
}

/** Title rows, a header and footers come on top of the data rows. */
const MAX_LINES = MAX_MEAL_IMPORT_ROWS + 100;
const MAX_COLUMNS = 40;
const MAX_CELL_CHARS = 100;
/** What an .xlsx of at most MAX_MEAL_IMPORT_BYTES may unpack to. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const refuse = (message: string, detail: string) => new LedgerError({ code: 'validation', message, detail, fieldErrors: { file: message } });
const tooManyRows = () => refuse(`文件超过${MAX_MEAL_IMPORT_ROWS}行，请按月份分开导出后再导入`, 'device export has too many rows');

const cut = (s: string) => (s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s);

export async function readDeviceFile(bytes: Buffer): Promise<DeviceTable> {
  if (bytes.length > MAX_MEAL_IMPORT_BYTES) throw refuse(`文件不能超过${MAX_MEAL_IMPORT_BYTES / 1024 / 1024}MB`, `device export of ${bytes.length} bytes`);
  if (bytes.length === 0) throw refuse('文件是空的', 'empty device export');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw refuse('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入', 'legacy xls device export');
  }
  return readCsv(decodeText(bytes));
}

async function readXlsx(bytes: Buffer): Promise<DeviceTable> {
  try {
    checkZipSize(bytes, MAX_UNPACKED_BYTES);
  } catch (e) {
    if (e instanceof ZipRefused) throw refuse('无法读取该 Excel 文件（文件损坏或内容过大）', `xlsx refused: ${e.message}`);
    throw e;
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw refuse('无法读取该 Excel 文件，请确认是设备导出的 .xlsx 文件', `xlsx unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
  const sheets = book.worksheets.filter((s) => s.actualRowCount > 0);
  // The first sheet with rows; a header search runs on it (deviceImport.ts), note sheets come later.
  const sheet = sheets[0];
  if (!sheet) throw refuse('Excel 文件中没有数据', 'xlsx without rows');
  if (sheet.rowCount > MAX_LINES) throw tooManyRows();
  const rows: DeviceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    const width = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return { sheet: cut(sheet.name), rows };
}

/** exceljs's cell value as a `Cell`; a formula is never evaluated, its cached result is read. */
function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cut(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'object') return null;
  if ('richText' in v && Array.isArray(v.richText)) return cut(v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
  if ('result' in v) return cellOf((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v && typeof v.text === 'string') return cut(v.text);
  return null;
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise GB18030 (a superset of GBK). */
export function decodeText(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  if (text.includes('\u0000')) throw refuse('无法识别的文件：请导入设备导出的 .xlsx 或 .csv 文件', 'device export is neither xlsx nor text');
  return text;
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), hand-written: a few
 * lines, and the decoding above is what needs care. The delimiter is the commonest of comma, tab
 * and semicolon in the first line.
 */
export function readCsv(text: string): DeviceTable {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > MAX_LINES + 1) throw tooManyRows();
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const delimiter = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows: DeviceRow[] = [];
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    if (cells.length < MAX_COLUMNS) cells.push(field.trim() === '' ? null : cut(field));
    field = '';
  };
  const endRow = () => {
    endField();
    if (cells.some((c) => c !== null)) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        // A field is cut anyway; stop growing it so one huge quoted field costs nothing.
        if (field.length <= MAX_CELL_CHARS) field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (field.length <= MAX_CELL_CHARS) field += ch;
  }
  if (field !== '' || cells.length > 0) endRow();
  return { rows };
}
