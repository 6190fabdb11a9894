import type { Node } from 'yaml';
import { corpusPathProblem, normalCorpusPath } from './corpusPathProblem';
import type { ProjectReader } from './projectReader';

/**
 * `guidelines:` names the annotation guidelines, a Markdown file inside the corpus folder. A path
 * that leads outside is reported at its line and column and never used, so a project file cannot
 * make the editor open (or quote) a file elsewhere on the machine.
 */
export function readGuidelines(reader: ProjectReader, node: Node | null | undefined, keyNode: Node | undefined): string | undefined {
  if (node === undefined || keyNode === undefined) return undefined;
  const path = reader.string(node, '"guidelines"', 'project-guidelines', keyNode);
  if (path === undefined) return undefined;
  const problem = corpusPathProblem(path);
  if (problem !== undefined) {
    reader.report('project-guidelines', `"guidelines" ${problem}: it must be a path inside the corpus folder, like "GUIDELINES.md"; it is ignored.`, node ?? keyNode);
    return undefined;
  }
  return normalCorpusPath(path);
}
