/**
 * Hostile brat folders: an X.txt that is a folder, a FIFO or unreadable, and an .ann of 200,000
 * bad lines each give problem lines (never a JavaScript stack or a hang), within the budget.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBratCollection } from '../../../src/core/import/readBratCollection';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { budgetMs, entriesBelow, lines, makeFifo, runWithinBudget, useHostileFolders } from './importsHostileSupport';

describe('hostile corpora: brat files that are not regular files', () => {
  const folders = useHostileFolders();

  it('an X.txt that is a folder is a problem line', async () => {
    mkdirSync(path.join(folders.brat, 'x.txt'));
    writeFileSync(path.join(folders.brat, 'x.ann'), 'T1\tPERSON 0 3\tAna\n');
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), ['brat/x.txt:1:1: error: x.txt is a folder, not a file. Nothing imported from brat/x.ann.']);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('an X.txt that is a FIFO is a problem line, not a hang; so is an .ann that is a FIFO', async () => {
    makeFifo(path.join(folders.brat, 'x.txt'));
    writeFileSync(path.join(folders.brat, 'x.ann'), 'T1\tPERSON 0 3\tAna\n');
    makeFifo(path.join(folders.brat, 'y.ann'));
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stderr), [
      'brat/x.txt:1:1: error: x.txt is a named pipe (FIFO), not a regular file. Nothing imported from brat/x.ann.',
      'brat/y.ann:1:1: error: y.ann is a named pipe (FIFO), not a regular file. Not imported.',
    ]);
    assert.deepEqual(entriesBelow(folders.corpus), ['a.txt']);
  });

  it('an X.txt or .ann that cannot be read is a problem line, with the reason', async () => {
    // As root every file is readable, so the refusal comes from the file system itself here.
    const denied = (file: string) => Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
    const source = new MemoryFileSystem({ 'x.txt': 'Ana\n', 'x.ann': 'T1\tPERSON 0 3\tAna\n', 'y.ann': 'T1\tPERSON 0 3\tAna\n' });
    source.beforeOperation = (operation, file) => {
      if (file === 'x.txt' || (file === 'y.ann' && operation === 'readFile')) throw denied(file);
    };
    const read = await readBratCollection({ source, annFiles: ['x.ann', 'y.ann'], corpus: new MemoryFileSystem(), displayPath: (file) => `brat/${file}` });
    assert.deepEqual(read.documents, []);
    assert.deepEqual(
      read.problems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.severity}: ${item.message}`),
      ["brat/x.txt:1:1: error: EACCES: permission denied, open 'x.txt'. Nothing imported from brat/x.ann.", "brat/y.ann:1:1: error: EACCES: permission denied, open 'y.ann'. Not imported."],
    );
  });

  it('an .ann of 200,000 bad lines gives 200,000 problem lines, not a stack overflow', async () => {
    writeFileSync(path.join(folders.brat, 'big.txt'), 'Ana Paz\n');
    writeFileSync(path.join(folders.brat, 'big.ann'), 'T1 bad line\n'.repeat(200_000));
    const started = performance.now();
    const result = await runWithinBudget(['import', 'corpus', '--format', 'brat', '--from', 'brat'], folders.top);
    assert.equal(result.code, 1);
    const printed = lines(result.stderr);
    assert.equal(printed.length, 200_000);
    assert.equal(printed[199_999], 'brat/big.ann:200000:1: error: Not a brat entity line ("T1<TAB>TYPE start end<TAB>text"); not imported.');
    assert.doesNotMatch(result.stderr.slice(0, 2000), /RangeError|Maximum call stack/);
    assert.ok(performance.now() - started < budgetMs);
  });
});
