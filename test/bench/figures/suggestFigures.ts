/**
 * Suggestions at corpus scale: `suggest` with a gazetteer of many names over the whole corpus
 * (read every text and sidecar, match all names in one pass per text, write the files that gain
 * suggestions) beside reading the texts alone (and the run that writes beside reading the texts
 * and writing the same bytes the same way); and accepting or rejecting one suggestion in a
 * file that holds thousands, beside the tag-latency target.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mapConcurrent } from '../../../src/core/corpus/mapConcurrent';
import { applyChange } from '../../../src/core/editing/annotationChange';
import type { Suggestion } from '../../../src/core/sidecar/model';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import type { GazetteerEntry } from '../../../src/core/suggest/gazetteerEntry';
import { acceptSuggestions, rejectSuggestions } from '../../../src/core/suggest/suggestionActions';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { openCorpus } from '../../../src/node/openCorpus';
import { defaultThreads } from '../../../src/node/compareInWorkers';
import { suggestInWorkers } from '../../../src/node/suggestInWorkers';
import { suggestCorpus, type SuggestCorpusOutcome } from '../../../src/workspace/suggestCorpus';
import { sidecarOf, type CorpusOnDisk } from '../corpusOnDisk';
import { median, timeOnce, timeRuns } from '../measure';
import { readAll } from '../readAll';
import type { Figure } from '../report';
import { syntheticDocuments } from '../syntheticCorpus';

/** `names` names: made-up ones, plus some that the synthetic texts hold, so there is work to do. */
function gazetteer(names: number, seedNames: readonly string[]): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const types = ['PERSON', 'ORG', 'LOCATION'];
  for (const name of seedNames.slice(0, Math.min(seedNames.length, names / 10))) entries.push({ name, type: 'PERSON', source: 'gazetteer:bench.tsv', line: entries.length + 1 });
  for (let index = entries.length; index < names; index++) {
    entries.push({ name: `Name${index.toString(36)} Surname${(index * 7919).toString(36)}`, type: types[index % 3], source: 'gazetteer:bench.tsv', line: index + 1 });
  }
  return entries;
}

export async function suggestFigures(corpus: CorpusOnDisk, names: number, seedNames: readonly string[]): Promise<Figure[]> {
  const texts = corpus.files.map((file) => path.join(corpus.root, file));
  await readAll(texts, (content) => content.length);
  const entries = gazetteer(names, seedNames);
  const open = async () => {
    const opened = await openCorpus(corpus.root, { syncReads: true });
    if ('error' in opened) throw new Error(opened.error);
    return opened;
  };
  // As the command line runs it: the files split between one thread per core (suggestInWorkers).
  const threads = Math.min(defaultThreads(), Math.floor(corpus.files.length / 1_000));
  const suggest = async (opened: Awaited<ReturnType<typeof open>>, dryRun: boolean, oneThread = false): Promise<SuggestCorpusOutcome> => {
    const options = { entries, ignoreCase: false, knownTypes: opened.knownTypes, dryRun, label: 'bench' };
    const outcome = oneThread ? await suggestCorpus(opened.workspace, opened.files, options) : await suggestInWorkers(opened, opened.files, options);
    if ('error' in outcome) throw new Error(outcome.error);
    return outcome;
  };
  // Reading and matching alone (a dry run, which writes nothing, so it can run again), each run on
  // a corpus opened afresh (no cache carried over), taking turns with the baseline so both see the
  // same machine; the medians of three are compared, as one run of either varies by half. The same
  // in one thread, reported beside it.
  const baselines: number[] = [];
  const dryRuns: number[] = [];
  const oneThreadDryRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    baselines.push(await timeOnce(() => readAll(texts, (content) => content.length)));
    const fresh = await open();
    dryRuns.push(await timeOnce(() => suggest(fresh, true)));
    const again = await open();
    oneThreadDryRuns.push(await timeOnce(() => suggest(again, true, true)));
  }
  const baseline = median(baselines);
  const dryRun = median(dryRuns);
  // Then the real run, which also writes every file that gains suggestions, beside a fair floor
  // for a run that writes: read every text, and write the very sidecar bytes the run wrote, each
  // as the store writes (a temporary file, flushed, renamed, the folder flushed), as many at a
  // time as the run writes; no locks, no parsing, no matching. Three turns each (medians); before
  // each run the sidecars get their first bytes back, untimed, so every run has the same work.
  // Last, one run in one thread, reported.
  const disk = new NodeFileSystem();
  const sidecarPaths = corpus.files.map((file) => path.join(corpus.root, `${file}.ann.yaml`));
  const firstBytes = sidecarPaths.map((sidecarPath) => readFileSync(sidecarPath));
  const restore = () => sidecarPaths.forEach((sidecarPath, index) => writeFileSync(sidecarPath, firstBytes[index]));
  let added = 0;
  let written: string[] = [];
  const values: number[] = [];
  const floors: number[] = [];
  for (let run = 0; run < 3; run++) {
    if (run > 0) restore();
    const opened = await open();
    values.push(
      await timeOnce(async () => {
        const outcome = await suggest(opened, false);
        added = outcome.added;
        written = outcome.files.map((file) => file.textPath);
      }),
    );
    const sidecars = written.map((textPath) => {
      const sidecarPath = path.join(corpus.root, `${textPath}.ann.yaml`);
      return { sidecarPath, bytes: readFileSync(sidecarPath) };
    });
    floors.push(
      await timeOnce(async () => {
        await readAll(texts, (content) => content.length);
        await mapConcurrent(sidecars, 8 * Math.max(1, threads), ({ sidecarPath, bytes }) => disk.writeFileAtomic(sidecarPath, bytes));
      }),
    );
  }
  restore();
  const oneThreadOpened = await open();
  const oneThreadValue = await timeOnce(() => suggest(oneThreadOpened, false, true));
  const value = median(values);
  const readAndWrite = median(floors);
  const corpusName = `${corpus.files.length.toLocaleString('en')} documents, ${names.toLocaleString('en')} names`;
  const split = threads > 1 ? `, ${threads} threads` : '';
  const writeName = `suggest from a gazetteer (read, match in one pass, write the ${added.toLocaleString('en')} suggestions into ${written.length.toLocaleString('en')} sidecars${split}; median of 3)`;
  return [
    {
      name: `suggest from a gazetteer, dry run (read every text and sidecar, build the matcher, match in one pass${split}; median of 3)`,
      corpus: corpusName,
      value: dryRun,
      unit: 'ms',
      baselineName: 'read every text (median of 3, taking turns)',
      baseline,
      target: { kind: 'ratio', limit: 3 },
    },
    {
      name: 'the same dry run in one thread (median of 3)',
      corpus: corpusName,
      value: median(oneThreadDryRuns),
      unit: 'ms',
      baselineName: 'read every text (median of 3, taking turns)',
      baseline,
    },
    { name: writeName, corpus: corpusName, value, unit: 'ms', baselineName: 'read every text (median of 3)', baseline },
    {
      name: `${writeName}, beside the same reads and writes alone`,
      corpus: corpusName,
      value,
      unit: 'ms',
      baselineName: `read every text + write the same sidecar bytes atomically, flushed, ${8 * Math.max(1, threads)} at a time (median of 3, taking turns)`,
      baseline: readAndWrite,
      target: { kind: 'ratio', limit: 3 },
    },
    {
      name: 'the same writing run in one thread (one run)',
      corpus: corpusName,
      value: oneThreadValue,
      unit: 'ms',
      baselineName: `read every text + write the same sidecar bytes atomically, flushed, ${8 * Math.max(1, threads)} at a time (median of 3)`,
      baseline: readAndWrite,
    },
  ];
}

/** Accept and reject one suggestion in a file with `count` of them, through the store (with the write lock). */
export async function suggestionActionFigures(count: number, runs: number): Promise<Figure[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-suggestions-'));
  try {
    const [document] = [...syntheticDocuments({ documents: 1, annotationsPerDocument: count, distinctEntities: 2000, seed: 11, exact: true })];
    const textPath = path.join(folder, 'suggested.txt');
    const bytes = Buffer.from(document.text, 'utf8');
    writeFileSync(textPath, bytes);
    const suggestions = document.annotations.map(({ id, type, start, end, text }): Suggestion => ({ id, type, start, end, text, source: 'gazetteer:bench.tsv', score: 1 }));
    writeFileSync(`${textPath}.ann.yaml`, serializeSidecar({ ...sidecarOf('suggested.txt', bytes, false, []), suggestions }));
    const store = new SidecarStore(new NodeFileSystem());
    let cursor = 0;
    const act = (kind: 'accept' | 'reject') => async () => {
      const target = suggestions[cursor++ % suggestions.length];
      const ids = new Set([target.id]);
      const result = await store.update(textPath, (current, text) => applyChange(current, kind === 'accept' ? acceptSuggestions(current, text, ids, { annotator: 'bench' }) : rejectSuggestions(current, ids)));
      if (!result.ok) throw new Error(result.problems[0]?.message);
    };
    const accept = median(await timeRuns(act('accept'), runs, 2));
    const reject = median(await timeRuns(act('reject'), runs, 2));
    const corpus = `a file with ${suggestions.length.toLocaleString('en')} suggestions`;
    return [
      { name: 'accept one suggestion (an annotation in, the suggestion out; one write)', corpus, value: accept, unit: 'ms', target: { kind: 'absolute', limit: 10 } },
      { name: 'reject one suggestion (marked rejected; one write)', corpus, value: reject, unit: 'ms', target: { kind: 'absolute', limit: 10 } },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
