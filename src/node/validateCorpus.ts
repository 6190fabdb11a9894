/**
 * Validate on disk: src/workspace/validateCorpus.ts, with each file named by its local path in
 * the messages that give a command to run on it.
 */
import path from 'node:path';
import type { CorpusLoad } from '../core/corpus/loadCorpus';
import type { FileSummary } from '../core/index/fileSummary';
import type { Problem } from '../core/problem';
import * as shared from '../workspace/validateCorpus';
import type { OpenCorpus } from './openCorpus';

type ValidatedCorpus = Pick<OpenCorpus, 'root' | 'files' | 'sidecars' | 'projectProblems'>;

const onDisk = (root: string) => (relative: string) => path.join(root, ...relative.split('/'));

export function validateCorpus(corpus: ValidatedCorpus, load: CorpusLoad): Problem[] {
  return shared.validateCorpus(corpus, load, onDisk(corpus.root)).map(withRelinkHint);
}

/** The same from per-file summaries (what the command line keeps in its cache). */
export function validateSummaries(corpus: ValidatedCorpus, summaries: readonly FileSummary[]): Problem[] {
  return shared.validateSummaries(corpus, summaries, onDisk(corpus.root)).map(withRelinkHint);
}

/** A sidecar left behind is most often a text renamed with git or a shell: say what puts it back. */
function withRelinkHint(item: Problem): Problem {
  if (item.code !== 'sidecar-without-text') return item;
  return { ...item, message: `${item.message} If the text was renamed or moved, \`news-annotator relink\` finds it by its content and moves this sidecar beside it.` };
}
