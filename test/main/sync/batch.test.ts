/**
 * One import call takes many bundles in one transaction, each in a savepoint of its own: a bundle
 * that fails while its rows are written (a reference to a record the county does not have, a row
 * the schema refuses) lands not at all, and every other bundle of the call lands whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { childInput } from '../../helpers/core';
import { openBundle, sealBundle } from '../../../src/main/core/sync/bundleFile';
import { upstreamPayloadText } from '../../../src/main/core/sync/changeLines';
import { unlockKeys } from '../../../src/main/core/sync/keystore';
import type { Change, UpstreamPayload } from '../../../src/main/core/sync/payload';
import { createWorld, freshIdNumber, MUZHEN, RONGCHENG, type StationSide, type World } from './world';

/** The station's genuine bundle with its changes edited, signed again by the station itself. */
async function edited(world: World, station: StationSide, path: string, edit: (changes: Change[]) => Change[], layout: 'lines' | 'one line' = 'one line'): Promise<string> {
  const county = unlockKeys(world.county.dir, world.county.passphrase);
  const own = unlockKeys(station.dir, station.passphrase);
  const { manifest, payload } = await openBundle(readFileSync(path), { identity: county.ageIdentity, senderKey: () => own.signPublic });
  const { payloadSha256: _sha, payloadSize: _size, ...draft } = manifest;
  const changes = edit((JSON.parse(payload.toString('utf8')) as UpstreamPayload).changes);
  const bytes = await sealBundle({
    manifest: { ...draft, bundleId: uuidv7() },
    payload: Buffer.from(layout === 'lines' ? upstreamPayloadText({ changes }) : JSON.stringify({ changes }), 'utf8'),
    signPrivate: own.signPrivate,
    recipient: county.ageRecipient,
  });
  const out = join(world.root, `edited-${uuidv7()}.slbundle`);
  writeFileSync(out, bytes);
  return out;
}

interface Counts {
  children: number;
  categories: number;
  audit: number;
  versions: number;
  inbox: number;
  bundles: number;
}

function countyCounts(world: World): Counts {
  const count = (sql: string) => (world.county.core.db.prepare(sql).get() as { n: number }).n;
  return {
    children: count('SELECT count(*) AS n FROM children'),
    categories: count('SELECT count(*) AS n FROM child_categories'),
    audit: count("SELECT count(*) AS n FROM audit_log WHERE operation = 'sync.import'"),
    versions: count('SELECT count(*) AS n FROM county_versions'),
    inbox: count('SELECT count(*) AS n FROM sync_inbox'),
    bundles: count('SELECT count(*) AS n FROM sync_bundles'),
  };
}

describe('one import call, many bundles', () => {
  it('a bundle that breaks a reference or a column rule is rejected whole; the others of the call land whole', async () => {
    const world = await createWorld({ stations: [RONGCHENG, MUZHEN] });
    try {
      const rongcheng = world.station(RONGCHENG);
      const muzhen = world.station(MUZHEN);
      const category = [{ category: 'left_behind' as const, startDate: '2024-03-01', reason: 'both_away' }];
      await rongcheng.core.call('children.create', childInput({ idNumber: freshIdNumber(), villageCode: rongcheng.villages[0]!, categories: category }));
      const genuine = (await world.upstream(rongcheng)).path;
      await muzhen.core.call('children.create', childInput({ idNumber: freshIdNumber(), villageCode: muzhen.villages[0]!, categories: category }));
      const other = (await world.upstream(muzhen)).path;

      // Signed by the station, well-formed, but its category's child is not in it nor at the county.
      const orphan = await edited(world, rongcheng, genuine, (cs) => cs.filter((c) => c.tbl !== 'children'));
      // A child without the name the schema requires.
      const nameless = await edited(world, rongcheng, genuine, (cs) => cs.map((c) => (c.tbl === 'children' ? { ...c, fields: { ...c.fields, name: null } } : c)));
      const acks = () => (world.county.core.db.prepare('SELECT acks FROM sync_stations WHERE code = ?').get(RONGCHENG) as { acks: string }).acks;
      const before = countyCounts(world);
      const acksBefore = acks();

      const results = await world.importAtCounty([orphan, other, nameless]);
      expect(results).toEqual([
        expect.objectContaining({ outcome: 'rejected', from: RONGCHENG, reason: expect.stringMatching(/引用/), detail: expect.stringMatching(/child_categories\.child_id/) }),
        expect.objectContaining({ outcome: 'applied', from: MUZHEN, applied: 2 }),
        expect.objectContaining({ outcome: 'rejected', from: RONGCHENG, reason: expect.stringMatching(/数据规则/), detail: expect.stringMatching(/NOT NULL/) }),
      ]);
      // Only MUZHEN's child and category, each with its audit row, versions, inbox entry; one bundle.
      expect(countyCounts(world)).toEqual({
        children: before.children + 1,
        categories: before.categories + 1,
        audit: before.audit + 2,
        versions: before.versions + 2,
        inbox: before.inbox + 2,
        bundles: before.bundles + 1,
      });
      expect(acks()).toBe(acksBefore);

      // Nothing of the rejected bundles stayed: the genuine one then applies whole.
      expect(await world.importAtCounty([genuine])).toEqual([expect.objectContaining({ outcome: 'applied', applied: 2, alreadyHad: 0, conflicts: 0, refused: 0 })]);
      expect(acks()).not.toBe(acksBefore);
      await world.round();
    } finally {
      world.close();
    }
  });

  it('a payload read a line at a time: a bad line late in it rejects the whole bundle; lines out of order still apply as sorted', async () => {
    const world = await createWorld({ stations: [RONGCHENG] });
    try {
      const station = world.station(RONGCHENG);
      for (let i = 0; i < 3; i++) await station.core.call('children.create', childInput({ idNumber: freshIdNumber(), villageCode: station.villages[0]!, notes: `第${i}个` }));
      const genuine = (await world.upstream(station)).path;
      const badLast = await edited(world, station, genuine, (cs) => [...cs.slice(0, -1), { ...cs.at(-1)!, rowId: '' }], 'lines');
      const before = countyCounts(world);
      expect(await world.importAtCounty([badLast])).toEqual([expect.objectContaining({ outcome: 'rejected', reason: '文件不是有效的台账数据包', detail: 'payload does not match its schema' })]);
      expect(countyCounts(world)).toEqual(before);

      let changes = 0;
      const reversed = await edited(world, station, genuine, (cs) => ((changes = cs.length), [...cs].reverse()), 'lines');
      const [applied] = await world.importAtCounty([reversed]);
      expect(applied).toMatchObject({ outcome: 'applied', applied: changes, conflicts: 0, refused: 0 });
      expect(countyCounts(world).children).toBe(before.children + 3);
      // The genuine bundle holds the same changes, in order: all of them already stored.
      expect(await world.importAtCounty([genuine])).toEqual([expect.objectContaining({ outcome: 'applied', applied: 0, alreadyHad: changes })]);
      await world.round();
    } finally {
      world.close();
    }
  });
});
