import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';

// `git merge-file` is git's three-way merge of single files, the same one a branch merge runs
// on each file; it needs no repository.
function mergeFiles(base: string, ours: string, theirs: string): { clean: boolean; merged: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sidecar-merge-'));
  try {
    const files = { ours: path.join(folder, 'ours'), base: path.join(folder, 'base'), theirs: path.join(folder, 'theirs') };
    writeFileSync(files.ours, ours);
    writeFileSync(files.base, base);
    writeFileSync(files.theirs, theirs);
    const run = spawnSync('git', ['merge-file', '-p', files.ours, files.base, files.theirs], { encoding: 'utf8' });
    assert.ok(run.status !== null && run.status >= 0 && run.status < 128, run.stderr);
    return { clean: run.status === 0, merged: run.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function sidecarOf(annotations: Annotation[]): Sidecar {
  return {
    format: 'news-annotator/1',
    source: { file: 'article.txt', sha256: '0'.repeat(64), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
  };
}

function entry(id: string, start: number): Annotation {
  return { id, type: 'PERSON', start, end: start + 5, text: 'Sofia', prefix: 'before ', suffix: ' after' };
}

describe('two branches tagging one file merge without conflict', function () {
  this.timeout(60_000);

  before(function () {
    const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      console.warn('\n!!! GIT NOT FOUND: merging of sidecars was NOT checked !!!\n');
      this.skip();
    }
  });

  it('when each adds annotations in different places of the list', () => {
    const base = [entry('base0001', 100), entry('base0002', 200), entry('base0003', 300)];
    const ours = [...base, entry('ours0001', 150)];
    const theirs = [...base, entry('thrs0001', 250), entry('thrs0002', 400)];
    const result = mergeFiles(serializeSidecar(sidecarOf(base)), serializeSidecar(sidecarOf(ours)), serializeSidecar(sidecarOf(theirs)));
    assert.ok(result.clean, result.merged);
    const union = serializeSidecar(sidecarOf([...base, entry('ours0001', 150), entry('thrs0001', 250), entry('thrs0002', 400)]));
    assert.equal(result.merged, union);
    assert.ok(parseSidecar(result.merged, 'merged').ok);
  });

  it('for any additions into different gaps between existing annotations (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.uniqueArray(fc.nat({ max: 12 }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        (count, gaps, split) => {
          const base = Array.from({ length: count }, (_, index) => entry(`base${String(index).padStart(4, '0')}`, (index + 1) * 100));
          const usable = gaps.filter((gap) => gap <= count);
          fc.pre(usable.length >= 2);
          const cut = 1 + (split % (usable.length - 1));
          // Gap g lies between base entry g-1 and base entry g (gap 0 before all, gap count after all).
          const add = (gap: number, side: string) => entry(`${side}${String(gap).padStart(4, '0')}`, gap * 100 + 50);
          const ours = usable.slice(0, cut).map((gap) => add(gap, 'ours'));
          const theirs = usable.slice(cut).map((gap) => add(gap, 'thrs'));
          const result = mergeFiles(
            serializeSidecar(sidecarOf(base)),
            serializeSidecar(sidecarOf([...base, ...ours])),
            serializeSidecar(sidecarOf([...base, ...theirs])),
          );
          assert.ok(result.clean, result.merged);
          assert.equal(result.merged, serializeSidecar(sidecarOf([...base, ...ours, ...theirs])));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('and when both add in the same gap, git reports a conflict the reader then refuses', () => {
    const base = [entry('base0001', 100), entry('base0002', 200)];
    const result = mergeFiles(
      serializeSidecar(sidecarOf(base)),
      serializeSidecar(sidecarOf([...base, entry('ours0001', 150)])),
      serializeSidecar(sidecarOf([...base, entry('thrs0001', 160)])),
    );
    assert.equal(result.clean, false);
    const parsed = parseSidecar(result.merged, 'merged');
    assert.equal(parsed.ok, false);
    assert.ok(parsed.problems.every((item) => item.code === 'conflict-markers'));
  });
});
