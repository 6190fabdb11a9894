/**
 * `news-annotator search [DIR] QUERY [--json] [--limit N]`: the editor's search from the command
 * line. Each hit prints as `path:line:column: TYPE "text"` with its context, so editors link it.
 */
import { loadCorpus } from '../../core/corpus/loadCorpus';
import type { CodePointIndex } from '../../core/text/codePoints';
import { LinePositions } from '../../core/text/linePositions';
import { printable } from '../../core/text/printable';
import { exitCodes, type CliIo } from '../cliIo';
import { commandArgs } from '../commandArgs';
import type { CorpusSearch, SearchHit } from '../corpusSearch';
import { openForCommand } from '../loadForCommand';
import { createProgress } from '../progress';
import { commandUsage } from '../usage';
import { usageError } from './usageError';

export async function searchCommand(args: readonly string[], io: CliIo, search: CorpusSearch): Promise<number> {
  const parsed = commandArgs(args, { json: { type: 'boolean' }, limit: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'search', parsed.message);
  const { values, positionals } = parsed;
  if (values['help'] === true) {
    io.stdout(commandUsage['search']);
    return exitCodes.success;
  }
  if (positionals.length === 0 || positionals.length > 2) return usageError(io, 'search', 'expected [DIR] QUERY (quote a query with spaces)');
  const limitText = values['limit'];
  const limit = limitText === undefined ? 20 : Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1) return usageError(io, 'search', `--limit must be a whole number of 1 or more, not "${String(limitText)}"`);
  const [directory, query] = positionals.length === 2 ? positionals : [undefined, positionals[0]];

  const opened = await openForCommand(io, directory);
  if ('exitCode' in opened) return opened.exitCode;
  const progress = createProgress(io, 'Reading the corpus:');
  const load = await loadCorpus(opened.corpus.store, opened.corpus.files, { onProgress: progress.update });
  progress.finish();
  const hits = search(load.documents, query, limit);
  const texts = new Map(load.documents.map((document) => [document.path, document.loaded.text]));
  // One line index per file, built on first use: many hits in one long file stay cheap.
  const lines = new Map<string, LinePositions>();
  const at = (file: string, offset: number) => {
    const text = texts.get(file);
    if (text === undefined) return { line: 1, column: 1 };
    let index = lines.get(file);
    if (index === undefined) lines.set(file, (index = new LinePositions(text.text)));
    return index.at(text.toUtf16(offset));
  };
  const located = hits.map((hit) => ({ ...hit, ...at(hit.file, hit.start), path: opened.display(hit.file) }));
  if (values['json'] === true) {
    io.stdout(JSON.stringify(located.map(({ path, ...hit }) => ({ ...hit, path })), null, 2) + '\n');
  } else {
    for (const hit of located) io.stdout(printable(`${hit.path}:${hit.line}:${hit.column}: ${hit.type}${hit.suggestion === true ? ' (suggestion)' : ''} ${JSON.stringify(hit.text)}  ${snippet(texts.get(hit.file), hit)}`) + '\n');
    io.stderr(`${hits.length} result${hits.length === 1 ? '' : 's'}${hits.length === limit ? ` (the first ${limit}; use --limit for more)` : ''}.\n`);
  }
  return exitCodes.success;
}

/** The hit with up to 30 characters either side, whitespace flattened: `…before [text] after…`. */
function snippet(text: CodePointIndex | undefined, hit: SearchHit): string {
  if (text === undefined) return '';
  const flat = (value: string) => value.replace(/\s+/gu, ' ');
  const from = Math.max(0, hit.start - 30);
  const to = Math.min(text.codePointLength, hit.end + 30);
  const before = flat(text.slice(from, hit.start));
  const after = flat(text.slice(hit.end, to));
  return `${from > 0 ? '…' : ''}${before}[${flat(text.slice(hit.start, hit.end))}]${after}${to < text.codePointLength ? '…' : ''}`;
}
