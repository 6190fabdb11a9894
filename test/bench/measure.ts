/** Small timing helpers for the benchmarks: wall-clock medians and percentiles. */
import { performance } from 'node:perf_hooks';

export async function timeOnce(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs `work` `runs` times (after `warmup` untimed runs) and returns every duration in ms. */
export async function timeRuns(work: () => unknown, runs: number, warmup = 1): Promise<number[]> {
  for (let index = 0; index < warmup; index++) await work();
  const durations: number[] = [];
  for (let index = 0; index < runs; index++) durations.push(await timeOnce(work));
  return durations;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Lets the garbage collector run between figures when Node was started with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
