/**
 * Opens a corpus folder on disk for the command line and the editor's corpus commands: reads its
 * project file (or takes the defaults), lists its text files, and sets up a store whose paths, and
 * so whose problems, are relative to the root. Every file goes through a `ConfinedFileSystem`:
 * nothing outside the root is read or written, links are never followed, and only regular files
 * are read.
 */
import { promises as fs } from 'node:fs';
import { readProject } from '../core/corpus/readProject';
import type { Problem } from '../core/problem';
import { createCorpusMatcher, type CorpusMatcher, type ProjectConfig } from '../core/project';
import type { SidecarStore } from '../core/store/sidecarStore';
import { annotationRulesOf } from '../core/sidecar/validateLinks';
import { AnnotationWorkspace } from '../workspace/annotationWorkspace';
import { ConfinedFileSystem } from './confinedFileSystem';
import { listCorpusEntries } from './listCorpusFiles';
import { SyncReadingFileSystem } from './syncReadingFileSystem';

export interface OpenCorpus {
  /** The root as given (absolute). */
  root: string;
  config: ProjectConfig;
  projectFound: boolean;
  projectProblems: Problem[];
  matcher: CorpusMatcher;
  knownTypes: ReadonlySet<string>;
  /**
   * Corpus text files, relative to the root, sorted. Paths the globs include that are links,
   * FIFOs, sockets or devices are listed too: reading them is refused, so loading the corpus
   * reports each one instead of leaving it out in silence.
   */
  files: string[];
  /** Sidecar files below the root when it was opened (see CorpusEntries.sidecars): `validate` looks for sidecars without a text among them. */
  sidecars: string[];
  /** The root's files; writing a file creates its missing folders inside the root. */
  fileSystem: ConfinedFileSystem;
  /** Reads (validate, export, stats); built with the project's types. */
  store: SidecarStore;
  /** Writes (import, reanchor): the one write path the editor takes too. */
  workspace: AnnotationWorkspace;
}

export interface OpenCorpusOptions {
  /**
   * Read files synchronously (same walls, see syncReadingFileSystem.ts): several times faster
   * over thousands of files, for the command line, which does nothing else meanwhile. Never in
   * the editor, whose extension host must keep answering while a corpus is read.
   */
  syncReads?: boolean;
}

/** The opened corpus, or a message when the folder cannot be used. */
export async function openCorpus(root: string, options: OpenCorpusOptions = {}): Promise<OpenCorpus | { error: string }> {
  let fileSystem: ConfinedFileSystem;
  try {
    const status = await fs.stat(root);
    if (!status.isDirectory()) return { error: `${root} is not a folder.` };
    fileSystem = await ConfinedFileSystem.open(root, { createFolders: true });
  } catch {
    return { error: `${root} does not exist.` };
  }
  const project = await readProject(fileSystem);
  const matcher = createCorpusMatcher(project.config);
  const knownTypes = new Set(project.config.types.map((type) => type.name));
  let files: string[];
  let sidecars: string[];
  try {
    const entries = await listCorpusEntries(root, matcher);
    files = [...entries.files, ...entries.setAside].sort();
    sidecars = entries.sidecars;
  } catch (error) {
    return { error: `The corpus folder ${root} could not be listed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const workspace = workspaceOver(fileSystem, project.config, knownTypes, options);
  const store = workspace.storeFor('');
  return { root, config: project.config, projectFound: project.found, projectProblems: project.problems, matcher, knownTypes, files, sidecars, fileSystem, store, workspace };
}

function workspaceOver(fileSystem: ConfinedFileSystem, config: ProjectConfig, knownTypes: ReadonlySet<string>, options: OpenCorpusOptions): AnnotationWorkspace {
  return new AnnotationWorkspace(options.syncReads === true ? new SyncReadingFileSystem(fileSystem) : fileSystem, {
    knownTypes: () => knownTypes,
    rules: () => annotationRulesOf(config),
  });
}

/**
 * A store reading the corpus at `root` with synchronous reads, as openCorpus makes it, under a
 * project configuration already read (a worker thread reads its share of a corpus the main
 * thread opened, with the very configuration the main thread read, and lists nothing).
 */
export async function openCorpusStore(root: string, config: ProjectConfig): Promise<SidecarStore> {
  const fileSystem = await ConfinedFileSystem.open(root, { createFolders: true });
  const knownTypes = new Set(config.types.map((type) => type.name));
  return workspaceOver(fileSystem, config, knownTypes, { syncReads: true }).storeFor('');
}
