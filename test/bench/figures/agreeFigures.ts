/**
 * `news-annotator agree LEFT RIGHT --json` over two corpus folders with the same texts (a
 * synthetic corpus and a second annotator's version of it: about 5% of the tags dropped, 5%
 * given another type, 5% with a shorter span, plus a few extra tags), run in this process
 * through the command line's own entry (`run`), with its default threads and in one thread, beside the baseline the target names: reading
 * both sides' sidecars and texts plus JSON.parse of the same annotations, the way the
 * command-line baselines read (synchronously, the fastest way Node has).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../src/cli/run';
import { compareSides } from '../../../src/core/agreement/compareSides';
import { defaultThreads } from '../../../src/node/compareInWorkers';
import { readSide } from '../../../src/node/readSide';
import type { Annotation } from '../../../src/core/sidecar/model';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { annotationContext } from '../../../src/core/text/annotationContext';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { random as seededRandom } from '../../unit/search/syntheticCorpus';
import { sidecarOf, writeCorpus, type CorpusOnDisk } from '../corpusOnDisk';
import { collectGarbage, median, timeOnce, timeRuns } from '../measure';
import type { Figure } from '../report';
import { syntheticDocuments, type CorpusOptions } from '../syntheticCorpus';

const otherTypes = ['PERSON', 'ORG', 'LOCATION', 'DATE', 'EVENT', 'MISC'];

/** The second side: the same texts, the tags changed as a second annotator might. */
function writeSecondSide(folder: string, options: CorpusOptions): CorpusOnDisk {
  const root = path.join(folder, 'corpus');
  const jsonRoot = path.join(folder, 'json');
  const random = seededRandom(options.seed + 1);
  const files: string[] = [];
  let annotations = 0;
  let sidecarBytes = 0;
  for (const document of syntheticDocuments(options)) {
    const index = new CodePointIndex(document.text);
    const changed: Annotation[] = [];
    const place = (annotation: Annotation, start: number, end: number, type: string) => ({ ...annotation, type, start, end, text: index.slice(start, end), ...annotationContext(index, start, end) });
    for (const annotation of document.annotations) {
      const draw = random();
      if (draw < 0.05) continue;
      if (draw < 0.1) changed.push(place(annotation, annotation.start, annotation.end, otherTypes[(otherTypes.indexOf(annotation.type) + 1) % otherTypes.length]));
      else if (draw < 0.15 && annotation.end - annotation.start > 1) changed.push(place(annotation, annotation.start, annotation.end - 1, annotation.type));
      else changed.push(annotation);
      if (draw > 0.97) changed.push({ ...place(annotation, annotation.start, annotation.end, 'MISC'), id: `${annotation.id}x` });
    }
    const textPath = path.join(root, document.path);
    mkdirSync(path.dirname(textPath), { recursive: true });
    mkdirSync(path.dirname(path.join(jsonRoot, document.path)), { recursive: true });
    const bytes = Buffer.from(document.text, 'utf8');
    writeFileSync(textPath, bytes);
    const sidecar = sidecarOf(path.basename(document.path), bytes, document.crlf, changed);
    const content = serializeSidecar(sidecar);
    writeFileSync(`${textPath}.ann.yaml`, content);
    writeFileSync(path.join(jsonRoot, `${document.path}.json`), JSON.stringify(sidecar));
    files.push(document.path);
    annotations += changed.length;
    sidecarBytes += Buffer.byteLength(content);
  }
  return { root, jsonRoot, files, annotations, sidecarBytes };
}

export interface AgreeTimes {
  /** With the default threads (one per core, at most 4). */
  agree: number;
  threads: number;
  /** The same in one thread (`--jobs 1`). */
  oneThread: number;
  /** compareSides alone, on both sides already read. */
  compare: number;
  readBothSides: number;
  left: CorpusOnDisk;
  right: CorpusOnDisk;
}

export async function agreeTimes(folder: string, options: CorpusOptions, runs = 3): Promise<AgreeTimes> {
  const left = writeCorpus(path.join(folder, 'agree-left'), options);
  const right = writeSecondSide(path.join(folder, 'agree-right'), options);
  const files = [left, right].flatMap((side) => side.files.map((file) => [path.join(side.root, `${file}.ann.yaml`), path.join(side.root, file), path.join(side.jsonRoot, `${file}.json`)]));
  // Warm the page cache, as on a machine where both corpora were just used.
  for (const group of files) for (const file of group) readFileSync(file);
  collectGarbage();
  // Both figures are medians of three runs: one run of either varied by a fifth between runs on
  // an idle machine, more than the target leaves room for.
  const readBothSides = median(
    await timeRuns(
      () => {
        for (const [sidecar, text, twin] of files) {
          readFileSync(sidecar);
          readFileSync(text);
          JSON.parse(readFileSync(twin, 'utf8'));
        }
      },
      runs,
      0,
    ),
  );
  const agree = async (jobs: string[] = []) => {
    let stderr = '';
    const code = await run(['agree', left.root, right.root, '--json', ...jobs], { stdout: () => undefined, stderr: (text) => (stderr += text), cwd: folder, isTerminal: false });
    if (code !== 0) throw new Error(`news-annotator agree failed (${code}): ${stderr}`);
  };
  // One untimed run first, so the figure is not V8's JIT warming up (as the other CLI figures).
  await agree();
  collectGarbage();
  const agreeTime = median(await timeRuns(() => agree(), runs, 0));
  collectGarbage();
  const oneThread = await timeOnce(() => agree(['--jobs', '1']));
  const [leftSide, rightSide] = await Promise.all([left, right].map((side) => readSide(side.root, { cwd: folder, root: folder })));
  if ('error' in leftSide || 'error' in rightSide) throw new Error('a side could not be read');
  collectGarbage();
  const compare = await timeOnce(() => compareSides(leftSide.side, rightSide.side));
  return { agree: agreeTime, oneThread, threads: defaultThreads(), compare, readBothSides, left, right };
}

export async function agreeFigures(folder: string, options: CorpusOptions): Promise<Figure[]> {
  const times = await agreeTimes(folder, options);
  const label = `${times.left.files.length.toLocaleString('en')} docs, ${times.left.annotations.toLocaleString('en')} + ${times.right.annotations.toLocaleString('en')} annotations`;
  const baselineName = "read both sides' sidecars and texts + JSON.parse of the same annotations (median of 3)";
  return [
    { name: `\`agree LEFT RIGHT --json\` (two folders; ${times.threads} threads, one per core; median of 3)`, corpus: label, value: times.agree, unit: 'ms', baselineName, baseline: times.readBothSides, target: { kind: 'ratio', limit: 3 } },
    { name: 'for the record: the same in one thread (`--jobs 1`)', corpus: label, value: times.oneThread, unit: 'ms', baselineName, baseline: times.readBothSides },
    { name: 'for the record: the comparison alone (compareSides: matching, kappa, disagreements)', corpus: label, value: times.compare, unit: 'ms', baselineName, baseline: times.readBothSides },
  ];
}
