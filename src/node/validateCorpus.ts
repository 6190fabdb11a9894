/**
 * Everything `validate` reports for a loaded corpus: the project file's problems, every sidecar
 * checked against its text, and sidecars whose text is missing or not corpus. Shared by the
 * command line and the editor's Validate Corpus command. Reads only.
 *
 * Texts that are not UTF-8 (Latin-1, UTF-16, broken bytes) are errors: their offsets cannot be
 * reproduced by Python, and the message carries the `iconv` line that converts them.
 */
import path from 'node:path';
import type { CorpusLoad } from '../core/corpus/loadCorpus';
import { summariseLoad, type FileSummary } from '../core/index/fileSummary';
import { describeEncoding } from '../core/text/detectEncoding';
import { problem, type Problem } from '../core/problem';
import { projectFileName, sidecarSuffix } from '../core/project';
import type { OpenCorpus } from './openCorpus';

export function validateCorpus(corpus: OpenCorpus, load: CorpusLoad): Problem[] {
  return validateSummaries(corpus, summariseLoad(corpus.files, load));
}

/** The same from per-file summaries (what the command line keeps in its cache). */
export function validateSummaries(corpus: Pick<OpenCorpus, 'root' | 'files' | 'sidecars' | 'projectProblems'>, summaries: readonly FileSummary[]): Problem[] {
  const problems: Problem[] = [...corpus.projectProblems];
  for (const summary of summaries) for (const item of summary.problems) problems.push(item);
  for (const summary of summaries) {
    const check = summary.encoding;
    if (check === undefined) continue;
    const absolute = path.join(corpus.root, ...summary.path.split('/'));
    problems.push(problem('text-encoding', describeEncoding(check, absolute), summary.path, check.line, check.column, 'error'));
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
