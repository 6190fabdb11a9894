/**
 * Reads corpus files and keeps of each only its summary (what `stats` and `validate` need, see
 * core/index/fileSummary.ts), in this thread. Each file is summarised as soon as it is read and
 * its text and parse let go: holding every text and annotation of a large corpus at once costs
 * more in garbage collection than reading.
 */
import { corpusDocument } from '../core/corpus/loadCorpus';
import { mapConcurrent } from '../core/corpus/mapConcurrent';
import { summariseDocument, summariseFailure, type FileSummary } from '../core/index/fileSummary';
import type { SidecarStore } from '../core/store/sidecarStore';

export function summariseFiles(store: SidecarStore, files: readonly string[], onProgress?: (done: number, total: number) => void): Promise<FileSummary[]> {
  return mapConcurrent(
    files,
    32,
    async (file) => {
      const result = await store.load(file, { remember: false });
      return result.ok ? summariseDocument(corpusDocument(file, result)) : summariseFailure({ path: file, problems: result.problems });
    },
    onProgress,
  );
}
