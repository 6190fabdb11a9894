/** Reads many files with a bounded number in flight (what any loader at corpus scale does). */
import { promises as fs } from 'node:fs';

export async function readAll<T>(paths: readonly string[], use: (content: string, path: string) => T, inFlight = 64): Promise<T[]> {
  const results = new Array<T>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = use(await fs.readFile(paths[index], 'utf8'), paths[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, paths.length) }, worker));
  return results;
}
