/** Builders and fixture paths shared by the index and search tests. */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IndexAnnotation, IndexEntry } from '../../../src/core/index/indexEntry';

let counter = 0;

/** An annotation of `text` at `start` (id made up unless given). */
export function mention(type: string, text: string, start = 0, extra: Partial<IndexAnnotation> = {}): IndexAnnotation {
  return { id: `id${++counter}`, type, start, end: start + [...text].length, text, prefix: 'before ', suffix: ' after', ...extra };
}

/** An entry with these annotations; in progress unless told otherwise. */
export function entry(annotations: readonly IndexAnnotation[], extra: Partial<IndexEntry> = {}): IndexEntry {
  return { hasSidecar: true, status: 'in-progress', annotations, problems: 0, unreadable: false, orphans: 0, ...extra };
}

/** test/unit/fixtures/index, found from the build folder the tests run in. */
export function indexFixtureFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'test', 'unit', 'fixtures', 'index');
    if (existsSync(path.join(candidate, 'corpus'))) return candidate;
    if (path.dirname(folder) === folder) throw new Error(`index fixtures not found above ${__dirname}`);
  }
}

/** A fresh copy of the fixture corpus in a temporary folder (tests change files in it). */
export function copyFixtureCorpus(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-index-'));
  cpSync(path.join(indexFixtureFolder(), 'corpus'), target, { recursive: true });
  return target;
}

export const fixtureFiles = [
  'broken/conflict.txt',
  'en/cartagena-summit.txt',
  'es/feria-bogota.txt',
  'es/untagged.txt',
  'stale/changed.txt',
  'zh/hangzhou.txt',
];
