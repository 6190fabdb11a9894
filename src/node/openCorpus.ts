/**
 * Opens a corpus folder on disk for the command line and the editor's corpus commands: reads its
 * project file (or takes the defaults), lists its text files, and sets up a store whose paths, and
 * so whose problems, are relative to the root. Every file goes through a `ConfinedFileSystem`:
 * nothing outside the root is read or written, links are never followed, and only regular files
 * are read.
 */
import { promises as fs } from 'node:fs';
import type { ProjectConfig } from '../core/project';
import type { SidecarStore } from '../core/store/sidecarStore';
import type { AnnotationWorkspace } from '../workspace/annotationWorkspace';
import { corpusWorkspace, openCorpusOver, type CorpusOverFiles } from '../workspace/openCorpusOver';
import { ConfinedFileSystem } from './confinedFileSystem';
import { decodeUtf8Fast } from './decodeUtf8Fast';
import { listCorpusEntries } from './listCorpusFiles';
import { SyncReadingFileSystem } from './syncReadingFileSystem';

/**
 * The corpus on disk. Its `files` include the paths the globs include that are links, FIFOs,
 * sockets or devices: reading them is refused, so loading the corpus reports each one instead of
 * leaving it out in silence. Its file system creates missing folders inside the root on writes.
 */
export type OpenCorpus = CorpusOverFiles<ConfinedFileSystem> & {
  /**
   * The texts and sidecars the listing saw as regular files: synchronous reads open them without
   * looking first (see syncReadingFileSystem.ts), and worker threads are told them too.
   */
  listedRegular: readonly string[];
};

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
  const reads = options.syncReads === true ? new SyncReadingFileSystem(fileSystem) : undefined;
  let listedRegular: string[] = [];
  const opened = await openCorpusOver(
    root,
    fileSystem,
    async (matcher) => {
      const entries = await listCorpusEntries(root, matcher);
      listedRegular = [...entries.files, ...entries.sidecars];
      reads?.trustListing(listedRegular);
      return { files: [...entries.files, ...entries.setAside].sort(), sidecars: entries.sidecars };
    },
    reads ?? fileSystem,
    decodeUtf8Fast,
  );
  return 'error' in opened ? opened : { ...opened, listedRegular };
}

/**
 * A store reading the corpus at `root` with synchronous reads, as openCorpus makes it, under a
 * project configuration already read (a worker thread reads its share of a corpus the main
 * thread opened, with the very configuration the main thread read, and lists nothing; it is told
 * what the main thread's listing saw as regular files).
 */
export async function openCorpusStore(root: string, config: ProjectConfig, listedRegular: readonly string[] = []): Promise<SidecarStore> {
  return (await openCorpusWorkspace(root, config, listedRegular)).storeFor('');
}

/** The workspace over that store, for a worker thread that also writes (`suggest`). */
export async function openCorpusWorkspace(root: string, config: ProjectConfig, listedRegular: readonly string[] = []): Promise<AnnotationWorkspace> {
  const fileSystem = await ConfinedFileSystem.open(root, { createFolders: true });
  const knownTypes = new Set(config.types.map((type) => type.name));
  return corpusWorkspace(new SyncReadingFileSystem(fileSystem, listedRegular), config, knownTypes, decodeUtf8Fast);
}
