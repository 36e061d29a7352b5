import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, type InputRef } from 'antd';
import { memo, type Ref } from 'react';
import type { MealSiteRecord } from '../../../../shared/contract';
import { MEAL_TIMES, type MealTime } from '../../../../shared/domain/meals';
import { ImportButton } from './ImportButton';
import { MonthSwitch } from './MonthSwitch';

interface ToolbarProps {
  site: MealSiteRecord;
  month: string;
  latestMonth: string;
  mealTime: MealTime;
  mealTimes: readonly MealTime[];
  editable: boolean;
  unsaved: number;
  saving: boolean;
  findRef: Ref<InputRef>;
  onMonth: (month: string) => void;
  onMealTime: (mealTime: MealTime) => void;
  onFind: (text: string) => void;
  onFindDone: () => void;
  onCopy: () => void;
  onSave: () => void;
}

/** Month, meal time, find box, 同昨日 and 保存; memoised: moving the cursor does not redraw it. */
export const AttendanceToolbar = memo(function AttendanceToolbar(p: ToolbarProps) {
  return (
    <Flex wrap gap={8} align="center" justify="space-between">
      <Flex wrap gap={8} align="center">
        <MonthSwitch value={p.month} latest={p.latestMonth} onChange={p.onMonth} />
        {p.mealTimes.length > 1 && (
          <Segmented<MealTime>
            aria-label="餐次"
            value={p.mealTime}
            onChange={p.onMealTime}
            options={MEAL_TIMES.filter((m) => p.mealTimes.includes(m.value)).map((m) => ({ value: m.value, label: m.label }))}
          />
        )}
        <Input
          ref={p.findRef}
          allowClear
          aria-label="查找人员"
          placeholder="查找：姓名或拼音首字母（/）"
          style={{ width: 210 }}
          onChange={(e) => e.target.value.trim() && p.onFind(e.target.value.trim())}
          onPressEnter={p.onFindDone}
          onKeyDown={(e) => e.key === 'Escape' && p.onFindDone()}
        />
        <Button icon={<CopyOutlined />} disabled={!p.editable} onClick={p.onCopy} title="勾选上一供餐日就餐的人（= 键）" data-testid="meal-attendance-copy">
          同昨日
        </Button>
        <Button type="primary" icon={<SaveOutlined />} disabled={!p.editable || p.unsaved === 0} loading={p.saving} onClick={p.onSave} data-testid="meal-attendance-save">
          {p.unsaved > 0 ? `保存（${p.unsaved}）` : '保存'}
        </Button>
      </Flex>
      <ImportButton site={p.site} month={p.month} />
    </Flex>
  );
});
