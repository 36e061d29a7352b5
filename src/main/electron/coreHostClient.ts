/**
 * Main's side of the core's utility process: numbers each call, routes progress and outcomes back
 * to the caller, and survives the process dying. A crash must never leave the window waiting
 * forever: pending calls resolve with a Chinese error, and the next call starts a new process.
 */
import type { Progress } from '../../shared/contract/define';
import type { Outcome } from '../../shared/contract/errors';
import { describeError, failure, HOST_EXITED_MESSAGE, HOST_STOPPED_MESSAGE, TRANSPORT_FAILED_MESSAGE } from './failures';
import { isHostReply, type HostRequest } from './hostMessages';

/** What main needs of an Electron UtilityProcess. */
export interface HostProcess {
  postMessage(message: HostRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreHostClient {
  /** Starts the process ahead of the first call, so the database opens while the window loads. */
  start(): void;
  invoke(name: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Outcome<unknown>>;
  /** On quit: stops the process; later calls are refused instead of starting a new one. */
  dispose(): void;
}

interface PendingCall {
  resolve(outcome: Outcome<unknown>): void;
  onProgress?: (p: Progress) => void;
}

interface RunningHost {
  process: HostProcess;
  pending: Map<number, PendingCall>;
}

export interface CoreHostClientOptions {
  onExit?: (code: number) => void;
}

export function createCoreHostClient(fork: () => HostProcess, options: CoreHostClientOptions = {}): CoreHostClient {
  let running: RunningHost | null = null;
  let disposed = false;
  let lastId = 0;

  function launch(): RunningHost {
    const host: RunningHost = { process: fork(), pending: new Map() };
    host.process.on('message', (message) => {
      if (!isHostReply(message)) return;
      const call = host.pending.get(message.id);
      if (call === undefined) return;
      if ('outcome' in message) {
        host.pending.delete(message.id);
        call.resolve(message.outcome);
      } else {
        try {
          call.onProgress?.(message.progress);
        } catch {
          // A failing progress listener must not lose the call's outcome.
        }
      }
    });
    host.process.on('exit', (code) => {
      if (running === host) running = null;
      const calls = [...host.pending.values()];
      host.pending.clear();
      for (const call of calls) call.resolve(failure('internal', HOST_EXITED_MESSAGE, `core host exited with code ${code}`));
      options.onExit?.(code);
    });
    return host;
  }

  function current(): RunningHost {
    running ??= launch();
    return running;
  }

  return {
    start() {
      if (!disposed) current();
    },
    invoke(name, input, onProgress) {
      if (disposed) return Promise.resolve(failure('internal', HOST_STOPPED_MESSAGE, 'core host client disposed'));
      let host: RunningHost;
      try {
        host = current();
      } catch (e) {
        return Promise.resolve(failure('internal', HOST_EXITED_MESSAGE, `cannot start core host: ${describeError(e)}`));
      }
      const id = ++lastId;
      return new Promise((resolve) => {
        host.pending.set(id, { resolve, onProgress });
        try {
          host.process.postMessage({ id, name, input });
        } catch (e) {
          // Input that cannot be cloned (a function, a DOM node) fails here, not in the core.
          host.pending.delete(id);
          resolve(failure('internal', TRANSPORT_FAILED_MESSAGE, `cannot post ${name}: ${describeError(e)}`));
        }
      });
    },
    dispose() {
      disposed = true;
      running?.process.kill();
    },
  };
}
