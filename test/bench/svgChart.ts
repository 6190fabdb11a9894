/**
 * A small SVG line chart for the benchmark's scaling curves: logarithmic axes (sizes and times
 * both span orders of magnitude), one line per series with its points marked, a legend. No
 * dependency; the output is plain text that diffs well and renders on GitHub.
 */
export interface Series {
  readonly name: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** Baselines are drawn dashed. */
  readonly dashed?: boolean;
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf'];
const width = 720;
const height = 420;
const margin = { left: 70, right: 250, top: 40, bottom: 55 };

export function lineChart(options: ChartOptions): string {
  const points = options.series.flatMap((series) => series.points).filter(([x, y]) => x > 0 && y > 0);
  if (points.length === 0) throw new Error(`chart "${options.title}" has no points`);
  const [xLow, xHigh] = decades(points.map(([x]) => x));
  const [yLow, yHigh] = decades(points.map(([, y]) => y));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const xAt = (x: number) => margin.left + ((Math.log10(x) - xLow) / (xHigh - xLow)) * plotWidth;
  const yAt = (y: number) => margin.top + plotHeight - ((Math.log10(y) - yLow) / (yHigh - yLow)) * plotHeight;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${margin.left}" y="22" font-size="15" font-weight="bold">${escape(options.title)}</text>`);
  for (let decade = xLow; decade <= xHigh; decade++) {
    const x = xAt(10 ** decade);
    out.push(`<line x1="${f(x)}" y1="${margin.top}" x2="${f(x)}" y2="${margin.top + plotHeight}" stroke="#ddd"/>`);
    out.push(`<text x="${f(x)}" y="${margin.top + plotHeight + 16}" text-anchor="middle">${tick(10 ** decade)}</text>`);
  }
  for (let decade = yLow; decade <= yHigh; decade++) {
    const y = yAt(10 ** decade);
    out.push(`<line x1="${margin.left}" y1="${f(y)}" x2="${margin.left + plotWidth}" y2="${f(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${margin.left - 6}" y="${f(y + 4)}" text-anchor="end">${tick(10 ** decade)}</text>`);
  }
  out.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 14}" text-anchor="middle">${escape(options.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(options.yLabel)}</text>`);
  options.series.forEach((series, index) => {
    const colour = colours[index % colours.length];
    const shown = series.points.filter(([x, y]) => x > 0 && y > 0);
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    if (shown.length > 1) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${shown.map(([x, y]) => `${f(xAt(x))},${f(yAt(y))}`).join(' ')}"/>`);
    for (const [x, y] of shown) out.push(`<circle cx="${f(xAt(x))}" cy="${f(yAt(y))}" r="3.5" fill="${colour}"><title>${escape(`${series.name}: ${tick(x)} → ${y.toFixed(y >= 100 ? 0 : 1)}`)}</title></circle>`);
    const legendY = margin.top + 10 + index * 20;
    const legendX = margin.left + plotWidth + 14;
    out.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${legendX + 30}" y="${legendY + 4}">${escape(series.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The whole decades (as powers of ten) that hold every value. */
function decades(values: readonly number[]): [number, number] {
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.ceil(Math.log10(Math.max(...values)));
  return [low, high === low ? low + 1 : high];
}

function tick(value: number): string {
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(Number(value.toPrecision(3)));
}

function f(value: number): string {
  return value.toFixed(1);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
