/**
 * Reads corpus files and keeps of each only its summary (what `stats` and `validate` need, see
 * core/index/fileSummary.ts) and the stamps the command line's cache keys it by, in this thread.
 * Each file is summarised as soon as it is read and its text and parse let go: holding every text
 * and annotation of a large corpus at once costs more in garbage collection than reading.
 */
import { corpusDocument } from '../core/corpus/loadCorpus';
import { mapConcurrent } from '../core/corpus/mapConcurrent';
import { summariseDocument, summariseFailure, type FileSummary } from '../core/index/fileSummary';
import type { SidecarStore } from '../core/store/sidecarStore';
import type { FileStamps } from '../core/index/summaryCacheFile';

/**
 * A file's summary, and the size and time of its text and sidecar as they were read (undefined
 * when the reads could not say, or the file was not read whole: then it is not cached).
 */
export interface ReadSummary {
  summary: FileSummary;
  stamps: FileStamps | undefined;
}

export function summariseFiles(store: SidecarStore, files: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ReadSummary[]> {
  return mapConcurrent(
    files,
    32,
    async (file): Promise<ReadSummary> => {
      const result = await store.load(file, { remember: false });
      if (!result.ok) return { summary: summariseFailure({ path: file, problems: result.problems }), stamps: undefined };
      const text = result.textStatus;
      const sidecar = result.version;
      // Taken on the very files read, before their bytes: a change while reading shows as a new
      // stamp next time.
      const stamps = text === undefined ? undefined : { text: { size: text.size, mtimeMs: text.mtimeMs }, sidecar: sidecar === undefined ? null : { size: sidecar.size, mtimeMs: sidecar.mtimeMs } };
      return { summary: summariseDocument(corpusDocument(file, result)), stamps };
    },
    onProgress,
  );
}
