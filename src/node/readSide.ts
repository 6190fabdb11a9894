/**
 * One side of an agreement comparison (`news-annotator agree`), read into the core's `Side`: a
 * corpus folder, through openCorpus's walls (confined to the root, no links followed), or
 * `git:REF`, the corpus folder as commit REF has it, read from git's object store
 * (gitTreeReader.ts). Either way every sidecar goes through the corpus store, so parsing,
 * anchoring and validation are the ones every other command uses.
 *
 * A document is on a side when its text and its sidecar are both there: a text nobody has tagged
 * yet is not "no entities". Annotations that no longer sit on their text (orphaned or found only
 * approximately after the text changed) are left out and counted. A document whose text or
 * sidecar cannot be read is left out and reported with its problems.
 */
import path from 'node:path';
import type { Side, SideDocument } from '../core/agreement/agreementReport';
import { corpusDocument } from '../core/corpus/loadCorpus';
import { mapConcurrent } from '../core/corpus/mapConcurrent';
import { readProject } from '../core/corpus/readProject';
import type { Problem } from '../core/problem';
import { createCorpusMatcher, projectFileName } from '../core/project';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { SidecarStore } from '../core/store/sidecarStore';
import { GitError, GitTreeFileSystem, locateInRepository } from './gitTreeReader';
import { skippedFolders } from './listCorpusFiles';
import { decodeUtf8Fast } from './decodeUtf8Fast';
import { openCorpus } from './openCorpus';

export interface SideRead {
  side: Side;
  /** Documents left out because their text or sidecar could not be read, with why. */
  unreadable: Array<{ path: string; problems: Problem[] }>;
  /** Annotations left out because they no longer sit on their text. */
  unplaced: number;
  /** How a problem's corpus-relative path is shown: from the current folder, or `REF:PREFIX/path` for git. */
  display: (file: string) => string;
  /** The folder of a folder side (absolute). */
  folder?: string;
}

export interface ReadSideOptions {
  /** The folder relative paths are taken from. */
  cwd: string;
  /** The corpus folder whose repository `git:REF` sides are read from (absolute). */
  root: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Read a folder side's files synchronously (true by default: the command line and its worker
   * threads do nothing else meanwhile). The editor passes false, so its extension host keeps
   * answering while a large folder is read.
   */
  syncReads?: boolean;
  /** Read only the documents of this part of the corpus (see inShard): one worker's share. */
  shard?: Shard;
}

/** Part `index` of `count` parts a corpus is split into by path. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Whether a document belongs to the part: by a hash of its path (FNV-1a), so every side and every
 * worker puts a document in the same part without a list being shared first.
 */
export function inShard(file: string, shard: Shard | undefined): boolean {
  if (shard === undefined || shard.count <= 1) return true;
  let hash = 0x811c9dc5;
  for (let index = 0; index < file.length; index++) hash = Math.imul(hash ^ file.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % shard.count === shard.index;
}

export const gitPrefix = 'git:';

export async function readSide(spec: string, options: ReadSideOptions): Promise<SideRead | { error: string }> {
  return spec.startsWith(gitPrefix) ? readGitSide(spec, spec.slice(gitPrefix.length), options) : readFolderSide(spec, options);
}

async function readFolderSide(spec: string, options: ReadSideOptions): Promise<SideRead | { error: string }> {
  const root = path.resolve(options.cwd, spec);
  const corpus = await openCorpus(root, { syncReads: options.syncReads ?? true });
  if ('error' in corpus) return corpus;
  const files = options.shard === undefined ? corpus.files : corpus.files.filter((file) => inShard(file, options.shard));
  return { ...(await readDocuments(spec, corpus.store, files, options.onProgress)), display: (file) => displayFrom(options.cwd, path.resolve(root, file)), folder: root };
}

async function readGitSide(spec: string, ref: string, options: ReadSideOptions): Promise<SideRead | { error: string }> {
  if (ref === '') return { error: `"${spec}" names no ref; write git:main, git:HEAD~1, git:a1b2c3d.` };
  let fileSystem: GitTreeFileSystem;
  let prefix: string;
  try {
    const location = await locateInRepository(options.root);
    prefix = location.prefix;
    fileSystem = await GitTreeFileSystem.open(location.top, ref, prefix);
    await fileSystem.load([projectFileName]);
  } catch (error) {
    if (error instanceof GitError) return { error: error.message };
    throw error;
  }
  const project = await readProject(fileSystem);
  const matcher = createCorpusMatcher(project.config);
  const files = fileSystem.list().filter((file) => matcher(file) && inShard(file, options.shard) && !file.split('/').slice(0, -1).some((folder) => skippedFolders.has(folder)));
  await fileSystem.load(files.flatMap((file) => [file, sidecarPathFor(file)]));
  const store = new SidecarStore(fileSystem, { knownTypes: new Set(project.config.types.map((type) => type.name)), decodeUtf8: decodeUtf8Fast });
  return { ...(await readDocuments(spec, store, files, options.onProgress)), display: (file) => `${ref}:${prefix}${file}` };
}

/**
 * Each document read and cut down at once to what the comparison needs (its text and placed
 * annotations): the rest of a load (positions, anchors, the parsed sidecar) is let go file by
 * file instead of living until every file is read.
 */
async function readDocuments(name: string, store: SidecarStore, files: readonly string[], onProgress: ReadSideOptions['onProgress']): Promise<Omit<SideRead, 'display' | 'folder'>> {
  const results = await mapConcurrent(
    files,
    32,
    async (file): Promise<{ failure: SideRead['unreadable'][number] } | { document: SideDocument; unplaced: number } | undefined> => {
      // Problems of documents that were read are validation findings (`validate` reports them, and
      // they are not even looked for here); only documents that could not be read at all are left out.
      const loaded = await store.load(file, { validate: false });
      if (!loaded.ok) return { failure: { path: file, problems: loaded.problems } };
      // A text nobody has tagged yet (no sidecar) is not "no entities".
      if (loaded.version === undefined) return undefined;
      const document = corpusDocument(file, loaded);
      return { document: { path: file, text: loaded.text.text, annotations: document.placed }, unplaced: document.unplaced.length };
    },
    onProgress,
  );
  const documents: SideDocument[] = [];
  const unreadable: SideRead['unreadable'] = [];
  let unplaced = 0;
  for (const result of results) {
    if (result === undefined) continue;
    if ('failure' in result) unreadable.push(result.failure);
    else {
      documents.push(result.document);
      unplaced += result.unplaced;
    }
  }
  return { side: { name, documents }, unreadable, unplaced };
}

function displayFrom(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative;
}
