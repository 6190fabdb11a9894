/**
 * `npm run bench -- --curves`: how the costs grow with the corpus (1k, 10k, 100k documents) and
 * with one document's tags (1k, 10k, 50k), each point beside its baseline measured in the same
 * run. Writes the tables to stdout and the charts to docs/images/scaling-*.svg, which
 * docs/performance.md shows. Takes several minutes on two cores (the 100k-document corpus alone
 * is 200,000 files); `--curve-documents=` and `--curve-tags=` choose other sizes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundledCode } from './bundledCode';
import { writeCorpus } from './corpusOnDisk';
import { commandLineTimes } from './figures/commandLineFigures';
import { longArticleFigures } from './figures/longArticleFigures';
import { tagFigure } from './figures/tagFigure';
import { collectGarbage, timeOnce } from './measure';
import { lineChart } from './svgChart';

export interface DocumentsPoint {
  documents: number;
  annotations: number;
  baseline: number;
  statsCold: number;
  statsWarm: number;
  startCold: number;
  startWarm: number;
}

export interface TagsPoint {
  tags: number;
  baseline: number;
  tagOneSpan: number;
  validate: number;
  importOne: number;
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

export async function documentsCurve(sizes: readonly number[]): Promise<DocumentsPoint[]> {
  const { loadCorpusIndex } = bundledCode();
  const points: DocumentsPoint[] = [];
  for (const documents of sizes) {
    const folder = mkdtempSync(path.join(tmpdir(), 'bench-curve-'));
    try {
      log(`curve: writing ${documents} documents`);
      const corpus = writeCorpus(folder, { documents, annotationsPerDocument: 22.5, distinctEntities: Math.max(2_000, documents * 3), seed: 42 });
      log(`curve: ${documents} documents: command line`);
      const cli = await commandLineTimes(corpus, ['stats']);
      log(`curve: ${documents} documents: the extension's start`);
      const cachePath = path.join(folder, 'index-cache.json');
      collectGarbage();
      const startCold = await timeOnce(() => loadCorpusIndex(corpus.root, corpus.files, cachePath));
      collectGarbage();
      const startWarm = await timeOnce(() => loadCorpusIndex(corpus.root, corpus.files, cachePath));
      points.push({ documents, annotations: corpus.annotations, baseline: cli.readSidecarsAndTexts, statsCold: cli.statsCold, statsWarm: cli.statsWarm, startCold, startWarm });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return points;
}

export async function tagsCurve(root: string, sizes: readonly number[]): Promise<TagsPoint[]> {
  const points: TagsPoint[] = [];
  for (const tags of sizes) {
    log(`curve: a document with ${tags} tags`);
    const tag = await tagFigure(tags, 5, { stringifyBaseline: false });
    const [validate, importOne] = longArticleFigures(root, { bytes: 0, tags }, 3);
    points.push({ tags, baseline: validate.baseline ?? Number.NaN, tagOneSpan: tag.value, validate: validate.value, importOne: importOne.value });
  }
  return points;
}

const ms = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}x`;

export function documentsTable(points: readonly DocumentsPoint[]): string {
  const rows = points.map(
    (point) =>
      `| ${point.documents.toLocaleString('en')} | ${point.annotations.toLocaleString('en')} | ${ms(point.baseline)} | ${ms(point.statsCold)} (${ratio(point.statsCold, point.baseline)}) | ${ms(point.statsWarm)} (${ratio(point.statsWarm, point.baseline)}) | ${ms(point.startCold)} (${ratio(point.startCold, point.baseline)}) | ${ms(point.startWarm)} (${ratio(point.startWarm, point.baseline)}) |`,
  );
  return ['| documents | annotations | read sidecars + texts, JSON.parse (baseline) | `stats` cold | `stats` second run | extension start, cold | extension start, warm |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export function tagsTable(points: readonly TagsPoint[]): string {
  const rows = points.map((point) => `| ${point.tags.toLocaleString('en')} | ${ms(point.baseline)} | ${ms(point.tagOneSpan)} | ${ms(point.validate)} | ${ms(point.importOne)} |`);
  return ['| tags in the document | read text + sidecar, JSON.parse (baseline) | tag one span (editor, with lock) | `validate`, new process | add one tag from the CLI (`import`), new process |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function writeCharts(root: string, documents: readonly DocumentsPoint[], tags: readonly TagsPoint[]): string[] {
  const written: string[] = [];
  if (documents.length > 0) {
    const file = path.join(root, 'docs', 'images', 'scaling-documents.svg');
    const at = (pick: (point: DocumentsPoint) => number) => documents.map((point) => [point.documents, pick(point)] as const);
    writeFileSync(
      file,
      lineChart({
        title: 'Loading a corpus (about 22 tags per document)',
        xLabel: 'documents',
        yLabel: 'milliseconds',
        series: [
          { name: 'baseline: read + JSON.parse', points: at((point) => point.baseline), dashed: true },
          { name: 'stats, cold', points: at((point) => point.statsCold) },
          { name: 'stats, second run', points: at((point) => point.statsWarm) },
          { name: 'extension start, cold', points: at((point) => point.startCold) },
          { name: 'extension start, warm', points: at((point) => point.startWarm) },
        ],
      }),
    );
    written.push(file);
  }
  if (tags.length > 0) {
    const file = path.join(root, 'docs', 'images', 'scaling-tags.svg');
    const at = (pick: (point: TagsPoint) => number) => tags.map((point) => [point.tags, pick(point)] as const);
    writeFileSync(
      file,
      lineChart({
        title: 'One long document',
        xLabel: 'tags in the document',
        yLabel: 'milliseconds',
        series: [
          { name: 'baseline: read + JSON.parse', points: at((point) => point.baseline), dashed: true },
          { name: 'tag one span (editor)', points: at((point) => point.tagOneSpan) },
          { name: 'validate (new process)', points: at((point) => point.validate) },
          { name: 'add one tag, CLI import', points: at((point) => point.importOne) },
        ],
      }),
    );
    written.push(file);
  }
  return written;
}
