/** The CLI's commands: options, a usage check, and the work (through the core's operations). */
import type { ParseArgsConfig } from 'node:util';
import {
  DEMO_SCALES,
  LedgerError,
  recordCountsText,
  STATION_ROLES,
  type DemoScale,
  type ImportResult,
  type Progress,
  type StationRole,
  type StationStatus,
} from '../../shared/contract';
import type { Core } from '../core/core';
import { DataDirError } from '../core/db/open';
import { FileRefused, readRegularFile } from '../core/files';
import { assertStrongPassphrase, KeyFileError } from '../core/sync/keys';
import { startHub } from '../hub/server';

export type Values = Record<string, string | string[] | boolean | undefined>;

/** `--allow-host NAME`, repeatable: the LAN names a server bound beyond loopback answers to. */
function hostNames(v: Values[string]): string[] {
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export interface CommandOutput {
  result: unknown;
  text: string;
  exitCode?: number;
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  check?(values: Values, positionals: string[]): string | null;
  /** Refuses bad input before the data dir is opened (throws LedgerError). */
  prepare?(values: Values): void;
  /** Only `init` may create a data dir; a failed one is undone. */
  createsDataDir?: boolean;
  /** An answer when the data dir cannot even be opened (check reports a damaged file). */
  whenUnopenable?(error: unknown): CommandOutput | null;
  run(core: Core, values: Values, io: { progress(line: string): void; positionals: string[] }): Promise<CommandOutput>;
}

const PASSPHRASE_ENV = 'STATION_LEDGER_PASSPHRASE';
const passphraseOption = { 'passphrase-file': { type: 'string' } } as const;

/** A passphrase file holds one line; anything larger is not one. */
const MAX_PASSPHRASE_FILE_BYTES = 4096;

function readPassphraseFile(path: string): string {
  try {
    return readRegularFile(path, MAX_PASSPHRASE_FILE_BYTES).toString('utf8').replace(/\r?\n$/, '');
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    throw new LedgerError({ code: 'validation', message: `口令文件：${e.problem.reason}`, detail: `passphrase file: ${e.problem.detail}` });
  }
}

/** The key passphrase: a file (for scripts) or the environment; never a command-line argument. */
function passphrase(v: Values, required: boolean): string | undefined {
  const file = v['passphrase-file'];
  const value = typeof file === 'string' ? readPassphraseFile(file) : process.env[PASSPHRASE_ENV];
  if (!value && required) {
    throw new LedgerError({ code: 'validation', message: `需要同步密钥口令：设置环境变量 ${PASSPHRASE_ENV} 或使用 --passphrase-file`, detail: `set ${PASSPHRASE_ENV} or pass --passphrase-file` });
  }
  return value || undefined;
}

/** A passphrase that will seal new keys must be strong enough before anything is created. */
function assertSealable(secret: string): void {
  try {
    assertStrongPassphrase(secret);
  } catch (e) {
    if (e instanceof KeyFileError) throw new LedgerError({ code: 'validation', message: e.messageZh, detail: e.message });
    throw e;
  }
}

const OUTCOME_LABEL: Record<ImportResult['outcome'], string> = { applied: '已导入', already_imported: '已导入过', rejected: '已拒绝' };

function importText(results: ImportResult[]): string {
  return results
    .map((r) =>
      r.outcome === 'applied'
        ? `${r.file}：${OUTCOME_LABEL[r.outcome]}（来自 ${r.from}）应用 ${r.applied} 条，已有 ${r.alreadyHad} 条，冲突 ${r.conflicts} 条，拒收 ${r.refused} 条`
        : `${r.file}：${OUTCOME_LABEL[r.outcome]}——${r.reason}`,
    )
    .join('\n');
}

const ROLE_LABEL: Record<StationRole, string> = { station: '乡镇站点', county: '县民政局' };

function statusText(s: StationStatus): string {
  if (!s.initialised) return `数据目录尚未初始化（数据库版本 ${s.schemaVersion}，软件版本 ${s.appVersion}）`;
  return [
    `${s.name}（${s.code}，${ROLE_LABEL[s.role!]}，${s.countyName}）`,
    `儿童台账：${s.counts.children} 人`,
    `老年人台账：${s.counts.elders} 人`,
    `留守妇女台账：${s.counts.women} 人`,
    `走访记录：${s.counts.visits} 条`,
    `老年助餐：${s.counts.mealSites} 个助餐点，今日在册就餐 ${s.counts.diners} 人，本月就餐 ${s.counts.mealsThisMonth} 人次`,
    `行政区划：${s.counts.townships} 个乡镇（街道），${s.counts.villages} 个村（居）`,
    `未同步的修改：${s.unsyncedChanges} 条`,
    ...(s.role === 'county'
      ? [`上次发出数据包：${s.lastExportedAt ?? '从未发出'}`, `上次收到站点数据包：${s.lastReceivedAt ?? '从未收到'}`]
      : [`上次导出数据包：${s.lastExportedAt ?? '从未导出'}`, `县局上次确认：${s.lastReceivedAt ?? '尚未收到县局回传的数据包'}`]),
    `数据库版本：${s.schemaVersion}，软件版本：${s.appVersion}`,
  ].join('\n');
}

export const COMMANDS = {
  init: {
    options: { role: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, enrolment: { type: 'string' }, ...passphraseOption },
    check: (v) =>
      !STATION_ROLES.includes(v.role as StationRole)
        ? '--role 应为 station 或 county'
        : !v.code
          ? '缺少 --code'
          : !v.name
            ? '缺少 --name'
            : v.enrolment && v.role !== 'station'
              ? '--enrolment 只用于乡镇站点'
              : null,
    createsDataDir: true,
    prepare(v) {
      // A missing or short passphrase must leave the data dir untouched.
      const secret = passphrase(v, typeof v.enrolment === 'string');
      if (secret) assertSealable(secret);
    },
    async run(core, v) {
      const role = v.role as StationRole;
      const secret = passphrase(v, typeof v.enrolment === 'string');
      const info = await core.call('station.init', { role, code: String(v.code), name: String(v.name) });
      const lines = [`已初始化：${info.name}（${info.code}，${ROLE_LABEL[info.role!]}，${info.countyName}）`];
      let keys: { fingerprint: string; countyFingerprint?: string } | null = null;
      if (role === 'county' && secret) keys = await core.call('sync.createKeys', { passphrase: secret });
      if (role === 'station' && typeof v.enrolment === 'string') keys = await core.call('sync.acceptEnrolment', { path: v.enrolment, passphrase: secret! });
      if (keys) lines.push(`本机密钥指纹：${keys.fingerprint}`);
      if (keys?.countyFingerprint) lines.push(`县局密钥指纹：${keys.countyFingerprint}（请与县局屏幕上的指纹核对）`);
      if (role === 'county' && !secret) lines.push(`尚未创建同步密钥：设置 ${PASSPHRASE_ENV} 后重新初始化前，可在软件中创建`);
      return { result: { ...info, keys }, text: lines.join('\n') };
    },
  },
  demo: {
    options: { scale: { type: 'string', default: 'small' } },
    check: (v) => (DEMO_SCALES.includes(v.scale as DemoScale) ? null : '--scale 应为 small 或 county'),
    async run(core, v, io) {
      let lastShown = -1;
      const result = await core.call('demo.load', { scale: v.scale as DemoScale }, {
        onProgress: (p) => {
          const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
          if (pct >= lastShown + 10 || p.done === p.total) {
            lastShown = pct;
            io.progress(`${p.phase}：${p.done}/${p.total}（${pct}%）`);
          }
        },
      });
      return { result, text: `已加载演示数据：儿童 ${result.children} 人，老人 ${result.elders} 人，留守妇女 ${result.women} 人，走访记录 ${result.visits} 条，就餐记录 ${result.meals} 人次` };
    },
  },
  status: {
    options: {},
    async run(core) {
      const s = await core.call('station.status', {});
      return { result: s, text: statusText(s) };
    },
  },
  check: {
    options: {},
    whenUnopenable(e) {
      if (!(e instanceof DataDirError) || e.problem !== 'corrupt') return null;
      return { result: { ok: false, problems: [e.data.message] }, text: `发现 1 个问题：\n  ${e.data.message}`, exitCode: 1 };
    },
    async run(core) {
      const r = await core.call('station.check', {});
      return {
        result: r,
        text: r.ok ? '检查通过：数据完整' : `发现 ${r.problems.length} 个问题：\n  ${r.problems.join('\n  ')}`,
        exitCode: r.ok ? 0 : 1,
      };
    },
  },
  enrol: {
    options: { station: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean' } },
    check: (v) => (!v.station ? '缺少 --station' : !v.out ? '缺少 --out' : null),
    async run(core, v) {
      const replace = v.force === true;
      const input = { code: String(v.station), outPath: String(v.out), name: typeof v.name === 'string' ? v.name : undefined, replace };
      const r = await core.call('sync.enrolStation', input).catch((e: unknown) => {
        // Say how to confirm: the core's message is the app's, which confirms with a dialog.
        if (e instanceof LedgerError && e.data.fieldErrors?.replace) {
          throw new LedgerError({ ...e.data, message: `${e.data.message}（命令行：加 --force 确认重新登记）` });
        }
        throw e;
      });
      const warning = replace ? '\n注意：原登记已作废，该站点须导入这个新登记文件后才能继续同步。' : '';
      return { result: r, text: `已生成登记文件：${r.path}\n县局密钥指纹：${r.fingerprint}（站点导入后应显示相同指纹）${warning}` };
    },
  },
  export: {
    options: { out: { type: 'string' }, for: { type: 'string' }, ...passphraseOption },
    check: (v) => (!v.out ? '缺少 --out' : null),
    async run(core, v) {
      const r = await core.call('sync.exportBundle', { outPath: String(v.out), for: typeof v.for === 'string' ? v.for : undefined, passphrase: passphrase(v, true)! });
      return { result: r, text: `已导出数据包：${r.path}（发往 ${r.recipient}，${recordCountsText(r.records)}，${r.bytes} 字节）` };
    },
  },
  import: {
    options: { ...passphraseOption },
    positionals: true,
    check: (_v, files) => (files.length === 0 ? '请给出要导入的数据包文件' : null),
    async run(core, v, io) {
      const r = await core.call('sync.importBundles', { paths: io.positionals, passphrase: passphrase(v, true)! });
      const rejectedCount = r.results.filter((x) => x.outcome === 'rejected').length;
      const appliedCount = r.results.filter((x) => x.outcome === 'applied').length;
      // 3 only when nothing was changed; applied files beside rejected ones are a partial failure.
      const exitCode = rejectedCount === 0 ? 0 : appliedCount === 0 ? 3 : 1;
      return { result: r, text: importText(r.results), exitCode };
    },
  },
  serve: {
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5190' },
      'allow-host': { type: 'string', multiple: true },
      ...passphraseOption,
    },
    check: (v) => (/^\d+$/.test(String(v.port)) && Number(v.port) <= 65535 ? null : '--port 应为 0—65535 的数字'),
    async run(core, v, io) {
      const secret = passphrase(v, true)!;
      // Fail at start, not at the first station's call, when the passphrase or the role is wrong.
      const status = await core.call('sync.status', {});
      if (status.role !== 'county') throw new LedgerError({ code: 'conflict', message: '只有县局可以运行同步服务器', detail: 'serve needs a county data dir' });
      const hub = await startHub(
        {
          verify: async (claim) => void (await core.call('sync.verifyHubSender', claim, { host: 'cli' })),
          exchange: async (bundle) => {
            const r = await core.call('sync.exchange', { bundle, passphrase: secret }, { host: 'cli' });
            io.progress(`${new Date().toISOString()} ${r.result.from ?? '?'}：${r.result.outcome}${r.result.reason ? `（${r.result.reason}）` : ''}`);
            return r;
          },
        },
        { host: String(v.host), port: Number(v.port), allowHosts: hostNames(v['allow-host']) },
      );
      io.progress(`县局同步服务器已启动：${hub.url}（密钥指纹 ${status.fingerprint ?? '未创建'}），按 Ctrl+C 停止`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await hub.close();
      return { result: { url: hub.url }, text: '同步服务器已停止' };
    },
  },
  sync: {
    options: { hub: { type: 'string' }, ...passphraseOption },
    check: (v) => (!v.hub ? '缺少 --hub（县局同步服务器地址）' : null),
    async run(core, v, io) {
      let phase = '';
      // One line per phase, not one per progress report.
      const onProgress = (p: Progress) => void (p.phase !== phase && io.progress((phase = p.phase)));
      const r = await core.call('sync.withHub', { hubUrl: String(v.hub), passphrase: passphrase(v, true)! }, { onProgress });
      const sent = recordCountsText(r.sent.records);
      const got = r.received ? importText([r.received]) : '未收到县局数据';
      return { result: r, text: `已发送：${sent}\n${got}`, exitCode: r.received?.outcome === 'rejected' ? 1 : 0 };
    },
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

