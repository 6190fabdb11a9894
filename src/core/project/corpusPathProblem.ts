/**
 * Checks, by its text, a path that the project file names (`guidelines:`, `kbLookup:`): it must
 * be relative to the corpus root and stay inside it. The text is all a reader of the project
 * file can see; the editor then reads the file through the confined file system
 * (src/node/confinedFileSystem.ts), which also refuses links and folders that lead out.
 */

/** Why `path` cannot name a file inside the corpus root, or undefined when it can. */
export function corpusPathProblem(path: string): string | undefined {
  const normal = path.replace(/\\/g, '/');
  // eslint-disable-next-line no-control-regex
  if (normal.trim() === '' || /[\u0000-\u001f\u007f]/.test(normal)) return 'is not a usable file name';
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal) || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(normal)) return 'is not relative to the corpus folder';
  if (normal.split('/').includes('..')) return 'leads out of the corpus folder';
  return undefined;
}

/** The path with `/` separators and without a leading `./`, for joining to the root. */
export function normalCorpusPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}
