import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import type { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { loadCorpusIndex, type LoadProgress } from '../../../src/node/corpusIndexLoader';
import { readIndexEntry } from '../../../src/node/readIndexEntry';
import { copyFixtureCorpus, fixtureFiles } from './indexTestSupport';

/** Everything about the corpus the views show. */
function contents(index: CorpusIndex) {
  return { summary: index.summary(), files: index.files(), annotations: index.paths().map((file) => index.annotations(file)) };
}

/** Sets files' (and their sidecars') modification time back, out of the racy window. */
function settle(root: string, files: readonly string[], secondsAgo = 3600): void {
  const past = new Date(Date.now() - secondsAgo * 1000);
  for (const file of files.flatMap((name) => [name, `${name}.ann.yaml`])) {
    const full = path.join(root, file);
    if (existsSync(full)) utimesSync(full, past, past);
  }
}

/** Counts sidecar reads while `work` runs. */
/** Counts the sidecars opened for reading (the loader reads synchronously, file events through promises). */
async function countingSidecarReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const original = promises.readFile;
  const originalOpen = fs.openSync;
  let reads = 0;
  promises.readFile = ((...args: Parameters<typeof original>) => {
    if (typeof args[0] === 'string' && args[0].endsWith('.ann.yaml')) reads++;
    return original(...args);
  }) as typeof original;
  fs.openSync = ((...args: Parameters<typeof originalOpen>) => {
    if (typeof args[0] === 'string' && args[0].endsWith('.ann.yaml')) reads++;
    return originalOpen(...args);
  });
  try {
    return { result: await work(), reads };
  } finally {
    promises.readFile = original;
    fs.openSync = originalOpen;
  }
}

describe('loadCorpusIndex', () => {
  let root: string;
  let cachePath: string;
  beforeEach(() => {
    root = copyFixtureCorpus();
    cachePath = path.join(root, '.cache', 'index.json');
    settle(root, fixtureFiles);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads every sidecar on a cold start, with progress, and writes the cache', async () => {
    const progress: LoadProgress[] = [];
    const loaded = await loadCorpusIndex(root, fixtureFiles, cachePath, { onProgress: (step) => progress.push(step) });
    assert.equal(loaded.parsed, 5);
    assert.equal(loaded.reused, 0);
    assert.equal(loaded.cacheWritten, true);
    assert.ok(existsSync(cachePath));
    assert.deepEqual(progress.map((step) => step.done), [1, 2, 3, 4, 5, 6]);
    assert.ok(progress.every((step) => step.total === 6));
    const states = Object.fromEntries(loaded.index.files().map((file) => [file.path, file.state]));
    assert.deepEqual(states, {
      'broken/conflict.txt': 'problem',
      'en/cartagena-summit.txt': 'in-progress',
      'es/feria-bogota.txt': 'done',
      'es/untagged.txt': 'untouched',
      'stale/changed.txt': 'problem',
      'zh/hangzhou.txt': 'in-progress',
    });
    assert.equal(loaded.index.file('stale/changed.txt')?.orphans, 1);
    assert.equal(loaded.index.summary().annotations, 6 + 5 + 3 + 2);
  });

  it('reads no sidecar on a warm start of an unchanged corpus', async () => {
    const cold = await loadCorpusIndex(root, fixtureFiles, cachePath);
    const { result: warm, reads } = await countingSidecarReads(() => loadCorpusIndex(root, fixtureFiles, cachePath));
    assert.equal(reads, 0);
    assert.equal(warm.reused, 5);
    assert.equal(warm.parsed, 0);
    assert.equal(warm.cacheWritten, false, 'nothing changed, nothing to write');
    assert.deepEqual(contents(warm.index), contents(cold.index));
  });

  it('re-reads only the files whose sidecar or text changed', async () => {
    await loadCorpusIndex(root, fixtureFiles, cachePath);
    const sidecar = path.join(root, 'es/feria-bogota.txt.ann.yaml');
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('status: "done"', 'status: "in-progress"'));
    writeFileSync(path.join(root, 'en/cartagena-summit.txt'), 'Nothing about anyone any more.\n');
    settle(root, ['es/feria-bogota.txt', 'en/cartagena-summit.txt'], 60);
    const { result, reads } = await countingSidecarReads(() => loadCorpusIndex(root, fixtureFiles, cachePath));
    assert.equal(reads, 2);
    assert.deepEqual([result.parsed, result.reused], [2, 3]);
    assert.equal(result.index.file('es/feria-bogota.txt')?.state, 'in-progress');
    assert.equal(result.index.file('en/cartagena-summit.txt')?.orphans, 6, 'the text lost every tagged name');
  });

  it('a warm start after a sidecar lost its only mention of a name knows that name no more, exactly as a cold start', async () => {
    await loadCorpusIndex(root, fixtureFiles, cachePath);
    const sidecar = path.join(root, 'es/feria-bogota.txt.ann.yaml');
    // Every annotation line goes: its names were mentioned in this file only.
    const kept = readFileSync(sidecar, 'utf8').split('\n').filter((line) => !line.trimStart().startsWith('- {'));
    writeFileSync(sidecar, kept.join('\n'));
    settle(root, ['es/feria-bogota.txt'], 60);
    const warm = await loadCorpusIndex(root, fixtureFiles, cachePath);
    const cold = await loadCorpusIndex(root, fixtureFiles, undefined);
    assert.deepEqual([warm.parsed, warm.reused], [1, 4]);
    assert.deepEqual(contents(warm.index), contents(cold.index));
    const { table } = warm.index;
    const ghosts: string[] = [];
    for (let form = 0; form < table.formIds; form++) {
      if (table.formTextOf(form) !== undefined && table.formMentions(form) === 0) ghosts.push(`${table.formTypeName(form)} ${table.formTextOf(form)}`);
    }
    assert.deepEqual(ghosts, [], 'names nobody mentions any more are forgotten');
  });

  it('does not cache files changed just before they were read', async () => {
    const sidecar = path.join(root, 'zh/hangzhou.txt.ann.yaml');
    writeFileSync(sidecar, readFileSync(sidecar));
    await loadCorpusIndex(root, fixtureFiles, cachePath);
    const warm = await loadCorpusIndex(root, fixtureFiles, cachePath);
    assert.deepEqual([warm.parsed, warm.reused], [1, 4]);
  });

  it('ignores a corrupted cache, or one made with other entity types, and writes a good one', async () => {
    await promises.mkdir(path.dirname(cachePath), { recursive: true });
    writeFileSync(cachePath, '{"format":"news-annotator/index-cache","version":1,"files":[[');
    const first = await loadCorpusIndex(root, fixtureFiles, cachePath);
    assert.deepEqual([first.parsed, first.cacheWritten], [5, true]);
    const other = await loadCorpusIndex(root, fixtureFiles, cachePath, { knownTypes: new Set(['PERSON']) });
    assert.equal(other.parsed, 5);
    assert.ok(other.index.file('en/cartagena-summit.txt')!.problems > 0, 'ORG and LOCATION are unknown types now');
    const again = await loadCorpusIndex(root, fixtureFiles, cachePath, { knownTypes: new Set(['PERSON']) });
    assert.equal(again.reused, 5);
  });

  it('brings an existing index up to date: drops files gone from the corpus, keeps current ones', async () => {
    const { index } = await loadCorpusIndex(root, fixtureFiles, undefined);
    unlinkSync(path.join(root, 'zh/hangzhou.txt.ann.yaml'));
    const files = fixtureFiles.filter((file) => file !== 'broken/conflict.txt');
    const refreshed = await loadCorpusIndex(root, files, undefined, { index });
    assert.equal(refreshed.index, index);
    assert.equal(refreshed.removed, 1);
    assert.equal(refreshed.unchanged, 4);
    assert.equal(index.file('zh/hangzhou.txt')?.state, 'untouched');
    assert.equal(index.has('broken/conflict.txt'), false);
  });

  it('builds from the sidecars when the cache file is a FIFO, without waiting on it', async () => {
    fs.mkdirSync(path.dirname(cachePath), { recursive: true });
    execFileSync('mkfifo', [cachePath]);
    const loaded = await loadCorpusIndex(root, fixtureFiles, cachePath);
    assert.equal(loaded.parsed, 5);
    assert.equal(loaded.reused, 0);
  });

  it('stops when cancelled, without writing the cache', async () => {
    let calls = 0;
    const loaded = await loadCorpusIndex(root, fixtureFiles, cachePath, { isCancelled: () => ++calls > 2 });
    assert.equal(loaded.cancelled, true);
    assert.equal(loaded.cacheWritten, false);
    assert.ok(loaded.index.size < fixtureFiles.length);
    assert.equal(existsSync(cachePath), false);
  });
});

describe('readIndexEntry', () => {
  it('reads one file for a file-system event, and never throws', async () => {
    const root = copyFixtureCorpus();
    try {
      const entry = await readIndexEntry(root, 'en/cartagena-summit.txt');
      assert.equal(entry.annotations.length, 6);
      assert.ok(entry.sidecarStamp && entry.textStamp && entry.readAt);
      writeFileSync(path.join(root, 'en/cartagena-summit.txt.ann.yaml'), Buffer.from([0xff, 0xfe, 0x00]));
      assert.equal((await readIndexEntry(root, 'en/cartagena-summit.txt')).unreadable, true, 'not UTF-8');
      unlinkSync(path.join(root, 'en/cartagena-summit.txt.ann.yaml'));
      assert.equal((await readIndexEntry(root, 'en/cartagena-summit.txt')).hasSidecar, false);
      assert.equal((await readIndexEntry(path.join(root, 'missing\u0000'), 'x.txt')).unreadable, true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
