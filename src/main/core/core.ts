/**
 * The core: everything a user can do, without a window. Hosts (Electron, CLI, web) hand it
 * untrusted input by operation name; it validates with the contract's schema before any handler runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import {
  fieldErrorsOf,
  isOperationName,
  LedgerError,
  operations,
  type HostName,
  type InputOf,
  type OperationName,
  type Outcome,
  type Progress,
  type ProgressOf,
  type ResultOf,
} from '../../shared/contract';
import { withClock } from '../../shared/domain/dates';
import { findAppRoot } from './appRoot';
import { childrenHandlers } from './children/handlers';
import { createCoreContext, type CallContext } from './context';
import { migrate, shippedMigrations } from './db/migrate';
import { asDataDirError, openDatabase, type Sqlite } from './db/open';
import { demoHandlers } from './demo/handlers';
import { drowningHandlers } from './drowning/handlers';
import { eldersHandlers } from './elders/handlers';
import { mealsHandlers } from './meals/handlers';
import type { Handlers } from './handlers';
import { placesHandlers } from './places/handlers';
import { rulesHandlers } from './rules/handlers';
import { stationHandlers } from './station/handlers';
import { syncHandlers } from './sync/handlers';
import { visitsHandlers } from './visits/handlers';
import { womenHandlers } from './women/handlers';
import { workbenchHandlers } from './workbench/handlers';
import { logger } from './log';

export interface CoreOptions {
  dataDir: string;
  /** Make the data dir when it does not exist (default); the CLI allows that only for `init`. */
  create?: boolean;
  /** Who acts when a call names nobody: the OS user on a station PC. */
  actor?: string;
  appRoot?: string;
  /** For tests: a fixed clock. */
  now?: () => Date;
}

export interface InvokeOptions {
  actor?: string;
  /** The host carrying the call; an operation it may not expose is refused (see `hosts` in the contract). */
  host?: HostName;
  onProgress?: (p: Progress) => void;
}

export interface Core {
  readonly dataDir: string;
  readonly db: Sqlite;
  /** For hosts: untrusted name and input in, an outcome out; never throws. */
  invoke(name: string, input: unknown, opts?: InvokeOptions): Promise<Outcome<unknown>>;
  /** For in-process callers: typed, throws LedgerError. */
  call<K extends OperationName>(name: K, input: InputOf<K>, opts?: { actor?: string; host?: HostName; onProgress?: (p: ProgressOf<K>) => void }): Promise<ResultOf<K>>;
  close(): void;
}

function defaultActor(): string {
  try {
    return userInfo().username || 'station';
  } catch {
    return 'station';
  }
}

export function createCore(options: CoreOptions): Core {
  const appRoot = options.appRoot ?? findAppRoot();
  const appVersion = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const db = openDatabase(options.dataDir, { create: options.create });
  try {
    asDataDirError(options.dataDir, () => migrate(db, shippedMigrations()));
  } catch (e) {
    db.close();
    throw e;
  }
  const now = options.now ?? (() => new Date());
  const actor = options.actor ?? defaultActor();
  const ctx = createCoreContext({ db, dataDir: options.dataDir, appRoot, appVersion, now });

  const handlers: Handlers = {
    ...stationHandlers(ctx),
    ...placesHandlers(ctx),
    ...childrenHandlers(ctx),
    ...eldersHandlers(ctx),
    ...demoHandlers(ctx),
    ...syncHandlers(ctx),
    ...drowningHandlers(ctx),
    ...mealsHandlers(ctx),
    ...visitsHandlers(ctx),
    ...rulesHandlers(ctx),
    ...womenHandlers(ctx),
    ...workbenchHandlers(ctx),
  };

  async function run(name: string, input: unknown, opts: InvokeOptions = {}): Promise<unknown> {
    if (!isOperationName(name)) {
      throw new LedgerError({ code: 'unknown_operation', message: `未知的操作：${name}`, detail: `unknown operation ${name}` });
    }
    if (opts.host && !operations[name].hosts.includes(opts.host)) {
      throw new LedgerError({ code: 'unknown_operation', message: '该操作不能通过这种方式使用', detail: `operation ${name} is not served by the ${opts.host} host` });
    }
    // Refinements that compare with "today" (no visit after today…) read the core's clock.
    const parsed = withClock(now, () => operations[name].input.safeParse(input ?? {}));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      throw new LedgerError({
        code: 'validation',
        message: '填写的内容有误，请按提示修改',
        detail: `invalid input for ${name}: ${Object.keys(fieldErrors).join(', ')}`,
        fieldErrors,
      });
    }
    const call: CallContext = { operation: name, actor: opts.actor ?? actor, progress: opts.onProgress ?? (() => {}) };
    const handler = handlers[name] as (input: unknown, call: CallContext) => unknown;
    return await handler(parsed.data, call);
  }

  // One call at a time: a long write pauses between chunks inside its transaction, and no other
  // call may run on the connection meanwhile (it would see, or join, the open transaction).
  let queue: Promise<unknown> = Promise.resolve();
  function serialised(name: string, input: unknown, opts?: InvokeOptions): Promise<unknown> {
    const next = queue.then(() => run(name, input, opts));
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    dataDir: options.dataDir,
    db,
    async invoke(name, input, opts) {
      try {
        return { ok: true, result: await serialised(name, input, opts) };
      } catch (e) {
        if (e instanceof LedgerError) return { ok: false, error: e.data };
        logger.error(`operation ${name} failed`, e);
        return { ok: false, error: { code: 'internal', message: '操作失败，请稍后重试；如仍失败请联系县局技术人员', detail: e instanceof Error ? e.message : String(e) } };
      }
    },
    async call(name, input, opts) {
      const outcome = await this.invoke(name, input, opts as InvokeOptions);
      if (!outcome.ok) throw new LedgerError(outcome.error);
      return outcome.result as ResultOf<typeof name>;
    },
    close() {
      db.close();
    },
  };
}
