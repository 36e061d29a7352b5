/**
 * A delegated guardian is one named person: the form offers 祖父, 祖母, 外祖父, 外祖母. A record saved
 * with the old group code (祖父母) still opens, shows and saves as it was, and the field asks the
 * worker to pick the precise one instead of guessing it.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChildFormPage } from '../../src/renderer/features/children/form/ChildFormPage';
import type { ChildFormValues } from '../../src/renderer/features/children/form/formValues';
import { childSubject } from '../../src/renderer/features/print/visitSubject';
import type { ChildRecord } from '../../src/shared/contract';
import { formItemOf, installFake, makeIdNumber, ok, renderRoute, type Call } from './helpers';

function record(relationship: NonNullable<ChildRecord['guardian']['relationship']>): ChildRecord {
  const values: ChildFormValues = {
    name: '汪小雨',
    idNumber: makeIdNumber('2015-03-01', '002'),
    ethnicity: '01',
    hukouRegistered: true,
    hukouType: 'rural',
    villageCode: '341723100201',
    healthStatus: 'healthy',
    schooling: 'primary',
    boarding: false,
    father: { name: '汪大山', situation: 'working_away' },
    mother: { name: '李红', situation: 'working_away' },
    guardian: { name: '汪德福', relationship, phone: '13800002222' },
    guardianshipType: 'fair',
    incomeSources: ['migrant_work'],
    assistance: [],
  };
  return {
    ...(values as ChildRecord),
    id: 'c-9',
    stationCode: '341723100',
    birthDate: '2015-03-01',
    sex: 'F',
    townshipCode: '341723100',
    townshipName: '蓉城镇',
    villageName: '城东社区',
    categories: [{ id: 'cat-1', category: 'left_behind', startDate: '2023-09-01', reason: 'both_away', reasons: [] }],
    reportReasons: [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

const updates = (calls: Call[]) => calls.filter((c) => c.name === 'children.update').map((c) => (c.input as { child: { guardian: { relationship?: string } } }).child.guardian.relationship);

async function openForm(relationship: NonNullable<ChildRecord['guardian']['relationship']>): Promise<Call[]> {
  const calls = installFake({
    'children.get': () => ok(record(relationship)),
    'children.findByIdNumber': () => ok({ id: 'c-9', name: '汪小雨' }),
    'children.update': () => ok({ id: 'c-9' }),
  });
  renderRoute(<ChildFormPage />, { url: '/children/c-9/edit', path: '/children/:id/edit' });
  await screen.findByDisplayValue('汪德福');
  return calls;
}

/** The options of the relationship dropdown, and whether each can be picked. */
async function relationshipOptions(): Promise<string[]> {
  await userEvent.setup().click(screen.getByLabelText('与儿童关系'));
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  return [...dropdown.querySelectorAll<HTMLElement>('.ant-select-item-option')].map(
    (o) => `${o.getAttribute('title') ?? ''}${o.classList.contains('ant-select-item-option-disabled') ? '（不可选）' : ''}`,
  );
}

describe('guardian relationship', () => {
  it('offers each grandparent as one person', async () => {
    await openForm('paternal_grandfather');
    const item = formItemOf(screen.getByLabelText('与儿童关系'));
    expect(item).toHaveTextContent('祖父');
    expect(item).not.toHaveTextContent('请改选');
    expect(await relationshipOptions()).toEqual(['祖父', '祖母', '外祖父', '外祖母', '兄姐', '其他亲属', '朋友', '其他']);
  });

  it('opens an old record with 祖父母 as it was, asks for the precise one, and saves it unchanged if not picked', async () => {
    const calls = await openForm('grandparent_paternal');
    const item = formItemOf(screen.getByLabelText('与儿童关系'));
    expect(item).toHaveTextContent('祖父母');
    expect(item).toHaveTextContent('原记录为“祖父母”，请改选“祖父”或“祖母”');
    expect(await relationshipOptions()).toContain('祖父母（不可选）');
    await userEvent.setup().keyboard('{Escape}');
    await userEvent.setup().click(screen.getByTestId('child-save'));
    await waitFor(() => expect(updates(calls)).toEqual(['grandparent_paternal']));
  });

  it('takes the precise one once picked, and stops asking', async () => {
    const calls = await openForm('grandparent_maternal');
    expect(formItemOf(screen.getByLabelText('与儿童关系'))).toHaveTextContent('请改选“外祖父”或“外祖母”');
    await relationshipOptions();
    await userEvent.setup().click(screen.getByTitle('外祖母'));
    // The hint fades out before it leaves the page.
    await waitFor(() => expect(formItemOf(screen.getByLabelText('与儿童关系'))).not.toHaveTextContent('请改选'), { timeout: 5000 });
    await userEvent.setup().click(screen.getByTestId('child-save'));
    await waitFor(() => expect(updates(calls)).toEqual(['maternal_grandmother']));
  });

  it('names the guardian on the visit form by the one relationship, and an old record as before', () => {
    expect(childSubject(record('paternal_grandfather')).contact).toBe('汪德福（祖父）');
    expect(childSubject(record('grandparent_paternal')).contact).toBe('汪德福（祖父母）');
  });
});
