/**
 * Turns a brat collection (`NAME.ann` beside `NAME.txt`, in any folders) into import documents.
 * Each `.ann` belongs to the corpus file `NAME.txt` (or `NAME`, when the corpus has a file of
 * that name without `.txt`, as the brat export names such files). The brat `.txt` is copied into
 * the corpus when the corpus has no such file, and must hold the same text when it has.
 *
 * Spans are checked here as far as brat's form needs: a span that brat split at line breaks
 * (fragments with only CR and LF between them) is joined back into one; fragments with anything
 * else between them, a space included, make a discontinuous annotation (`fragments`); offsets
 * brat counted with CRLF as one character are recognised (the text field only fits that way) and
 * converted, with a warning.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import { joinedText } from '../sidecar/fragments';
import type { Annotation, Fragment } from '../sidecar/model';
import type { FileSystem } from '../store/fileSystem';
import { CodePointIndex } from '../text/codePoints';
import { decodeText } from '../text/decodeText';
import type { ImportDocument, ImportEntity, ImportRead } from './importTypes';
import { appendAll } from './appendAll';
import { parseBratAnn, type BratEntity } from './parseBratAnn';
import { universalToStored } from './universalNewlines';

export interface BratCollectionOptions {
  /** The brat folder, with paths relative to it. */
  source: FileSystem;
  /** `.ann` files relative to the brat folder. */
  annFiles: readonly string[];
  /** The corpus, with paths relative to its root (read only here). */
  corpus: FileSystem;
  /** How to name a file of the brat folder in problems. */
  displayPath?: (relativePath: string) => string;
}

export interface BratRead extends ImportRead {
  /** Equivalence (`*`) lines left out. */
  skipped: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export async function readBratCollection(options: BratCollectionOptions): Promise<BratRead> {
  const display = options.displayPath ?? ((path: string) => path);
  const documents: ImportDocument[] = [];
  const problems: Problem[] = [];
  let skipped = 0;
  for (const annFile of options.annFiles) {
    const file = display(annFile);
    const stem = annFile.slice(0, -'.ann'.length);
    // A file that is a folder, a link, a FIFO or unreadable: the file system says why, and that
    // is the problem line; nothing from that .ann is imported.
    const unreadable = (where: string, error: unknown, consequence: string) =>
      problems.push(problem('import-source-unreadable', `${sentence(error instanceof Error ? error.message : String(error))} ${consequence}`, where));
    let annBytes: Uint8Array | undefined;
    try {
      annBytes = await options.source.readFile(annFile);
    } catch (error) {
      unreadable(file, error, 'Not imported.');
      continue;
    }
    if (annBytes === undefined) continue;
    const parsed = parseBratAnn(decoder.decode(annBytes), file);
    appendAll(problems, parsed.problems);
    skipped += parsed.skipped;

    let bratText: Uint8Array | undefined;
    try {
      bratText = await options.source.readFile(stem + '.txt');
    } catch (error) {
      unreadable(display(stem + '.txt'), error, `Nothing imported from ${file}.`);
      continue;
    }
    let path: string;
    let textBytes: Uint8Array | undefined;
    try {
      path = !stem.endsWith('.txt') && (await options.corpus.stat(stem + '.txt')) === undefined && (await options.corpus.stat(stem)) !== undefined ? stem : stem + '.txt';
      textBytes = bratText ?? (await options.corpus.readFile(path));
    } catch (error) {
      unreadable(file, error, `Nothing imported from ${file}.`);
      continue;
    }
    if (textBytes === undefined) {
      problems.push(problem('import-text-missing', `Neither ${display(stem + '.txt')} nor the corpus file ${path} exists; nothing imported from this file.`, file));
      continue;
    }
    const text = decodeText(textBytes).text;
    const index = new CodePointIndex(text);
    const fromUniversal = universalToStored(text);
    const entities: ImportEntity[] = [];
    for (const entity of parsed.entities) {
      const resolved = resolveEntity(entity, index, fromUniversal);
      if ('message' in resolved) problems.push(problem(resolved.code, resolved.message, file, entity.line, entity.column));
      else entities.push({ ...resolved, key: entity.id, where: { file, line: entity.line, column: entity.column } });
    }
    const document: ImportDocument = { path, where: { file, line: 1, column: 1 }, entities };
    if (parsed.relations.length > 0) {
      // brat's ids (R1, E1) are counted, not stable: the sidecar gets random ids of its own.
      document.relations = parsed.relations.map((relation) => ({
        relation: { id: '', type: relation.type, from: relation.from, to: relation.to, ...(relation.role ? { role: true as const } : {}), ...(relation.note !== undefined ? { note: relation.note } : {}) },
        where: { file, line: relation.line, column: 1 },
      }));
    }
    if (bratText !== undefined) {
      document.text = text;
      document.bytes = bratText;
    }
    documents.push(document);
  }
  return { documents, problems, skipped };
}

type Resolved = Omit<ImportEntity, 'where'> | { code: ProblemCode; message: string };

function resolveEntity(entity: BratEntity, index: CodePointIndex, fromUniversal: ((offset: number) => number) | undefined): Resolved {
  let fragments = entity.fragments;
  let converted: string | undefined;
  if (!fits(fragments, entity.text, index) && fromUniversal !== undefined) {
    const mapped = fragments.map(([start, end]) => [fromUniversal(start), fromUniversal(end)] as [number, number]);
    if (fits(mapped, entity.text, index)) {
      fragments = mapped;
      converted = `The offsets of ${entity.id} counted each CRLF as one character, as brat does; converted to ${mapped.map((pair) => pair.join('-')).join(';')}.`;
    }
  }
  // Only CR and LF join: those are what the brat export splits a span at (see fragmentsOf); any
  // other gap, a space included, is a discontinuous entity.
  const pieces: Fragment[] = [];
  for (let at = 0; at < fragments.length; at++) {
    if (at > 0 && fragments[at][0] < fragments[at - 1][1]) {
      return { code: 'brat-discontinuous', message: `${entity.id} has fragments out of order or overlapping; not imported.` };
    }
    const last = pieces[pieces.length - 1];
    if (last !== undefined && /^[\r\n]*$/.test(index.slice(last[1], fragments[at][0]))) last[1] = fragments[at][1];
    else pieces.push([fragments[at][0], fragments[at][1]]);
  }
  if (fragments.length > 1 && !fits(fragments, entity.text, index)) {
    return { code: 'import-text-mismatch', message: `The text at ${fragments.map((pair) => pair.join('-')).join(';')} is ${JSON.stringify(fragments.map(([start, end]) => index.slice(start, end)).join(' '))}, not ${JSON.stringify(entity.text)}; not imported.` };
  }
  const start = pieces[0][0];
  const end = pieces[pieces.length - 1][1];
  // One fragment keeps brat's text, for applyImport to check; joined fragments take the text between.
  const text = fragments.length === 1 ? entity.text : joinedText(index, pieces);
  const annotation: Annotation = { id: '', type: entity.type, start, end, text };
  if (pieces.length > 1) annotation.fragments = pieces;
  if (entity.note !== undefined) annotation.note = entity.note;
  if (entity.attributes !== undefined) annotation.attributes = entity.attributes;
  if (entity.links !== undefined) annotation.links = entity.links;
  return converted === undefined ? { annotation } : { annotation, converted };
}

function fits(fragments: ReadonlyArray<[number, number]>, text: string, index: CodePointIndex): boolean {
  if (fragments.some(([start, end]) => end < start || end > index.codePointLength)) return false;
  return fragments.map(([start, end]) => index.slice(start, end)).join(' ') === text;
}

/** The message as a sentence, for another to follow it. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
