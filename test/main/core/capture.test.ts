/**
 * Change capture: every write to a synced table lands in sync_outbox and audit_log in the same
 * transaction. The scenario table below must name every mutating operation of the contract, so a
 * new operation without capture cannot slip in untested.
 */
import { describe, expect, it } from 'vitest';
import {
  operationNames,
  operations,
  type ElderContactInput,
  type ElderInput,
  type OperationName,
  type SupportAgreementInput,
  type VisitInput,
} from '../../../src/shared/contract';
import type { Core } from '../../../src/main/core/core';
import { insertRow, updateRow } from '../../../src/main/core/sync/capture';
import { childInput, mealSiteInput, stationCore, tempDir, VILLAGE } from '../../helpers/core';
import { addDays, todayIso } from '../../../src/shared/domain/dates';
import { createCore } from '../../../src/main/core/core';

interface Counts {
  outbox: number;
  audit: number;
}
const counts = (core: Core): Counts => ({
  outbox: (core.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n,
  audit: (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});

type Scenario = (core: Core) => Promise<{ table: string; rowId: string }>;

const elder = (over: Partial<ElderInput> = {}): ElderInput => ({
  name: '王秀英',
  idNumber: '341723195003030024',
  ethnicity: '01',
  villageCode: VILLAGE,
  livingSituation: 'alone',
  capability: 'mild',
  economicStatus: 'dibao',
  riskTier: 'priority',
  groups: [{ group: 'living_alone', startDate: '2023-05-01' }],
  ...over,
});
const contact: ElderContactInput = { name: '王建国', relationship: 'son', phone: '13811112222', registeredOn: '2025-09-01' };
const agreement = (provides: SupportAgreementInput['supporters'][number]['provides']): SupportAgreementInput => ({
  supporters: [{ name: '王建国', relationship: 'son', provides }],
  signedOn: '2025-03-01',
});
const visit: VisitInput = { visitedOn: '2025-10-08', visitors: ['陈村医'], method: 'home' };
/** An elder with one visit. */
const elderVisit = async (core: Core) => {
  const { id: elderId } = await core.call('elders.create', elder());
  const { id } = await core.call('visits.create', { subjectKind: 'elder', subjectId: elderId, visit });
  return { elderId, id };
};
/** An elder with one contact or agreement: the sub-record's id. */
const elderWith = async (core: Core, kind: 'contact' | 'agreement') => {
  const { id: elderId } = await core.call('elders.create', elder());
  const { id } =
    kind === 'contact'
      ? await core.call('elders.saveContact', { elderId, contact })
      : await core.call('elders.saveAgreement', { elderId, agreement: agreement(['money']) });
  return { elderId, id };
};

/** A meal site with one diner from outside the register: the diner's id. */
const mealDiner = async (core: Core) => {
  const { id: siteId } = await core.call('meals.sites.save', { site: mealSiteInput() });
  const { id } = await core.call('meals.diners.save', { siteId, diner: { name: '赵大爷', startOn: addDays(todayIso(), -3) } });
  return { siteId, id };
};

const scenarios: Partial<Record<OperationName, Scenario>> = {
  'meals.sites.save': async (core) => {
    const { id } = await core.call('meals.sites.save', { site: mealSiteInput() });
    await core.call('meals.sites.save', { id, site: mealSiteInput({ dailyCapacity: 40 }) });
    return { table: 'meal_sites', rowId: id };
  },
  'meals.sites.delete': async (core) => {
    const { id } = await core.call('meals.sites.save', { site: mealSiteInput() });
    await core.call('meals.sites.delete', { id });
    return { table: 'meal_sites', rowId: id };
  },
  'meals.diners.save': async (core) => {
    const { id } = await mealDiner(core);
    return { table: 'meal_diners', rowId: id };
  },
  'meals.diners.delete': async (core) => {
    const { id } = await mealDiner(core);
    await core.call('meals.diners.delete', { id });
    return { table: 'meal_diners', rowId: id };
  },
  'meals.attendance.set': async (core) => {
    const { siteId, id } = await mealDiner(core);
    const day = todayIso();
    await core.call('meals.attendance.set', { siteId, day, mealTime: 'lunch', ticks: [{ dinerId: id, present: true }] });
    return { table: 'meal_attendance', rowId: `${id}/${day}/lunch` };
  },
  'meals.attendance.importData': async (core) => {
    const { siteId, id } = await mealDiner(core);
    const day = todayIso();
    const csv = `姓名,日期,餐次\n赵大爷,${day},午餐\n`;
    await core.call('meals.attendance.importData', { siteId, month: day.slice(0, 7), method: 'card', file: { name: '刷卡记录.csv', data: Buffer.from(csv).toString('base64') } });
    return { table: 'meal_attendance', rowId: `${id}/${day}/lunch` };
  },
  'meals.settlement.lock': async (core) => {
    const { siteId } = await mealDiner(core);
    const month = addDays(`${todayIso().slice(0, 7)}-01`, -1).slice(0, 7);
    await core.call('meals.settlement.lock', { siteId, month, confirmedChecks: [] });
    return { table: 'meal_months', rowId: `${siteId}/${month}` };
  },
  'station.init': async () => {
    throw new Error('covered separately');
  },
  'demo.load': async (core) => {
    await core.call('demo.load', { scale: 'small' });
    const row = core.db.prepare('SELECT id FROM children LIMIT 1').get() as { id: string };
    return { table: 'children', rowId: row.id };
  },
  'children.create': async (core) => {
    const { id } = await core.call('children.create', childInput());
    return { table: 'children', rowId: id };
  },
  'children.update': async (core) => {
    const { id } = await core.call('children.create', childInput());
    await core.call('children.update', { id, child: childInput({ notes: '已走访' }) });
    return { table: 'children', rowId: id };
  },
  'children.delete': async (core) => {
    const { id } = await core.call('children.create', childInput());
    await core.call('children.delete', { id });
    return { table: 'children', rowId: id };
  },
  'elders.create': async (core) => {
    const { id } = await core.call('elders.create', elder());
    return { table: 'elders', rowId: id };
  },
  'elders.update': async (core) => {
    const { id } = await core.call('elders.create', elder());
    await core.call('elders.update', { id, elder: elder({ notes: '已走访' }) });
    return { table: 'elders', rowId: id };
  },
  'elders.delete': async (core) => {
    const { id } = await core.call('elders.create', elder());
    await core.call('elders.delete', { id });
    return { table: 'elders', rowId: id };
  },
  'elders.saveContact': async (core) => {
    const { elderId, id } = await elderWith(core, 'contact');
    await core.call('elders.saveContact', { elderId, id, contact: { ...contact, phone: '13811113333' } });
    return { table: 'elder_contacts', rowId: id };
  },
  'elders.deleteContact': async (core) => {
    const { id } = await elderWith(core, 'contact');
    await core.call('elders.deleteContact', { id });
    return { table: 'elder_contacts', rowId: id };
  },
  'elders.saveAgreement': async (core) => {
    const { elderId, id } = await elderWith(core, 'agreement');
    await core.call('elders.saveAgreement', { elderId, id, agreement: { ...agreement(['money', 'care']), reviewOn: '2027-03-01' } });
    return { table: 'support_agreements', rowId: id };
  },
  'elders.deleteAgreement': async (core) => {
    const { id } = await elderWith(core, 'agreement');
    await core.call('elders.deleteAgreement', { id });
    return { table: 'support_agreements', rowId: id };
  },
  'drowning.publicity.save': async (core) => {
    const { id: childId } = await core.call('children.create', childInput());
    const { id } = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20' });
    await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20', pledgeOn: '2025-05-27' });
    return { table: 'drowning_publicity', rowId: id };
  },
  'drowning.publicity.delete': async (core) => {
    const { id: childId } = await core.call('children.create', childInput());
    const { id } = await core.call('drowning.publicity.save', { childId, year: 2025, letterOn: '2025-05-20' });
    await core.call('drowning.publicity.delete', { id });
    return { table: 'drowning_publicity', rowId: id };
  },
  'drowning.publicity.batch': async (core) => {
    await core.call('children.create', childInput());
    await core.call('drowning.publicity.batch', { year: 2025, villageCode: VILLAGE, letterOn: '2025-05-20', handedBy: '李主任' });
    const row = core.db.prepare('SELECT id FROM drowning_publicity LIMIT 1').get() as { id: string };
    return { table: 'drowning_publicity', rowId: row.id };
  },
  'drowning.inspections.save': async (core) => {
    const inspection = { villageCode: VILLAGE, place: '百花村水塘', inspectedOn: '2025-07-10', inspectors: ['陈社工'], findings: '警示牌完好' };
    const { id } = await core.call('drowning.inspections.save', { inspection });
    await core.call('drowning.inspections.save', { id, inspection: { ...inspection, hazardFound: true, actions: '设置警示牌' } });
    return { table: 'water_inspections', rowId: id };
  },
  'drowning.inspections.delete': async (core) => {
    const inspection = { villageCode: VILLAGE, place: '百花村水塘', inspectedOn: '2025-07-10', inspectors: ['陈社工'], findings: '警示牌完好' };
    const { id } = await core.call('drowning.inspections.save', { inspection });
    await core.call('drowning.inspections.delete', { id });
    return { table: 'water_inspections', rowId: id };
  },
  'visits.create': async (core) => {
    const { id } = await elderVisit(core);
    return { table: 'visits', rowId: id };
  },
  'visits.update': async (core) => {
    const { id } = await elderVisit(core);
    await core.call('visits.update', { id, visit: { ...visit, method: 'phone' } });
    return { table: 'visits', rowId: id };
  },
  'visits.delete': async (core) => {
    const { id } = await elderVisit(core);
    await core.call('visits.delete', { id });
    return { table: 'visits', rowId: id };
  },
  'visits.saveMajorChange': async (core) => {
    const { elderId } = await elderVisit(core);
    const change = { occurredOn: '2025-10-01', description: '摔伤住院' };
    const { id } = await core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: elderId, change });
    await core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: elderId, id, change: { ...change, description: '摔伤住院，已出院' } });
    return { table: 'major_changes', rowId: id };
  },
  'visits.deleteMajorChange': async (core) => {
    const { elderId } = await elderVisit(core);
    const { id } = await core.call('visits.saveMajorChange', { subjectKind: 'elder', subjectId: elderId, change: { occurredOn: '2025-10-01', description: '摔伤住院' } });
    await core.call('visits.deleteMajorChange', { id });
    return { table: 'major_changes', rowId: id };
  },
  'women.create': async (core) => {
    const { id } = await core.call('women.create', { name: '李秀梅', idNumber: '341723198805120025', villageCode: VILLAGE, husbandName: '张建军', health: 'healthy', sinceOn: '2024-03-01' });
    return { table: 'women', rowId: id };
  },
  'women.update': async (core) => {
    const woman = { name: '李秀梅', idNumber: '341723198805120025', villageCode: VILLAGE, husbandName: '张建军', health: 'healthy', sinceOn: '2024-03-01' } as const;
    const { id } = await core.call('women.create', woman);
    await core.call('women.update', { id, woman: { ...woman, needs: ['employment'], notes: '已走访' } });
    return { table: 'women', rowId: id };
  },
  'women.delete': async (core) => {
    const { id } = await core.call('women.create', { name: '李秀梅', idNumber: '341723198805120025', villageCode: VILLAGE, husbandName: '张建军', health: 'healthy', sinceOn: '2024-03-01' });
    await core.call('women.delete', { id });
    return { table: 'women', rowId: id };
  },
};

/**
 * Mutating operations that write no local edit of a synced row, and why. Anything else that
 * mutates must have a scenario above.
 */
const notLocalEdits: Partial<Record<OperationName, string>> = {
  'sync.createKeys': 'writes the sealed key file only',
  'sync.enrolStation': 'county bookkeeping of stations (sync_stations), not a synced table',
  'sync.enrolStationData': 'the same enrolment as sync.enrolStation, returned as text for the browser to download',
  'sync.acceptEnrolment': "stores the county's reference rows as received (sync/applyRows), audited",
  'sync.acceptEnrolmentData': 'the same as sync.acceptEnrolment, with the file uploaded from the browser',
  'sync.revokeStation': 'county bookkeeping of stations',
  'sync.exportBundle': 'reads the outbox; writes sync timestamps only',
  'sync.importBundles': 'writes what the other side already holds (sync/applyRows), audited, never re-uploaded',
  'sync.exchange': 'the network form of importing a bundle and exporting the reply',
  'sync.withHub': 'the network form of exporting a bundle and importing the reply',
  'sync.exportBundleData': 'like sync.exportBundle, returning the bytes instead of writing a file',
  'sync.importBundleData': 'like sync.importBundles, from bytes instead of files',
  'sync.saveSettings': 'the hub address, a local setting in meta',
  'children.transfer': 'a county edit (versions stamped, no outbox): covered in test/main/sync/transfer.test.ts',
  'sync.resolveConflict': 'covered in test/main/sync: taking the station value is a captured county edit',
  'rules.save': 'a county edit of reference data (versions stamped, no outbox): covered in test/main/core/visits.test.ts',
  'elders.transfer': 'a county edit (versions stamped, no outbox): covered in test/main/core/visitsSync.test.ts',
  'meals.settlement.unlock': 'only the county unlocks (versions stamped, no outbox): covered in test/main/core/meals.test.ts',
  'meals.rules.save': 'a county edit of reference data (versions stamped, no outbox): covered in test/main/core/meals.test.ts',
};

describe('change capture', () => {
  it('has a scenario for every mutating operation, or a stated reason it edits no synced row', () => {
    const mutating = operationNames.filter((n) => operations[n].mutates).sort();
    expect([...Object.keys(scenarios), ...Object.keys(notLocalEdits)].sort()).toEqual(mutating);
  });

  for (const [name, scenario] of Object.entries(scenarios)) {
    if (name === 'station.init') continue;
    it(`${name} lands in the outbox and the audit log with its actor`, async () => {
      const core = await stationCore();
      const before = counts(core);
      const { table, rowId } = await scenario(core);
      const after = counts(core);
      expect(after.outbox).toBeGreaterThan(before.outbox);
      // County reference data a station holds before the county's arrives (the demo's meal standard)
      // is audited but never captured: a station cannot send the county's own rows.
      const reference = core.db.prepare("SELECT tbl FROM (SELECT tbl FROM audit_log ORDER BY id DESC LIMIT ?) WHERE tbl IN ('places', 'rules')").pluck().all(after.audit - before.audit) as string[];
      expect(reference).toEqual(name === 'demo.load' ? ['rules'] : []);
      expect(after.audit - before.audit - reference.length).toBe(after.outbox - before.outbox);
      const last = core.db.prepare('SELECT * FROM audit_log WHERE tbl = ? AND row_id = ? ORDER BY id DESC LIMIT 1').get(table, rowId) as {
        actor: string;
        operation: string;
      };
      expect(last).toMatchObject({ actor: 'tester', operation: name });
      const outbox = core.db.prepare('SELECT epoch, fields, base_vers FROM sync_outbox WHERE tbl = ? AND row_id = ?').all(table, rowId) as {
        epoch: number;
        fields: string;
        base_vers: string;
      }[];
      expect(outbox.length).toBeGreaterThan(0);
      for (const o of outbox) {
        expect(o.epoch).toBe(1);
        expect(Object.keys(JSON.parse(o.base_vers) as object).sort()).toEqual(Object.keys(JSON.parse(o.fields) as object).sort());
      }
    });
  }

  it('at the county, seeding the places stamps each with county versions for every station', async () => {
    const core = createCore({ dataDir: tempDir(), actor: 'tester' });
    await core.call('station.init', { role: 'county', code: '341723', name: '青阳县民政局' });
    const places = (core.db.prepare('SELECT count(*) AS n FROM places').get() as { n: number }).n;
    expect(places).toBe(145);
    expect(counts(core)).toEqual({ outbox: 0, audit: places });
    const stamped = core.db.prepare("SELECT count(*) AS n, max(max_ver) AS top FROM county_versions WHERE tbl = 'places' AND scope = '*'").get();
    expect(stamped).toEqual({ n: places, top: places * 7 });
  });

  it('at a station, seeded places are reference data at version 0, never uploaded, and not editable', async () => {
    const core = await stationCore();
    expect((core.db.prepare('SELECT count(*) AS n FROM places').get() as { n: number }).n).toBe(145);
    expect(counts(core).outbox).toBe(0);
    const w = { db: core.db, role: 'station' as const, actor: 't', operation: 'x', stationCode: '341723100', epoch: 1, now: '2026-01-01T00:00:00.000Z' };
    expect(() => updateRow(w, 'places', '341723100200', { name: '改名村' })).toThrow(/county reference data/);
  });

  it('captures only the fields that changed, and nothing for an edit that changes nothing', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput());
    const before = counts(core);
    await core.call('children.update', { id, child: childInput() });
    expect(counts(core)).toEqual(before);
    await core.call('children.update', { id, child: childInput({ notes: '新备注', schooling: 'junior' }) });
    const last = core.db.prepare("SELECT fields FROM sync_outbox WHERE tbl = 'children' ORDER BY seq DESC LIMIT 1").get() as { fields: string };
    const fields = JSON.parse(last.fields) as Record<string, unknown>;
    expect(Object.keys(fields).sort()).toEqual(['notes', 'schooling', 'updated_at']);
    expect(fields.notes).toBe('新备注');
  });

  it('carries the county version last seen for each changed field', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput());
    core.db.prepare("INSERT INTO sync_versions (tbl, row_id, vers) VALUES ('children', ?, ?)").run(id, JSON.stringify({ notes: 7 }));
    await core.call('children.update', { id, child: childInput({ notes: '改', schooling: 'junior' }) });
    const last = core.db.prepare("SELECT base_vers FROM sync_outbox WHERE tbl = 'children' ORDER BY seq DESC LIMIT 1").get() as { base_vers: string };
    expect(JSON.parse(last.base_vers)).toEqual({ notes: 7, schooling: 0, updated_at: 0 });
  });

  it('a write that fails part-way leaves rows, outbox and audit as they were', async () => {
    const core = await stationCore();
    const before = counts(core);
    const station = { db: core.db, role: 'station' as const, actor: 'tester', operation: 'test.crash', stationCode: '341723100', epoch: 1, now: new Date().toISOString() };
    expect(() =>
      core.db.transaction(() => {
        insertRow(station, 'children', 'c1', {
          name: '半截', name_pinyin: 'banjie', name_initials: 'bj', id_number: '341723201501010016', birth_date: '2015-01-01', sex: 'M',
          township_code: '341723100', village_code: '341723100200',
        });
        updateRow(station, 'children', 'missing-row', { notes: 'x' });
      })(),
    ).toThrow(/does not exist/);
    expect(counts(core)).toEqual(before);
    expect(core.db.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 0 });
  });

  it('refuses a write to a table that is not synced or a column name that is not plain', () => {
    const core = createCore({ dataDir: tempDir() });
    const w = { db: core.db, role: 'station' as const, actor: 't', operation: 'x', stationCode: 's', epoch: 1, now: '2026-01-01T00:00:00.000Z' };
    expect(() => insertRow(w, 'meta' as never, 'k', { value: 'v' })).toThrow(/not a synced table/);
    expect(() => updateRow(w, 'children', 'x', { 'name = 1; --': 'v' })).toThrow(/bad column name/);
  });
});
