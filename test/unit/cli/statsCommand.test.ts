import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusStats } from '../../../src/core/corpus/corpusStats';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

describe('news-annotator stats', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => (corpus = copySampleCorpus()));
  afterEach(() => corpus.remove());

  it('counts files per status and annotations per type, annotator and file (--json)', async () => {
    const result = await runCli(['stats', corpus.folder, '--json'], '/');
    assert.equal(result.code, 0, result.stderr);
    const stats = JSON.parse(result.stdout) as CorpusStats;
    assert.equal(stats.files, 10);
    assert.equal(stats.filesWithSidecar, 4);
    assert.equal(stats.annotations, 86);
    assert.equal(stats.unplaced, 0);
    assert.deepEqual(stats.types, { PERSON: 13, ORG: 13, LOCATION: 54, DATE: 3, EVENT: 3, MISC: 0 });
    assert.deepEqual(stats.statuses, { untouched: 6, 'in-progress': 3, done: 1 });
    assert.deepEqual(stats.annotators, { sample: 86 });
    const file = stats.perFile.find((item) => item.path === 'zh/hangzhou-cartagena-friendship-city.txt');
    assert.deepEqual(file, { path: 'zh/hangzhou-cartagena-friendship-city.txt', status: 'in-progress', hasSidecar: true, annotations: 28, unplaced: 0, types: { LOCATION: 22, ORG: 2, PERSON: 4 } });
  });

  it('prints the same counts as tables', async () => {
    const result = await runCli(['stats'], corpus.folder);
    assert.equal(result.code, 0);
    const lines = result.stdout.split('\n');
    for (const expected of ['Files: 10 (4 with a sidecar)', 'Annotations: 86', 'LOCATION           54', 'sample              86', 'untouched        6']) {
      assert.ok(lines.includes(expected), `${JSON.stringify(expected)} in\n${result.stdout}`);
    }
    assert.ok(lines.some((line) => /^en\/cartagena-hangzhou-sister-cities\.txt +done +29 +0 +DATE 2, EVENT 1, LOCATION 17, ORG 5, PERSON 4$/.test(line)));
  });

  it('exits 1 when a sidecar cannot be read, saying which', async () => {
    appendFileSync(path.join(corpus.folder, 'en', 'cartagena-hangzhou-sister-cities.txt.ann.yaml'), '=======\n');
    const result = await runCli(['stats', '--json'], corpus.folder);
    assert.equal(result.code, 1);
    assert.equal((JSON.parse(result.stdout) as CorpusStats).unreadable, 1);
    assert.match(result.stderr, /^en\/cartagena-hangzhou-sister-cities\.txt\.ann\.yaml:\d+:1: error: /m);
  });
});
