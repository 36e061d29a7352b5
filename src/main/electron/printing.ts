/**
 * Printing the window's page: the system print dialog (`webContents.print`) or a PDF file chosen
 * in a native save dialog (`webContents.printToPDF`). The request is untrusted like any IPC
 * payload: only the top frame of our own page may ask, and only for its own contents.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logger } from '../core/log';
import { isAppUrl } from './appUrl';
import { senderUrl } from './ledgerIpc';
import { PRINT_CHANNEL, type PrintOutcome, type PrintRequest } from './printChannel';

export const PRINT_FAILED_MESSAGE = '打印失败，请检查打印机是否连接、是否有纸后重试';
export const PDF_FAILED_MESSAGE = '生成 PDF 失败，请重试';
export const PDF_WRITE_FAILED_MESSAGE = '无法保存到所选位置，请换一个文件夹，或检查U盘是否已插好';
export const PRINT_BUSY_MESSAGE = '正在打印，请先完成上一次打印';
export const UNTRUSTED_PRINT_MESSAGE = '拒绝了来自未知页面的打印请求';

const DEFAULT_PDF_NAME = '打印文件.pdf';
/** Windows refuses these in file names (control characters are dropped separately). */
const UNSAFE_NAME_CHARS = /[<>:"/\\|?*]/g;
/** Electron's failureReason when the user closes the system dialog. */
const CANCELLED_REASON = /cancel/i;

export function parsePrintRequest(payload: unknown): PrintRequest | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { pdf, fileName } = payload as Record<string, unknown>;
  if (pdf !== undefined && typeof pdf !== 'boolean') return null;
  if (fileName !== undefined && (typeof fileName !== 'string' || fileName.length > 200)) return null;
  return { ...(pdf ? { pdf } : {}), ...(fileName !== undefined ? { fileName } : {}) };
}

/** A bare file name ending in .pdf: the page must not steer where the dialog starts. */
export function pdfFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const printable = [...last].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  const cleaned = printable.replace(UNSAFE_NAME_CHARS, '').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80);
  if (cleaned === '') return DEFAULT_PDF_NAME;
  return /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`;
}

export type PrintableContents = Pick<WebContents, 'print' | 'printToPDF'>;
export type SaveDialog = Pick<Dialog, 'showSaveDialog'>;

/** The system print dialog; resolves once the user printed or closed it. */
export function printWithDialog(contents: PrintableContents): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    contents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => {
      if (success) resolve({ status: 'printed' });
      else if (CANCELLED_REASON.test(failureReason)) resolve({ status: 'cancelled' });
      else {
        logger.error(`print failed: ${failureReason}`);
        resolve({ status: 'failed', message: PRINT_FAILED_MESSAGE });
      }
    });
  });
}

/** Renders the page to an A4 PDF, then asks where to save it. */
export async function printToPdfFile(
  contents: PrintableContents,
  dialog: SaveDialog,
  window: BrowserWindow | null,
  fileName: string | undefined,
  startDir: string,
): Promise<PrintOutcome> {
  let data: Buffer;
  try {
    // The page's @page rule (A4, 15 mm margins) decides the layout; pageSize only backs it up.
    data = await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } catch (e) {
    logger.error('printToPDF failed', e);
    return { status: 'failed', message: PDF_FAILED_MESSAGE };
  }
  const options = {
    title: '另存为 PDF',
    defaultPath: join(startDir, pdfFileName(fileName)),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  };
  const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { status: 'cancelled' };
  try {
    await writeFile(r.filePath, data);
  } catch (e) {
    logger.error(`cannot write ${r.filePath}`, e);
    return { status: 'failed', message: PDF_WRITE_FAILED_MESSAGE };
  }
  return { status: 'saved', path: r.filePath };
}

/** Our page's top frame only: a subframe must not print (or save) the whole window. */
function fromTopAppFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = senderUrl(event);
  if (url === null || !isAppUrl(url)) return false;
  try {
    return event.senderFrame?.parent === null;
  } catch {
    return false;
  }
}

export function registerPrinting(
  ipc: Pick<IpcMain, 'handle'>,
  dialog: SaveDialog,
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null,
  startDir: () => string,
): void {
  // A double click on 打印 would otherwise stack two dialogs over one page.
  const busy = new WeakSet<object>();
  ipc.handle(PRINT_CHANNEL, async (event, payload: unknown): Promise<PrintOutcome> => {
    if (!fromTopAppFrame(event)) return { status: 'failed', message: UNTRUSTED_PRINT_MESSAGE };
    const request = parsePrintRequest(payload);
    if (request === null) return { status: 'failed', message: PRINT_FAILED_MESSAGE };
    const contents = event.sender;
    if (contents.isDestroyed()) return { status: 'cancelled' };
    if (busy.has(contents)) return { status: 'failed', message: PRINT_BUSY_MESSAGE };
    busy.add(contents);
    try {
      return request.pdf ? await printToPdfFile(contents, dialog, windowOf(event), request.fileName, startDir()) : await printWithDialog(contents);
    } finally {
      busy.delete(contents);
    }
  });
}
