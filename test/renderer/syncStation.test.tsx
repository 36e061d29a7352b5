import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileRequest, ImportResult, Outcome, Progress, SyncStatus } from '../../src/shared/contract';
import { todayIso } from '../../src/shared/domain/dates';
import { usePassphraseStore } from '../../src/renderer/features/sync/passphraseStore';
import { SyncPage } from '../../src/renderer/features/sync/SyncPage';
import { formItemOf, installFake, ok, renderRoute, type Call } from './helpers';

const STATION: SyncStatus = {
  role: 'station',
  hubUrl: null,
  fingerprint: 'K7QM-2XHD-9RTA',
  station: {
    enrolment: 'enrolled',
    countyFingerprint: 'C0NT-Y4FP-88ZZ',
    unconfirmed: 7,
    lastExportedAt: '2026-11-28T14:05:00',
    lastConfirmedAt: '2026-11-27T09:30:00',
  },
};

/** Just enrolled from the file: the county has not yet answered a bundle of this station's. */
const AWAITING: SyncStatus = {
  ...STATION,
  station: { enrolment: 'awaiting_county', countyFingerprint: 'C0NT-Y4FP-88ZZ', unconfirmed: 40, lastExportedAt: '2026-11-28T14:05:00', lastConfirmedAt: null },
};

const WRONG = { ok: false as const, error: { code: 'validation' as const, message: '密钥口令不正确', fieldErrors: { passphrase: '密钥口令不正确' } } };

const renderSync = () => renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);
// rc-dialog gives every modal the same title id under test, so the passphrase modal is found by its field.
const passphraseDialog = () => screen.queryByTestId('passphrase-input')?.closest<HTMLElement>('[role="dialog"]') ?? null;

async function answerPassphrase(user: ReturnType<typeof userEvent.setup>, passphrase: string) {
  const input = await screen.findByLabelText('密钥口令');
  await user.clear(input);
  await user.type(input, passphrase);
  await user.click(within(passphraseDialog()!).getByRole('button', { name: '确定' }));
}

describe('station sync page', () => {
  const createObjectURL = vi.fn(() => 'blob:bundle');
  beforeEach(() => {
    usePassphraseStore.setState({ passphrase: null });
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    createObjectURL.mockClear();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says how many changes the county has not confirmed, when this station last exported and when the county last confirmed', async () => {
    installFake({ 'sync.status': () => ok(STATION) });
    renderSync();
    expect(await screen.findByTestId('sync-unconfirmed')).toHaveTextContent('7 条修改尚未被县局确认');
    expect(screen.getByTestId('sync-enrolment-state')).toHaveTextContent('已登记');
    expect(screen.getByTestId('sync-last-exported')).toHaveTextContent('上次导出数据包：2026-11-28 14:05');
    expect(screen.getByTestId('sync-last-confirmed')).toHaveTextContent('县局上次确认：2026-11-27 09:30');
    expect(screen.queryByTestId('sync-awaiting-county')).toBeNull();
    const box = screen.getByTestId('sync-fingerprints');
    expect(within(box).getByText('请与县局核对指纹')).toBeInTheDocument();
    expect(within(box).getByTestId('sync-own-fingerprint')).toHaveTextContent('K7QM-2XHD-9RTA');
    expect(within(box).getByTestId('sync-county-fingerprint')).toHaveTextContent('C0NT-Y4FP-88ZZ');
    expect(screen.getByRole('button', { name: /导出到U盘/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /导入数据包/ })).toBeInTheDocument();
    // No hub address saved: no network sync button.
    expect(screen.queryByTestId('sync-with-hub')).toBeNull();
  });

  it('says the station waits for the county until a bundle from the county has come back, never that it is enrolled', async () => {
    installFake({ 'sync.status': () => ok(AWAITING) });
    renderSync();
    const state = await screen.findByTestId('sync-enrolment-state');
    expect(state).toHaveTextContent('等待县局确认');
    expect(state).not.toHaveTextContent('已登记');
    expect(screen.getByTestId('sync-awaiting-county')).toHaveTextContent('县局导入本站的第一个数据包后，本站才正式登记');
    // An export is not a confirmation: the two are told apart.
    expect(screen.getByTestId('sync-last-exported')).toHaveTextContent('上次导出数据包：2026-11-28 14:05');
    expect(screen.getByTestId('sync-last-confirmed')).toHaveTextContent('县局上次确认：尚未收到县局回传的数据包');
  });

  it('exports with a progress bar and says what the bundle holds in a worker’s words', async () => {
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    installFake({
      'sync.status': () => ok(STATION),
      'sync.exportBundleData': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    usePassphraseStore.setState({ passphrase: 'remembered-pass' });
    const user = userEvent.setup();
    renderSync();
    await user.click(await screen.findByRole('button', { name: /导出到U盘/ }));
    await waitFor(() => expect(report).toBeDefined());
    report!({ phase: '正在打包本站的修改', done: 8000, total: 16000 });
    const bar = await screen.findByTestId('sync-export-progress');
    expect(bar).toHaveTextContent('正在打包本站的修改（8,000 / 16,000）');
    expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    const fileName = '341723100-20261128-1405-蓉城镇社工站-发往县局.slbundle';
    finish!(
      ok({
        fileName,
        data: btoa('bundle'),
        result: { path: fileName, bundleId: 'b', kind: 'upstream', recipient: '341723', changes: 16000, records: { child: 12, visit: 30, elderGroup: 3 }, bytes: 6 },
      }),
    );
    const shown = await screen.findByTestId('sync-exported');
    expect(shown).toHaveTextContent(`已生成数据包 ${fileName}`);
    expect(shown).toHaveTextContent('包含：儿童 12 人、老人对象类别 3 条、探访记录 30 条（共 16,000 条修改）');
    expect(shown).toHaveTextContent('浏览器的“下载”文件夹');
    expect(shown.textContent).not.toMatch(/[a-z]+_[a-z]+|children|visits|elder/);
    expect(screen.queryByTestId('sync-export-progress')).toBeNull();
  });

  it('in the desktop app saves the bundle through the save dialog, offering a name with the station and the time', async () => {
    const chooseFiles = vi.fn(async (request: FileRequest) => ('defaultName' in request ? [`E:\\${request.defaultName}`] : []));
    window.ledgerDesktop = { chooseFiles, print: vi.fn() };
    try {
      const calls = installFake({
        'sync.status': () => ok(STATION),
        'sync.exportBundle': (input) =>
          ok({ path: (input as { outPath: string }).outPath, bundleId: 'b', kind: 'upstream', recipient: '341723', changes: 2, records: { child: 1, childCategory: 1 }, bytes: 6 }),
      });
      usePassphraseStore.setState({ passphrase: 'remembered-pass' });
      const user = userEvent.setup();
      renderSync();
      await user.click(await screen.findByRole('button', { name: /导出到U盘/ }));
      const shown = await screen.findByTestId('sync-exported');
      const offered = (chooseFiles.mock.calls[0]![0] as { defaultName: string }).defaultName;
      expect(offered).toMatch(new RegExp(`^341723100-${todayIso().replace(/-/g, '')}-\\d{4}-蓉城镇社工站-发往县局\\.slbundle$`));
      expect(callsOf(calls, 'sync.exportBundle')[0]?.input).toEqual({ outPath: `E:\\${offered}`, passphrase: 'remembered-pass' });
      expect(shown).toHaveTextContent(`已生成数据包 ${offered}`);
      expect(shown).toHaveTextContent(`数据包已保存到 E:\\${offered}`);
      expect(shown).toHaveTextContent('包含：儿童 1 人、儿童类别 1 条');
    } finally {
      delete window.ledgerDesktop;
    }
  });

  it('imports several bundles with a progress bar and shows each file’s result', async () => {
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    const results: ImportResult[] = [
      { file: 'slb-aaa.slbundle', outcome: 'applied', from: '341723', applied: 12, alreadyHad: 0, conflicts: 2, refused: 0 },
      { file: 'slb-bbb.slbundle', outcome: 'rejected', reason: '数据包签名无效，可能被篡改，已拒绝', detail: 'bad_signature', applied: 0, alreadyHad: 0, conflicts: 0, refused: 0 },
    ];
    const calls = installFake({
      'sync.status': () => ok(STATION),
      'sync.importBundleData': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const user = userEvent.setup();
    renderSync();
    await user.click(await screen.findByRole('button', { name: /导入数据包/ }));
    const modal = await screen.findByRole('dialog', { name: '导入数据包' });
    const input = modal.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input).toHaveAttribute('accept', '.slbundle');
    await user.upload(input, [new File(['hello'], 'slb-aaa.slbundle'), new File(['world'], 'slb-bbb.slbundle')]);
    expect(within(modal).getByText('slb-aaa.slbundle')).toBeInTheDocument();
    await user.click(within(modal).getByRole('button', { name: '开始导入' }));
    await answerPassphrase(user, 'county-secret-1');

    await waitFor(() => expect(report).toBeDefined());
    report!({ phase: '正在导入 slb-aaa.slbundle', done: 1, total: 2 });
    expect(await within(modal).findByText(/正在导入 slb-aaa.slbundle（1 \/ 2）/)).toBeInTheDocument();
    expect(within(modal).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    finish!(ok({ results }));

    const shown = await within(modal).findAllByTestId('sync-import-result');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toHaveTextContent('已导入');
    expect(shown[0]).toHaveTextContent('导入 12 条修改');
    expect(shown[0]).toHaveTextContent('2 条保留了本机尚未确认的修改');
    expect(shown[1]).toHaveTextContent('已拒收');
    expect(shown[1]).toHaveTextContent('数据包签名无效，可能被篡改，已拒绝');

    const [sent] = callsOf(calls, 'sync.importBundleData');
    expect(sent?.input).toEqual({
      passphrase: 'county-secret-1',
      files: [
        { name: 'slb-aaa.slbundle', data: btoa('hello') },
        { name: 'slb-bbb.slbundle', data: btoa('world') },
      ],
    });
    // The status (unconfirmed count) is read again after an import.
    await waitFor(() => expect(callsOf(calls, 'sync.status').length).toBeGreaterThan(1));
  });

  it('asks again, in the modal, when the passphrase is wrong, then keeps it for the session', async () => {
    const exported = ok({
      fileName: 'slb-123456789abc.slbundle',
      data: btoa('bundle'),
      result: { path: 'x', bundleId: 'b', kind: 'upstream', recipient: '341723', changes: 3, records: { child: 3 }, bytes: 6 },
    });
    const replies = [WRONG, exported, exported];
    const calls = installFake({
      'sync.status': () => ok(STATION),
      'sync.exportBundleData': () => replies.shift() ?? WRONG,
    });
    const user = userEvent.setup();
    renderSync();
    await user.click(await screen.findByRole('button', { name: /导出到U盘/ }));
    await answerPassphrase(user, 'not-the-one');

    const again = await waitFor(() => {
      const d = passphraseDialog();
      expect(d).not.toBeNull();
      return d!;
    });
    expect(await within(formItemOf(within(again).getByLabelText('密钥口令'))).findByText('密钥口令不正确')).toBeInTheDocument();
    expect(createObjectURL).not.toHaveBeenCalled();

    await answerPassphrase(user, 'the-right-one');
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId('sync-exported')).toHaveTextContent('已生成数据包 slb-123456789abc.slbundle包含：儿童 3 人');

    // Asked once per session: the second export goes straight through (no answer is given here).
    await user.click(screen.getByRole('button', { name: /导出到U盘/ }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));
    expect(callsOf(calls, 'sync.exportBundleData').map((c) => (c.input as { passphrase: string }).passphrase)).toEqual([
      'not-the-one',
      'the-right-one',
      'the-right-one',
    ]);
  });

  it('checks the hub address, saves it, then syncs with a progress bar', async () => {
    let status: SyncStatus = STATION;
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    const calls = installFake({
      'sync.status': () => ok(status),
      'sync.saveSettings': (input) => {
        status = { ...status, hubUrl: (input as { hubUrl: string }).hubUrl };
        return ok({ hubUrl: status.hubUrl });
      },
      'sync.withHub': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    usePassphraseStore.setState({ passphrase: 'remembered-pass' });
    const user = userEvent.setup();
    renderSync();
    const address = await screen.findByLabelText('同步服务器地址');
    await user.type(address, 'ftp://county');
    await user.click(screen.getByRole('button', { name: '保存地址' }));
    expect(await within(formItemOf(address)).findByText('同步服务器地址应为 http:// 开头的网址')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.saveSettings')).toHaveLength(0);

    await user.clear(address);
    await user.type(address, 'http://192.168.1.10:5299');
    await user.click(screen.getByRole('button', { name: '保存地址' }));
    await user.click(await screen.findByTestId('sync-with-hub'));
    await waitFor(() => expect(report).toBeDefined());
    report!({ phase: '正在发送到县局', done: 0, total: 2 });
    expect(await screen.findByText(/正在发送到县局/)).toBeInTheDocument();
    finish!(
      ok({
        sent: { path: 'http://192.168.1.10:5299', bundleId: 'b', kind: 'upstream', recipient: '341723', changes: 7, records: { child: 7 }, bytes: 100 },
        received: { file: 'network', outcome: 'applied', applied: 4, alreadyHad: 0, conflicts: 0, refused: 0 },
      }),
    );
    expect(await screen.findByText('同步完成：已发送 儿童 7 人')).toBeInTheDocument();
    expect(screen.getByText('导入 4 条修改')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.withHub')[0]?.input).toEqual({ hubUrl: 'http://192.168.1.10:5299', passphrase: 'remembered-pass' });
  });

  it('enrols an unenrolled station from an uploaded enrolment file and a new passphrase typed twice', async () => {
    let status: SyncStatus = { role: 'station', hubUrl: null, fingerprint: null, station: { enrolment: 'none', countyFingerprint: null, unconfirmed: 0, lastExportedAt: null, lastConfirmedAt: null } };
    const calls = installFake({
      'sync.status': () => ok(status),
      'sync.acceptEnrolmentData': (input) => {
        const { file } = input as { file: { name: string; text: string } };
        if (!file.text.includes('station-ledger-enrolment')) {
          return { ok: false, error: { code: 'validation', message: '文件不是有效的站点登记文件', fieldErrors: { file: '文件不是有效的站点登记文件' } } };
        }
        status = { ...status, fingerprint: 'K7QM-2XHD-9RTA', station: { enrolment: 'awaiting_county', countyFingerprint: 'C0NT-Y4FP-88ZZ', unconfirmed: 0, lastExportedAt: null, lastConfirmedAt: null } };
        return ok({ countyFingerprint: 'C0NT-Y4FP-88ZZ', fingerprint: 'K7QM-2XHD-9RTA' });
      },
    });
    const user = userEvent.setup();
    renderSync();
    const card = await screen.findByTestId('sync-enrolment');
    await user.type(within(card).getByLabelText('设置密钥口令'), 'short');
    await user.type(within(card).getByLabelText('再次输入密钥口令'), 'shorter');
    await user.click(within(card).getByRole('button', { name: /导入登记文件/ }));
    expect(await within(card).findByText('请选择登记文件')).toBeInTheDocument();
    expect(within(card).getByText('密钥口令至少8个字符')).toBeInTheDocument();
    expect(within(card).getByText('两次输入的密钥口令不一致')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.acceptEnrolmentData')).toHaveLength(0);

    // The upload control renews its input after each choice: look it up each time.
    const upload = () => card.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(upload(), new File(['not json'], '照片.json', { type: 'application/json' }));
    expect(within(card).getByTestId('sync-enrolment-file')).toHaveTextContent('照片.json');
    await user.clear(within(card).getByLabelText('设置密钥口令'));
    await user.type(within(card).getByLabelText('设置密钥口令'), 'station-secret');
    await user.clear(within(card).getByLabelText('再次输入密钥口令'));
    await user.type(within(card).getByLabelText('再次输入密钥口令'), 'station-secret');
    await user.click(within(card).getByRole('button', { name: /导入登记文件/ }));
    expect(await within(card).findByText('文件不是有效的站点登记文件')).toBeInTheDocument();

    await user.upload(upload(), new File(['{"format":"station-ledger-enrolment"}'], '登记文件-341723100.json', { type: 'application/json' }));
    await user.click(within(card).getByRole('button', { name: /导入登记文件/ }));
    expect(await screen.findByText('登记文件已导入')).toBeInTheDocument();
    expect(screen.getByTestId('sync-county-fingerprint')).toHaveTextContent('C0NT-Y4FP-88ZZ');
    expect(screen.getByTestId('sync-own-fingerprint')).toHaveTextContent('K7QM-2XHD-9RTA');
    expect(screen.getByTestId('sync-enrolment-state')).toHaveTextContent('等待县局确认');
    expect(callsOf(calls, 'sync.acceptEnrolmentData').at(-1)?.input).toEqual({
      file: { name: '登记文件-341723100.json', text: '{"format":"station-ledger-enrolment"}' },
      passphrase: 'station-secret',
    });
    // The new passphrase is the session's: the first export does not ask for it.
    expect(usePassphraseStore.getState().passphrase).toBe('station-secret');
  });

  it('in the desktop app picks the enrolment file through the open dialog; nobody types a path', async () => {
    const chooseFiles = vi.fn(async (request: FileRequest) => (request.purpose === 'openEnrolment' ? ['E:\\县局\\登记文件-341723100.json'] : []));
    window.ledgerDesktop = { chooseFiles, print: vi.fn() };
    try {
      const calls = installFake({
        'sync.status': () => ok({ role: 'station', hubUrl: null, fingerprint: null, station: { enrolment: 'none', countyFingerprint: null, unconfirmed: 0, lastExportedAt: null, lastConfirmedAt: null } }),
        'sync.acceptEnrolment': () => ({ ok: false, error: { code: 'validation', message: '该登记文件是发给“木镇镇社工站”（341723101）的，不是本站', fieldErrors: { path: '该登记文件是发给“木镇镇社工站”（341723101）的，不是本站' } } }),
      });
      const user = userEvent.setup();
      renderSync();
      const card = await screen.findByTestId('sync-enrolment');
      expect(card.querySelector('input[type="file"]')).toBeNull();
      expect(within(card).queryAllByRole('textbox')).toHaveLength(0);
      await user.click(within(card).getByRole('button', { name: /选择登记文件/ }));
      expect(chooseFiles).toHaveBeenCalledWith({ purpose: 'openEnrolment' });
      expect(await within(card).findByTestId('sync-enrolment-file')).toHaveTextContent(/^登记文件-341723100\.json$/);
      await user.type(within(card).getByLabelText('设置密钥口令'), 'station-secret');
      await user.type(within(card).getByLabelText('再次输入密钥口令'), 'station-secret');
      await user.click(within(card).getByRole('button', { name: /导入登记文件/ }));
      expect(await within(card).findByText('该登记文件是发给“木镇镇社工站”（341723101）的，不是本站')).toBeInTheDocument();
      expect(callsOf(calls, 'sync.acceptEnrolment')[0]?.input).toEqual({ path: 'E:\\县局\\登记文件-341723100.json', passphrase: 'station-secret' });
    } finally {
      delete window.ledgerDesktop;
    }
  });
});
