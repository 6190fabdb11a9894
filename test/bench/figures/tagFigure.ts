/** Tag one span in a file that already has many annotations: model update + atomic sidecar write. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { applyChange } from '../../../src/core/editing/annotationChange';
import { tagSpans } from '../../../src/core/editing/tagActions';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { NodeFileSystem } from '../../../src/node/nodeFileSystem';
import { sidecarOf } from '../corpusOnDisk';
import { median, timeRuns } from '../measure';
import type { Figure } from '../report';
import { syntheticDocuments } from '../syntheticCorpus';

/** Tagging one span, and the durable atomic write of the same bytes alone: the floor any save has. */
export async function tagFigures(annotationsInFile: number, runs: number): Promise<Figure[]> {
  const tag = await tagFigure(annotationsInFile, runs);
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-write-'));
  try {
    const [document] = [...syntheticDocuments({ documents: 1, annotationsPerDocument: annotationsInFile, distinctEntities: 2000, seed: 7, exact: true })];
    const bytes = Buffer.from(serializeSidecar(sidecarOf('long-article.txt', Buffer.from(document.text, 'utf8'), false, document.annotations)), 'utf8');
    const disk = new NodeFileSystem();
    const target = path.join(folder, 'long-article.txt.ann.yaml');
    const write = median(await timeRuns(() => disk.writeFileAtomic(target, bytes), runs, 2));
    return [
      tag,
      { name: 'for the record: the durable atomic write alone (temporary file, fsync, rename, fsync of the folder)', corpus: `${(bytes.length / 1e6).toFixed(2)} MB, the same file`, value: write, unit: 'ms' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function tagFigure(annotationsInFile: number, runs: number, options: { stringifyBaseline?: boolean } = {}): Promise<Figure> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-tag-'));
  try {
    const [document] = [...syntheticDocuments({ documents: 1, annotationsPerDocument: annotationsInFile, distinctEntities: 2000, seed: 7, exact: true })];
    const textPath = path.join(folder, 'long-article.txt');
    const bytes = Buffer.from(document.text, 'utf8');
    writeFileSync(textPath, bytes);
    const sidecar = sidecarOf('long-article.txt', bytes, false, document.annotations);
    writeFileSync(`${textPath}.ann.yaml`, serializeSidecar(sidecar));
    const store = new SidecarStore(new NodeFileSystem());
    // Each run tags a different word so every run really writes.
    let cursor = 0;
    const words = document.annotations.filter((_, index) => index % 7 === 0);
    const tag = async () => {
      const word = words[cursor++ % words.length];
      const result = await store.update(textPath, (current, text) => applyChange(current, tagSpans(current, text, [{ start: word.start, end: word.end }], { type: `BENCH${cursor}` })));
      if (!result.ok) throw new Error(result.problems[0]?.message);
    };
    const measured = median(await timeRuns(tag, runs, 2));
    const baseline = options.stringifyBaseline === false ? undefined : median(await timeRuns(() => stringify(sidecar), Math.max(3, Math.floor(runs / 4))));
    return {
      name: 'tag one span (update model + write sidecar, with the write lock)',
      corpus: `a file with ${document.annotations.length.toLocaleString('en')} annotations`,
      value: measured,
      unit: 'ms',
      baselineName: 'YAML.stringify of that file',
      baseline,
      target: { kind: 'absolute', limit: 10 },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
