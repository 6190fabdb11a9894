/**
 * Helpers for the conflict tests: small sidecars, a two-way line diff that writes the hunked
 * file git would show for two versions, and `git merge-file` for real three-way merges.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';

export function sidecarOf(annotations: Annotation[], status: Sidecar['status'] = 'in-progress', sha256 = '0'.repeat(64)): Sidecar {
  return {
    format: 'news-annotator/1',
    source: { file: 'article.txt', sha256, unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status,
    annotations,
  };
}

export function entry(id: string, start: number, type = 'PERSON'): Annotation {
  return { id, type, start, end: start + 5, text: 'Sofia' };
}

/** Lines with their breaks. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The two texts with every stretch where they differ wrapped in conflict markers (a longest
 * common subsequence of lines decides what is common), as git shows a conflict of two versions.
 */
export function hunkedFile(ours: string, theirs: string, size = 7): string {
  const left = lines(ours);
  const right = lines(theirs);
  const common: number[][] = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0));
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) common[i][j] = left[i] === right[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  }
  let out = '';
  let mine: string[] = [];
  let yours: string[] = [];
  const flush = () => {
    if (mine.length === 0 && yours.length === 0) return;
    out += `${'<'.repeat(size)} ours\n${mine.join('')}${'='.repeat(size)}\n${yours.join('')}${'>'.repeat(size)} theirs\n`;
    mine = [];
    yours = [];
  };
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      flush();
      out += left[i];
      i++;
      j++;
    } else if (j >= right.length || (i < left.length && common[i + 1][j] >= common[i][j + 1])) mine.push(left[i++]);
    else yours.push(right[j++]);
  }
  flush();
  return out;
}

export function gitAvailable(): boolean {
  const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** `git merge-file -p` of three texts with extra options (`--diff3`, `--marker-size=9`). */
export function gitMerge(base: string, ours: string, theirs: string, options: string[] = []): { clean: boolean; merged: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'conflict-merge-'));
  try {
    const files = { ours: path.join(folder, 'ours'), base: path.join(folder, 'base'), theirs: path.join(folder, 'theirs') };
    writeFileSync(files.ours, ours);
    writeFileSync(files.base, base);
    writeFileSync(files.theirs, theirs);
    const run = spawnSync('git', ['merge-file', '-p', ...options, '-L', 'HEAD', '-L', 'base', '-L', 'feature', files.ours, files.base, files.theirs], { encoding: 'utf8' });
    assert.ok(run.status !== null && run.status >= 0 && run.status < 128, run.stderr);
    return { clean: run.status === 0, merged: run.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
