import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlaceTree, StationInfo, WomanListInput } from '../../src/shared/contract';
import { useChildListStore } from '../../src/renderer/features/children/list/listStore';
import { ChildListPage } from '../../src/renderer/features/children/list/ChildListPage';
import { useWomanListStore } from '../../src/renderer/features/women/list/listStore';
import { WomanListPage } from '../../src/renderer/features/women/list/WomanListPage';
import { installFake, ok, PLACES, renderRoute, STATION_INFO, type Call } from './helpers';

const COUNTY: StationInfo = { ...STATION_INFO, role: 'county', code: '341723', name: '青阳县民政局' };

/** Two townships: a station must never be offered the other one's villages. */
const TWO_TOWNSHIPS: PlaceTree = {
  ...PLACES,
  townships: [...PLACES.townships, { code: '341723101', name: '木镇镇', villages: [{ code: '341723101201', name: '木镇村' }] }],
};

const EMPTY_PAGE = () => ok({ total: 0, rows: [] });

/** The options of the open dropdown of a select. */
async function optionsOf(label: string): Promise<string[]> {
  await userEvent.setup().click(screen.getByLabelText(label));
  const dropdown = await waitFor(() => {
    // An earlier dropdown may still be closing: the one just opened is the last in the document.
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.classList.contains('ant-select-dropdown-hidden')).at(-1);
    if (!open) throw new Error('no dropdown yet');
    return open;
  });
  return [...dropdown.querySelectorAll<HTMLElement>('.ant-select-item-option')].map((o) => o.getAttribute('title') ?? '');
}

const villageInput = () => screen.getByLabelText('村（居）');
const villageSelect = () => villageInput().closest<HTMLElement>('.ant-select')!;

describe('place filter of the registers', () => {
  beforeEach(() => {
    useWomanListStore.setState({ filters: {} });
    useChildListStore.setState({ filters: {} });
  });

  it('a station gets no township choice and its own villages at once', async () => {
    const calls: Call[] = installFake({ 'places.tree': () => ok(TWO_TOWNSHIPS), 'women.list': EMPTY_PAGE });
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await screen.findByTestId('women-total');
    await waitFor(() => expect(villageSelect()).not.toHaveClass('ant-select-disabled'));
    expect(screen.queryByLabelText('乡镇（街道）')).toBeNull();
    expect(await optionsOf('村（居）')).toEqual(['城东社区', '五星村']);
    await userEvent.setup().click(screen.getByTitle('五星村'));
    await waitFor(() => expect(calls.filter((c) => c.name === 'women.list').map((c) => (c.input as WomanListInput).villageCode)).toContain('341723100202'));
  });

  it('is the same filter on the children register', async () => {
    installFake({ 'places.tree': () => ok(TWO_TOWNSHIPS), 'children.list': EMPTY_PAGE });
    renderRoute(<ChildListPage />, { url: '/children', path: '/children' });
    await screen.findByTestId('children-total');
    await waitFor(() => expect(villageSelect()).not.toHaveClass('ant-select-disabled'));
    expect(screen.queryByLabelText('乡镇（街道）')).toBeNull();
  });

  it('the county picks any township first, then its villages', async () => {
    installFake({ 'station.info': () => ok(COUNTY), 'places.tree': () => ok(TWO_TOWNSHIPS), 'women.list': EMPTY_PAGE });
    renderRoute(<WomanListPage />, { url: '/women', path: '/women' });
    await screen.findByTestId('women-total');
    expect(villageSelect()).toHaveClass('ant-select-disabled');
    expect(await optionsOf('乡镇（街道）')).toEqual(['蓉城镇', '木镇镇']);
    await userEvent.setup().click(screen.getByTitle('木镇镇'));
    await waitFor(() => expect(villageSelect()).not.toHaveClass('ant-select-disabled'));
    expect(await optionsOf('村（居）')).toEqual(['木镇村']);
  });
});
