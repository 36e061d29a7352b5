import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MealSiteRecord, MealSiteRow, StationInfo } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { SiteDetailPage } from '../../src/renderer/features/meals/sites/SiteDetailPage';
import { SiteFormPage } from '../../src/renderer/features/meals/sites/SiteFormPage';
import { SiteListTab } from '../../src/renderer/features/meals/sites/SiteListTab';
import { useSiteListStore } from '../../src/renderer/features/meals/sites/siteListStore';
import { formItemOf, installFake, ok, renderRoute, STATION_INFO, type Call } from './helpers';

const COUNTY: StationInfo = { ...STATION_INFO, role: 'county', code: '341723', name: '青阳县民政局' };

const ROW: MealSiteRow = {
  id: 's1',
  stationCode: '341723100',
  name: '五星村老年助餐点',
  kind: 'point',
  status: 'running',
  townshipName: '蓉城镇',
  villageName: '五星村',
  operator: '五星村村民委员会',
  dailyCapacity: 40,
  diners: 23,
};

const SITE: MealSiteRecord = {
  id: 's1',
  stationCode: '341723100',
  townshipCode: '341723100',
  townshipName: '蓉城镇',
  villageName: '五星村',
  name: '五星村老年助餐点',
  kind: 'point',
  area: 'rural',
  villageCode: '341723100202',
  address: undefined,
  contactName: undefined,
  contactPhone: undefined,
  notes: undefined,
  operatingModel: 'village_mutual',
  operator: '五星村村民委员会',
  dailyCapacity: 40,
  mealTimes: ['lunch'],
  servingDays: ['1', '2', '3', '4', '5'],
  delivery: true,
  builtOn: addDays(todayIso(), -300),
  status: 'running',
  statusSince: addDays(todayIso(), -300),
  licenceNo: 'JY13417230000001',
  licenceExpiresOn: addDays(todayIso(), 10),
  diners: 23,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);
const lastInput = (calls: Call[], name: Call['name']) => callsOf(calls, name).at(-1)?.input as Record<string, unknown> | undefined;

/** The form item whose label reads exactly `label` (checkbox and radio groups have no labelled input). */
function itemLabelled(label: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('.ant-form-item-label label')].find((l) => l.textContent === label);
  if (!found) throw new Error(`no form item ${label}`);
  return formItemOf(found);
}

/** Pasting, not typing: each keystroke re-renders the whole form. */
async function fill(label: string, text: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

async function pick(label: string, option: string): Promise<void> {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(option);
  await user.click(options.at(-1)!);
}

function renderList() {
  useSiteListStore.getState().clearFilters();
  return renderRoute(<SiteListTab />, { url: '/meals', path: '/meals', also: { '/meals/sites/:id': <div data-testid="site-page" /> } });
}

describe('meal sites list', { timeout: 60_000 }, () => {
  it('shows a station its own sites with kind, village, status, capacity and diners today, and filters by village, status and kind', async () => {
    const user = userEvent.setup();
    const calls = installFake({ 'meals.sites.list': () => ok({ total: 1, rows: [ROW] }) });
    renderList();
    const row = (await screen.findByText('五星村老年助餐点')).closest<HTMLElement>('tr')!;
    for (const text of ['老年助餐点', '五星村', '运营', '五星村村民委员会', '40 份', '23 人']) expect(within(row).getByText(text)).toBeInTheDocument();
    expect(screen.getByTestId('meal-sites-total')).toHaveTextContent('共 1 个助餐点');
    // A station picks no township: its villages are offered at once.
    expect(screen.queryByLabelText('乡镇（街道）')).not.toBeInTheDocument();
    expect(screen.queryByText('站点', { selector: 'th' })).not.toBeInTheDocument();

    await pick('村（居）', '五星村');
    await pick('运营状态', '停运');
    await pick('助餐点类型', '老年食堂');
    await waitFor(() => expect(lastInput(calls, 'meals.sites.list')).toMatchObject({ villageCode: '341723100202', status: 'stopped', kind: 'canteen', offset: 0 }));

    await user.click(await screen.findByText('五星村老年助餐点'));
    expect(await screen.findByTestId('site-page')).toBeInTheDocument();
  });

  it('shows the county every station’s sites with their township and station, and a station filter', async () => {
    const calls = installFake({ 'station.info': () => ok(COUNTY), 'meals.sites.list': () => ok({ total: 1, rows: [ROW] }) });
    renderList();
    const row = (await screen.findByText('五星村老年助餐点')).closest<HTMLElement>('tr')!;
    expect(within(row).getByText('蓉城镇 五星村')).toBeInTheDocument();
    expect(screen.getByText('站点', { selector: 'th' })).toBeInTheDocument();
    expect(screen.getByLabelText('站点')).toBeInTheDocument();
    expect(screen.getByLabelText('乡镇（街道）')).toBeInTheDocument();
    expect(lastInput(calls, 'meals.sites.list')).not.toHaveProperty('stationCode');
  });
});

describe('meal site form', { timeout: 90_000 }, () => {
  it('shows the contract’s message at each field, starts with lunch on weekdays, and saves the site', async () => {
    const user = userEvent.setup();
    const calls = installFake({ 'meals.sites.save': () => ok({ id: 's-new' }) });
    renderRoute(<SiteFormPage />, { url: '/meals/sites/new', path: '/meals/sites/new', also: { '/meals/sites/:id': <div data-testid="site-page" /> } });
    await screen.findByText('供餐');
    const checked = (label: string) => within(itemLabelled(label)).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked).map((c) => c.closest('label')?.textContent);
    expect(checked('供餐餐次')).toEqual(['午餐']);
    expect(checked('供餐日')).toEqual(['周一', '周二', '周三', '周四', '周五']);

    await user.click(within(itemLabelled('供餐餐次')).getByText('午餐'));
    await user.click(screen.getByTestId('meal-site-save'));
    const messageAt = (label: string, text: string) => within(itemLabelled(label)).findByText(text);
    expect(await messageAt('助餐点名称', '请填写助餐点名称')).toBeInTheDocument();
    expect(await messageAt('助餐点类型', '请选择助餐点类型')).toBeInTheDocument();
    expect(await messageAt('城乡类型', '请选择城乡类型')).toBeInTheDocument();
    expect(await messageAt('所在村（居）', '请选择所在村（居）')).toBeInTheDocument();
    expect(await messageAt('运营方', '请填写运营方')).toBeInTheDocument();
    expect(await messageAt('日供餐能力', '日供餐能力须为整数')).toBeInTheDocument();
    expect(await messageAt('供餐餐次', '请至少选择一个餐次')).toBeInTheDocument();
    expect(await messageAt('建成日期', '运营中的助餐点请填写建成日期')).toBeInTheDocument();
    expect(screen.getByTestId('meal-site-problem')).toBeInTheDocument();
    expect(callsOf(calls, 'meals.sites.save')).toHaveLength(0);

    await fill('助餐点名称', '五星村老年助餐点');
    await pick('助餐点类型', '老年助餐点');
    await user.click(within(itemLabelled('城乡类型')).getByText('农村'));
    await user.click(screen.getByLabelText('所在村（居）'));
    await user.click(await screen.findByTitle('蓉城镇'));
    await user.click(await screen.findByTitle('五星村'));
    await pick('运营模式', '村集体互助');
    await fill('运营方', '五星村村民委员会');
    await fill('日供餐能力', '40');
    await user.click(within(itemLabelled('供餐餐次')).getByText('午餐'));
    await user.click(within(itemLabelled('供餐餐次')).getByText('晚餐'));
    const built = addDays(todayIso(), -30);
    await user.type(screen.getByLabelText('建成日期'), `${built}{Enter}`);
    // A corrected field loses its message at once.
    await waitFor(() => expect(within(itemLabelled('助餐点名称')).queryByText('请填写助餐点名称')).not.toBeInTheDocument());
    await user.click(screen.getByTestId('meal-site-save'));
    await waitFor(() => expect(callsOf(calls, 'meals.sites.save')).toHaveLength(1));
    expect(lastInput(calls, 'meals.sites.save')).toEqual({
      site: {
        name: '五星村老年助餐点',
        kind: 'point',
        area: 'rural',
        villageCode: '341723100202',
        operatingModel: 'village_mutual',
        operator: '五星村村民委员会',
        dailyCapacity: 40,
        mealTimes: ['lunch', 'dinner'],
        servingDays: ['1', '2', '3', '4', '5'],
        delivery: false,
        status: 'running',
        statusSince: todayIso(),
        taskYear: Number(todayIso().slice(0, 4)),
        builtOn: built,
      },
    });
    expect(await screen.findByTestId('site-page')).toBeInTheDocument();
  });

  it('edits with the site’s id, places the core’s field errors, and shows why a site with meals cannot be deleted', async () => {
    const user = userEvent.setup();
    const refusal = '该助餐点已有12条就餐记录，不能删除；如已停止供餐，请将运营状态改为“停运”';
    const calls = installFake({
      'meals.sites.get': () => ok(SITE),
      'meals.sites.save': () => ({
        ok: false,
        error: { code: 'validation', message: '这里只能选择本乡镇（街道）的村（居）', fieldErrors: { 'site.villageCode': '这里只能选择本乡镇（街道）的村（居）' } },
      }),
      'meals.sites.delete': () => ({ ok: false, error: { code: 'conflict', message: refusal } }),
    });
    renderRoute(<SiteFormPage />, { url: '/meals/sites/s1/edit', path: '/meals/sites/:id/edit' });
    expect(await screen.findByDisplayValue('五星村老年助餐点')).toBeInTheDocument();
    await user.click(screen.getByTestId('meal-site-save'));
    expect(await within(itemLabelled('所在村（居）')).findByText('这里只能选择本乡镇（街道）的村（居）')).toBeInTheDocument();
    expect(lastInput(calls, 'meals.sites.save')).toMatchObject({ id: 's1', site: { name: '五星村老年助餐点', delivery: true, licenceNo: 'JY13417230000001' } });

    await user.click(screen.getByTestId('meal-site-delete'));
    await user.click(await screen.findByText('删除', { selector: '.ant-modal-confirm button span' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(lastInput(calls, 'meals.sites.delete')).toEqual({ id: 's1' });
  });
});

describe('meal site details', () => {
  it('shows the site’s record with a licence close to its end in orange, and one past it in red', async () => {
    installFake({ 'meals.sites.get': () => ok(SITE) });
    const { unmount } = renderRoute(<SiteDetailPage />, { url: '/meals/sites/s1?tab=info', path: '/meals/sites/:id' });
    const info = await screen.findByTestId('meal-site-info');
    for (const text of ['老年助餐点', '农村', '蓉城镇 五星村', '村集体互助', '午餐', '周一、周二、周三、周四、周五', '40 份', '23 人', 'JY13417230000001']) {
      expect(within(info).getByText(text)).toBeInTheDocument();
    }
    const warning = within(info).getByTestId('meal-site-licence-warning');
    expect(warning).toHaveTextContent('30天内到期');
    expect(warning).toHaveClass('ant-typography-warning');
    unmount();

    installFake({ 'meals.sites.get': () => ok({ ...SITE, licenceExpiresOn: addDays(todayIso(), -1) }) });
    renderRoute(<SiteDetailPage />, { url: '/meals/sites/s1?tab=info', path: '/meals/sites/:id' });
    const expired = await screen.findByTestId('meal-site-licence-warning');
    expect(expired).toHaveTextContent('已过期');
    expect(expired).toHaveClass('ant-typography-danger');
  });
});
