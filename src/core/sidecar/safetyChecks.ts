/**
 * Checks made before the text is handed to the full YAML reader, so hostile or broken files
 * are reported instead of hanging or killing the process (see docs/sidecar-format.md).
 */
import type { CST } from 'yaml';
import { problem, type Problem } from '../problem';

/** Deepest nesting of lists and maps accepted; real sidecars need 3. */
export const maximumDepth = 64;
/** Largest sidecar read at all (in UTF-16 units): about 100,000 annotations. */
export const defaultMaximumSize = 32 * 1024 * 1024;
/**
 * Largest non-canonical sidecar given to `yaml`, which reads about 1 MB a second and takes about
 * 250 MB per MB read: a hostile file must stay within 5 s and 500 MB.
 */
export const defaultMaximumYamlSize = 1024 * 1024;

// Seven or more: git writes longer markers where `conflict-marker-size` is set.
const markerPattern = /^(?:<{7,}|={7,}|>{7,}|\|{7,})(?: |\r?$)/;

/**
 * Git conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>` at the start of a line),
 * one problem per marker, so a person sees every place to fix.
 */
export function findConflictMarkers(content: string, file: string): Problem[] {
  const problems: Problem[] = [];
  // Cheap test first: almost no file has any of the four characters seven times in a row.
  if (!mayHoldMarker(content)) return problems;
  const lines = content.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const match = markerPattern.exec(lines[index]);
    if (match !== null) {
      problems.push(
        problem(
          'conflict-markers',
          `Unresolved git merge conflict (marker ${lines[index].slice(0, 7)}). Resolve it by hand: keep the annotation lines of both sides, delete the marker lines; the extension will not write this file until then.`,
          file,
          index + 1,
          1,
        ),
      );
    }
  }
  return problems;
}

const markerRuns = ['<<<<<<<', '=======', '>>>>>>>', '|||||||'];

/**
 * Whether any marker run starts a line: four substring searches, several times faster than one
 * multi-line expression over every sidecar of a corpus.
 */
function mayHoldMarker(content: string): boolean {
  for (const run of markerRuns) {
    for (let at = content.indexOf(run); at >= 0; at = content.indexOf(run, at + 1)) if (at === 0 || content[at - 1] === '\n' || content[at - 1] === '\r') return true;
  }
  return false;
}

/**
 * Deepest nesting of collections in the parsed CST, found without recursion. `yaml` builds
 * its document tree recursively, and a second very deep parse in one process has been seen to
 * abort Node itself, so depth is checked here, on the CST, before that step runs.
 */
export function cstDepth(tokens: readonly CST.Token[]): { depth: number; offset: number } {
  let deepest = { depth: 0, offset: 0 };
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value !== undefined) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const inner = depth + 1;
    if (inner > deepest.depth) deepest = { depth: inner, offset: token.offset };
    if (inner > maximumDepth) break;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, inner]);
      if (item.value) stack.push([item.value, inner]);
    }
  }
  return deepest;
}
