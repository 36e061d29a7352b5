/**
 * The county's record of every station change it stored (sync_inbox): a digest per station,
 * epoch and sequence number. A station re-sends every change until it sees the county's
 * acknowledgement, so most of a bundle may be repeats; a station restored from an old backup
 * reuses sequence numbers, so a known number with other content is a new change.
 */
import { hash } from 'node:crypto';
import type { Sqlite } from '../db/open';
import { BatchInsert } from './batchInsert';
import type { Change } from './payload';
import { prepared } from './statements';

/**
 * What makes two changes the same. The digests of earlier imports are stored: the input and the
 * hash must stay exactly these, or every repeat would count as a reused sequence number.
 */
export function digestOf(change: Change): string {
  return hash('sha256', JSON.stringify([change.tbl, change.rowId, change.fields, change.at, change.actor]), 'base64url');
}

export class Inbox {
  private readonly digests = new Map<number, Map<number, string>>();
  private readonly pending: BatchInsert;

  /** Reads the digests already stored for the sequence numbers of `changes`, in one range per epoch. */
  constructor(
    db: Sqlite,
    private readonly station: string,
    changes: readonly Change[],
  ) {
    const ranges = new Map<number, { from: number; to: number }>();
    for (const c of changes) {
      const r = ranges.get(c.epoch);
      if (!r) ranges.set(c.epoch, { from: c.seq, to: c.seq });
      else if (c.seq < r.from) r.from = c.seq;
      else if (c.seq > r.to) r.to = c.seq;
    }
    const stored = prepared(db, 'SELECT seq, digest FROM sync_inbox WHERE station_code = ? AND epoch = ? AND seq BETWEEN ? AND ?');
    for (const [epoch, { from, to }] of ranges) {
      const byEpoch = new Map<number, string>();
      for (const row of stored.all(station, epoch, from, to) as { seq: number; digest: string }[]) byEpoch.set(row.seq, row.digest);
      this.digests.set(epoch, byEpoch);
    }
    this.pending = new BatchInsert(db, 'INSERT INTO sync_inbox (station_code, epoch, seq, digest)', 4, 'ON CONFLICT DO UPDATE SET digest = excluded.digest');
  }

  /** The digest stored for this sequence number (by an earlier import or earlier in this bundle). */
  stored(epoch: number, seq: number): string | undefined {
    return this.digests.get(epoch)?.get(seq);
  }

  remember(epoch: number, seq: number, digest: string): void {
    this.digests.get(epoch)!.set(seq, digest);
    this.pending.add(this.station, epoch, seq, digest);
  }

  flush(): void {
    this.pending.flush();
  }
}
