import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { problem, type Problem, type Severity } from '../problem';
import { LinePositions } from '../text/linePositions';

/** Every problem code the project reader reports, in one place for the edges to key on. */
export type ProjectProblemCode =
  | 'project-too-large'
  | 'project-too-deep'
  | 'project-internal'
  | 'project-too-many-problems'
  | 'yaml-syntax'
  | 'yaml-warning'
  | 'project-empty'
  | 'project-not-a-map'
  | 'project-alias'
  | 'project-unknown-key'
  | 'project-duplicate-key'
  | 'project-version-missing'
  | 'project-version'
  | 'project-corpus'
  | 'project-glob'
  | 'project-types'
  | 'project-type'
  | 'project-type-name'
  | 'project-duplicate-type'
  | 'project-type-key'
  | 'project-duplicate-type-key'
  | 'project-color'
  | 'project-description'
  | 'project-relations'
  | 'project-attributes'
  | 'project-kb';

/** Keys people write by mistake, and what they meant: turned into a hint in the message. */
const keyHints: Readonly<Record<string, string>> = {
  colour: 'color',
  colors: 'color',
  colours: 'color',
  label: 'name',
  shortcut: 'key',
  hotkey: 'key',
  type: 'types',
  entities: 'types',
  include: 'corpus.include',
  exclude: 'corpus.exclude',
  files: 'corpus.include',
};

/** A key/value pair of a mapping, with the key's node kept for positions. */
export interface Entry {
  readonly key: Node;
  readonly value: Node | null;
}

/**
 * Walks the yaml library's node tree (never `toJS`, so aliases are never expanded) and collects
 * problems with their positions as it goes.
 */
/** Past this many, problems are counted rather than listed: a hostile file could make 100,000. */
export const maxProblems = 100;

export class ProjectReader {
  private readonly found: Problem[] = [];
  private unlisted = 0;
  private readonly positions: LinePositions;

  constructor(readonly file: string, text: string) {
    this.positions = new LinePositions(text);
  }

  /** `at` is a UTF-16 offset or a node (its start); without one the problem points at 1:1. */
  report(code: ProjectProblemCode, message: string, at?: number | Node | null, severity: Severity = 'error'): void {
    if (this.found.length >= maxProblems) {
      this.unlisted++;
      return;
    }
    const offset = typeof at === 'number' ? at : (at?.range?.[0] ?? 0);
    const { line, column } = this.positions.at(offset);
    this.found.push(problem(code, message, this.file, line, column, severity));
  }

  /** The problems in the order found, closed by a note of how many more were not listed. */
  get problems(): Problem[] {
    if (this.unlisted === 0) return [...this.found];
    const note = problem('project-too-many-problems', `${this.unlisted} more problems in this file are not listed.`, this.file, 1, 1, 'info');
    return [...this.found, note];
  }

  /**
   * The entries of a mapping whose keys are plain strings, keyed by name. Duplicates (the
   * library's own check is quadratic, so it is off) and keys outside `allowed` are reported
   * and left out; `where` names the mapping in messages.
   */
  entries(map: YAMLMap, where: string, allowed: readonly string[]): Map<string, Entry> {
    const result = new Map<string, Entry>();
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const name = key && isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) {
        this.report('project-unknown-key', `${where} keys must be plain words.`, key ?? value ?? map, 'warning');
        continue;
      }
      if (result.has(name)) {
        this.report('project-duplicate-key', `Duplicate key "${name}" in ${where}; the first one is used.`, key);
        continue;
      }
      if (!allowed.includes(name)) {
        const hint = keyHints[name];
        const suggestion = hint && allowed.includes(hint.split('.')[0]) ? ` Did you mean "${hint}"?` : '';
        this.report('project-unknown-key', `Unknown key "${name}" in ${where}; it is ignored. Known keys: ${allowed.join(', ')}.${suggestion}`, key, 'warning');
        continue;
      }
      result.set(name, { key: key!, value });
    }
    return result;
  }

  /** An alias is reported, never followed: it could point anywhere, or at itself. */
  isAlias(node: Node | null): boolean {
    if (node && isAlias(node)) {
      this.report('project-alias', 'Aliases (*name) are not allowed in the project file; write the value out.', node);
      return true;
    }
    return false;
  }

  /** The value of a string scalar, or undefined (reported) for anything else. */
  string(node: Node | null, what: string, code: ProjectProblemCode, fallbackAt: Node): string | undefined {
    if (this.isAlias(node)) return undefined;
    if (node && isScalar(node) && typeof node.value === 'string') return node.value;
    const found = node === null || (isScalar(node) && node.value === null) ? 'nothing' : describe(node);
    this.report(code, `${what} must be a text string, not ${found}.`, node ?? fallbackAt);
    return undefined;
  }
}

/** A few words on what a node is, for messages. */
export function describe(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    const value: unknown = node.value;
    if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
    return 'a tagged value';
  }
  return 'an alias';
}
