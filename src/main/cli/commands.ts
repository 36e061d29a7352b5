/** The CLI's commands: options, a usage check, and the work (through the core's operations). */
import type { ParseArgsConfig } from 'node:util';
import { DEMO_SCALES, STATION_ROLES, type DemoScale, type StationRole, type StationStatus } from '../../shared/contract';
import type { Core } from '../core/core';

type Values = Record<string, string | boolean | undefined>;

export interface CommandOutput {
  result: unknown;
  text: string;
  exitCode?: number;
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  check?(values: Values): string | null;
  run(core: Core, values: Values, io: { progress(line: string): void }): Promise<CommandOutput>;
}

const ROLE_LABEL: Record<StationRole, string> = { station: '乡镇站点', county: '县民政局' };

function statusText(s: StationStatus): string {
  if (!s.initialised) return `数据目录尚未初始化（数据库版本 ${s.schemaVersion}，软件版本 ${s.appVersion}）`;
  return [
    `${s.name}（${s.code}，${ROLE_LABEL[s.role!]}，${s.countyName}）`,
    `儿童台账：${s.counts.children} 人`,
    `行政区划：${s.counts.townships} 个乡镇（街道），${s.counts.villages} 个村（居）`,
    `未同步的修改：${s.unsyncedChanges} 条`,
    `上次同步：${s.lastSyncAt ?? '从未同步'}`,
    `数据库版本：${s.schemaVersion}，软件版本：${s.appVersion}`,
  ].join('\n');
}

export const COMMANDS = {
  init: {
    options: { role: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } },
    check: (v) =>
      !STATION_ROLES.includes(v.role as StationRole)
        ? '--role 应为 station 或 county'
        : !v.code
          ? '缺少 --code'
          : !v.name
            ? '缺少 --name'
            : null,
    async run(core, v) {
      const info = await core.call('station.init', { role: v.role as StationRole, code: String(v.code), name: String(v.name) });
      return { result: info, text: `已初始化：${info.name}（${info.code}，${ROLE_LABEL[info.role!]}，${info.countyName}）` };
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
      return { result, text: `已加载演示数据：儿童 ${result.children} 人` };
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
    async run(core) {
      const r = await core.call('station.check', {});
      return {
        result: r,
        text: r.ok ? '检查通过：数据完整' : `发现 ${r.problems.length} 个问题：\n  ${r.problems.join('\n  ')}`,
        exitCode: r.ok ? 0 : 1,
      };
    },
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

