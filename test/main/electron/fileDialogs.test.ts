import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { parseFileRequest, registerFileDialogs, showFileDialog } from '../../../src/main/electron/fileDialogs';
import { DIALOG_CHANNEL } from '../../../src/main/electron/ipcChannels';

function fakeDialog() {
  return {
    showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: false, filePath: 'E:/slb-1.slbundle' })),
    showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: false, filePaths: ['E:/a.slbundle', 'E:/b.slbundle'] })),
  };
}
const asDialog = (d: ReturnType<typeof fakeDialog>) => d as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

describe('file dialogs', () => {
  it('accepts only known purposes, and a file name rather than a path to start from', () => {
    expect(parseFileRequest({ purpose: 'openBundles' })).toEqual({ purpose: 'openBundles' });
    expect(parseFileRequest({ purpose: 'saveBundle', defaultName: '../../Windows/evil.slbundle' })).toEqual({ purpose: 'saveBundle', defaultName: 'evil.slbundle' });
    expect(parseFileRequest({ purpose: 'deleteEverything' })).toBeNull();
    expect(parseFileRequest({ purpose: 'saveBundle' })).toBeNull();
    expect(parseFileRequest('openBundles')).toBeNull();
  });

  it('saves one bundle and opens several, with the bundle filter', async () => {
    const d = fakeDialog();
    expect(await showFileDialog(asDialog(d), null, { purpose: 'saveBundle', defaultName: 'slb-1.slbundle' }, 'C:/Users/staff/Desktop')).toEqual(['E:/slb-1.slbundle']);
    expect(d.showSaveDialog.mock.calls[0]![0]).toMatchObject({ title: '导出数据包到U盘', filters: [{ extensions: ['slbundle'] }] });
    expect(await showFileDialog(asDialog(d), null, { purpose: 'openBundles' }, 'C:/Users/staff/Desktop')).toEqual(['E:/a.slbundle', 'E:/b.slbundle']);
    expect(d.showOpenDialog.mock.calls[0]![0]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    await showFileDialog(asDialog(d), null, { purpose: 'openEnrolment' }, '/home');
    expect(d.showOpenDialog.mock.calls[1]![0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['json'] }] });
  });

  it('returns nothing when the user cancels', async () => {
    const d = fakeDialog();
    d.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await showFileDialog(asDialog(d), null, { purpose: 'saveEnrolment', defaultName: 'x.json' }, '/')).toEqual([]);
  });

  it('answers only our own page', async () => {
    const d = fakeDialog();
    let handler: ((event: IpcMainInvokeEvent, payload: unknown) => Promise<string[]>) | undefined;
    const ipc = { handle: vi.fn((channel: string, h: typeof handler) => (channel === DIALOG_CHANNEL ? (handler = h) : undefined)) };
    registerFileDialogs(ipc as unknown as Pick<IpcMain, 'handle'>, asDialog(d), () => null as BrowserWindow | null, () => '/desk');
    const from = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
    expect(await handler!(from('https://evil.example/'), { purpose: 'openBundles' })).toEqual([]);
    expect(d.showOpenDialog).not.toHaveBeenCalled();
    expect(await handler!(from('app://ledger/index.html'), { purpose: 'openBundles' })).toEqual(['E:/a.slbundle', 'E:/b.slbundle']);
  });
});
