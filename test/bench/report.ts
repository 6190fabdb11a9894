/** The benchmark table: each figure beside the baseline measured in the same run. */
export interface Figure {
  readonly name: string;
  readonly corpus: string;
  /** Measured value in `unit`. */
  readonly value: number;
  readonly unit: 'ms' | 'MB';
  readonly baselineName?: string;
  readonly baseline?: number;
  /** Target as a ratio to the baseline (`ratio`) or as an absolute bound in `unit` (`absolute`). */
  readonly target?: { kind: 'ratio' | 'absolute'; limit: number };
}

export function verdict(figure: Figure): 'meets' | 'MISSES' | 'report' {
  if (!figure.target) return 'report';
  const measured = figure.target.kind === 'ratio' ? figure.value / (figure.baseline ?? Number.NaN) : figure.value;
  return measured <= figure.target.limit ? 'meets' : 'MISSES';
}

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${unit}`;
}

export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const ratio = figure.baseline ? `${(figure.value / figure.baseline).toFixed(2)}x` : '-';
    const target = figure.target ? (figure.target.kind === 'ratio' ? `<= ${figure.target.limit}x` : `<= ${figure.target.limit} ${figure.unit}`) : 'report';
    const baseline = figure.baselineName ? `${figure.baselineName}: ${format(figure.baseline, figure.unit)}` : '-';
    return `| ${figure.name} | ${figure.corpus} | ${format(figure.value, figure.unit)} | ${baseline} | ${ratio} | ${target} | ${verdict(figure)} |`;
  });
  return ['| figure | corpus | measured | baseline (same run) | ratio | target | result |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
