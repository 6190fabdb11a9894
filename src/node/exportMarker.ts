/**
 * Whether an existing output is an earlier export of a format, which an export may replace
 * without `--force`. Only the start of a file is read (64 KB), so the check costs nothing on a
 * large export; every format starts with something no hand-written file does:
 *
 * - yaml: a line `format: news-annotator-export/1` among its first lines;
 * - jsonl and spacy: `{"text":"` (each line is a JSON object whose first key is the text); when the
 *   first text ends within the part read, the key after it must be `label` (jsonl) or `tokens` (spacy);
 * - conll: the first line is `-DOCSTART- -X- -X- O`;
 * - brat: a folder that is empty or holds our `annotation.conf` (its first line says it is ours).
 *
 * An empty file is always replaceable: there is nothing to lose.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { annotationConfMarker } from '../core/export/bratConfig';
import { docStart } from '../core/export/conllExport';
import type { ExportFormat } from '../core/export/exportTypes';
import { yamlExportFormat } from '../core/export/yamlExport';

const headBytes = 64 * 1024;

/** Undefined when the output may be written, else the sentence saying why `--force` is needed. */
export async function overwriteRefusal(format: ExportFormat, out: string): Promise<string | undefined> {
  const existing = await fs.lstat(out).catch(() => undefined);
  if (existing === undefined) return undefined;
  if (format === 'brat') {
    if (!existing.isDirectory()) return undefined;
    const names = await fs.readdir(out).catch(() => [] as string[]);
    if (names.length === 0) return undefined;
    const conf = await readHead(path.join(out, 'annotation.conf'));
    if (conf?.startsWith(annotationConfMarker)) return undefined;
    return `${out} is a folder that is not an earlier brat export (no annotation.conf of ours); use --force to write into it anyway.`;
  }
  if (!existing.isFile()) return undefined;
  const head = await readHead(out);
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

async function readHead(file: string): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
