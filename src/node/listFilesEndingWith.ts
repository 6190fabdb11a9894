/**
 * Files below a folder whose names end with a suffix (`.ann` in a brat collection, `.ann.yaml`
 * sidecars in a corpus), relative to the folder with forward slashes, sorted. Dot-folders (the corpus
 * globs skip them too; .git is one), node_modules and linked folders are not entered; links and
 * other files that are not regular files are left out, and named to `setAside` when given.
 */
import { walkFiles } from './walkFiles';

export function listFilesEndingWith(root: string, suffix: string, setAside?: (relativePath: string) => void): Promise<string[]> {
  return walkFiles(root, {
    enter: (name) => name !== 'node_modules' && !name.startsWith('.'),
    keep: (_relative, name) => name.endsWith(suffix) && name.length > suffix.length,
    setAside,
  });
}
