import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MealImportInput, MealImportResult, MealSiteRecord, Progress } from '../../src/shared/contract';
import { addDays, todayIso } from '../../src/shared/domain/dates';
import { ImportButton } from '../../src/renderer/features/meals/attendance/ImportButton';
import { installFake, ok, renderWithProviders } from './helpers';

const TODAY = todayIso();
const MONTH = TODAY.slice(0, 7);
const DAY = `${MONTH}-01`;
const monthLabel = `${MONTH.slice(0, 4)}年${Number(MONTH.slice(5))}月`;

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
  operatingModel: 'village_mutual',
  operator: '五星村村民委员会',
  contactName: undefined,
  contactPhone: undefined,
  dailyCapacity: 40,
  mealTimes: ['lunch'],
  servingDays: ['1', '2', '3', '4', '5'],
  delivery: false,
  builtOn: addDays(TODAY, -300),
  status: 'running',
  statusSince: addDays(TODAY, -300),
  licenceNo: undefined,
  licenceExpiresOn: undefined,
  notes: undefined,
  diners: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const PREVIEW: MealImportResult = {
  fileName: '刷卡记录.xlsx',
  sheet: '刷卡记录',
  preview: true,
  rows: [
    { line: 3, name: '王秀英', idNumberMasked: '341723********0024', dayText: DAY, mealTimeText: '午餐', dinerId: 'd1', dinerName: '王秀英', day: DAY, mealTime: 'lunch', status: 'new' },
    { line: 4, name: '李桂兰', idNumberMasked: '', dayText: DAY, mealTimeText: '午餐', day: DAY, status: 'refused', reason: '本助餐点有2位同名人员，请在文件中填写身份证号' },
    { line: 5, name: '赵德明', idNumberMasked: '', dayText: DAY, mealTimeText: '午餐', dinerId: 'd3', dinerName: '赵德明', day: DAY, mealTime: 'lunch', status: 'ticked' },
  ],
  counts: { new: 1, ticked: 1, duplicate: 0, refused: 1 },
  imported: 0,
};

async function openWithFile(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /导入签到设备记录/ }));
  const dialog = await screen.findByRole('dialog');
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  await user.upload(input, new File(['姓名,日期,餐次\n'], '刷卡记录.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  expect(await within(dialog).findByText('刷卡记录.xlsx')).toBeInTheDocument();
  return dialog;
}

describe('ImportButton', () => {
  it('previews the file row by row with the reasons, then imports the matched meals with the chosen device and shows progress', async () => {
    let release: (() => void) | null = null;
    const calls = installFake({
      'meals.attendance.importData': (input, onProgress?: (p: Progress) => void) => {
        const i = input as MealImportInput;
        if (i.preview) return ok(PREVIEW);
        onProgress?.({ phase: '写入就餐记录', done: 500, total: 1200 });
        return new Promise((resolve) => {
          release = () => resolve(ok({ ...PREVIEW, preview: false, imported: 1 } satisfies MealImportResult));
        });
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ImportButton site={SITE} month={MONTH} />);
    const dialog = await openWithFile(user);
    expect(within(dialog).getByText(`导入签到设备记录：五星村老年助餐点，${monthLabel}`)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: '人脸' }));
    await user.click(within(dialog).getByRole('button', { name: '预览' }));
    expect(await within(dialog).findByTestId('meal-import-summary')).toHaveTextContent('共 3 行（工作表“刷卡记录”）：将导入 1 条，已勾选 1 条，重复 0 条，不能导入 1 条');
    const table = within(dialog).getByTestId('meal-import-rows');
    expect(within(table).getByText('本助餐点有2位同名人员，请在文件中填写身份证号')).toBeInTheDocument();
    expect(within(table).getByText('将导入')).toBeInTheDocument();
    expect(within(table).getByText('341723********0024')).toBeInTheDocument();

    // Only the refused rows, to fix them in the file.
    await user.click(within(dialog).getByText('不能导入', { selector: '.ant-segmented-item-label' }));
    expect(within(table).queryByText('王秀英')).not.toBeInTheDocument();
    expect(within(table).getByText('李桂兰')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: '导入 1 条就餐记录' }));
    expect(await within(dialog).findByTestId('meal-import-progress')).toHaveTextContent('写入就餐记录（500 / 1,200）');
    release!();
    expect(await within(dialog).findByTestId('meal-import-done')).toHaveTextContent('已导入 1 条就餐记录');
    expect(within(dialog).getByTestId('meal-import-done')).toHaveTextContent('1 条此前已勾选，1 条不能导入');

    const sent = calls.filter((c) => c.name === 'meals.attendance.importData').map((c) => c.input as MealImportInput);
    expect(sent.map((i) => [i.siteId, i.month, i.method, i.preview, i.file.name])).toEqual([
      ['s1', MONTH, 'face', true, '刷卡记录.xlsx'],
      ['s1', MONTH, 'face', false, '刷卡记录.xlsx'],
    ]);
    // The file's bytes travel as base64.
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent[0]!.file.data), (c) => c.charCodeAt(0)))).toBe('姓名,日期,餐次\n');
  });

  it('shows a refusal of the whole file where the user chose it', async () => {
    installFake({
      'meals.attendance.importData': () => ({
        ok: false,
        error: { code: 'validation', message: '输入有误', fieldErrors: { file: '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入' } },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<ImportButton site={SITE} month={MONTH} />);
    const dialog = await openWithFile(user);
    await user.click(within(dialog).getByRole('button', { name: '预览' }));
    expect(await within(dialog).findByText('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: /导入 \d+ 条/ })).not.toBeInTheDocument());
  });
});
