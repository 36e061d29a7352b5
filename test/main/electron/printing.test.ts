/**
 * The print IPC handler with Electron mocked at the thin edge: a fake webContents whose print /
 * printToPDF the test drives, a fake save dialog, and real files in a temp folder.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PRINT_CHANNEL, readPrintOutcome, type PrintOutcome } from '../../../src/main/electron/printChannel';
import {
  parsePrintRequest,
  pdfFileName,
  PDF_FAILED_MESSAGE,
  PDF_WRITE_FAILED_MESSAGE,
  PRINT_BUSY_MESSAGE,
  PRINT_FAILED_MESSAGE,
  registerPrinting,
  UNTRUSTED_PRINT_MESSAGE,
  type SaveDialog,
} from '../../../src/main/electron/printing';
import { tempDir } from '../../helpers/core';
import { createFakeElectron, settle } from './fakeElectron';

const PDF_BYTES = Buffer.from('%PDF-1.7 fake');

type PrintCallback = (success: boolean, failureReason: string) => void;

class FakePrintableContents {
  destroyed = false;
  /** The pending system dialog: the test answers it as the user would. */
  answer: PrintCallback | null = null;
  readonly print = vi.fn((_options: unknown, callback: PrintCallback) => {
    this.answer = callback;
  });
  readonly printToPDF = vi.fn((_options: unknown) => Promise.resolve(PDF_BYTES));
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function fakeDialog(filePath: string) {
  return { showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: false, filePath })) };
}

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<PrintOutcome>;

function setup(savePath = join(tempDir('ledger-print-'), '探视走访记录表.pdf')) {
  const dialog = fakeDialog(savePath);
  let handler: Handler | null = null;
  const ipc = {
    handle: vi.fn((channel: string, h: Handler) => {
      expect(channel).toBe(PRINT_CHANNEL);
      handler = h;
    }),
  };
  const window = { id: 1 } as unknown as BrowserWindow;
  registerPrinting(ipc as unknown as Pick<IpcMain, 'handle'>, dialog as unknown as SaveDialog, () => window, () => '/home/staff/文档');
  const contents = new FakePrintableContents();
  const call = (payload: unknown, frame: { url: string; parent: unknown } | null = { url: 'app://ledger/index.html#/print/visit/1', parent: null }) => {
    if (handler === null) throw new Error(`${PRINT_CHANNEL} was not registered`);
    return handler({ senderFrame: frame, sender: contents } as unknown as IpcMainInvokeEvent, payload);
  };
  return { dialog, contents, call, window, savePath };
}

describe('print requests', () => {
  it('accepts only a boolean pdf flag and a short file name', () => {
    expect(parsePrintRequest({})).toEqual({});
    expect(parsePrintRequest({ pdf: true, fileName: '登记表.pdf' })).toEqual({ pdf: true, fileName: '登记表.pdf' });
    expect(parsePrintRequest({ pdf: false })).toEqual({});
    expect(parsePrintRequest({ pdf: 'yes' })).toBeNull();
    expect(parsePrintRequest({ fileName: 'x'.repeat(201) })).toBeNull();
    expect(parsePrintRequest('print')).toBeNull();
    expect(parsePrintRequest(null)).toBeNull();
  });

  it('turns a suggested name into a bare .pdf file name', () => {
    expect(pdfFileName('探视走访记录表-王秀英')).toBe('探视走访记录表-王秀英.pdf');
    expect(pdfFileName('..\\..\\Windows\\System32\\evil')).toBe('evil.pdf');
    expect(pdfFileName('/etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('a<b>:c?.PDF')).toBe('abc.PDF');
    expect(pdfFileName('..')).toBe('打印文件.pdf');
    expect(pdfFileName(undefined)).toBe('打印文件.pdf');
  });

  it('reads only well-formed answers from main', () => {
    expect(readPrintOutcome({ status: 'saved', path: 'D:/a.pdf' })).toEqual({ status: 'saved', path: 'D:/a.pdf' });
    expect(readPrintOutcome({ status: 'printed', extra: 1 })).toEqual({ status: 'printed' });
    expect(readPrintOutcome({ status: 'saved' })).toMatchObject({ status: 'failed' });
    expect(readPrintOutcome(undefined)).toMatchObject({ status: 'failed' });
  });
});

describe('ledger:print', () => {
  it('opens the system print dialog for the sender’s own page and reports the result', async () => {
    const { contents, call } = setup();
    const printed = call({});
    await settle();
    expect(contents.print).toHaveBeenCalledTimes(1);
    expect(contents.print.mock.calls[0]![0]).toMatchObject({ silent: false, printBackground: true, pageSize: 'A4' });
    contents.answer!(true, '');
    expect(await printed).toEqual({ status: 'printed' });

    const cancelled = call({ pdf: false });
    await settle();
    contents.answer!(false, 'Print job canceled');
    expect(await cancelled).toEqual({ status: 'cancelled' });

    const failed = call({});
    await settle();
    contents.answer!(false, 'Print job failed');
    expect(await failed).toEqual({ status: 'failed', message: PRINT_FAILED_MESSAGE });
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });

  it('renders an A4 PDF, asks where to save it with a PDF filter, and writes the file there', async () => {
    const { contents, dialog, call, window, savePath } = setup();
    expect(await call({ pdf: true, fileName: '../探视走访记录表-王秀英' })).toEqual({ status: 'saved', path: savePath });
    expect(contents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: { extensions: string[] }[]; title: string }];
    expect(parent).toBe(window);
    expect(options.title).toBe('另存为 PDF');
    expect(options.defaultPath).toBe(join('/home/staff/文档', '探视走访记录表-王秀英.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }]);
    expect(readFileSync(savePath)).toEqual(PDF_BYTES);
    expect(contents.print).not.toHaveBeenCalled();
  });

  it('writes nothing when the save dialog is cancelled, and says so when rendering or writing fails', async () => {
    const { contents, dialog, call } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call({ pdf: true })).toEqual({ status: 'cancelled' });

    contents.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    expect(await call({ pdf: true })).toEqual({ status: 'failed', message: PDF_FAILED_MESSAGE });

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(tempDir('ledger-print-'), 'no-such-folder', 'x.pdf') });
    expect(await call({ pdf: true })).toEqual({ status: 'failed', message: PDF_WRITE_FAILED_MESSAGE });
  });

  it('answers only the top frame of our own page, and never prints for anyone else', async () => {
    const { contents, dialog, call } = setup();
    const refused = { status: 'failed', message: UNTRUSTED_PRINT_MESSAGE };
    expect(await call({ pdf: true }, { url: 'https://evil.example/', parent: null })).toEqual(refused);
    expect(await call({ pdf: true }, { url: 'app://ledger.evil/index.html', parent: null })).toEqual(refused);
    expect(await call({ pdf: true }, { url: 'app://ledger/index.html', parent: { url: 'app://ledger/index.html' } })).toEqual(refused);
    expect(await call({ pdf: true }, null)).toEqual(refused);
    expect(await call({ pdf: 1 })).toEqual({ status: 'failed', message: PRINT_FAILED_MESSAGE });
    expect(contents.print).not.toHaveBeenCalled();
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a second print while the first dialog is still open, and nothing for a closed window', async () => {
    const { contents, call } = setup();
    const first = call({});
    await settle();
    expect(await call({})).toEqual({ status: 'failed', message: PRINT_BUSY_MESSAGE });
    contents.answer!(true, '');
    expect(await first).toEqual({ status: 'printed' });
    contents.destroyed = true;
    expect(await call({})).toEqual({ status: 'cancelled' });
    expect(contents.print).toHaveBeenCalledTimes(1);
  });
});

describe('printing in the shell', () => {
  it('the preload exposes print, sending only the known fields on ledger:print', async () => {
    const electron = {
      contextBridge: { exposeInMainWorld: vi.fn() },
      ipcRenderer: { invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>({ status: 'saved', path: 'D:/表.pdf' })), on: vi.fn(), removeListener: vi.fn() },
    };
    vi.resetModules();
    vi.doMock('electron', () => electron);
    await import('../../../src/main/electron/preload');
    const exposed = Object.fromEntries(electron.contextBridge.exposeInMainWorld.mock.calls as [string, Record<string, unknown>][]);
    const print = exposed.ledgerDesktop!.print as (request: unknown) => Promise<PrintOutcome>;
    expect(await print({ pdf: true, fileName: '表', webContents: 'sneaky' })).toEqual({ status: 'saved', path: 'D:/表.pdf' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(PRINT_CHANNEL, { pdf: true, fileName: '表' });
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await print({})).toMatchObject({ status: 'failed' });
    vi.doUnmock('electron');
  });

  it('main registers the print handler once the app is ready', async () => {
    const fake = createFakeElectron();
    const realArgv = process.argv;
    process.argv = ['electron', '.'];
    vi.resetModules();
    vi.doMock('electron', () => fake.module);
    await import('../../../src/main/electron/main').finally(() => {
      process.argv = realArgv;
    });
    expect(fake.module.ipcMain.handle).not.toHaveBeenCalledWith(PRINT_CHANNEL, expect.any(Function));
    fake.becomeReady();
    await settle();
    expect(fake.module.ipcMain.handle).toHaveBeenCalledWith(PRINT_CHANNEL, expect.any(Function));
    vi.doUnmock('electron');
  });
});
