import { API_PREFIX, NDJSON, type LedgerBridge, type Outcome, type Progress, type Transport } from '../../shared/contract';
import { electronBridge } from './bridge';
import { asOutcome, failure } from './outcome';

/** Electron: the preload bridge; its replies are still checked, never trusted by shape. */
export function bridgeTransport(bridge: LedgerBridge): Transport {
  return async (name, input, onProgress) => {
    try {
      const reply: unknown = await bridge.invoke(name, input, onProgress);
      return asOutcome(reply) ?? failure(`malformed reply to ${name}`);
    } catch (e) {
      return failure(`bridge failed for ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

function isProgress(v: unknown): v is Progress {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.phase === 'string' && typeof p.done === 'number' && typeof p.total === 'number';
}

/** Reads `{"progress":…}` lines until the one `{"outcome":…}` line; a stream that ends early is a failure. */
async function readNdjson(body: ReadableStream<Uint8Array>, name: string, onProgress: (p: Progress) => void): Promise<Outcome<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const handle = (line: string): Outcome<unknown> | null => {
    if (line.trim() === '') return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return failure(`bad ndjson line from ${name}`);
    }
    if (typeof parsed !== 'object' || parsed === null) return failure(`bad ndjson line from ${name}`);
    if ('progress' in parsed) {
      const p = (parsed as { progress: unknown }).progress;
      if (isProgress(p)) onProgress(p);
      return null;
    }
    if ('outcome' in parsed) return asOutcome((parsed as { outcome: unknown }).outcome) ?? failure(`malformed outcome from ${name}`);
    return null;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    if (done) buffered += decoder.decode();
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const outcome = handle(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      if (outcome) {
        void reader.cancel().catch(() => undefined);
        return outcome;
      }
      nl = buffered.indexOf('\n');
    }
    if (done) {
      return handle(buffered) ?? failure(`stream from ${name} ended without an outcome`);
    }
  }
}

/**
 * Web host: `POST /api/<operation>`. Error statuses (400/404/409/500) still carry an Outcome body,
 * so the status is not consulted; only a body that is not an Outcome counts as a transport failure.
 */
export function httpTransport(fetchImpl: typeof fetch = (...args) => fetch(...args), base = ''): Transport {
  return async (name, input, onProgress) => {
    const streaming = onProgress !== undefined;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${API_PREFIX}${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: streaming ? NDJSON : 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      return failure(`fetch failed for ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      const type = response.headers.get('Content-Type') ?? '';
      if (streaming && type.includes(NDJSON) && response.body) return await readNdjson(response.body, name, onProgress);
      const body: unknown = await response.json();
      return asOutcome(body) ?? failure(`HTTP ${response.status} without an outcome for ${name}`);
    } catch (e) {
      return failure(`unreadable reply for ${name} (HTTP ${response.status}): ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export function defaultTransport(): Transport {
  const bridge = electronBridge();
  return bridge ? bridgeTransport(bridge) : httpTransport();
}
