import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { compileGlob } from './globPattern';
import { defaultExclude, defaultInclude } from './projectConfig';
import { describe, type ProjectReader } from './projectReader';

const maxPatterns = 256;
const maxPatternLength = 1024;
/** What all patterns of the project may cost together (see maxGlobCost): a few milliseconds a file. */
const maxTotalCost = 4096;

/**
 * The `corpus:` section: include and exclude globs. A missing or broken list falls back to its
 * default; bad patterns are dropped one by one. A `!pattern` in include is read as an exclude,
 * since a glob library would otherwise treat it as "everything but", which matches nearly every file.
 */
export function readGlobs(reader: ProjectReader, node: Node | null | undefined): { include: string[]; exclude: string[] } {
  const fallback = { include: [...defaultInclude], exclude: [...defaultExclude] };
  if (node === undefined || reader.isAlias(node)) return fallback;
  if (node === null || !isMap(node)) {
    reader.report('project-corpus', `"corpus" must be a mapping with "include" and "exclude" lists, not ${node ? describe(node) : 'nothing'}; the defaults are used.`, node);
    return fallback;
  }
  const entries = reader.entries(node, 'corpus', ['include', 'exclude']);
  const include = readList(reader, entries.get('include')?.value, 'include');
  const exclude = readList(reader, entries.get('exclude')?.value, 'exclude');
  const moved: string[] = [];
  const kept = include?.filter((pattern) => {
    if (!pattern.startsWith('!')) return true;
    moved.push(pattern.slice(1));
    return false;
  });
  return {
    include: kept === undefined || (kept.length === 0 && include!.length > 0) ? fallback.include : kept,
    exclude: [...(exclude ?? fallback.exclude), ...moved],
  };
}

/** The valid patterns of one list, or undefined when it is missing, not a list, or all bad. */
function readList(reader: ProjectReader, node: Node | null | undefined, name: 'include' | 'exclude'): string[] | undefined {
  if (node === undefined || reader.isAlias(node)) return undefined;
  // A single pattern written without brackets is taken as a list of one.
  const items = node !== null && isSeq(node) ? (node.items as (Node | null)[]) : node !== null && isScalar(node) && typeof node.value === 'string' ? [node] : undefined;
  if (items === undefined) {
    reader.report('project-glob', `"corpus.${name}" must be a list of glob patterns, not ${node ? describe(node) : 'nothing'}; the default is used.`, node);
    return undefined;
  }
  if (items.length === 0 && name === 'include') {
    reader.report('project-glob', '"corpus.include" is empty, so no file belongs to the corpus.', node, 'warning');
  }
  const patterns: string[] = [];
  let cost = 0;
  for (const item of items.slice(0, maxPatterns)) {
    const checked = checkPattern(reader, item, name);
    if (checked === undefined) continue;
    cost += checked.cost;
    if (cost > maxTotalCost) {
      reader.report('project-glob', `"corpus.${name}" patterns are together too complex to match quickly; this one and the rest are ignored. Use fewer braces and wildcards.`, item ?? node);
      break;
    }
    patterns.push(checked.pattern);
  }
  if (items.length > maxPatterns) {
    reader.report('project-glob', `"corpus.${name}" has ${items.length} patterns; only the first ${maxPatterns} are used.`, items[maxPatterns] ?? node);
  }
  // A list whose every pattern was bad is a broken part: fall back as if it were missing.
  return patterns.length === 0 && items.length > 0 ? undefined : patterns;
}

function checkPattern(reader: ProjectReader, item: Node | null, name: 'include' | 'exclude'): { pattern: string; cost: number } | undefined {
  if (reader.isAlias(item)) return undefined;
  const at = item ?? undefined;
  if (!item || !isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
    reader.report('project-glob', `Each "corpus.${name}" pattern must be a non-empty text string, not ${item ? describe(item) : 'nothing'}; it is ignored.`, at);
    return undefined;
  }
  let pattern = item.value.trim();
  if (pattern.length > maxPatternLength) {
    reader.report('project-glob', `Glob pattern is longer than ${maxPatternLength} characters; it is ignored.`, at);
    return undefined;
  }
  if (name === 'exclude' && pattern.startsWith('!')) {
    reader.report('project-glob', `"${pattern}": exclude patterns cannot be negated; narrow "include" instead. It is ignored.`, at);
    return undefined;
  }
  if (name === 'include' && pattern.startsWith('!')) {
    reader.report('project-glob', `"${pattern}": a negated include pattern is read as an exclude pattern; move it to "exclude".`, at, 'warning');
  }
  const body = pattern.replace(/^!/, '');
  if (body.startsWith('/')) {
    reader.report('project-glob', `"${pattern}": patterns are relative to the corpus root; the leading "/" is dropped.`, at, 'warning');
    pattern = pattern.replace(/^(!?)\/+/, '$1');
  }
  if (/(^|\/)\.\.(\/|$)/.test(body)) {
    reader.report('project-glob', `"${pattern}": ".." cannot leave the corpus root; the pattern is ignored.`, at);
    return undefined;
  }
  const compiled = compileGlob(body, { dot: false });
  if (!compiled.ok) {
    reader.report('project-glob', `"${pattern}": ${compiled.reason}; it is ignored.`, at);
    return undefined;
  }
  if (/[@!+*?]\(/.test(body)) {
    reader.report('project-glob', `"${pattern}": "(" and ")" match themselves; extended globs such as +(a|b) are not supported, use {a,b}.`, at, 'warning');
  }
  if (body.includes('\\')) {
    reader.report('project-glob', `"${pattern}": in glob patterns "\\" escapes the next character; separate folders with "/".`, at, 'warning');
  }
  return { pattern, cost: compiled.cost };
}
