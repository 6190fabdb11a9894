/**
 * `npm run bench`: measures the figures that matter at corpus scale, each beside a baseline run
 * in the same process, and writes the table to stdout and JSON to bench-results.json.
 * `--quick` runs small sizes (a smoke run inside `npm test`); `--curves` measures the scaling
 * curves instead and draws them into docs/images (see curves.ts). Benchmarks never fail on
 * speed, only on errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCorpus } from './corpusOnDisk';
import { documentsCurve, documentsTable, tagsCurve, tagsTable, writeCharts, type DocumentsPoint } from './curves';
import { activationFigure } from './figures/activationFigure';
import { agreeFigures } from './figures/agreeFigures';
import { commandLineFigures } from './figures/commandLineFigures';
import { longArticleFigures } from './figures/longArticleFigures';
import { longArticleEditorFigures } from './figures/longArticleEditorFigures';
import { exportFigures } from './figures/exportFigures';
import { indexFigures } from './figures/indexFigures';
import { loadFigures } from './figures/loadFigures';
import { searchFigures } from './figures/searchFigures';
import { tagFigures } from './figures/tagFigure';
import { suggestFigures, suggestionActionFigures } from './figures/suggestFigures';
import { syntheticDocuments } from './syntheticCorpus';
import { markdownTable, verdict, type Figure } from './report';

const quick = process.argv.includes('--quick');
const documentsArgument = process.argv.find((argument) => argument.startsWith('--documents='));
const root = path.resolve(__dirname, '..', '..', '..');
// Quick sizes are large enough that each figure runs for tens of milliseconds or more, so JIT
// warm-up does not dominate what they show, and the whole quick run stays under half a minute.
const sizes = quick
  ? { documents: 1_000, perDocument: 22.5, distinct: 3_000, fileAnnotations: 2_000, runs: 10, search: { files: 1_000, annotations: 100_000, entities: 10_000 }, fuseQueries: 3, longArticle: { bytes: 500_000, tags: 5_000 }, longRuns: 1 }
  : { documents: 10_000, perDocument: 22.5, distinct: 30_000, fileAnnotations: 5_000, runs: 20, search: { files: 10_000, annotations: 1_000_000, entities: 100_000 }, fuseQueries: 5, longArticle: { bytes: 2_000_000, tags: 20_000 }, longRuns: 3 };
const listArgument = (name: string) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.split('=')[1]?.split(',').map(Number);
const only = process.argv.find((argument) => argument.startsWith('--only='))?.split('=')[1]?.split(',');
const wants = (group: string) => !only || only.includes(group);
if (documentsArgument) sizes.documents = Number(documentsArgument.split('=')[1]);

async function curves(): Promise<void> {
  // `--curve-documents=previous` keeps the documents curve of the last run (the 100k point takes long).
  const previousFile = path.join(root, 'bench-results.curves.json');
  const documents = process.argv.includes('--curve-documents=previous')
    ? (JSON.parse(readFileSync(previousFile, 'utf8')) as { documents: DocumentsPoint[] }).documents
    : await documentsCurve(listArgument('curve-documents') ?? [1_000, 10_000, 100_000]);
  const tags = await tagsCurve(root, listArgument('curve-tags') ?? [1_000, 10_000, 50_000]);
  process.stdout.write(`\n${documentsTable(documents)}\n\n${tagsTable(tags)}\n\n`);
  for (const file of writeCharts(root, documents, tags)) process.stdout.write(`bench: wrote ${path.relative(root, file)}\n`);
  writeFileSync(path.join(root, 'bench-results.curves.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, documents, tags }, null, 2)}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--curves')) return curves();
  const folder = mkdtempSync(path.join(tmpdir(), 'news-annotator-bench-'));
  const figures: Figure[] = [];
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  try {
    if (wants('activation')) figures.push(activationFigure(root));
    if (wants('load') || wants('export') || wants('suggest')) {
      log(`writing a synthetic corpus of ${sizes.documents} documents`);
      const corpus = writeCorpus(folder, { documents: sizes.documents, annotationsPerDocument: sizes.perDocument, distinctEntities: sizes.distinct, seed: 42 });
      if (wants('load')) {
        log('stats and validate from the command line, cold and again');
        const cli = await commandLineFigures(corpus);
        figures.push(...cli.figures);
        log('loading the index, cold and warm');
        figures.push(...(await indexFigures(corpus, folder, cli.times.readSidecarsAndTexts)));
        log('parsing every sidecar, and with yaml alone');
        figures.push(...(await loadFigures(corpus, !quick && !process.argv.includes('--no-yaml'))));
      }
      if (wants('export')) {
        log('exporting');
        figures.push(...(await exportFigures(corpus, ['yaml', 'jsonl', 'conll'])));
      }
      if (wants('suggest')) {
        // Last on this corpus: it writes suggestions into the sidecars.
        log('suggesting from a gazetteer');
        figures.push(...(await suggestFigures(corpus, quick ? 10_000 : 100_000, seedNames(corpus.root))));
      }
    }
    if (wants('agree')) {
      log('agreement between two versions of a corpus');
      // The quick run compares 500 documents a side: two corpora are written for it.
      figures.push(...(await agreeFigures(folder, { documents: quick ? Math.min(500, sizes.documents) : sizes.documents, annotationsPerDocument: sizes.perDocument, distinctEntities: sizes.distinct, seed: 42 })));
    }
    if (wants('tag')) {
      log('tagging');
      figures.push(...(await tagFigures(sizes.fileAnnotations, sizes.runs)));
    }
    if (wants('suggest')) {
      log('accepting and rejecting suggestions');
      figures.push(...(await suggestionActionFigures(sizes.fileAnnotations, sizes.runs)));
    }
    if (wants('long')) {
      log('a long article from the command line');
      figures.push(...longArticleFigures(root, sizes.longArticle, sizes.longRuns));
    }
    if (wants('long-article')) {
      log('a long article in the editor: open, typing, hover, Tags view');
      figures.push(...(await longArticleEditorFigures(sizes.longArticle, sizes.longRuns, quick ? 50 : 200)));
    }
    if (wants('search')) {
      log(`searching ${sizes.search.annotations} annotations`);
      figures.push(...(await searchFigures(sizes.search, sizes.fuseQueries)));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const table = markdownTable(figures);
  process.stdout.write(`\n${table}\n\n`);
  const results = { date: new Date().toISOString(), quick, node: process.version, figures: figures.map((figure) => ({ ...figure, result: verdict(figure) })) };
  const resultsFile = quick ? 'bench-results.quick.json' : documentsArgument || only ? `bench-results.${sizes.documents}-docs.json` : 'bench-results.json';
  writeFileSync(path.join(root, resultsFile), `${JSON.stringify(results, null, 2)}\n`);
  const missed = figures.filter((figure) => verdict(figure) === 'MISSES').length;
  process.stdout.write(`bench: ${figures.length} figures, ${missed} missing their target (figures are reported, never failed on)\n`);
}

/** Some names the synthetic corpus tags, for the gazetteer to find. */
function seedNames(_root: string): string[] {
  const names = new Set<string>();
  for (const document of syntheticDocuments({ documents: 50, annotationsPerDocument: sizes.perDocument, distinctEntities: sizes.distinct, seed: 42 })) {
    for (const annotation of document.annotations) names.add(annotation.text);
  }
  return [...names];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
