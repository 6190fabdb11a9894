import { readSync } from 'node:fs';

/**
 * The bytes of an opened file whose size was just taken: `readFileSync(descriptor)` would take
 * it again. A file that grew meanwhile is read to its end; one that shrank, to where it ends.
 */
export function readOpened(descriptor: number, size: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let want = size; ; want = 65_536) {
    const chunk = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const read = readSync(descriptor, chunk, filled, want - filled, null);
      if (read === 0) break;
      filled += read;
    }
    chunks.push(filled === want ? chunk : chunk.subarray(0, filled));
    total += filled;
    if (filled < want) break;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
