/**
 * Whether an existing output is an earlier export of a format, which an export may replace
 * without `--force`, from the start of the file (64 KB). Every format starts with something no
 * hand-written file does:
 *
 * - yaml: a line `format: news-annotator-export/1` among its first lines;
 * - jsonl and spacy: `{"text":"` (each line is a JSON object whose first key is the text); when the
 *   first text ends within the part read, the key after it must be `label` (jsonl) or `tokens` (spacy);
 * - conll: the first line is `-DOCSTART- -X- -X- O`;
 * - brat: a folder that is empty or holds our `annotation.conf` (its first line says it is ours).
 *
 * An empty file is always replaceable: there is nothing to lose. The disk (src/node/exportMarker.ts)
 * and the browser read the head their own way and decide here.
 */
import { annotationConfMarker } from './bratConfig';
import { docStart } from './conllExport';
import type { ExportFormat } from './exportTypes';
import { yamlExportFormat } from './yamlExport';
import { projectFileName, sidecarSuffix } from '../project';

/** How much of an existing output is read to recognise it. */
export const exportHeadBytes = 64 * 1024;

/** What is at the output path now: nothing, a file (its head, undefined when unreadable), a folder. */
export type ExistingOutput = undefined | { kind: 'file'; head: string | undefined } | { kind: 'folder'; names: readonly string[]; annotationConf: string | undefined } | { kind: 'other' };

/** Undefined when the output may be written, else the sentence saying why `--force` is needed. */
export function overwriteRefusalOf(format: ExportFormat, out: string, existing: ExistingOutput): string | undefined {
  if (existing === undefined) return undefined;
  if (format === 'brat') {
    if (existing.kind !== 'folder' || existing.names.length === 0) return undefined;
    if (existing.annotationConf?.startsWith(annotationConfMarker)) return undefined;
    return `${out} is a folder that is not an earlier brat export (no annotation.conf of ours); use --force to write into it anyway.`;
  }
  if (existing.kind !== 'file') return undefined;
  const head = existing.head;
  if (head === undefined || head === '' || looksLike(format, head)) return undefined;
  return `${out} exists and is not an earlier ${format} export; use --force to replace it.`;
}

function looksLike(format: ExportFormat, head: string): boolean {
  switch (format) {
    case 'yaml':
      return head.split('\n', 16).includes(`format: ${yamlExportFormat}`);
    case 'conll':
      return head.startsWith(docStart + '\n');
    case 'jsonl':
    case 'spacy': {
      if (!head.startsWith('{"text":"')) return false;
      const next = keyAfterFirstString(head, '{"text":'.length);
      return next === undefined || next === (format === 'jsonl' ? 'label' : 'tokens');
    }
    case 'brat':
      return false;
  }
}

/** The key after the JSON string that starts at `start`, or undefined when it is not in `head`. */
function keyAfterFirstString(head: string, start: number): string | undefined {
  for (let index = start + 1; index < head.length; index++) {
    if (head[index] === '\\') index++;
    else if (head[index] === '"') return /^,"([a-z_]+)":/.exec(head.slice(index + 1, index + 40))?.[1];
  }
  return undefined;
}

/**
 * Why an export may not write `corpusPath` (relative to the corpus root), or undefined: a file
 * the corpus would take as its own (a text its globs include, a sidecar, the project file). An
 * export file elsewhere inside the corpus folder (`corpus/export.yaml`) is allowed.
 */
export function intoCorpusRefusal(corpusPath: string, isCorpusFile: (relative: string) => boolean, corpusRoot: string): string | undefined {
  const name = corpusPath.slice(corpusPath.lastIndexOf('/') + 1);
  if (!isCorpusFile(corpusPath) && !corpusPath.endsWith(sidecarSuffix) && name !== projectFileName) return undefined;
  return `Refusing to export: ${corpusPath} would be written inside the corpus, where it would be read as corpus text, a sidecar or the project file. Choose an --out outside ${corpusRoot}.`;
}
