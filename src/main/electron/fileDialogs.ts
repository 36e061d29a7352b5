/**
 * Native open/save dialogs for bundles and enrolment files (a USB stick, usually). The request is
 * untrusted like any IPC payload: only known purposes pass, and only our own page may ask.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import type { FileRequest } from '../../shared/contract/transport';
import { isAppUrl } from './appUrl';
import { DIALOG_CHANNEL } from './ipcChannels';
import { senderUrl } from './ledgerIpc';

const BUNDLE_FILTER = { name: '台账数据包', extensions: ['slbundle'] };
const ENROLMENT_FILTER = { name: '站点登记文件', extensions: ['json'] };

export function parseFileRequest(payload: unknown): FileRequest | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { purpose, defaultName } = payload as Record<string, unknown>;
  if (purpose === 'openBundles' || purpose === 'openEnrolment') return { purpose };
  if ((purpose === 'saveBundle' || purpose === 'saveEnrolment') && typeof defaultName === 'string' && defaultName.length <= 200) {
    // A name, never a path: the page must not steer where the dialog starts.
    return { purpose, defaultName: basename(defaultName) };
  }
  return null;
}

export async function showFileDialog(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: BrowserWindow | null, request: FileRequest, startDir: string): Promise<string[]> {
  if (request.purpose === 'saveBundle' || request.purpose === 'saveEnrolment') {
    const bundle = request.purpose === 'saveBundle';
    const options = {
      title: bundle ? '导出数据包到U盘' : '保存站点登记文件',
      defaultPath: `${startDir}/${request.defaultName}`,
      filters: [bundle ? BUNDLE_FILTER : ENROLMENT_FILTER],
    };
    const r = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? [] : [r.filePath];
  }
  const bundles = request.purpose === 'openBundles';
  const options = {
    title: bundles ? '选择要导入的数据包' : '选择站点登记文件',
    defaultPath: startDir,
    filters: [bundles ? BUNDLE_FILTER : ENROLMENT_FILTER],
    properties: bundles ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
  };
  const r = window ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
  return r.canceled ? [] : r.filePaths;
}

export function registerFileDialogs(
  ipc: Pick<IpcMain, 'handle'>,
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null,
  startDir: () => string,
): void {
  ipc.handle(DIALOG_CHANNEL, async (event, payload: unknown) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url)) return [];
    const request = parseFileRequest(payload);
    if (!request) return [];
    return showFileDialog(dialog, windowOf(event), request, startDir());
  });
}
