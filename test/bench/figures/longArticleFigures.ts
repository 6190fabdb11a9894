/**
 * A long article: 2 MB of text with 20,000 tags. `validate` of its folder and adding one tag from
 * the command line (there is no `tag` command: the closest is importing one annotation, as a
 * doccano JSONL record, into that file), each end to end: a new `node dist/cli.js` process, as a
 * person or a script runs it. Beside them, reading the text and sidecar and JSON.parse of the
 * same annotations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { sidecarOf } from '../corpusOnDisk';
import { median } from '../measure';
import type { Figure } from '../report';
import { syntheticDocuments } from '../syntheticCorpus';

export interface LongArticleSize {
  readonly bytes: number;
  readonly tags: number;
}

/** Writes the article and its sidecar into `folder`; returns the text. */
export function writeLongArticle(folder: string, size: LongArticleSize): { textPath: string; text: string; json: string; untaggedFrom: number } {
  const [document] = [...syntheticDocuments({ documents: 1, annotationsPerDocument: size.tags, distinctEntities: 5_000, seed: 11, exact: true })];
  // Untagged paragraphs after the tagged part bring the article to its size (offsets stay valid).
  const paragraph = '\n\nThe council met again on Tuesday to discuss the harbour, the budget and the new tram line.';
  let text = document.text;
  const untaggedFrom = text.length;
  const missing = Math.max(0, size.bytes - Buffer.byteLength(text));
  // At least a few paragraphs: the untagged words the import figure tags.
  text += paragraph.repeat(Math.max(20, Math.ceil(missing / paragraph.length)));
  const textPath = path.join(folder, 'long-article.txt');
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(textPath, bytes);
  const sidecar = sidecarOf('long-article.txt', bytes, false, document.annotations);
  writeFileSync(`${textPath}.ann.yaml`, serializeSidecar(sidecar));
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(textPath, anHourAgo, anHourAgo);
  utimesSync(`${textPath}.ann.yaml`, anHourAgo, anHourAgo);
  return { textPath, text, json: JSON.stringify(sidecar), untaggedFrom };
}

function runCli(cli: string, args: string[], cacheHome: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  const elapsed = performance.now() - started;
  if (result.status === 2 || result.error) throw new Error(`news-annotator ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return elapsed;
}

export function longArticleFigures(root: string, size: LongArticleSize, runs: number): Figure[] {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm run bench does).`);
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-long-'));
  const cacheHome = mkdtempSync(path.join(tmpdir(), 'bench-long-cache-'));
  try {
    const corpus = path.join(folder, 'corpus');
    mkdirSync(corpus);
    const article = writeLongArticle(corpus, size);
    const jsonTwin = path.join(folder, 'twin.json');
    writeFileSync(jsonTwin, article.json);
    const label = `${(Buffer.byteLength(article.text) / 1e6).toFixed(1)} MB article, ${size.tags.toLocaleString('en')} tags`;

    const baselines: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      readFileSync(article.textPath);
      readFileSync(`${article.textPath}.ann.yaml`);
      JSON.parse(readFileSync(jsonTwin, 'utf8'));
      baselines.push(performance.now() - started);
    }
    const baseline = median(baselines);

    // Node's own start, for the record: every end-to-end figure includes it.
    const nodeStart = median(Array.from({ length: runs }, () => {
      const started = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - started;
    }));

    const validate = median(Array.from({ length: runs }, () => runCli(cli, ['validate', corpus, '--no-cache'], cacheHome)));

    // One new tag per run, each on a different untagged word of the padding.
    const word = 'harbour';
    let searchFrom = article.untaggedFrom;
    const imports: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = article.text.indexOf(word, searchFrom);
      searchFrom = start + word.length;
      const startCodePoints = [...article.text.slice(0, start)].length;
      const jsonl = path.join(folder, `one-tag-${run}.jsonl`);
      writeFileSync(jsonl, `${JSON.stringify({ text: article.text, label: [[startCodePoints, startCodePoints + word.length, 'LOCATION']], file: 'long-article.txt' })}\n`);
      imports.push(runCli(cli, ['import', corpus, '--format', 'jsonl', '--from', jsonl], cacheHome));
    }
    const baselineName = 'read text + sidecar, JSON.parse of the same annotations';
    return [
      { name: '`validate` of a long article, end to end (new process, no cache)', corpus: label, value: validate, unit: 'ms', baselineName, baseline, target: { kind: 'absolute', limit: 2000 } },
      { name: 'add one tag from the command line: `import` of one annotation, end to end', corpus: label, value: median(imports), unit: 'ms', baselineName, baseline, target: { kind: 'absolute', limit: 1000 } },
      { name: 'for the record: start and exit of `node -e 0`', corpus: '-', value: nodeStart, unit: 'ms' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  }
}
