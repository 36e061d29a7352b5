/**
 * A delegated guardian's relationship names one person (祖父, 外祖母…). Records saved by earlier
 * releases hold a group (祖父母, 外祖父母): they still read and save as they are, never changed into
 * a guess about which grandparent is meant.
 */
import { describe, expect, it } from 'vitest';
import { labelOf } from '../../../src/shared/domain/labels';
import { GUARDIAN_RELATIONSHIP_CHOICES, GUARDIAN_RELATIONSHIPS } from '../../../src/shared/domain/children';
import { childInput, stationCore } from '../../helpers/core';
import { asInput } from '../sync/world';

describe('guardian relationship', () => {
  it('keeps the one person chosen', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput({ guardian: { name: '汪德福', relationship: 'paternal_grandfather' } }));
    const child = await core.call('children.get', { id });
    expect(child.guardian.relationship).toBe('paternal_grandfather');
    expect(labelOf(GUARDIAN_RELATIONSHIPS, child.guardian.relationship)).toBe('祖父');
    expect(GUARDIAN_RELATIONSHIP_CHOICES.map((o) => o.label)).toEqual(['祖父', '祖母', '外祖父', '外祖母', '兄姐', '其他亲属', '朋友', '其他']);
  });

  it('reads and re-saves a record an earlier release stored with 祖父母, unchanged', async () => {
    const core = await stationCore();
    const { id } = await core.call('children.create', childInput({ guardian: { name: '汪德福' } }));
    core.db.prepare('UPDATE children SET guardian = ? WHERE id = ?').run(JSON.stringify({ name: '汪德福', relationship: 'grandparent_paternal' }), id);
    const old = await core.call('children.get', { id });
    expect(labelOf(GUARDIAN_RELATIONSHIPS, old.guardian.relationship)).toBe('祖父母');
    await core.call('children.update', { id, child: asInput(old, { notes: '补充电话' }) });
    expect(await core.call('children.get', { id })).toMatchObject({ notes: '补充电话', guardian: { name: '汪德福', relationship: 'grandparent_paternal' } });
  });
});
