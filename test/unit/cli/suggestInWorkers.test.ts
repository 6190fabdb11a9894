import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { openCorpus } from '../../../src/node/openCorpus';
import { suggestInWorkers, suggestWorkerFound } from '../../../src/node/suggestInWorkers';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

const gazetteer = 'name\ttype\nCartagena\tLOCATION\nHangzhou\tLOCATION\n杭州\tLOCATION\nBogotá\tLOCATION\nColombia\tLOCATION\nPegasus\tANIMAL\n';

/**
 * Every sidecar of the corpus, parsed, with the suggestions' ids left out: ids are random, so
 * two runs never share them; everything else a run writes must be the same.
 */
function sidecars(folder: string, files: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(path.join(folder, `${file}.ann.yaml`), 'utf8');
    } catch {
      continue;
    }
    const parsed = parseSidecar(content, file);
    result[file] = parsed.ok ? { ...parsed.sidecar, suggestions: parsed.sidecar.suggestions?.map(({ id: _id, ...rest }) => rest) } : content;
  }
  return result;
}

describe('suggest over worker threads (--jobs)', function () {
  this.timeout(60_000);
  const corpora: { folder: string; remove: () => void }[] = [];
  const corpus = () => {
    const copy = copySampleCorpus();
    corpora.push(copy);
    writeFileSync(path.join(copy.folder, 'names.tsv'), gazetteer);
    // More files than threads, one of them with a sidecar a run must skip (a merge left half done).
    mkdirSync(path.join(copy.folder, 'more'));
    for (let index = 0; index < 30; index++) writeFileSync(path.join(copy.folder, 'more', `note-${index}.txt`), `Note ${index}: Cartagena and Hangzhou, then Colombia.\n`);
    appendFileSync(path.join(copy.folder, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml'), '<<<<<<< HEAD\n=======\n>>>>>>> other\n');
    return copy.folder;
  };
  afterEach(() => corpora.splice(0).forEach((copy) => copy.remove()));

  it('prints what one thread prints and writes the same suggestions (gazetteer and tags, a skipped sidecar)', async () => {
    assert.ok(suggestWorkerFound(), 'the compiled worker (suggestWorker.js) is beside suggestInWorkers.js');
    const single = corpus();
    const one = await runCli(['suggest', '.', '--gazetteer', 'names.tsv', '--from-tags', '--jobs', '1'], single);
    assert.equal(one.code, 1, 'the conflicted sidecar is a failure');
    assert.match(one.stdout, /^names\.tsv:7:1: warning: "ANIMAL"/m);
    assert.match(one.stdout, /mombasa-port-modernisation-deal\.txt.*warning: No suggestions/);
    assert.match(one.stdout, /^more\/note-7\.txt: \d+ suggestions$/m);
    const opened = await openCorpus(single, { syncReads: true });
    if ('error' in opened) throw new Error(opened.error);
    const expected = sidecars(single, opened.files);
    assert.ok(Object.keys(expected).length > 30, 'the notes gained sidecars');
    for (const jobs of ['2', '3']) {
      const split = corpus();
      const run = await runCli(['suggest', '.', '--gazetteer', 'names.tsv', '--from-tags', '--jobs', jobs], split);
      assert.deepEqual(run, one, `--jobs ${jobs}: the same output`);
      assert.deepEqual(sidecars(split, opened.files), expected, `--jobs ${jobs}: the same sidecars`);
    }
  });

  it('writes from the workers alone what one thread writes', async () => {
    const entries = ['Cartagena', 'Hangzhou', 'Colombia'].map((name, index) => ({ name, type: 'LOCATION', source: 'gazetteer:names.tsv', line: index + 2 }));
    const results = [];
    for (const threadOptions of [{ threads: 1 }, { threads: 3, workersOnly: true }]) {
      const folder = corpus();
      const opened = await openCorpus(folder, { syncReads: true });
      if ('error' in opened) throw new Error(opened.error);
      const outcome = await suggestInWorkers(opened, opened.files, { entries, fromTags: true, ignoreCase: false, knownTypes: opened.knownTypes, dryRun: false, label: 'Suggest' }, threadOptions);
      if ('error' in outcome) throw new Error(outcome.error);
      results.push({ files: outcome.files, added: outcome.added, names: outcome.names, problems: outcome.problems.map((item) => item.message).sort(), sidecars: sidecars(folder, opened.files) });
    }
    assert.ok(results[0].added > 60, String(results[0].added));
    assert.deepEqual(results[1], results[0]);
  });

  it('counts the same in a dry run, writing nothing', async () => {
    const folder = corpus();
    const one = await runCli(['suggest', '--gazetteer', 'names.tsv', '--dry-run', '--json', '--jobs', '1'], folder);
    const before = readFileSync(path.join(folder, 'en', 'cartagena-hangzhou-sister-cities.txt.ann.yaml'), 'utf8');
    const split = await runCli(['suggest', '--gazetteer', 'names.tsv', '--dry-run', '--json', '--jobs', '4'], folder);
    assert.deepEqual(split, one);
    assert.ok((JSON.parse(one.stdout) as { added: number }).added > 60);
    assert.equal(readFileSync(path.join(folder, 'en', 'cartagena-hangzhou-sister-cities.txt.ann.yaml'), 'utf8'), before);
  });

  it('returns an error when a worker fails, instead of leaving its files out', async () => {
    const folder = corpus();
    const opened = await openCorpus(folder, { syncReads: true });
    if ('error' in opened) throw new Error(opened.error);
    // This thread works through its part; the worker is told a root that does not exist.
    const options = { entries: [{ name: 'Cartagena', type: 'LOCATION', source: 'gazetteer:names.tsv', line: 2 }], ignoreCase: false, knownTypes: opened.knownTypes, dryRun: true, label: 'Suggest' };
    const result = await suggestInWorkers({ ...opened, root: path.join(folder, 'missing') }, opened.files, options, { threads: 2 });
    assert.ok('error' in result, 'an error, not an outcome');
    assert.match(result.error, /worker thread failed/);
  });

  it('ends, workers and all, when the matcher cannot be built', () => {
    const folder = corpus();
    // A name that is not text breaks the matcher (the gazetteer reader never makes one). In a
    // process of its own: a worker left waiting for the matcher would keep that process alive.
    const script = `
      const { openCorpus } = require(${JSON.stringify(path.join(__dirname, '../../../src/node/openCorpus.js'))});
      const { suggestInWorkers } = require(${JSON.stringify(path.join(__dirname, '../../../src/node/suggestInWorkers.js'))});
      (async () => {
        const opened = await openCorpus(${JSON.stringify(folder)}, { syncReads: true });
        const entries = [{ name: 42, type: 'LOCATION', source: 'gazetteer:names.tsv', line: 2 }];
        for (const workersOnly of [false, true]) {
          const options = { entries, ignoreCase: false, knownTypes: opened.knownTypes, dryRun: true, label: 'Suggest' };
          await suggestInWorkers(opened, opened.files, options, { threads: 2, workersOnly }).then(
            () => console.log('no error'),
            (error) => console.log('failed:', error instanceof Error),
          );
        }
      })();
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, 'the process ended by itself');
    assert.equal(run.stdout, 'failed: true\nfailed: true\n', run.stderr);
  });

  it('refuses --jobs that is not a whole number from 1 to 64', async () => {
    const folder = corpus();
    for (const jobs of ['0', '65', 'two']) {
      const result = await runCli(['suggest', '--gazetteer', 'names.tsv', '--jobs', jobs], folder);
      assert.equal(result.code, 2, jobs);
      assert.match(result.stderr, /--jobs needs a whole number from 1 to 64/);
    }
  });
});
