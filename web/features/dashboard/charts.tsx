/**
 * The dashboards' charts, in their own lazy chunk (ECharts through `echarts/core` with only bars, lines,
 * grid, tooltip, legend and the SVG renderer). Every chart has its figures in a table beside it.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../../core/i18n/format.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { useLocale } from '../../i18n/i18n.js';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

function Chart({ option, height, ariaLabel }: { option: Option; height: number; ariaLabel: string }) {
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
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={container} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}

/** Axes and tooltips write numbers as the reader's language does (`1 200`, not ECharts' own `1,200`). */
export function numbersIn(locale: Locale) {
  const format = (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, locale) : String(value);
  return {
    tooltip: { trigger: 'axis', valueFormatter: format } satisfies TooltipComponentOption,
    valueAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => formatNumber(value, locale) },
    } as const,
  };
}

const colors = { female: '#c2255c', male: '#1971c2', unknown: '#adb5bd' };

/** Participants by age group, stacked by sex. */
export function SexAgeChart(props: {
  ages: { key: string; label: string }[];
  sexes: { key: 'female' | 'male' | 'unknown'; label: string }[];
  count: (sex: string, age: string) => number;
  ariaLabel: string;
}) {
  const numbers = numbersIn(useLocale());
  const option: Option = {
    animation: false,
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: numbers.tooltip,
    xAxis: { type: 'category', data: props.ages.map((a) => a.label) },
    yAxis: numbers.valueAxis,
    series: props.sexes.map((s) => ({
      type: 'bar',
      name: s.label,
      stack: 'people',
      itemStyle: { color: colors[s.key] },
      data: props.ages.map((a) => props.count(s.key, a.key)),
    })),
  };
  return <Chart option={option} height={260} ariaLabel={props.ariaLabel} />;
}

/** Participants per month (bars: women and others) and activities (line, right axis). */
export function MonthlyChart(props: {
  months: { month: string; label: string; activities: number; participants: number; female: number }[];
  labels: { activities: string; women: string; others: string };
  ariaLabel: string;
}) {
  const numbers = numbersIn(useLocale());
  const option: Option = {
    animation: false,
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: numbers.tooltip,
    xAxis: { type: 'category', data: props.months.map((m) => m.label) },
    yAxis: [numbers.valueAxis, { ...numbers.valueAxis, splitLine: { show: false } }],
    series: [
      {
        type: 'bar',
        name: props.labels.women,
        stack: 'p',
        itemStyle: { color: colors.female },
        data: props.months.map((m) => m.female),
      },
      {
        type: 'bar',
        name: props.labels.others,
        stack: 'p',
        itemStyle: { color: '#74c0fc' },
        data: props.months.map((m) => m.participants - m.female),
      },
      {
        type: 'line',
        name: props.labels.activities,
        yAxisIndex: 1,
        itemStyle: { color: '#2b8a3e' },
        data: props.months.map((m) => m.activities),
      },
    ],
  };
  return <Chart option={option} height={260} ariaLabel={props.ariaLabel} />;
}
