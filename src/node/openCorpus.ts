/**
 * Opens a corpus folder on disk for the command line: reads its project file (or takes the
 * defaults), lists its text files, and sets up a store whose paths, and so whose problems, are
 * relative to the root.
 */
import { promises as fs } from 'node:fs';
import { readProject } from '../core/corpus/readProject';
import { RootedFileSystem } from '../core/corpus/rootedFileSystem';
import type { Problem } from '../core/problem';
import { createCorpusMatcher, type CorpusMatcher, type ProjectConfig } from '../core/project';
import { SidecarStore } from '../core/store/sidecarStore';
import { CreatingFileSystem } from './creatingFileSystem';
import { listCorpusFiles } from './listCorpusFiles';

export interface OpenCorpus {
  /** The root as given (absolute). */
  root: string;
  config: ProjectConfig;
  projectFound: boolean;
  projectProblems: Problem[];
  matcher: CorpusMatcher;
  knownTypes: ReadonlySet<string>;
  /** Corpus text files, relative to the root, sorted. */
  files: string[];
  fileSystem: RootedFileSystem;
  store: SidecarStore;
}

/** The opened corpus, or a message when the folder cannot be used. */
export async function openCorpus(root: string): Promise<OpenCorpus | { error: string }> {
  try {
    const status = await fs.stat(root);
    if (!status.isDirectory()) return { error: `${root} is not a folder.` };
  } catch {
    return { error: `${root} does not exist.` };
  }
  const fileSystem = new RootedFileSystem(new CreatingFileSystem(), root);
  const project = await readProject(fileSystem);
  const matcher = createCorpusMatcher(project.config);
  const knownTypes = new Set(project.config.types.map((type) => type.name));
  let files: string[];
  try {
    files = await listCorpusFiles(root, matcher);
  } catch (error) {
    return { error: `The corpus folder ${root} could not be listed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const store = new SidecarStore(fileSystem, { knownTypes });
  return { root, config: project.config, projectFound: project.found, projectProblems: project.problems, matcher, knownTypes, files, fileSystem, store };
}
