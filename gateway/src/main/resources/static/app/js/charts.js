// Chart options for Apache ECharts (the WebJar): the drawing is the library's; this file
// only says which series to draw. Intervals are drawn as bands: a transparent base at the
// low bound and a filled, stacked area up to the high bound.
import * as echarts from 'echarts';
import { t, num } from './i18n.js';

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

export function mount(element, option) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption(option);
  charts.add(chart);
  return chart;
}
export function disposeAll() { charts.forEach((c) => c.dispose()); charts.clear(); }

/** A line with its 95% band. points: [{x, value, low, high, n, lowSample}] */
export function bandLine(points, { name, color = '#0b5cad', yName = '' } = {}) {
  const xs = points.map((p) => p.x);
  // ECharts (5.3) stacks negative and positive values apart, so a band whose low bound is
  // negative (an NPS of -20 ± 15) would be drawn from 0. The series are drawn shifted above
  // zero by a round amount; the axis labels and the tooltip show the real values.
  const lowest = Math.min(0, ...points.map((p) => Math.min(p.low, p.value)));
  const shift = lowest < 0 ? Math.floor(lowest / 20) * 20 : 0;
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 28, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const p = points[items[0].dataIndex];
        return `${p.x}<br>${name}: <b>${num(p.value)}</b><br>${t('interval')}: [${num(p.low)} ; ${num(p.high)}]<br>n = ${num(p.n, 0)}`
          + (p.lowSample ? `<br>⚠ ${t('lowSample')}` : '');
      },
    },
    legend: { show: false },
    xAxis: { type: 'category', data: xs, boundaryGap: false },
    yAxis: { type: 'value', name: yName, scale: true, axisLabel: { formatter: (v) => num(v + shift, 0) } },
    series: [
      { name: 'low', type: 'line', data: points.map((p) => p.low - shift), lineStyle: { opacity: 0 }, stack: 'band', symbol: 'none', silent: true },
      { name: t('interval'), type: 'line', data: points.map((p) => p.high - p.low), lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.18 }, stack: 'band', symbol: 'none', silent: true },
      { name, type: 'line', data: points.map((p) => ({ value: p.value - shift, symbol: p.lowSample ? 'emptyCircle' : 'circle', symbolSize: p.lowSample ? 8 : 5 })), itemStyle: { color }, lineStyle: { width: 2 } },
    ],
  };
}

/** Bars with error bars drawn by ECharts' own candlestick-free "custom"-less approach: bar + interval as a boxplot-like scatter. */
export function bars(categories, values, { name, color = '#0b5cad', intervals = null, counts = null } = {}) {
  const series = [{ name, type: 'bar', data: values, itemStyle: { color } }];
  if (intervals) {
    // the interval of each bar as a thin boxplot whisker (min = low, max = high)
    series.push({ name: t('interval'), type: 'boxplot', data: intervals.map(([lo, hi]) => [lo, lo, (lo + hi) / 2, hi, hi]), itemStyle: { color: '#1b1f24', borderColor: '#1b1f24' }, boxWidth: [2, 2] });
  }
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 20, bottom: 60 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const i = items[0].dataIndex;
        let text = `${categories[i]}<br>${name}: <b>${num(values[i])}</b>`;
        if (intervals) text += `<br>${t('interval')}: [${num(intervals[i][0])} ; ${num(intervals[i][1])}]`;
        if (counts) text += `<br>n = ${num(counts[i], 0)}`;
        return text;
      },
    },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 5 ? 30 : 0 } },
    // bars are read by their length: the axis always includes zero
    yAxis: { type: 'value', scale: false },
    series,
  };
}
