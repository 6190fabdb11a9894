/**
 * The local knowledge-base lookup a project names in `kbLookup:`: a TSV of `id<TAB>label` lines
 * (further columns ignored; blank lines and lines starting with `#` skipped). The editor offers
 * its rows when a tag gets a KB link, so linking needs no network.
 */
export interface KnowledgeBaseEntry {
  readonly id: string;
  readonly label: string;
}

/** Rows read this far and no further, so a huge file cannot stall the quick pick. */
export const maxKnowledgeBaseEntries = 100_000;

export function parseKnowledgeBaseLookup(text: string): KnowledgeBaseEntry[] {
  const entries: KnowledgeBaseEntry[] = [];
  const seen = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (entries.length >= maxKnowledgeBaseEntries) break;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [id = '', label = ''] = line.split('\t');
    const trimmed = id.trim();
    // An id is one token (`wikidata:Q1365697`); a row whose first column has spaces is a header or prose.
    if (trimmed === '' || /\s/u.test(trimmed) || seen.has(trimmed)) continue;
    seen.add(trimmed);
    entries.push({ id: trimmed, label: label.trim() });
  }
  return entries;
}
