/**
 * brat standoff: a folder mirroring the corpus with `NAME.txt` (a byte-for-byte copy of the corpus
 * file) and `NAME.ann` beside it, plus the collection's configuration files. Each annotation is a
 * `T` line (`T1<TAB>TYPE start end<TAB>text`; a span across line breaks is written, as brat
 * writes it, as fragments between the breaks: `T2<TAB>TYPE 0 5;6 11<TAB>first second`, and so is
 * a discontinuous span), its note an `#` AnnotatorNotes line, its attributes `A` lines (binary
 * ones without a value) and its knowledge-base links `N` lines (`N1<TAB>Reference T1 wikidata:Q1`).
 * Relations are `R` lines; an annotation with role relations (an event) gets an `E` line naming
 * its trigger and each role. Ids, annotators and times have no place in brat and are left out
 * (the yaml export keeps them).
 *
 * Offsets count code points of the text without its BOM, which is what brat's server counts. brat
 * itself misreads some files, and each such file is reported: CRLF line endings (brat counts each
 * as one character), a BOM (brat keeps it as a character), and characters outside the Basic
 * Multilingual Plane (brat's web page counts them as two).
 */
import type { CorpusDocument } from '../corpus/loadCorpus';
import { problem, type Problem, type ProblemCode } from '../problem';
import type { EntityType } from '../project';
import { storedPieceTexts } from '../sidecar/fragments';
import type { Annotation, Relation } from '../sidecar/model';
import { annotationConf, isBinary, shortcutsConf, visualConf, type AttributeValues } from './bratConfig';
import type { ExportFile, ExportInput, ExportOutput } from './exportTypes';
import { describeAnnotation, formatWarnings } from './formatWarnings';

/** brat's name for a corpus file: `a.txt` stays `a`, any other name keeps its extension. */
/** What makes brat's own reader show a file's spans shifted (bratReadingProblems). */
const shiftedInBrat: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['brat-crlf', 'brat-bom', 'brat-astral']);

export function bratStem(path: string): string {
  return path.endsWith('.txt') ? path.slice(0, -4) : path;
}

const lineBreak = /\r\n|\r|\n/g;
const whitespace = /\s/u;

export function exportBrat(input: ExportInput): ExportOutput {
  const files: ExportFile[] = [];
  const warnings = formatWarnings();
  const readerWarnings: Problem[] = [];
  const attributes: AttributeValues = new Map();
  const relationTypes = new Set<string>();
  const eventTypes = new Map<string, Set<string>>();
  for (const document of input.documents) {
    for (const annotation of document.placed) {
      for (const [name, value] of Object.entries(annotation.attributes ?? {})) {
        if (!attributes.has(name)) attributes.set(name, new Set());
        attributes.get(name)!.add(value === true ? 'true' : value);
      }
    }
    const typeOf = new Map(document.placed.map((annotation) => [annotation.id, annotation.type]));
    for (const relation of document.loaded.sidecar.relations ?? []) {
      const eventType = typeOf.get(relation.from);
      if (relation.role !== true) relationTypes.add(relation.type);
      else if (eventType !== undefined) eventTypes.set(eventType, new Set([...(eventTypes.get(eventType) ?? []), relation.type]));
    }
  }
  const seen = new Set<string>();
  let annotations = 0;
  for (const document of input.documents) {
    const stem = bratStem(document.path);
    if (seen.has(stem)) {
      readerWarnings.push(problem('export-name-clash', `Not exported: brat would name it ${stem}.txt, like another file of the corpus.`, document.path, 1, 1, 'warning'));
      continue;
    }
    seen.add(stem);
    const bratEventNumber = eventNumbering();
    const lines: string[] = [];
    let entity = 0;
    let note = 0;
    let attribute = 0;
    let normalization = 0;
    /** Sidecar id -> brat id of the exported entity. */
    const bratIds = new Map<string, string>();
    const relations = document.loaded.sidecar.relations ?? [];
    const hasRoles = new Set(relations.filter((relation) => relation.role === true).map((relation) => relation.from));
    const noteLine = (target: string, text: string, annotation: Annotation) => {
      const flat = text.replace(/[\t\r\n]+/g, ' ');
      if (flat !== text) warnings.report(document, annotation, 'export-note-flattened', `${describeAnnotation(annotation)}: the note's tabs and line breaks became spaces (brat notes are one line).`);
      lines.push(`#${++note}\tAnnotatorNotes ${target}\t${flat}`);
    };
    for (const annotation of document.placed) {
      if (whitespace.test(annotation.type)) {
        warnings.report(document, annotation, 'export-type-name', `${describeAnnotation(annotation)}: brat types cannot hold spaces; not exported.`);
        continue;
      }
      const fragments = fragmentsOf(annotation);
      if (fragments.length === 0) {
        warnings.report(document, annotation, 'export-blank', `${describeAnnotation(annotation)} is only line breaks, which brat cannot show; not exported.`);
        continue;
      }
      const id = `T${++entity}`;
      bratIds.set(annotation.id, id);
      lines.push(`${id}\t${annotation.type} ${fragments.map(([start, end]) => `${start} ${end}`).join(';')}\t${fragments.map((fragment) => fragment[2]).join(' ')}`);
      // Notes, attributes and links of an event belong to its E line, written below.
      const owner = hasRoles.has(annotation.id) ? `E${bratEventNumber(annotation.id)}` : id;
      if (annotation.note !== undefined) noteLine(owner, annotation.note, annotation);
      for (const [name, attributeValue] of Object.entries(annotation.attributes ?? {}).sort(([left], [right]) => (left < right ? -1 : 1))) {
        const value = attributeValue === true ? 'true' : attributeValue;
        if (whitespace.test(name) || whitespace.test(value) || name === '' || value === '') {
          warnings.report(document, annotation, 'export-attribute', `${describeAnnotation(annotation)}: attribute ${JSON.stringify(name)} holds spaces or is empty, which brat cannot write; left out.`);
          continue;
        }
        lines.push(attributeValue === true || isBinary(attributes.get(name)!) ? `A${++attribute}\t${name} ${owner}` : `A${++attribute}\t${name} ${owner} ${value}`);
      }
      for (const link of annotation.links ?? []) {
        if (/\s/u.test(link) || !link.includes(':')) {
          warnings.report(document, annotation, 'export-attribute', `${describeAnnotation(annotation)}: link ${JSON.stringify(link)} holds spaces or no prefix, which brat cannot write; left out.`);
          continue;
        }
        lines.push(`N${++normalization}\tReference ${owner} ${link}\t${fragments.map((fragment) => fragment[2]).join(' ')}`);
      }
      annotations++;
    }
    writeRelations(lines, relations, bratIds, document.placed, noteLine, bratEventNumber);
    files.push({ path: `${stem}.txt`, copyOf: document.path }, { path: `${stem}.ann`, content: lines.map((line) => line + '\n').join('') });
    for (const item of bratReadingProblems(document)) readerWarnings.push(item);
  }
  const types: EntityType[] = [...input.config.types];
  const used = new Set<string>();
  for (const document of input.documents) for (const annotation of document.placed) used.add(annotation.type);
  for (const name of [...used].sort()) if (!whitespace.test(name) && !types.some((type) => type.name === name)) types.push({ name, color: { light: '', dark: '' } });
  files.push(
    { path: 'annotation.conf', content: annotationConf(types, attributes, { relations: relationTypes, events: eventTypes }) },
    { path: 'visual.conf', content: visualConf(types) },
    { path: 'kb_shortcuts.conf', content: shortcutsConf(types) },
  );
  const notes = ['Offsets count code points of the text without its BOM; ids, annotators and times are not in brat (use yaml to keep them).', ...warnings.notes()];
  if (readerWarnings.some((item) => shiftedInBrat.has(item.code))) notes.push('Some files will look shifted in brat itself (see the warnings); the .ann offsets are right for Python and for this tool.');
  return { layout: 'folder', files, warnings: [...readerWarnings, ...warnings.problems], documents: input.documents.length, annotations, notes };
}

/** Numbers events (annotations with roles) in the order they are first named, one numbering per file. */
function eventNumbering(): (id: string) => number {
  const numbers = new Map<string, number>();
  return (id) => {
    let number = numbers.get(id);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(id, number);
    }
    return number;
  };
}

/** `E` lines for annotations with roles, `R` lines for the other relations, and their notes. */
function writeRelations(
  lines: string[],
  relations: readonly Relation[],
  bratIds: ReadonlyMap<string, string>,
  placed: readonly Annotation[],
  noteLine: (target: string, text: string, annotation: Annotation) => void,
  bratEventNumber: (id: string) => number,
): void {
  const byId = new Map(placed.map((annotation) => [annotation.id, annotation]));
  const events = new Map<string, Relation[]>();
  for (const relation of relations) if (relation.role === true) events.set(relation.from, [...(events.get(relation.from) ?? []), relation]);
  for (const [trigger, roles] of events) {
    const triggerId = bratIds.get(trigger);
    if (triggerId === undefined) continue;
    const annotation = byId.get(trigger)!;
    const argumentsOf = roles.flatMap((role) => {
      const target = bratIds.get(role.to);
      // An argument that is itself an event is named by its E id, as brat does.
      const name = target === undefined ? undefined : events.has(role.to) ? `E${bratEventNumber(role.to)}` : target;
      return name === undefined ? [] : [`${role.type}:${name}`];
    });
    lines.push(`E${bratEventNumber(trigger)}\t${annotation.type}:${triggerId}${argumentsOf.map((item) => ' ' + item).join('')}`);
  }
  let relationNumber = 0;
  for (const relation of relations) {
    if (relation.role === true) continue;
    const from = bratIds.get(relation.from);
    const to = bratIds.get(relation.to);
    if (from === undefined || to === undefined || /\s/u.test(relation.type)) continue;
    const id = `R${++relationNumber}`;
    lines.push(`${id}\t${relation.type} Arg1:${events.has(relation.from) ? `E${bratEventNumber(relation.from)}` : from} Arg2:${events.has(relation.to) ? `E${bratEventNumber(relation.to)}` : to}`);
    if (relation.note !== undefined) noteLine(id, relation.note, byId.get(relation.from)!);
  }
}

/** The span as brat writes it: each piece (fragment of a discontinuous span) split at line breaks, which are left out. */
export function fragmentsOf(annotation: Annotation): Array<[number, number, string]> {
  if (annotation.fragments !== undefined) {
    const texts = storedPieceTexts(annotation) ?? [];
    return annotation.fragments.flatMap(([start, end], index) => lineFragments({ ...annotation, start, end, text: texts[index] ?? '', fragments: undefined }));
  }
  return lineFragments(annotation);
}

function lineFragments(annotation: Annotation): Array<[number, number, string]> {
  const fragments: Array<[number, number, string]> = [];
  let offset = annotation.start;
  let last = 0;
  const pieces = [...annotation.text.matchAll(lineBreak)];
  if (pieces.length === 0) return [[annotation.start, annotation.end, annotation.text]];
  for (const match of pieces) {
    const piece = annotation.text.slice(last, match.index);
    const length = [...piece].length;
    if (length > 0) fragments.push([offset, offset + length, piece]);
    offset += length + match[0].length;
    last = match.index + match[0].length;
  }
  const tail = annotation.text.slice(last);
  if (tail.length > 0) fragments.push([offset, offset + [...tail].length, tail]);
  return fragments;
}

/** UTF-16 offset of the first character outside the Basic Multilingual Plane (the text holds one). */
function firstSurrogatePair(text: string): number {
  for (let index = 0; index + 1 < text.length; index++) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return index;
  }
  return text.length;
}

/** Files brat itself will show wrongly, with what to expect. */
function bratReadingProblems(document: CorpusDocument): Problem[] {
  const { decoded, text } = document.loaded;
  const problems: Problem[] = [];
  const spans = document.placed.length;
  const report = (code: ProblemCode, message: string) => problems.push(problem(code, message, document.path, 1, 1, 'warning'));
  if (decoded.text.includes('\r')) {
    report('brat-crlf', `has ${decoded.newline === 'crlf' ? 'CRLF' : 'CR'} line endings: brat counts each as one character (brat #853), so in brat every span after the first line break looks shifted (${spans} span(s) in this file). Convert the file to LF line endings before annotating it in brat.`);
  }
  if (decoded.bom) report('brat-bom', 'starts with a byte-order mark, which brat does not strip (brat #1301): brat may fail to open the file or show every span one character early.');
  if (text.utf16Length !== text.codePointLength && spans > 0) {
    const firstAstral = text.toCodePoint(firstSurrogatePair(decoded.text));
    const after = document.placed.filter((annotation) => annotation.end > firstAstral).length;
    if (after > 0) report('brat-astral', `has characters outside the Basic Multilingual Plane (emoji, rare CJK) before ${after} span(s): brat's web page counts each as two (brat #1115), so those spans look shifted there.`);
  }
  return problems;
}
