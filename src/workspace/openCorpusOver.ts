/**
 * A corpus opened over any `FileSystem` whose paths are relative to the corpus root: its project
 * file (or the defaults), its text files, and the store and workspace that read and write it.
 * The command line and the desktop open it over the walled-in disk (src/node/openCorpus.ts), the
 * browser over `workspace.fs`; Validate and Export then run the same code on either.
 */
import { readProject } from '../core/corpus/readProject';
import type { Problem } from '../core/problem';
import { createCorpusMatcher, type CorpusMatcher, type ProjectConfig } from '../core/project';
import type { FileSystem } from '../core/store/fileSystem';
import type { SidecarStore } from '../core/store/sidecarStore';
import { annotationRulesOf } from '../core/sidecar/validateLinks';
import type { StrictUtf8Decoder } from '../core/text/strictUtf8';
import { AnnotationWorkspace } from './annotationWorkspace';

export interface CorpusOverFiles<Files extends FileSystem = FileSystem> {
  /** The root as given: an absolute path on disk, the folder's path in the browser. */
  root: string;
  config: ProjectConfig;
  projectFound: boolean;
  projectProblems: Problem[];
  matcher: CorpusMatcher;
  knownTypes: ReadonlySet<string>;
  /** Corpus text files, relative to the root, sorted (those that cannot be read too, to be reported). */
  files: string[];
  /** Sidecar files below the root when it was opened: `validate` looks for sidecars without a text among them. */
  sidecars: string[];
  /** The root's files. */
  fileSystem: Files;
  /** Reads (validate, export, stats); built with the project's types. */
  store: SidecarStore;
  /** Writes (import, reanchor): the one write path the editor takes too. */
  workspace: AnnotationWorkspace;
}

/** The corpus's text files and sidecars, for the project's globs. */
export type ListCorpus = (isCorpusFile: CorpusMatcher) => Promise<{ files: string[]; sidecars: string[] }>;

/**
 * Opens the corpus at `root` over `fileSystem`. `reads` is the file system the store reads
 * through, when it differs (the command line's synchronous reads of the same walled-in files);
 * `decodeUtf8`, the host's strict UTF-8 decoder when it has a faster one than the default.
 */
export async function openCorpusOver<Files extends FileSystem>(root: string, fileSystem: Files, list: ListCorpus, reads: FileSystem = fileSystem, decodeUtf8?: StrictUtf8Decoder): Promise<CorpusOverFiles<Files> | { error: string }> {
  const project = await readProject(fileSystem);
  const matcher = createCorpusMatcher(project.config);
  const knownTypes = new Set(project.config.types.map((type) => type.name));
  let listed: { files: string[]; sidecars: string[] };
  try {
    listed = await list(matcher);
  } catch (error) {
    return { error: `The corpus folder ${root} could not be listed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const workspace = corpusWorkspace(reads, project.config, knownTypes, decodeUtf8);
  const store = workspace.storeFor('');
  return { root, config: project.config, projectFound: project.found, projectProblems: project.problems, matcher, knownTypes, files: listed.files, sidecars: listed.sidecars, fileSystem, store, workspace };
}

/** The workspace of a corpus whose project configuration is already read. */
export function corpusWorkspace(fileSystem: FileSystem, config: ProjectConfig, knownTypes: ReadonlySet<string>, decodeUtf8?: StrictUtf8Decoder): AnnotationWorkspace {
  return new AnnotationWorkspace(fileSystem, {
    knownTypes: () => knownTypes,
    rules: () => annotationRulesOf(config),
    ...(decodeUtf8 === undefined ? {} : { decodeUtf8 }),
  });
}
