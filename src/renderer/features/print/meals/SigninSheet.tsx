/**
 * 老年助餐就餐签到表: a site's month on one A4 landscape sheet (or more, the header repeating),
 * diners down, days across. Ticked meals are printed; every other cell stays blank for a tick or a
 * signature on paper, so the same sheet serves as the blank card of a month to come.
 */
import dayjs from 'dayjs';
import { Fragment } from 'react';
import type { MealMonthGrid, MealSiteRecord, MealTick } from '../../../../shared/contract';
import { daysInMonth } from '../../../../shared/domain/dates';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_TIMES, WEEKDAYS, type MealTime } from '../../../../shared/domain/meals';
import { monthTitle } from '../../meals/months';
import { Signature } from '../marks';

export const SIGNIN_TITLE = '老年助餐就餐签到表';

const WEEKDAY_MARKS = ['日', '一', '二', '三', '四', '五', '六'];

interface Day {
  iso: string;
  n: number;
  weekdayMark: string;
  serving: boolean;
}

function daysOf(grid: MealMonthGrid): Day[] {
  const [y, m] = grid.month.split('-').map(Number) as [number, number];
  return Array.from({ length: daysInMonth(y, m) }, (_, i) => {
    const iso = `${grid.month}-${String(i + 1).padStart(2, '0')}`;
    const weekday = dayjs(iso).day();
    // serving days are ISO weekdays: Sunday is 7, not dayjs's 0.
    return { iso, n: i + 1, weekdayMark: WEEKDAY_MARKS[weekday] ?? '', serving: grid.servingDays.includes(String(weekday === 0 ? 7 : weekday)) };
  });
}

/** The site's meal times, and any other a meal of the month was ticked at, in the day's order. */
function mealTimesOf(grid: MealMonthGrid): MealTime[] {
  const used = new Set<MealTime>([...grid.mealTimes, ...grid.ticks.map((t) => t.mealTime)]);
  return MEAL_TIMES.map((t) => t.value).filter((t) => used.has(t));
}

const Tick = ({ tick }: { tick: MealTick | undefined }) => (tick ? <span className="ms-tick">{tick.delivered ? '送' : '✓'}</span> : null);

export function SigninSheet({ grid, site }: { grid: MealMonthGrid; site: MealSiteRecord }) {
  const days = daysOf(grid);
  const times = mealTimesOf(grid);
  const several = times.length > 1;
  const ticks = new Map(grid.ticks.map((t) => [`${t.dinerId}/${t.day}/${t.mealTime}`, t]));
  const perDay = new Map<string, number>();
  for (const t of grid.ticks) perDay.set(t.day, (perDay.get(t.day) ?? 0) + 1);
  const servingDays = WEEKDAYS.filter((w) => grid.servingDays.includes(w.value)).map((w) => w.label);

  return (
    <section className="pf-sheet ms-landscape">
      <h1 className="pf-title">{SIGNIN_TITLE}</h1>
      <div className="pf-unit-line">
        <span>
          助餐点：{site.name}
          <span className="pf-gap" />
          乡镇（街道）：{site.townshipName}
          <span className="pf-gap" />
          村（居）：{site.villageName}
        </span>
        <span>月份：{monthTitle(grid.month)}</span>
      </div>
      <div className="pf-unit-line">
        <span>
          供餐餐次：{times.map((t) => labelOf(MEAL_TIMES, t)).join('、')}
          <span className="pf-gap" />
          供餐日：{servingDays.join('、')}
        </span>
        <span>运营方：{site.operator}</span>
      </div>
      <table className="pf-table ms-list ms-grid">
        <colgroup>
          <col style={{ width: '6mm' }} />
          <col style={{ width: '15mm' }} />
          {several && <col style={{ width: '7mm' }} />}
          {days.map((d) => (
            <col key={d.iso} />
          ))}
          <col style={{ width: '9mm' }} />
          <col style={{ width: '17mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            {several && <th>餐次</th>}
            {days.map((d) => (
              <th key={d.iso} className={d.serving ? undefined : 'ms-closed'}>
                {d.n}
                <br />
                {d.weekdayMark}
              </th>
            ))}
            <th>合计</th>
            <th>本人签字</th>
          </tr>
        </thead>
        <tbody>
          {grid.diners.map((diner, i) => (
            <Fragment key={diner.id}>
              {times.map((time, j) => {
                const row = days.map((d) => ticks.get(`${diner.id}/${d.iso}/${time}`));
                return (
                  <tr key={time}>
                    {j === 0 && (
                      <>
                        <td rowSpan={times.length}>{i + 1}</td>
                        <td rowSpan={times.length} className="ms-name">
                          {diner.name}
                        </td>
                      </>
                    )}
                    {several && <td>{labelOf(MEAL_TIMES, time).slice(0, 1)}</td>}
                    {days.map((d, k) => (
                      <td key={d.iso} className={d.serving ? undefined : 'ms-closed'}>
                        <Tick tick={row[k]} />
                      </td>
                    ))}
                    <td>{row.filter(Boolean).length || ''}</td>
                    {j === 0 && <td rowSpan={times.length} />}
                  </tr>
                );
              })}
            </Fragment>
          ))}
          <tr className="ms-total">
            <td colSpan={several ? 3 : 2}>每日人次</td>
            {days.map((d) => (
              <td key={d.iso} className={d.serving ? undefined : 'ms-closed'}>
                {perDay.get(d.iso) ?? ''}
              </td>
            ))}
            <td>{grid.meals}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <div className="ms-legend">
        <span>
          <span className="ms-tick">✓</span> 堂食<span className="pf-gap" />送 送餐上门<span className="pf-gap" />灰色为非供餐日<span className="pf-gap" />共{grid.diners.length}人、{grid.meals}人次
        </span>
        <span>
          <Signature label="经办人" width="28mm" />
          <span className="pf-gap" />
          <Signature label="运营方负责人" width="28mm" />
          <span className="pf-gap" />
          日期：<span className="pf-blank" style={{ minWidth: '30mm' }} />
        </span>
      </div>
    </section>
  );
}
