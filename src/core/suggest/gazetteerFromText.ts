/**
 * A gazetteer file's names, ready to suggest: read as TSV or CSV (by the file name, else by its
 * first line), each entry's source set to `gazetteer:<file name>`, what the suggestions say.
 */
import type { Problem } from '../problem';
import type { GazetteerEntry } from './gazetteerEntry';
import { readGazetteer } from './readGazetteer';

export function gazetteerFromText(text: string, shownAs: string, fileName: string): { entries: GazetteerEntry[]; problems: Problem[] } {
  const read = readGazetteer(text, shownAs, /\.tsv$/i.test(fileName) ? 'tsv' : /\.csv$/i.test(fileName) ? 'csv' : undefined);
  const source = `gazetteer:${fileName}`;
  return { entries: read.entries.map((entry) => ({ ...entry, source })), problems: read.problems };
}
