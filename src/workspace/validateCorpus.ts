/**
 * Everything `validate` reports for a loaded corpus: the project file's problems, every sidecar
 * checked against its text, and sidecars whose text is missing or not corpus. Shared by the
 * command line, the desktop's and the browser's Validate Corpus. Reads only.
 *
 * Texts that are not UTF-8 (Latin-1, UTF-16, broken bytes) are errors: their offsets cannot be
 * reproduced by Python, and the message carries the `iconv` line that converts them.
 */
import type { CorpusLoad } from '../core/corpus/loadCorpus';
import { summariseLoad, type FileSummary } from '../core/index/fileSummary';
import { describeEncoding } from '../core/text/detectEncoding';
import { problem, type Problem } from '../core/problem';
import { projectFileName, sidecarSuffix } from '../core/project';
import type { CorpusOverFiles } from './openCorpusOver';

type ValidatedCorpus = Pick<CorpusOverFiles, 'root' | 'files' | 'sidecars' | 'projectProblems'>;

/** `fullPath` names a corpus file in messages that give a command to run on it (the local path on disk). */
export function validateCorpus(corpus: ValidatedCorpus, load: CorpusLoad, fullPath: (relative: string) => string): Problem[] {
  return validateSummaries(corpus, summariseLoad(corpus.files, load), fullPath);
}

/** The same from per-file summaries (what the command line keeps in its cache). */
export function validateSummaries(corpus: ValidatedCorpus, summaries: readonly FileSummary[], fullPath: (relative: string) => string): Problem[] {
  const problems: Problem[] = [...corpus.projectProblems];
  for (const summary of summaries) for (const item of summary.problems) problems.push(item);
  for (const summary of summaries) {
    const check = summary.encoding;
    if (check === undefined) continue;
    problems.push(problem('text-encoding', describeEncoding(check, fullPath(summary.path)), summary.path, check.line, check.column, 'error'));
  }
  const texts = new Set(corpus.files);
  // The sidecars the corpus was opened with, listed in the same walk as its texts.
  for (const sidecar of corpus.sidecars) {
    const text = sidecar.slice(0, -sidecarSuffix.length);
    if (!texts.has(text)) {
      problems.push(problem('sidecar-without-text', `No corpus text file ${text} beside this sidecar (missing, or not included by the corpus globs of ${projectFileName}).`, sidecar, 1, 1, 'warning'));
    }
  }
  return problems;
}
