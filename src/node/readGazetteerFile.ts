/**
 * Reads a gazetteer named on the command line: a regular file only (a FIFO would wait for ever),
 * at most `maximumGazetteerBytes`, as UTF-8. Suggestions made from it say `gazetteer:<file name>`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../core/problem';
import type { GazetteerEntry } from '../core/suggest/gazetteerEntry';
import { gazetteerFromText } from '../core/suggest/gazetteerFromText';

/** 256 MB: several million names; a larger file is more likely a mistake than a gazetteer. */
export const maximumGazetteerBytes = 256 * 1024 * 1024;

export async function readGazetteerFile(file: string, shownAs: string, maximumBytes = maximumGazetteerBytes): Promise<{ entries: GazetteerEntry[]; problems: Problem[] }> {
  const refuse = (message: string) => ({ entries: [], problems: [problem('gazetteer-unreadable', message, shownAs, 1, 1)] });
  let bytes: Uint8Array;
  try {
    const status = await fs.stat(file);
    if (!status.isFile()) return refuse(`${shownAs} is not a regular file; --gazetteer names a TSV or CSV file.`);
    if (status.size > maximumBytes) return refuse(`${shownAs} is ${Math.round(status.size / 1048576)} MB; gazetteers over ${Math.round(maximumBytes / 1048576)} MB are not read.`);
    bytes = await fs.readFile(file);
  } catch (error) {
    return refuse(`${shownAs} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return gazetteerFromText(new TextDecoder('utf-8').decode(bytes), shownAs, path.basename(file));
}
