/**
 * Shared set-up for the export, import and command-line tests: small corpora in memory or in a
 * temporary folder, tagged through the real store, and a way to run Python as an independent
 * reader of what the exporters write.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus, type CorpusDocument } from '../../../src/core/corpus/loadCorpus';
import { exportFileText, type ExportOutput } from '../../../src/core/export/exportTypes';
import { defaultProjectConfig, type ProjectConfig } from '../../../src/core/project';
import { newAnnotation } from '../../../src/core/sidecar/createSidecar';
import type { Sidecar } from '../../../src/core/sidecar/model';
import type { FileSystem } from '../../../src/core/store/fileSystem';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { hardCaseFolder, hardCaseSpans } from '../text/hardCaseFixtures';

export interface Tag {
  type: string;
  start: number;
  end: number;
  note?: string;
  attributes?: Record<string, string>;
}

/** Ids from a counter, so tests get the same files every run. */
export function countingRandom(): (bytes: Uint8Array) => void {
  let next = 1;
  return (bytes) => {
    let value = next++;
    for (let index = 0; index < bytes.length; index++) {
      bytes[index] = value % 32;
      value = Math.floor(value / 32);
    }
  };
}

/** Adds the tags to each file's sidecar through the store, as the editor would. */
export async function tagAll(store: SidecarStore, tags: Record<string, Tag[]>, status: Sidecar['status'] = 'in-progress'): Promise<void> {
  const random = countingRandom();
  for (const [file, list] of Object.entries(tags)) {
    const result = await store.update(file, (sidecar, text) => {
      let next: Sidecar = { ...sidecar, status };
      for (const tag of list) {
        const annotation = newAnnotation(next, text, { ...tag, annotator: 'ana', created: new Date('2026-11-24T20:00:00Z') }, random);
        next = { ...next, annotations: [...next.annotations, annotation] };
      }
      return next;
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  }
}

export interface MemoryCorpus {
  files: MemoryFileSystem;
  store: SidecarStore;
  documents: CorpusDocument[];
  config: ProjectConfig;
}

/** A corpus in memory: texts, then tags; documents loaded as the command line loads them. */
export async function memoryCorpus(texts: Record<string, string | Uint8Array>, tags: Record<string, Tag[]> = {}): Promise<MemoryCorpus> {
  const files = new MemoryFileSystem(texts);
  const store = new SidecarStore(files);
  await tagAll(store, tags);
  const documents = await loadDocuments(store, Object.keys(texts).sort());
  return { files, store, documents, config: defaultProjectConfig() };
}

export async function loadDocuments(store: SidecarStore, paths: string[]): Promise<CorpusDocument[]> {
  const load = await loadCorpus(store, paths);
  if (load.failures.length > 0) throw new Error(JSON.stringify(load.failures));
  return load.documents;
}

const types = ['PERSON', 'LOCATION', 'ORG', 'MISC'];

/**
 * The hard-case texts (emoji, flags, CJK outside the BMP, CRLF, BOM, combining marks, RTL) with
 * the spans Python computed for them, overlapping ones included, as tags. A note with a line
 * break and an attribute go on the first span of each file.
 */
export function hardCaseTags(): Record<string, Tag[]> {
  const tags: Record<string, Tag[]> = {};
  for (const [file, spans] of Object.entries(hardCaseSpans())) {
    tags[`hard/${file}`] = spans.map((span, index) => ({
      type: types[index % types.length],
      start: span.start,
      end: span.end,
      ...(index === 0 ? { note: 'check\nthis "one"', attributes: { wikidata: 'Q1', role: 'lead' } } : {}),
    }));
  }
  return tags;
}

export function hardCaseTexts(): Record<string, Uint8Array> {
  const texts: Record<string, Uint8Array> = {};
  for (const file of Object.keys(hardCaseSpans())) texts[`hard/${file}`] = readFileSync(path.join(hardCaseFolder(), file));
  return texts;
}

/** Writes files into a folder through a file system (a rooted disk one, or memory). */
export async function writeAll(fileSystem: FileSystem, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [file, data] of Object.entries(files)) await fileSystem.writeFileAtomic(file, typeof data === 'string' ? new TextEncoder().encode(data) : data);
}

export function temporaryFolder(prefix = 'news-annotator-'): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The repository's sample corpus, copied to a temporary folder (the original stays read-only). */
export function copySampleCorpus(): { folder: string; remove: () => void } {
  const temporary = temporaryFolder('sample-corpus-');
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'sample-corpus');
    if (existsSync(path.join(candidate, 'README.md')) && existsSync(path.join(candidate, 'en'))) {
      cpSync(candidate, temporary.folder, { recursive: true });
      return temporary;
    }
    if (path.dirname(folder) === folder) throw new Error(`sample-corpus not found above ${__dirname}`);
  }
}

/** Skips the test, loudly, when Python 3 with PyYAML is not there. */
export function requirePython(context: Mocha.Context): void {
  const probe = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    console.warn('\n!!! PYTHON3 NOT FOUND (or without PyYAML): exports were NOT checked by an independent Python reader !!!\n');
    context.skip();
  }
}

/** Runs a Python script with arguments; returns its stdout parsed as JSON. */
export function python(script: string, ...args: string[]): unknown {
  const run = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

/** The whole text of a one-file export (yaml, jsonl, spacy, conll), which the writer would stream. */
export function exportText(output: ExportOutput): string {
  const text = exportFileText(output.files[0]);
  if (text === undefined) throw new Error('not a one-file export');
  return text;
}
