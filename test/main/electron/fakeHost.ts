/**
 * An in-process stand-in for the core's utility process: the real hostService.ts on one side,
 * a HostProcess for the real coreHostClient.ts on the other, with messages structured-cloned
 * and delivered asynchronously as Electron does.
 */
import { EventEmitter } from 'node:events';
import type { HostProcess } from '../../../src/main/electron/coreHostClient';
import type { HostReply, HostRequest } from '../../../src/main/electron/hostMessages';
import { serveCoreRequests, type CoreInvoke, type RequestPort } from '../../../src/main/electron/hostService';

export class LoopbackHost extends EventEmitter implements HostProcess {
  private readonly port = new EventEmitter();
  readonly requests: HostRequest[] = [];
  alive = true;

  constructor(invoke: CoreInvoke) {
    super();
    const port: RequestPort = {
      on: (event, listener) => this.port.on(event, listener),
      postMessage: (message: HostReply) => {
        const copy = structuredClone(message);
        if (this.alive) setImmediate(() => this.emit('message', copy));
      },
    };
    serveCoreRequests(port, invoke);
  }

  postMessage(message: HostRequest): void {
    const copy = structuredClone(message);
    this.requests.push(copy);
    setImmediate(() => this.port.emit('message', { data: copy }));
  }

  /** The process dies: no more replies, and main hears 'exit'. */
  crash(code = 1): void {
    this.alive = false;
    this.emit('exit', code);
  }

  kill(): boolean {
    this.crash(0);
    return true;
  }
}
