// Charts with Apache ECharts (the webjar's common build, served by the gateway under /console/lib/ and loaded only
// when a dashboard first needs it). Tooltips are drawn on the canvas (richText): ECharts' HTML tooltips carry inline
// styles, which the console's Content-Security-Policy refuses. Each chart describes itself to screen readers (aria)
// and has a table with the same figures next to it.

const INK = '#1b1b1f';
const MUTED = '#44474e';
const ACCENT = '#0b57d0';
const PREVIOUS = '#74777f';
const WEAK = '#b3261e';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Noto Sans CJK JP", sans-serif';

let libraryUrl = null;
let loading = null;

/** Where the gateway serves the library (config.json's chartsLibrary: its name carries its version). */
export function useChartsLibrary(url) {
  libraryUrl = url;
}

/** ECharts, loaded once: the UMD build sets globalThis.echarts when imported as a module. */
function library() {
  if (!loading) {
    loading = import(libraryUrl).then(() => globalThis.echarts);
  }
  return loading;
}

const charts = new Map();

async function draw(element, option) {
  const echarts = await library();
  let chart = charts.get(element);
  if (!chart || chart.isDisposed()) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    charts.set(element, chart);
  }
  chart.setOption(option, true);
  return chart;
}

/** Every chart of the page that was left: a new view draws into new elements. */
export function disposeAll() {
  charts.forEach((chart) => chart.dispose());
  charts.clear();
}

window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

const BASE = {
  animation: false,
  textStyle: { fontFamily: FONT, color: INK },
  grid: { left: 48, right: 24, top: 48, bottom: 40, containLabel: true },
  tooltip: { trigger: 'axis', renderMode: 'richText' },
};

/**
 * One score period by period: this period's line and, dashed, the previous period's at the same positions (its
 * first period under this one's first), so a CX lead sees at a glance whether things got better.
 */
export function trendChart(element, { labels, current, previous, names, title, description }) {
  return draw(element, {
    ...BASE,
    aria: { enabled: true, label: { description } },
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600, color: INK } },
    legend: { top: 0, right: 0, textStyle: { color: INK } },
    xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED }, axisLine: { lineStyle: { color: MUTED } } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: MUTED } },
    series: [
      {
        name: names.current, type: 'line', data: current, connectNulls: false, symbolSize: 8,
        lineStyle: { width: 3, color: ACCENT }, itemStyle: { color: ACCENT },
      },
      {
        name: names.previous, type: 'line', data: previous, connectNulls: false, symbolSize: 6,
        lineStyle: { width: 2, type: 'dashed', color: PREVIOUS }, itemStyle: { color: PREVIOUS },
      },
    ],
  });
}

/**
 * A score per value of a dimension (channel, touchpoint, journey stage...), bars with their value on top; the bar at
 * {@code highlight} in the console's colour for what is bad.
 */
export function barChart(element, { labels, values, title, description, highlight = -1 }) {
  return draw(element, {
    ...BASE,
    aria: { enabled: true, label: { description } },
    title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 600, color: INK } },
    xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED, interval: 0 } },
    yAxis: { type: 'value', axisLabel: { color: MUTED } },
    series: [{
      // The highlighted bar (the weakest stage, say) also says so in its axis label: not colour alone
      type: 'bar', data: values.map((value, i) => (i === highlight ? { value, itemStyle: { color: WEAK } } : value)),
      barMaxWidth: 48, itemStyle: { color: ACCENT },
      label: { show: true, position: 'top', color: INK },
    }],
  });
}

/** Saves a chart as a PNG file, at twice its size on screen, on white: ready for a slide. */
export function downloadPng(element, fileName) {
  const chart = charts.get(element);
  if (!chart) {
    return;
  }
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  save(url, fileName);
}

/** Saves rows as CSV (RFC 4180, with a BOM so that spreadsheet programs read UTF-8 as such). */
export function downloadCsv(rows, fileName) {
  const quote = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = rows.map((row) => row.map(quote).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob(['\ufeff', csv, '\r\n'], { type: 'text/csv;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function save(url, fileName) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
