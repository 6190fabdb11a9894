/**
 * The Search Tags query language: free text plus filters.
 *   type:PERSON      types whose name starts with "person", ignoring case (type:per,org for two)
 *   file:2026-11     files whose path contains "2026-11" (ignoring case and accents)
 *   note:check       annotations whose note contains "check"
 *   is:suggestion    open suggestions instead of tags (is:tag, the default, for tags)
 *   "type: x"        double quotes keep spaces and colons as free text or inside a value
 * Several values of one filter are alternatives; different filters must all hold. A filter
 * without a value (`type:` while typing) is ignored, and an unknown `key:` is free text.
 */
export interface ParsedQuery {
  readonly text: string;
  readonly types: readonly string[];
  readonly files: readonly string[];
  readonly notes: readonly string[];
  /** `is:suggestion` (or `is:suggestions`): search open suggestions, not tags; absent otherwise. */
  readonly suggestions?: true;
}

const filterKeys = ['type', 'file', 'note', 'is'] as const;
type FilterKey = (typeof filterKeys)[number];

const kinds = new Set(['tag', 'tags', 'suggestion', 'suggestions']);

export function parseQuery(query: string): ParsedQuery {
  const text: string[] = [];
  const values: Record<FilterKey, string[]> = { type: [], file: [], note: [], is: [] };
  // A quoted run (closing quote optional while typing), or a bare run of non-space characters.
  const token = /"([^"]*)"?|(\S+)/gu;
  for (let match = token.exec(query); match !== null; match = token.exec(query)) {
    if (match[1] !== undefined) {
      text.push(match[1]);
      continue;
    }
    const word = match[2];
    const colon = word.indexOf(':');
    const key = colon > 0 ? (word.slice(0, colon).toLowerCase() as FilterKey) : undefined;
    if (key === undefined || !filterKeys.includes(key)) {
      text.push(word);
      continue;
    }
    let value = word.slice(colon + 1);
    // `file:"my folder"`: the quoted value started right after the colon and may go on past spaces.
    if (value.startsWith('"')) {
      const rest = query.slice(match.index + colon + 2);
      const close = rest.indexOf('"');
      value = close < 0 ? rest : rest.slice(0, close);
      token.lastIndex = match.index + colon + 2 + (close < 0 ? rest.length : close + 1);
    }
    const parts = key === 'type' ? value.split(',') : [value];
    // A loop, not push(...parts): a pasted list of a million types would overflow the call.
    for (const part of parts) if (part.trim() !== '') values[key].push(part.trim());
  }
  // The last `is:` wins, as typing `is:tag` after `is:suggestion` means.
  const kind = values.is.map((value) => value.toLowerCase()).filter((value) => kinds.has(value)).pop();
  const suggestions = kind === 'suggestion' || kind === 'suggestions';
  return { text: text.join(' ').trim(), types: values.type, files: values.file, notes: values.note, ...(suggestions ? { suggestions } : {}) };
}
