/**
 * Suggests names across a corpus: the command line's `suggest` and the editor's "Suggest from
 * Gazetteer…" both run this. One matcher for all names; each file is read, matched in one pass,
 * and only files that gain suggestions are written, through the workspace (so the editor's run
 * is one undo step). A sidecar that cannot be read, or only partly, is skipped with a problem and
 * never written over.
 */
import { mapConcurrent } from '../core/corpus/mapConcurrent';
import { problem, type Problem } from '../core/problem';
import type { GazetteerEntry } from '../core/suggest/gazetteerEntry';
import { entriesFromTags, type TaggedName } from '../core/suggest/entriesFromTags';
import { NameMatcher } from '../core/suggest/nameMatcher';
import { countSuggestions, suggestDocument } from '../core/suggest/suggestDocument';
import type { AnnotationWorkspace } from './annotationWorkspace';
import type { EditProgress } from './fileEdit';

export interface SuggestCorpusOptions {
  /** Every name to look for (gazetteers and, with `--from-tags`, the corpus's own tags). */
  readonly entries: readonly GazetteerEntry[];
  /** Also suggest every name already tagged somewhere in these files (source `tags`). */
  readonly fromTags?: boolean;
  readonly ignoreCase: boolean;
  /** Only these types, when given. */
  readonly types?: ReadonlySet<string>;
  /** The project's entity types: names of any other type are reported once per type and file, and skipped. */
  readonly knownTypes: ReadonlySet<string>;
  /** Where each gazetteer source (`gazetteer:<file name>`) is, as problems should name it. */
  readonly sourceFiles?: ReadonlyMap<string, string>;
  readonly dryRun: boolean;
  /** The undo step's name. */
  readonly label: string;
  /** Reading (first phase) and writing (second); `isCancelled` stops either between files. */
  readonly progress?: EditProgress;
}

export interface SuggestFileOutcome {
  readonly textPath: string;
  /** Suggestions added (or, in a dry run, that would be). */
  readonly added: number;
}

export interface SuggestCorpusOutcome {
  /** Files that gained suggestions, in corpus order. */
  readonly files: SuggestFileOutcome[];
  readonly added: number;
  /** Unknown types, skipped sidecars, failed writes. */
  readonly problems: Problem[];
  readonly names: number;
  readonly cancelled: boolean;
}

/** Entries of the project's types (and of `types`, when given); the others reported at their first row. */
export function usableEntries(
  entries: readonly GazetteerEntry[],
  knownTypes: ReadonlySet<string>,
  types: ReadonlySet<string> | undefined,
  sourceFiles: ReadonlyMap<string, string> = new Map(),
): { entries: GazetteerEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const reported = new Map<string, { first: GazetteerEntry; count: number }>();
  const usable: GazetteerEntry[] = [];
  for (const entry of entries) {
    if (types !== undefined && !types.has(entry.type)) continue;
    if (knownTypes.size === 0 || knownTypes.has(entry.type)) {
      usable.push(entry);
      continue;
    }
    const key = `${entry.source}\u0000${entry.type}`;
    const known = reported.get(key);
    if (known === undefined) reported.set(key, { first: entry, count: 1 });
    else known.count++;
  }
  for (const { first, count } of reported.values()) {
    const where = sourceFiles.get(first.source) ?? (first.source.startsWith('gazetteer:') ? first.source.slice('gazetteer:'.length) : first.source);
    const rows = count === 1 ? 'this name was' : `these ${count} names were`;
    problems.push(
      problem('gazetteer-unknown-type', `"${first.type}" is not one of the project's entity types (${[...knownTypes].join(', ')}); ${rows} skipped.`, where, Math.max(1, first.line), 1, 'warning'),
    );
  }
  return { entries: usable, problems };
}

/**
 * Every name to look for: the given entries and, with `fromTags`, every tag of `files`; those of
 * types not in the project (or not among `types`) are reported once and left out. Threads that
 * split a corpus between them (suggestInWorkers.ts) take this one list, worked out once.
 */
export async function namesToSuggest(
  workspace: AnnotationWorkspace,
  files: readonly string[],
  options: Pick<SuggestCorpusOptions, 'entries' | 'fromTags' | 'types' | 'knownTypes' | 'sourceFiles'>,
): Promise<{ entries: GazetteerEntry[]; problems: Problem[] }> {
  const all = options.fromTags === true ? [...options.entries, ...(await taggedNames(workspace, files))] : options.entries;
  return usableEntries(all, options.knownTypes, options.types, options.sourceFiles);
}

export async function suggestCorpus(workspace: AnnotationWorkspace, files: readonly string[], options: SuggestCorpusOptions): Promise<SuggestCorpusOutcome> {
  const { entries, problems } = await namesToSuggest(workspace, files, options);
  const outcome = await suggestFiles(workspace, files, new NameMatcher(entries, { ignoreCase: options.ignoreCase }), options);
  return { ...outcome, problems: [...problems, ...outcome.problems] };
}

/** Suggests the matcher's names in `files`: their problems only (the names' own are the caller's). */
export async function suggestFiles(
  workspace: AnnotationWorkspace,
  files: readonly string[],
  matcher: NameMatcher,
  options: Pick<SuggestCorpusOptions, 'types' | 'dryRun' | 'label' | 'progress'>,
): Promise<SuggestCorpusOutcome> {
  const problems: Problem[] = [];
  const documentOptions = options.types === undefined ? {} : { types: options.types };
  let cancelled = false;

  // First, read every file and count what it would gain; nothing is written for files that gain nothing.
  const counts = await mapConcurrent(
    files,
    8,
    async (textPath) => {
      if (cancelled || options.progress?.isCancelled() === true) {
        cancelled = true;
        return 0;
      }
      // Only where the tags and suggestions are is needed here: not the full, validated load.
      const loaded = await workspace.loadSpans(textPath);
      if (!loaded.ok || !loaded.writable) {
        const why = loaded.problems.find((item) => item.severity === 'error') ?? loaded.problems[0];
        const file = why?.file ?? textPath;
        const message = `No suggestions for ${textPath}: its sidecar could not be read${why === undefined ? '' : ` (${why.message})`}; it was left as it is.`;
        problems.push(problem('suggest-skipped', message, file, why?.line ?? 1, why?.column ?? 1, 'warning'));
        return 0;
      }
      return countSuggestions(loaded.text, loaded.annotations, loaded.suggestions, matcher, documentOptions);
    },
    (done, total) => options.progress?.report(done, total, ''),
  );
  const gaining = files.flatMap((textPath, index) => (counts[index] > 0 ? [{ textPath, added: counts[index] }] : []));
  if (options.dryRun || cancelled) return finish(gaining, problems, matcher.names, cancelled);

  // Then write those files, each worked out again from the sidecar as it is on disk now.
  const outcome = await workspace.edit(
    options.label,
    gaining.map(({ textPath }) => ({
      textPath,
      factory: (sidecar, text) => ({ removed: [], added: [], addedSuggestions: suggestDocument(text.text, sidecar.annotations, sidecar.suggestions ?? [], matcher, documentOptions).added }),
    })),
    options.progress,
    { concurrency: 8 },
  );
  for (const failure of outcome.failures) problems.push(failure);
  const written = gaining.flatMap(({ textPath }) => {
    const added = outcome.changes.get(textPath)?.addedSuggestions?.length ?? 0;
    return added > 0 ? [{ textPath, added }] : [];
  });
  return finish(written, problems, matcher.names, outcome.cancelled);
}

/** Every tag of the corpus, as `entriesFromTags` scores them (unreadable files add none). */
async function taggedNames(workspace: AnnotationWorkspace, files: readonly string[]): Promise<GazetteerEntry[]> {
  const tagged: TaggedName[] = [];
  await mapConcurrent(files, 8, async (textPath) => {
    const loaded = await workspace.load(textPath);
    if (loaded.ok) for (const annotation of loaded.sidecar.annotations) tagged.push(annotation);
  });
  return entriesFromTags(tagged);
}

function finish(files: SuggestFileOutcome[], problems: Problem[], names: number, cancelled: boolean): SuggestCorpusOutcome {
  return { files, added: files.reduce((sum, file) => sum + file.added, 0), problems, names, cancelled };
}
