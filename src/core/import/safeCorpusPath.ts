/**
 * Checks a corpus path that comes from an import file (doccano's `file`, the yaml export's
 * `file`): it must stay inside the corpus root and must not name a sidecar or the project file,
 * so a hostile or careless file cannot make the import write anywhere else.
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
  return { ok: true, path: normal };
}
