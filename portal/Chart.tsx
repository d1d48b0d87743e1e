/**
 * One ECharts chart (bar or pie) over labelled values; a click on a bar or a slice opens the cases
 * behind it. Only the parts used are registered, so the bundle stays small.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartItem {
  label: string;
  value: number;
}

export function Chart(props: {
  kind: 'bar' | 'pie';
  items: ChartItem[];
  unit?: string;
  onPick: (index: number) => void;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const { kind, items, unit, onPick } = props;
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(
      kind === 'pie'
        ? {
            tooltip: { trigger: 'item', valueFormatter: (v: unknown) => `${v}${unit ?? ''}` },
            series: [
              { type: 'pie', radius: ['35%', '65%'], data: items.map((x) => ({ name: x.label, value: x.value })) },
            ],
          }
        : {
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}${unit ?? ''}` },
            grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: items.map((x) => x.label) },
            series: [{ type: 'bar', data: items.map((x) => x.value), itemStyle: { color: '#2e7d32' } }],
          },
    );
    chart.on('click', (p) => onPick(p.dataIndex));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [kind, items, unit, onPick]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={props.label}
      style={{ width: '100%', height: Math.max(180, Math.min(420, 28 * items.length + 40)) }}
    />
  );
}
