/** `station.check` / `station-ledger check`: the database's own checks and each register's natural key. */
import { describe, expect, it } from 'vitest';
import { elderInput, stationCore } from '../../helpers/core';

describe('station check', () => {
  it('reports an ID number held by two live elders, as the county finds when two stations registered one person', async () => {
    const core = await stationCore();
    const { id } = await core.call('elders.create', elderInput());
    expect(await core.call('station.check', {})).toEqual({ ok: true, problems: [] });
    // Two stations' rows meet at the county without passing the form's duplicate check.
    core.db.prepare("INSERT INTO elders SELECT 'other-' || id, '341723101', created_at, updated_at, deleted, name, name_pinyin, name_initials, id_number, birth_date, sex, ethnicity, township_code, village_code, address, phone, marital_status, living_situation, capability, capability_score, capability_assessed_on, disability_type, disability_grade, health_notes, economic_status, benefits, high_age_class, risk_tier, visitor, visitor_phone, notes FROM elders WHERE id = ?").run(id);
    const result = await core.call('station.check', {});
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(['老年人台账身份证号码重复：341723195003030024（2条）']);
    const status = await core.call('station.status', {});
    expect(status.counts).toMatchObject({ elders: 2, women: 0, visits: 0 });
  });
});
