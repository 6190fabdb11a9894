/**
 * Checks a corpus path that comes from an import file (doccano's `file`, the yaml export's
 * `file`, a brat file's place in its folder): it must stay inside the corpus root, must not name
 * a sidecar or the project file, and must be a file an import may create at all. An import
 * creates corpus texts and their sidecars, nothing else, so a hostile or careless file cannot
 * plant settings, hooks or scripts that an editor, git or a build tool would act on.
 */
import { projectFileName, sidecarSuffix } from '../project';

/** The normalised path, or a message saying why it cannot be used. */
export function safeCorpusPath(path: string): { ok: true; path: string } | { ok: false; message: string } {
  const normal = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  const parts = normal.split('/');
  // eslint-disable-next-line no-control-regex
  if (normal === '' || /[\u0000-\u001f]/.test(normal)) return { ok: false, message: `${JSON.stringify(path)} is not a usable file name.` };
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return { ok: false, message: `${JSON.stringify(path)} is an absolute path; corpus paths are relative to the corpus root.` };
  if (parts.some((part) => part === '..' || part === '.' || part === '')) return { ok: false, message: `${JSON.stringify(path)} leaves the corpus root or has an empty part.` };
  const lower = normal.toLowerCase();
  if (lower.endsWith(sidecarSuffix) || parts[parts.length - 1].toLowerCase() === projectFileName) {
    return { ok: false, message: `${JSON.stringify(path)} names a sidecar or the project file, not a text file.` };
  }
  const refusal = importRefusal(normal, JSON.stringify(path));
  if (refusal !== undefined) return { ok: false, message: refusal };
  return { ok: true, path: normal };
}

const createsOnly = 'an import creates only corpus texts and their sidecars.';

/**
 * Why an import must not create this file (a relative path with '/' separators), whatever the
 * project's globs say; undefined when it may. `name` is how the message names it.
 */
export function importRefusal(path: string, name: string = path): string | undefined {
  const parts = path.split('/');
  if (parts.some((part) => part.startsWith('.'))) return `${name} is hidden (a name starting with a dot, where tools keep settings and hooks); ${createsOnly}`;
  if (parts.some((part) => part.toLowerCase() === 'node_modules')) return `${name} is inside node_modules (packages that tools load and run); ${createsOnly}`;
  const file = parts[parts.length - 1].toLowerCase();
  const dot = file.lastIndexOf('.');
  const tool = toolFiles.get(file) ?? (dot > 0 ? toolExtensions.get(file.slice(dot + 1)) : undefined);
  if (tool !== undefined) return `${name} is a file that tools run or act on (${tool}); ${createsOnly}`;
  if (file.endsWith(sidecarSuffix) || file === projectFileName) return `${name} names a sidecar or the project file, not a text file.`;
  return undefined;
}

/** Files that build tools, package managers and CI run or install from, by name (lowercase). */
const toolFiles = new Map<string, string>([
  ...['makefile', 'gnumakefile', 'bsdmakefile'].map((file) => [file, 'make'] as const),
  ['cmakelists.txt', 'CMake'],
  ['package.json', 'npm'],
  ...['requirements.txt', 'constraints.txt', 'setup.cfg', 'pyproject.toml', 'tox.ini', 'pipfile'].map((file) => [file, 'Python tools'] as const),
  ...['gemfile', 'rakefile'].map((file) => [file, 'Ruby tools'] as const),
  ...['dockerfile', 'containerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'].map((file) => [file, 'Docker'] as const),
  ...['jenkinsfile', 'vagrantfile', 'justfile', 'taskfile.yml', 'taskfile.yaml', 'build.gradle', 'pom.xml', 'build.xml', 'cargo.toml'].map((file) => [file, 'a build tool'] as const),
]);

/** Extensions of scripts and programs (lowercase, without the dot). */
const toolExtensions = new Map<string, string>(
  [
    ...['sh', 'bash', 'zsh', 'fish', 'ksh', 'csh', 'command', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'wsf', 'hta', 'reg', 'lnk', 'url', 'desktop'],
    ...['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'py', 'pyw', 'pl', 'rb', 'php', 'lua', 'applescript', 'scpt', 'mk', 'cmake'],
    ...['exe', 'com', 'dll', 'so', 'dylib', 'msi', 'scr', 'jar', 'app', 'appimage'],
  ].map((extension) => [extension, 'a script or program']),
);
