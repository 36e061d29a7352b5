/**
 * An ECharts chart that follows its container's size, with the same numbers as a table.
 *
 * Only `echarts/core` is imported, with the canvas renderer and the common components registered
 * here; a caller registers the chart types it draws (echarts' `use([BarChart])`), so the bundle carries only
 * what some screen actually shows.
 */
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerCharts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState, type CSSProperties } from 'react';

// ECharts' own `use`, renamed: it registers renderer parts at load and is no React hook.
registerCharts([CanvasRenderer, GridComponent, LegendComponent, TooltipComponent]);

/** The chart's numbers as rows and columns: read by screen readers, and shown when nothing can be drawn. */
export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

interface EChartProps {
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
  testId?: string;
}

// Kept in the accessibility tree (unlike display: none) but not on screen.
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** Whether this page can draw on a canvas; jsdom and some locked-down machines cannot. */
function canvasWorks(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

function DataTable({ table, hidden }: { table: ChartTable; hidden: boolean }) {
  return (
    <table style={hidden ? VISUALLY_HIDDEN : { width: '100%', borderCollapse: 'collapse' }} data-chart-table="">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EChart({ option, table, height = 320, testId }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [drawable] = useState(canvasWorks);

  useEffect(() => {
    const box = boxRef.current;
    if (!drawable || !box) return;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    // The card's width changes with the window and the menu's collapse, not only on window resize.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chartRef.current = null;
      chart.dispose();
    };
  }, [drawable]);

  useEffect(() => {
    // notMerge: a series or month that disappears must not linger from the previous option.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, drawable]);

  return (
    <div style={{ position: 'relative' }} data-testid={testId}>
      {drawable ? (
        <>
          {/* The canvas says nothing to a screen reader; the table below says it all. */}
          <div ref={boxRef} aria-hidden="true" style={{ width: '100%', height }} />
          <DataTable table={table} hidden />
        </>
      ) : (
        <DataTable table={table} hidden={false} />
      )}
    </div>
  );
}
