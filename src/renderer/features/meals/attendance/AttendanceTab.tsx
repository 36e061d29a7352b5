import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Skeleton, Spin, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MealSiteRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { MEAL_TIMES, type MealTime } from '../../../../shared/domain/meals';
import { errorMessage, useLedgerFetch, useLedgerQuery } from '../../../api';
import './attendance.css';
import { cellId, MealGrid, type DayTotal, type GridFocus } from './MealGrid';
import { yuan } from '../money';
import { monthTitle } from '../months';
import { dayTitle, enrolledOn, findRow, gridRows, isTickedCode, monthDays, previousServingDay, realChanges, rowCodes, savedTicksOf } from './gridModel';
import { AttendanceToolbar } from './AttendanceToolbar';
import { shiftMonth } from './MonthSwitch';
import { useStableCallback } from './useStableCallback';
import { dayKey, savedOn, usePendingTicks } from './usePendingTicks';

/** Letters typed within this long of each other make one prefix of pinyin initials. */
const TYPE_AHEAD_MS = 1000;

const mealLabel = (m: MealTime) => MEAL_TIMES.find((o) => o.value === m)?.label ?? m;

function firstDay(month: string, today: string): number {
  return month === today.slice(0, 7) ? Number(today.slice(8, 10)) : 1;
}

/**
 * 每日就餐: the site's month as its paper ticket card, entered from the keyboard. A worker jumps to
 * a person by typing pinyin initials, ticks with Space, copies the last serving day with =, and
 * saves the day with Enter (one request a day; see usePendingTicks for when it saves by itself).
 */
export function AttendanceTab({ site }: { site: MealSiteRecord }) {
  const app = App.useApp();
  const today = todayIso();
  const thisMonth = today.slice(0, 7);
  const idPrefix = useId().replace(/:/g, '');
  const [month, setMonth] = useState(thisMonth);
  const [mealTime, setMealTime] = useState<MealTime>(site.mealTimes.includes('lunch') ? 'lunch' : (site.mealTimes[0] ?? 'lunch'));
  const [focus, setFocus] = useState<GridFocus>({ row: 0, day: firstDay(thisMonth, today) });
  const [typed, setTyped] = useState('');
  const typeAhead = useRef({ text: '', at: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  const findRef = useRef<InputRef>(null);
  const fetch = useLedgerFetch();

  // The month read last stays on screen while the next loads, so the grid keeps the keyboard focus.
  const query = useLedgerQuery('meals.attendance.month', { siteId: site.id, month }, { placeholderData: keepPreviousData });
  const grid = query.data;
  const pendingTicks = usePendingTicks(site.id);
  const { pending, change, saveDay, saveAll } = pendingTicks;

  const rows = useMemo(() => gridRows(grid?.diners ?? []), [grid]);
  const days = useMemo(() => (grid ? monthDays(grid.month, grid.servingDays, today) : []), [grid, today]);
  const saved = useMemo(() => (grid ? savedTicksOf(grid, mealTime) : new Map()), [grid, mealTime]);
  const codes = useMemo(() => rows.map((r) => rowCodes(r, days, saved, (iso) => pending.get(dayKey(mealTime, iso)))), [rows, days, saved, pending, mealTime]);

  const shownMonth = grid?.month ?? month;
  const locked = grid?.locked ?? false;
  const editable = !!grid && !locked && !query.isPlaceholderData;
  // The cursor never goes past today: nothing after it can be ticked.
  const lastDay = days.filter((d) => !d.future).length || 1;
  const at: GridFocus = { row: Math.min(focus.row, Math.max(rows.length - 1, 0)), day: Math.min(focus.day, lastDay) };
  const focusDay = days[at.day - 1];
  const focusKey = focusDay ? dayKey(mealTime, focusDay.iso) : null;

  // The capacity is per day over every meal time: the other meal times' saved ticks, by day.
  const otherMeals = useMemo(() => {
    const byDay = new Map<string, string[]>();
    for (const t of grid?.ticks ?? []) if (t.mealTime !== mealTime) byDay.set(t.day, [...(byDay.get(t.day) ?? []), t.dinerId]);
    return byDay;
  }, [grid, mealTime]);
  const totals = useMemo((): DayTotal[] => {
    if (!grid) return [];
    return days.map((d, i) => {
      let meals = 0;
      const people = new Set<string>(otherMeals.get(d.iso));
      rows.forEach((r, k) => {
        if (isTickedCode(codes[k]?.[i] ?? '0')) {
          meals++;
          people.add(r.id);
        }
      });
      return { meals, overCapacity: people.size > grid.dailyCapacity ? people.size : null };
    });
  }, [grid, days, rows, codes, otherMeals]);
  const monthMeals = totals.reduce((n, t) => n + t.meals, 0);

  const unsaved = [...pending].reduce((n, [key, changes]) => n + realChanges(changes, savedOn(grid, key)).length, 0);
  const saving = pendingTicks.saving.size > 0;

  // Today's column holds the keyboard focus as soon as the card is shown.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (grid && !focusedOnce.current) {
      focusedOnce.current = true;
      tableRef.current?.focus({ preventScroll: true });
    }
  }, [grid]);

  // The focused cell stays in view; the sticky name column and header are kept clear by scroll-padding.
  useEffect(() => {
    document.getElementById(cellId(idPrefix, at.row, at.day))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [idPrefix, at.row, at.day]);

  const move = useCallback(
    (row: number, day: number) => {
      const next = { row: Math.max(0, Math.min(row, rows.length - 1)), day: Math.max(1, Math.min(day, lastDay)) };
      // Leaving a day saves it: its changes go as one request while the worker goes on.
      if (next.day !== at.day && focusKey) void saveDay(focusKey);
      setFocus(next);
      return next;
    },
    [rows.length, lastDay, at.day, focusKey, saveDay],
  );

  const toggle = (cell: GridFocus) => {
    const day = days[cell.day - 1];
    const diner = rows[cell.row];
    if (!day || !diner || !grid) return;
    if (locked) return void app.message.warning('本月已结算锁定，就餐记录不能修改');
    if (!editable) return;
    if (day.future) return void app.message.warning('不能登记今天以后的就餐');
    const key = dayKey(mealTime, day.iso);
    change(key, [[diner.id, !isTickedCode(codes[cell.row]?.[cell.day - 1] ?? '0')]], savedOn(grid, key));
  };

  /** Ticks everyone who ate on the last serving day (and is enrolled on this one); never unticks. */
  const copyPrevious = async () => {
    if (!grid || !focusDay || !focusKey) return;
    if (locked) return void app.message.warning('本月已结算锁定，就餐记录不能修改');
    if (!editable) return;
    const source = previousServingDay(focusDay.iso, grid.servingDays);
    let ate: Set<string>;
    if (source.slice(0, 7) === grid.month) {
      const i = Number(source.slice(8, 10)) - 1;
      ate = new Set(rows.filter((_, k) => isTickedCode(codes[k]?.[i] ?? '0')).map((r) => r.id));
    } else {
      try {
        const before = await fetch('meals.attendance.month', { siteId: site.id, month: source.slice(0, 7) });
        ate = new Set(before.ticks.filter((t) => t.day === source && t.mealTime === mealTime).map((t) => t.dinerId));
      } catch (e) {
        return void app.message.error(`读取${dayTitle(source)}的就餐记录失败：${errorMessage(e)}`);
      }
    }
    const col = focusDay.n - 1;
    const add = rows.filter((r, k) => ate.has(r.id) && enrolledOn(r, focusDay.iso) && !isTickedCode(codes[k]?.[col] ?? '0'));
    if (ate.size === 0) return void app.message.info(`${dayTitle(source)}${mealLabel(mealTime)}没有就餐记录`);
    change(focusKey, add.map((r) => [r.id, true]), savedOn(grid, focusKey));
    app.message.success(`已按${dayTitle(source)}勾选${add.length}人，按 Enter 保存`);
  };

  const jump = (prefix: string, from: number) => {
    const row = findRow(rows, prefix, from);
    if (row >= 0) move(row, at.day);
    return row >= 0;
  };

  const changeMonth = (m: string) => {
    if (m > thisMonth) return;
    void saveAll();
    setMonth(m);
    setFocus({ row: 0, day: firstDay(m, today) });
    tableRef.current?.focus({ preventScroll: true });
  };

  const changeMealTime = (m: MealTime) => {
    void saveAll();
    setMealTime(m);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    if (k === 'ArrowUp') move(at.row - 1, at.day);
    else if (k === 'ArrowDown') move(at.row + 1, at.day);
    else if (k === 'ArrowLeft') move(at.row, at.day - 1);
    else if (k === 'ArrowRight') move(at.row, at.day + 1);
    else if (k === 'Home') move(at.row, 1);
    else if (k === 'End') move(at.row, lastDay);
    else if (k === 'PageUp') changeMonth(shiftMonth(month, -1));
    else if (k === 'PageDown') changeMonth(shiftMonth(month, 1));
    else if (k === ' ') toggle(at);
    else if (k === 'Enter') void saveAll();
    else if (k === '=') void copyPrevious();
    else if (k === '/') findRef.current?.focus();
    else if (k === 'Escape') {
      typeAhead.current = { text: '', at: 0 };
      setTyped('');
    }
    else if (/^[a-z]$/i.test(k)) {
      const now = Date.now();
      const fresh = now - typeAhead.current.at > TYPE_AHEAD_MS;
      const text = (fresh ? '' : typeAhead.current.text) + k.toLowerCase();
      typeAhead.current = { text, at: now };
      setTyped(text);
      // A new first letter looks past the current row, so pressing it again steps to the next person.
      jump(text, fresh ? at.row + 1 : at.row);
    } else return;
    e.preventDefault();
  };

  // One identity for the card's life, so the memoised toolbar ignores cursor moves.
  const onMonth = useStableCallback(changeMonth);
  const onMealTime = useStableCallback(changeMealTime);
  const onFind = useStableCallback((text: string) => void jump(text, 0));
  const onFindDone = useStableCallback(() => tableRef.current?.focus());
  const onCopy = useStableCallback(() => void copyPrevious());
  const onSave = useStableCallback(() => void saveAll());

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError && !grid) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(query.error)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!grid) return null;

  const focusedDiner = rows[at.row];
  const failed = pendingTicks.failed;
  return (
    <Flex vertical gap={8} className="meal-attendance">
      <AttendanceToolbar
        site={site}
        month={month}
        latestMonth={thisMonth}
        mealTime={mealTime}
        mealTimes={grid.mealTimes}
        editable={editable}
        unsaved={unsaved}
        saving={saving}
        findRef={findRef}
        onMonth={onMonth}
        onMealTime={onMealTime}
        onFind={onFind}
        onFindDone={onFindDone}
        onCopy={onCopy}
        onSave={onSave}
      />

      {locked && (
        <Alert
          type="warning"
          showIcon
          data-testid="meal-attendance-locked"
          title={`已结算锁定：${monthTitle(shownMonth)}的就餐记录只读，如需更正请联系县民政局解锁`}
        />
      )}
      {failed.map((f) => {
        const [mt, iso] = f.key.split('|') as [MealTime, string];
        return (
          <Alert
            key={f.key}
            type="error"
            showIcon
            title={`${dayTitle(iso)}${mealLabel(mt)}的勾选未能保存：${f.message}`}
            action={
              <Flex gap={4}>
                <Button size="small" onClick={() => void saveDay(f.key)}>
                  重试
                </Button>
                <Button size="small" danger onClick={() => pendingTicks.discard(f.key)}>
                  放弃这些修改
                </Button>
              </Flex>
            }
          />
        );
      })}

      <Flex wrap gap={16} align="center" className="meal-attendance-status">
        <Typography.Text strong>
          {focusDay ? `${dayTitle(focusDay.iso)} 周${focusDay.weekdayChar}` : monthTitle(shownMonth)} · {mealLabel(mealTime)}
          {focusedDiner ? ` · ${focusedDiner.name}` : ''}
        </Typography.Text>
        {typed && <Typography.Text type="secondary">查找：{typed.toUpperCase()}</Typography.Text>}
        <Typography.Text type={unsaved > 0 ? 'warning' : 'secondary'} data-testid="meal-attendance-unsaved">
          {saving ? '正在保存…' : unsaved > 0 ? `${unsaved}处未保存（Enter 保存，离开当日或停顿几秒也会自动保存）` : '已全部保存'}
        </Typography.Text>
      </Flex>

      {rows.length === 0 ? (
        <Empty description="本助餐点这个月没有就餐人员，请先在“就餐人员”中登记" />
      ) : (
        <Spin spinning={query.isPlaceholderData} delay={200}>
          <MealGrid
            idPrefix={idPrefix}
            rows={rows}
            days={days}
            codes={codes}
            focus={at}
            totals={totals}
            monthMeals={monthMeals}
            label={`${monthTitle(shownMonth)}${mealLabel(mealTime)}就餐勾选`}
            tableRef={tableRef}
            onKeyDown={onKeyDown}
            onPick={(cell) => {
              const next = move(cell.row, cell.day);
              if (next.row === cell.row && next.day === cell.day) toggle(next);
            }}
          />
        </Spin>
      )}

      <Flex wrap gap={16} align="center" justify="space-between">
        <Typography.Text data-testid="meal-attendance-month-total">
          {monthTitle(shownMonth)}共就餐 <b>{grid.meals}</b> 人次，补贴 <b>{yuan(grid.subsidyFen)}</b> 元
          {grid.mealTimes.length > 1 ? '（全部餐次）' : ''} · 日供餐能力 {grid.dailyCapacity} 人
        </Typography.Text>
        <Flex gap={12} className="meal-legend" aria-label="图例">
          <span>
            <i className="tick">✓</i>堂食
          </span>
          <span>
            <i className="tick delivered">送</i>送餐
          </span>
          <span>
            <i className="tick late">✓</i>补录
          </span>
          <span>
            <i className="tick unsaved">✓</i>未保存
          </span>
          <span>
            <i className="closed" />
            非供餐日
          </span>
          <span>
            <i className="off" />
            不在就餐期
          </span>
        </Flex>
      </Flex>
      <Typography.Text type="secondary" className="meal-keys">
        键盘：输入拼音首字母跳到人员 · ↑↓←→ 移动 · 空格 勾选/取消 · = 同昨日（上一供餐日） · Enter 保存当日 · PageUp/PageDown 换月 · / 按姓名查找
      </Typography.Text>
    </Flex>
  );
}
