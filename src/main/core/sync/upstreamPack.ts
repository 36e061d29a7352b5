/**
 * A station's upstream payload, written straight from the outbox into gzip. The outbox already
 * holds each change's fields as the JSON text `capture.ts` wrote with JSON.stringify, so SQLite
 * puts each line together around that text instead of JavaScript parsing it into objects and
 * serialising them again: the lines are byte for byte what `upstreamPayloadText` makes of
 * `buildUpstream`'s changes (test/main/sync/exportPayload.test.ts), without the object graph.
 */
import type { Sqlite } from '../db/open';
import { PayloadWriter } from './bundleFile';
import { PAYLOAD_END, PAYLOAD_HEAD } from './changeLines';
import type { UpstreamRanges } from './payload';

/** Changes per piece handed to gzip, and between progress reports. */
const LINES_PER_PIECE = 2000;

/**
 * One change's line, made by SQLite as bytes: the JSON text never becomes a JavaScript string.
 * Key order and number forms are those of JSON.stringify on `buildUpstream`'s change objects.
 * `base_vers` loses its zero versions (a missing one means 0, as `seenVersions` in upstream.ts
 * leaves them); when it holds no digit but 0 there is none to keep.
 */
const LINE_SQL = `CAST(
  '{"epoch":' || epoch || ',"seq":' || seq || ',"tbl":' || json_quote(tbl) || ',"rowId":' || json_quote(row_id) ||
  ',"fields":' || fields ||
  ',"baseVers":' || CASE WHEN base_vers NOT GLOB '*[1-9]*' THEN '{}'
    ELSE (SELECT json_group_object(key, value) FROM json_each(base_vers) WHERE value != 0) END ||
  ',"at":' || json_quote(at) || ',"actor":' || json_quote(actor) || '}' AS BLOB)`;

type OutboxRow = [tbl: string, rowId: string, epoch: number, seq: number, valid: number, line: Buffer];

const SEPARATOR = Buffer.from(',\n');

export interface PackedUpstream {
  compressed: Buffer;
  ranges: UpstreamRanges['changes'];
  /** Changes per table, for the manifest. */
  counts: Record<string, number>;
  /** Distinct rows changed per table: how many records the bundle adds or changes. */
  rows: Record<string, number>;
  changes: number;
}

/**
 * Reads the whole outbox at once (one consistent read, nothing held open while the event loop
 * turns), then builds and compresses the lines a piece at a time, reporting after each piece.
 */
export async function packUpstream(db: Sqlite, progress: (done: number, total: number) => void): Promise<PackedUpstream> {
  const outbox = db
    .prepare(`SELECT tbl, row_id, epoch, seq, json_valid(fields) AND json_valid(base_vers), ${LINE_SQL} FROM sync_outbox ORDER BY epoch, seq`)
    .raw()
    .all() as OutboxRow[];
  const writer = new PayloadWriter();
  try {
    return await packLines(outbox, writer, progress);
  } catch (e) {
    writer.abort();
    throw e;
  }
}

async function packLines(outbox: OutboxRow[], writer: PayloadWriter, progress: (done: number, total: number) => void): Promise<PackedUpstream> {
  const total = outbox.length;
  if (total === 0) {
    await writer.write(Buffer.from('{"changes":[]}'));
    return { compressed: await writer.end(), ranges: [], counts: {}, rows: {}, changes: 0 };
  }
  const byEpoch = new Map<number, { from: number; to: number }>();
  const counts: Record<string, number> = {};
  const ids = new Map<string, Set<string>>();
  progress(0, total);
  await writer.write(Buffer.from(PAYLOAD_HEAD));
  for (let start = 0; start < total; start += LINES_PER_PIECE) {
    const piece = outbox.slice(start, start + LINES_PER_PIECE);
    const bytes: Buffer[] = [];
    for (const [tbl, rowId, epoch, seq, valid, line] of piece) {
      // A damaged row would make the whole bundle unreadable at the county: stop here instead.
      if (valid !== 1) throw new Error(`outbox change ${epoch}/${seq} does not hold valid JSON`);
      if (bytes.length > 0) bytes.push(SEPARATOR);
      bytes.push(line);
      const range = byEpoch.get(epoch);
      if (range) range.to = seq;
      else byEpoch.set(epoch, { from: seq, to: seq });
      counts[tbl] = (counts[tbl] ?? 0) + 1;
      let seen = ids.get(tbl);
      if (!seen) ids.set(tbl, (seen = new Set()));
      seen.add(rowId);
    }
    bytes.push(Buffer.from(start + piece.length === total ? `\n${PAYLOAD_END}` : ',\n'));
    await writer.write(Buffer.concat(bytes));
    progress(start + piece.length, total);
    // A turn of the event loop: the progress goes out, and zlib gets on with the piece.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    compressed: await writer.end(),
    ranges: [...byEpoch].map(([epoch, r]) => ({ epoch, ...r })),
    counts,
    rows: Object.fromEntries([...ids].map(([t, s]) => [t, s.size])),
    changes: total,
  };
}
