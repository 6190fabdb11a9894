/**
 * Files below a folder whose names end with a suffix (`.ann` in a brat collection, `.ann.yaml`
 * sidecars in a corpus), relative to the folder with forward slashes, sorted. Dot-folders (the corpus
 * globs skip them too; .git is one) and node_modules are not entered.
 */
import { walkFiles } from './walkFiles';

export function listFilesEndingWith(root: string, suffix: string): Promise<string[]> {
  return walkFiles(root, {
    enter: (name) => name !== 'node_modules' && !name.startsWith('.'),
    keep: (_relative, name) => name.endsWith(suffix) && name.length > suffix.length,
  });
}
