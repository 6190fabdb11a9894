/** Sidecars sit beside their text: `dir/article.txt` -> `dir/article.txt.ann.yaml`. */
export const sidecarSuffix = '.ann.yaml';

export function sidecarPathFor(textPath: string): string {
  return textPath + sidecarSuffix;
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith(sidecarSuffix) && path.length > sidecarSuffix.length;
}

/** The text file a sidecar belongs to, or undefined when the path is not a sidecar's. */
export function textPathFor(sidecarPath: string): string | undefined {
  return isSidecarPath(sidecarPath) ? sidecarPath.slice(0, -sidecarSuffix.length) : undefined;
}

/** The last part of a path written with `/` or `\` separators (core code has no `node:path`). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}
