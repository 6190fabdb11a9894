import { compileGlob } from './globPattern';
import { projectFileName, sidecarSuffix, type ProjectConfig } from './projectConfig';

/** Answers "is this path, relative to the corpus root with forward slashes, corpus text?". */
export type CorpusMatcher = (relativePath: string) => boolean;

/**
 * Compiles a config's globs once. A path is corpus text when an include pattern matches it, no
 * exclude pattern does, and it is neither a sidecar (`*.ann.yaml`) nor the project file.
 *
 * Include patterns skip dot-files and dot-folders unless they name the dot themselves (picomatch's
 * rule), while exclude patterns see them, so `**\/node_modules/**` also excludes inside
 * `.archive/`. A pattern ending in "/" means everything below that folder, as in .gitignore.
 * Matching is case-sensitive, like the globs of VS Code's `files.exclude`.
 */
export function createCorpusMatcher(config: ProjectConfig): CorpusMatcher {
  const included = compile(config.include, false);
  const excluded = compile(config.exclude, true);
  return (relativePath) => {
    const path = normalise(relativePath);
    if (path === '' || path.endsWith('/') || isReserved(path)) return false;
    // Split once for every pattern: listing a corpus asks this of every file.
    const names = path.split('/');
    return included(names) && !excluded(names);
  };
}

const matchers = new WeakMap<ProjectConfig, CorpusMatcher>();

/** `createCorpusMatcher` for one-off questions; the compiled matcher is kept per config object. */
export function isCorpusFile(config: ProjectConfig, relativePath: string): boolean {
  let matcher = matchers.get(config);
  if (!matcher) {
    matcher = createCorpusMatcher(config);
    matchers.set(config, matcher);
  }
  return matcher(relativePath);
}

/** Sidecars and the project file are never corpus text (compared ignoring case, for Windows and macOS). */
function isReserved(path: string): boolean {
  // Only the ends are lowered: lowering each whole path was a fifth of matching a corpus's files.
  return endsWithLowered(path, sidecarSuffix) || (endsWithLowered(path, projectFileName) && (path.length === projectFileName.length || path[path.length - projectFileName.length - 1] === '/'));
}

function endsWithLowered(path: string, suffix: string): boolean {
  return path.length >= suffix.length && path.slice(path.length - suffix.length).toLowerCase() === suffix;
}

function normalise(relativePath: string): string {
  if (typeof relativePath !== 'string') return '';
  // Listings give paths that need nothing done; two expressions over each cost more than the match.
  if (!relativePath.includes('\\') && relativePath[0] !== '/' && !relativePath.startsWith('./')) return relativePath;
  return relativePath.replace(/\\/g, '/').replace(/^(?:\.\/|\/)+/, '');
}

function compile(patterns: readonly string[], dot: boolean): (names: readonly string[]) => boolean {
  const usable = patterns
    .filter((pattern) => typeof pattern === 'string' && pattern.trim() !== '')
    .map((pattern) => pattern.trim().replace(/^(?:\.\/|\/)+/, ''))
    .map((pattern) => (pattern.endsWith('/') ? pattern + '**' : pattern));
  // One pattern at a time, so a pattern the matcher refuses (readGlobs reports it) costs only itself.
  const tests = usable.flatMap((pattern) => {
    const compiled = compileGlob(pattern, { dot });
    return compiled.ok ? [compiled.testNames] : [];
  });
  return (names) => tests.some((test) => test(names));
}
