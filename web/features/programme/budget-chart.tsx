/**
 * The budget-by-recipient bar chart. Loaded with React.lazy (ECharts is the heaviest thing the app ships), and
 * built from `echarts/core` with only the bar chart, grid, tooltip and SVG renderer.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Locale } from '../../../core/i18n/locale.js';
import { formatMoney, formatMoneyCompact } from '../../../core/i18n/format.js';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface BudgetBar {
  /** acronym in the reader's language */
  label: string;
  amount: number;
  convening: boolean;
}

interface Props {
  bars: BudgetBar[];
  currency: string;
  locale: Locale;
  /** what the chart shows, for screen readers (the table beside it has the figures) */
  ariaLabel: string;
}

const barHeight = 36;

export function BudgetChart({ bars, currency, locale, ariaLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // category axes draw bottom-up: reverse so the table's first row is the chart's top bar
    const ordered = [...bars].reverse();
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 88, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        valueFormatter: (value) =>
          typeof value === 'number' ? formatMoney(value, currency, locale) : String(value),
      },
      xAxis: {
        type: 'value',
        axisLabel: {
          formatter: (value: number) => formatMoneyCompact(value, currency, locale),
          hideOverlap: true,
        },
        splitLine: { lineStyle: { color: '#e9ecef' } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((bar) => bar.label),
        axisTick: { show: false },
        axisLabel: { color: '#343a40', fontSize: 13 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: ordered.map((bar) => ({
            value: bar.amount,
            itemStyle: { color: bar.convening ? '#1864ab' : '#4dabf7', borderRadius: [0, 3, 3, 0] },
          })),
          label: {
            show: true,
            position: 'right',
            color: '#495057',
            formatter: ({ value }) =>
              typeof value === 'number' ? formatMoneyCompact(value, currency, locale) : '',
          },
        },
      ],
    };
    chart.current?.setOption(option, true);
  }, [bars, currency, locale]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height: Math.max(120, bars.length * barHeight + 48) }}
    />
  );
}
