import { describe, expect, it } from 'vitest';
import { createClient, LedgerError, type Progress } from '../../src/shared/contract';
import { bridgeTransport, httpTransport } from '../../src/renderer/api';

function ndjsonResponse(lines: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Split mid-line to prove lines are reassembled across chunks.
      const text = lines.join('\n') + '\n';
      const cut = Math.floor(text.length / 2);
      controller.enqueue(encoder.encode(text.slice(0, cut)));
      controller.enqueue(encoder.encode(text.slice(cut)));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
}

describe('api transports', () => {
  it('posts to /api/<operation> and streams progress as NDJSON when asked', async () => {
    const requests: { url: string; init?: RequestInit }[] = [];
    const fetchFake: typeof fetch = async (url, init) => {
      requests.push({ url: String(url), init });
      return ndjsonResponse([
        JSON.stringify({ progress: { phase: '生成儿童', done: 1, total: 2 } }),
        JSON.stringify({ progress: { phase: '生成儿童', done: 2, total: 2 } }),
        JSON.stringify({ outcome: { ok: true, result: { children: 120 } } }),
      ]);
    };
    const client = createClient(httpTransport(fetchFake));
    const seen: Progress[] = [];
    const result = await client.call('demo.load', { scale: 'small' }, (p) => seen.push(p));
    expect(result).toEqual({ children: 120 });
    expect(seen.map((p) => p.done)).toEqual([1, 2]);
    expect(requests[0]?.url).toBe('/api/demo.load');
    expect(new Headers(requests[0]?.init?.headers).get('Accept')).toBe('application/x-ndjson');
  });

  it('turns an error outcome into a LedgerError with its Chinese message and field errors', async () => {
    const fetchFake: typeof fetch = async () =>
      new Response(
        JSON.stringify({ ok: false, error: { code: 'duplicate', message: '该身份证号码已登记', existingId: 'x1', fieldErrors: { idNumber: '该身份证号码已登记' } } }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      );
    const client = createClient(httpTransport(fetchFake));
    const error = await client.call('children.get', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).data).toMatchObject({ code: 'duplicate', existingId: 'x1', fieldErrors: { idNumber: '该身份证号码已登记' } });
  });

  it('reports an unreachable or garbled host in Chinese, never as a thrown fetch error', async () => {
    const down = createClient(httpTransport(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(down.call('station.info', {})).rejects.toMatchObject({ data: { code: 'internal', message: expect.stringMatching(/无法连接台账服务/) } });
    const html = createClient(httpTransport(async () => new Response('<html>proxy error</html>', { status: 502 })));
    await expect(html.call('station.info', {})).rejects.toMatchObject({ data: { code: 'internal' } });
  });

  it('uses the Electron bridge when there is one and checks what it returns', async () => {
    const good = createClient(bridgeTransport({ invoke: async () => ({ ok: true, result: { total: 0, rows: [] } }) }));
    await expect(good.call('children.list', {})).resolves.toEqual({ total: 0, rows: [] });
    const bad = createClient(bridgeTransport({ invoke: async () => 'nonsense' as never }));
    await expect(bad.call('children.list', {})).rejects.toBeInstanceOf(LedgerError);
  });
});
