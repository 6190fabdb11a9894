/** Shared setup for the store tests: the fixture article in a memory file system. */
import assert from 'node:assert/strict';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore, type LoadedSidecar, type SidecarChange } from '../../../src/core/store/sidecarStore';
import { readFixture } from '../sidecar/sidecarTestSupport';

export const textPath = 'corpus/article.txt';
export const sidecarPath = 'corpus/article.txt.ann.yaml';
const types = new Set(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE']);

/** A corpus of the fixture article with `sidecar` beside it (null: no sidecar). */
export function setup(sidecar: string | null = readFixture('article.txt.ann.yaml')): { files: MemoryFileSystem; store: SidecarStore } {
  const files = new MemoryFileSystem({ [textPath]: readFixture('article.txt') });
  if (sidecar !== null) files.writeFile(sidecarPath, sidecar);
  return { files, store: new SidecarStore(files, { knownTypes: types }) };
}

export async function loaded(store: SidecarStore): Promise<LoadedSidecar> {
  const result = await store.load(textPath);
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result;
}

/** A change that tags `text[start:end]` as `type`. */
export const tag =
  (type: string, start: number, end: number): SidecarChange =>
  (sidecar, text) => ({ ...sidecar, annotations: [...sidecar.annotations, newAnnotation(sidecar, text, { type, start, end, annotator: 'bo' })] });

/** How many times the store wrote. */
export function writes(files: MemoryFileSystem): number {
  return files.log.filter((entry) => entry.operation === 'writeFileAtomic').length;
}

/** The texts of the annotations now on disk. */
export function texts(files: MemoryFileSystem): string[] {
  const result = parseSidecar(files.readText(sidecarPath)!, sidecarPath);
  assert.ok(result.ok);
  return result.sidecar.annotations.map((annotation) => annotation.text);
}
