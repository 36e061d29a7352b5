/**
 * The month's ticket card: diners down, days across, one narrow cell a meal.
 *
 * A plain <table> styled like antd's, not antd Table: 60 diners × 31 days is 1,860 cells that
 * change on every key press, and the grid needs one focus point moved by the keyboard, sticky
 * name column, header and totals, and one delegated mouse handler. antd Table re-renders its
 * cells through column render functions and has no cell focus model. Rows are memoised on a
 * string of their cells' codes, so a key press re-renders only the rows it touched.
 */
import { memo, type KeyboardEvent, type MouseEvent, type Ref } from 'react';
import type { MealDinerRecord } from '../../../../shared/contract';
import { enrolledOn, isTickedCode, type DayColumn } from './gridModel';

export interface GridFocus {
  row: number;
  /** Day of the month, 1…31. */
  day: number;
}

export interface DayTotal {
  meals: number;
  /** People that day over all meal times, when above the site's daily capacity. */
  overCapacity: number | null;
}

interface MealGridProps {
  idPrefix: string;
  rows: readonly MealDinerRecord[];
  days: readonly DayColumn[];
  codes: readonly string[];
  focus: GridFocus;
  totals: readonly DayTotal[];
  monthMeals: number;
  label: string;
  tableRef: Ref<HTMLTableElement>;
  onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => void;
  onPick: (focus: GridFocus) => void;
}

const GLYPH: Record<string, string> = { '0': '', '1': '✓', '2': '送', '3': '✓', '4': '送', '5': '✓', '6': '送', '7': '×' };
const CELL_CLASS: Record<string, string> = {
  '0': '',
  '1': 'tick',
  '2': 'tick delivered',
  '3': 'tick late',
  '4': 'tick late delivered',
  '5': 'tick unsaved',
  '6': 'tick delivered unsaved',
  '7': 'untick unsaved',
};
const STATE: Record<string, string> = { '0': 'empty', '1': 'ticked', '2': 'ticked', '3': 'ticked', '4': 'ticked', '5': 'pending-tick', '6': 'pending-tick', '7': 'pending-untick' };

export const cellId = (prefix: string, row: number, day: number) => `${prefix}-r${row}-d${day}`;

function columnClass(d: DayColumn, focused: boolean): string {
  return [d.serving ? '' : 'closed', d.future ? 'future' : '', d.today ? 'today' : '', focused ? 'focus-col' : ''].filter(Boolean).join(' ');
}

interface RowProps {
  idPrefix: string;
  diner: MealDinerRecord;
  index: number;
  codes: string;
  /** The focused day when this row holds the focus, else 0. */
  focusDay: number;
  days: readonly DayColumn[];
}

const GridRow = memo(function GridRow({ idPrefix, diner, index, codes, focusDay, days }: RowProps) {
  let meals = 0;
  for (const c of codes) if (isTickedCode(c)) meals++;
  const period = `就餐期 ${diner.startOn} 起${diner.stopOn ? `，${diner.stopOn} 止` : ''}`;
  return (
    <tr data-row={index} data-diner={diner.id} data-name={diner.name} className={[diner.active ? '' : 'stopped', focusDay ? 'focus-row' : ''].filter(Boolean).join(' ')}>
      <th scope="row" className="name" title={`${diner.name}（${period}）${diner.delivery ? '，送餐上门' : ''}${diner.active ? '' : '，已停止就餐'}`}>
        <span className="person">{diner.name}</span>
        <span className="initials">{diner.initials.toUpperCase()}</span>
      </th>
      {days.map((d, i) => {
        const code = codes[i] ?? '0';
        const off = !enrolledOn(diner, d.iso);
        const cls = [CELL_CLASS[code], columnClass(d, false), off ? 'off' : '', focusDay === d.n ? 'focus' : ''].filter(Boolean).join(' ');
        return (
          <td key={d.n} id={cellId(idPrefix, index, d.n)} data-day={d.n} data-state={STATE[code]} aria-selected={focusDay === d.n} className={cls}>
            {GLYPH[code]}
          </td>
        );
      })}
      <td className="row-total">{meals || ''}</td>
    </tr>
  );
});

export function MealGrid({ idPrefix, rows, days, codes, focus, totals, monthMeals, label, tableRef, onKeyDown, onPick }: MealGridProps) {
  // One handler for every cell: where the pointer went down, read from the cell's data attributes.
  const pick = (e: MouseEvent<HTMLTableElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('td[data-day]');
    const row = cell?.closest<HTMLElement>('tr[data-row]');
    if (cell && row) onPick({ row: Number(row.dataset.row), day: Number(cell.dataset.day) });
  };
  return (
    <div className="meal-grid-scroll">
      <table
        ref={tableRef}
        className="meal-grid"
        role="grid"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={rows.length ? cellId(idPrefix, focus.row, focus.day) : undefined}
        onKeyDown={onKeyDown}
        onMouseDown={pick}
        data-testid="meal-attendance-grid"
      >
        <thead>
          <tr>
            <th className="name corner" scope="col">
              姓名
            </th>
            {days.map((d) => (
              <th key={d.n} scope="col" className={columnClass(d, d.n === focus.day)} title={`${d.iso} 周${d.weekdayChar}${d.serving ? '' : '（非供餐日）'}`}>
                <span className="day">{d.n}</span>
                <span className="weekday">{d.weekdayChar}</span>
              </th>
            ))}
            <th scope="col" className="row-total" title="本月该餐次就餐次数">
              计
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((diner, i) => (
            <GridRow key={diner.id} idPrefix={idPrefix} diner={diner} index={i} codes={codes[i] ?? ''} focusDay={i === focus.row ? focus.day : 0} days={days} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="name corner">
              当日人次
            </th>
            {days.map((d, i) => {
              const t = totals[i];
              return (
                <td
                  key={d.n}
                  data-testid={`meal-attendance-day-total-${d.n}`}
                  className={[columnClass(d, d.n === focus.day), t?.overCapacity ? 'over' : ''].filter(Boolean).join(' ')}
                  title={t?.overCapacity ? `当日就餐${t.overCapacity}人，超过日供餐能力` : undefined}
                >
                  {t?.meals || ''}
                </td>
              );
            })}
            <td className="row-total" data-testid="meal-attendance-grid-total">
              {monthMeals}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
