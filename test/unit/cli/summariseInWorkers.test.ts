import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCorpus } from '../../../src/node/openCorpus';
import { summariseInWorkers, summaryWorkerFound } from '../../../src/node/summariseInWorkers';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

describe('stats and validate over worker threads (--jobs)', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => {
    corpus = copySampleCorpus();
    // Something for every kind of summary: a merge conflict, an orphan (the text changed under its
    // annotations), a Latin-1 text, a link the globs name, a sidecar without a text, more files.
    appendFileSync(path.join(corpus.folder, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml'), '<<<<<<< HEAD\n=======\n>>>>>>> other\n');
    const text = path.join(corpus.folder, 'es', 'feria-comercial-bogota-shanghai.txt');
    writeFileSync(text, `Otra cosa. ${readFileSync(text, 'utf8').slice(40)}`);
    writeFileSync(path.join(corpus.folder, 'es', 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    symlinkSync('cartagena-hangzhou-sister-cities.txt', path.join(corpus.folder, 'en', 'linked.txt'));
    writeFileSync(path.join(corpus.folder, 'en', 'gone.txt.ann.yaml'), 'annotations: []\n');
    mkdirSync(path.join(corpus.folder, 'more'));
    for (let index = 0; index < 30; index++) writeFileSync(path.join(corpus.folder, 'more', `note-${index}.txt`), `Note ${index} from Cartagena.\n`);
  });
  afterEach(() => corpus.remove());

  it('prints exactly what one thread prints, for stats (text and JSON) and validate', async () => {
    assert.ok(summaryWorkerFound(), 'the compiled worker (summaryWorker.js) is beside summariseInWorkers.js');
    for (const command of [['stats', '--json'], ['stats'], ['validate']]) {
      const single = await runCli([...command, corpus.folder, '--no-cache', '--jobs', '1'], '/');
      assert.match(single.stdout + single.stderr, /latin1|linked/, `${command.join(' ')} shows the damaged files`);
      for (const jobs of ['2', '3']) {
        const split = await runCli([...command, corpus.folder, '--no-cache', '--jobs', jobs], '/');
        assert.deepEqual(split, single, `${command.join(' ')} --jobs ${jobs}`);
      }
    }
  });

  it('fills and answers from the cache the same with several threads', async () => {
    const single = await runCli(['validate', corpus.folder, '--no-cache', '--jobs', '1'], '/');
    assert.deepEqual(await runCli(['validate', corpus.folder, '--jobs', '2'], '/'), single);
    assert.deepEqual(await runCli(['validate', corpus.folder, '--jobs', '2'], '/'), single);
  });

  it('workers alone summarise every file as this thread does, in the corpus order', async () => {
    const opened = await openCorpus(corpus.folder, { syncReads: true });
    if ('error' in opened) throw new Error(opened.error);
    const single = await summariseInWorkers(opened, opened.files, { threads: 1 });
    for (const threads of [2, 3]) {
      const seen: number[] = [];
      const split = await summariseInWorkers(opened, opened.files, { threads, workersOnly: true, onProgress: (done) => seen.push(done) });
      assert.deepEqual(split, single, `${threads - 1} workers`);
      assert.equal(seen.at(-1), opened.files.length, 'progress reaches every file');
    }
  });

  it('returns an error when a worker fails, instead of leaving its files out', async () => {
    const opened = await openCorpus(corpus.folder, { syncReads: true });
    if ('error' in opened) throw new Error(opened.error);
    // This thread reads its part through the store; the worker is told a root that does not exist.
    const result = await summariseInWorkers({ ...opened, root: path.join(corpus.folder, 'missing') }, opened.files, { threads: 2 });
    assert.ok('error' in result, 'an error, not summaries');
    assert.match(result.error, /worker thread failed/);
  });

  it('refuses --jobs that is not a whole number from 1 to 64', async () => {
    for (const jobs of ['0', '65', '1.5', 'many']) {
      const result = await runCli(['stats', corpus.folder, '--jobs', jobs], '/');
      assert.equal(result.code, 2, jobs);
      assert.match(result.stderr, /--jobs needs a whole number from 1 to 64/);
    }
  });
});
