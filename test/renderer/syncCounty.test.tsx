import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlaceTree, SyncStationRow, SyncStatus } from '../../src/shared/contract';
import { usePassphraseStore } from '../../src/renderer/features/sync/passphraseStore';
import { SyncPage } from '../../src/renderer/features/sync/SyncPage';
import { formItemOf, installFake, ok, PLACES, renderRoute, type Call } from './helpers';

const COUNTY_PLACES: PlaceTree = {
  ...PLACES,
  townships: [
    ...PLACES.townships,
    { code: '341723101', name: '木镇镇', villages: [{ code: '341723101201', name: '木镇社区' }] },
    { code: '341723102', name: '庙前镇', villages: [{ code: '341723102201', name: '庙前社区' }] },
  ],
};

const station = (code: string, name: string, state: SyncStationRow['state'], extra: Partial<SyncStationRow> = {}): SyncStationRow => ({
  code,
  name,
  state,
  fingerprint: null,
  lastReceivedAt: null,
  lastSentAt: null,
  waitingToSend: 0,
  ...extra,
});

const COUNTY: SyncStatus = {
  role: 'county',
  hubUrl: null,
  fingerprint: 'C0NT-Y4FP-88ZZ',
  county: {
    openConflicts: 3,
    stations: [
      station('341723100', '蓉城镇社工站', 'enrolled', { fingerprint: 'K7QM-2XHD-9RTA', lastReceivedAt: '2026-11-28T14:05:00', waitingToSend: 5 }),
      station('341723101', '木镇镇社工站', 'pending'),
      station('341723102', '庙前镇社工站', 'revoked'),
    ],
  },
};

const rowOf = (name: string) => screen.getByText(name).closest<HTMLElement>('tr')!;
const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

describe('county sync page', () => {
  beforeEach(() => {
    usePassphraseStore.setState({ passphrase: null });
  });

  it('lists the stations with their state, fingerprint and dates, and links to the open conflicts', async () => {
    installFake({ 'sync.status': () => ok(COUNTY), 'places.tree': () => ok(COUNTY_PLACES) });
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    expect(await screen.findByText('蓉城镇社工站')).toBeInTheDocument();

    const enrolled = rowOf('蓉城镇社工站');
    expect(within(enrolled).getByText('已登记')).toBeInTheDocument();
    expect(within(enrolled).getByText('K7QM-2XHD-9RTA')).toBeInTheDocument();
    expect(within(enrolled).getByText('2026-11-28 14:05')).toBeInTheDocument();
    expect(within(enrolled).getByText('5')).toBeInTheDocument();
    expect(within(enrolled).getByRole('button', { name: '导出数据包' })).toBeInTheDocument();

    const pending = rowOf('木镇镇社工站');
    expect(within(pending).getByText('待登记')).toBeInTheDocument();
    expect(within(pending).queryByRole('button', { name: '导出数据包' })).toBeNull();
    expect(within(pending).getByRole('button', { name: '生成登记文件' })).toBeInTheDocument();

    const revoked = rowOf('庙前镇社工站');
    expect(within(revoked).getByText('已停用')).toBeInTheDocument();
    expect(within(revoked).queryByRole('button', { name: '停用' })).toBeNull();

    expect(screen.getByTestId('sync-conflicts-summary')).toHaveTextContent('3 条冲突待处理');
    expect(within(screen.getByTestId('sync-conflicts-summary')).getByRole('link', { name: '去处理冲突' }).getAttribute('href')).toContain('/sync/conflicts');
    expect(screen.getByTestId('sync-own-fingerprint')).toHaveTextContent('C0NT-Y4FP-88ZZ');
  });

  it('registers a new station: township required, the enrolment file downloaded, the fingerprint shown', async () => {
    const files: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (files.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    const calls = installFake({
      'sync.status': () => ok(COUNTY),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.enrolStationData': (input) => {
        const { code } = input as { code: string };
        return ok({ fileName: `登记文件-${code}.json`, text: '{"format":"station-ledger-enrolment"}', fingerprint: 'C0NT-Y4FP-88ZZ' });
      },
    });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    await user.click(await screen.findByRole('button', { name: /登记新站点/ }));
    const modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByRole('button', { name: '生成登记文件' }));
    expect(await within(modal).findByText('请选择乡镇（街道）')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.enrolStationData')).toHaveLength(0);

    await user.click(within(modal).getByLabelText('乡镇（街道）'));
    await user.click(await screen.findByTitle('木镇镇（已有站点）'));
    // No save location to type: a web page never names a path on the machine running the ledger.
    expect(within(modal).queryByLabelText(/保存到/)).toBeNull();
    await user.click(within(modal).getByRole('button', { name: '生成登记文件' }));
    expect(await screen.findByText(/登记文件“登记文件-341723101\.json”已下载.*C0NT-Y4FP-88ZZ/)).toBeInTheDocument();
    expect(callsOf(calls, 'sync.enrolStationData')[0]?.input).toEqual({ code: '341723101', name: undefined, replace: false });
    expect(files).toHaveLength(1);
    expect(await files[0]!.text()).toContain('station-ledger-enrolment');
  });

  it('re-enrols a station that already syncs only after a confirmation that says what it does', async () => {
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined });
    const calls = installFake({
      'sync.status': () => ok(COUNTY),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.enrolStationData': () => ok({ fileName: '登记文件-341723100.json', text: '{}', fingerprint: 'C0NT-Y4FP-88ZZ' }),
    });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    await screen.findByText('蓉城镇社工站');
    await user.click(within(rowOf('蓉城镇社工站')).getByRole('button', { name: '生成登记文件' }));
    const modal = await screen.findByRole('dialog');
    expect(within(modal).getByText(/原登记立即作废/)).toBeInTheDocument();
    await user.click(within(modal).getByRole('button', { name: '生成登记文件' }));
    const confirmBox = (await screen.findAllByText('重新登记“蓉城镇社工站”？')).at(-1)!.closest<HTMLElement>('.ant-modal-confirm')!;
    expect(confirmBox).toHaveTextContent('谁拿到新的登记文件，谁就能收到本乡镇的台账');
    await user.click(within(confirmBox).getByRole('button', { name: '取消' }));
    expect(callsOf(calls, 'sync.enrolStationData')).toHaveLength(0);

    await user.click(within(modal).getByRole('button', { name: '生成登记文件' }));
    const again = (await screen.findAllByText('重新登记“蓉城镇社工站”？')).at(-1)!.closest<HTMLElement>('.ant-modal-confirm')!;
    await user.click(within(again).getByRole('button', { name: '确认重新登记' }));
    await waitFor(() => expect(callsOf(calls, 'sync.enrolStationData')[0]?.input).toEqual({ code: '341723100', name: '蓉城镇社工站', replace: true }));
  });

  it('shows the core’s refusal under the field it names', async () => {
    installFake({
      'sync.status': () => ok(COUNTY),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.enrolStationData': () => ({ ok: false, error: { code: 'validation', message: '填写的内容有误', fieldErrors: { name: '站点名称不能超过40个字' } } }),
    });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    await screen.findByText('木镇镇社工站');
    await user.click(within(rowOf('木镇镇社工站')).getByRole('button', { name: '生成登记文件' }));
    const modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByRole('button', { name: '生成登记文件' }));
    expect(await within(formItemOf(within(modal).getByLabelText('站点名称（可不填）'))).findByText('站点名称不能超过40个字')).toBeInTheDocument();
  });

  it('revokes a station only after confirmation', async () => {
    const calls = installFake({
      'sync.status': () => ok(COUNTY),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.revokeStation': (input) => ok(input),
    });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    await screen.findByText('木镇镇社工站');
    await user.click(within(rowOf('木镇镇社工站')).getByRole('button', { name: '停用' }));
    expect(await screen.findByText('确定停用“木镇镇社工站”吗？')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.revokeStation')).toHaveLength(0);
    const popover = screen.getByText('确定停用“木镇镇社工站”吗？').closest<HTMLElement>('.ant-popover')!;
    await user.click(within(popover).getByRole('button', { name: '停用' }));
    await waitFor(() => expect(callsOf(calls, 'sync.revokeStation')[0]?.input).toEqual({ code: '341723101' }));
  });

  it('exports a bundle for one station as a browser download', async () => {
    const urls: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (urls.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    const calls = installFake({
      'sync.status': () => ok(COUNTY),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.exportBundleData': () =>
        ok({
          fileName: '341723100-20261128-1405-蓉城镇社工站-县局回传.slbundle',
          data: btoa('abc'),
          result: { path: '341723100-20261128-1405-蓉城镇社工站-县局回传.slbundle', bundleId: 'b', kind: 'downstream', recipient: '341723100', changes: 305, records: { child: 5, place: 300 }, bytes: 3 },
        }),
    });
    usePassphraseStore.setState({ passphrase: 'county-secret' });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    await screen.findByText('蓉城镇社工站');
    await user.click(within(rowOf('蓉城镇社工站')).getByRole('button', { name: '导出数据包' }));
    expect(await screen.findByText(/已导出发给“蓉城镇社工站”的数据包 341723100-20261128-1405-蓉城镇社工站-县局回传\.slbundle（儿童 5 人、行政区划 300 个）/)).toBeInTheDocument();
    expect(callsOf(calls, 'sync.exportBundleData')[0]?.input).toEqual({ passphrase: 'county-secret', for: '341723100' });
    expect(urls).toHaveLength(1);
    expect(urls[0]?.size).toBe(3);
  });

  it('offers to create the county’s keys when it has none', async () => {
    let status: SyncStatus = { ...COUNTY, fingerprint: null };
    const calls = installFake({
      'sync.status': () => ok(status),
      'places.tree': () => ok(COUNTY_PLACES),
      'sync.createKeys': () => {
        status = COUNTY;
        return ok({ fingerprint: 'C0NT-Y4FP-88ZZ' });
      },
    });
    const user = userEvent.setup();
    renderRoute(<SyncPage />, { url: '/sync', path: '/sync' });
    const card = await screen.findByTestId('sync-create-keys');
    await user.type(within(card).getByLabelText('设置密钥口令'), 'county-secret');
    await user.type(within(card).getByLabelText('再次输入密钥口令'), 'county-secret');
    await user.click(within(card).getByRole('button', { name: /创建同步密钥/ }));
    expect(await screen.findByText('蓉城镇社工站')).toBeInTheDocument();
    expect(callsOf(calls, 'sync.createKeys')[0]?.input).toEqual({ passphrase: 'county-secret' });
  });
});
