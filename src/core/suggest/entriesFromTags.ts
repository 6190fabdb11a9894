/**
 * Turns what the team has already tagged into names to suggest elsewhere: each distinct
 * (text, type) becomes an entry, scored by the share of that text's tags that carry the type, so
 * a name tagged PERSON nine times and ORG once suggests PERSON at 0.9 and ORG at 0.1.
 */
import type { GazetteerEntry } from './gazetteerEntry';

/** Names shorter than this (in code points) are too ambiguous to suggest across a corpus. */
const shortestName = 2;

/** What this needs of an annotation. */
export interface TaggedName {
  readonly text: string;
  readonly type: string;
  readonly fragments?: readonly unknown[];
}

export function entriesFromTags(annotations: Iterable<TaggedName>): GazetteerEntry[] {
  const byText = new Map<string, Map<string, number>>();
  for (const annotation of annotations) {
    // A discontinuous span's text is its pieces joined; it is not a name to look for as such.
    if (annotation.fragments && annotation.fragments.length > 0) continue;
    const text = annotation.text.trim();
    if ([...text].length < shortestName) continue;
    const types = byText.get(text) ?? new Map<string, number>();
    types.set(annotation.type, (types.get(annotation.type) ?? 0) + 1);
    byText.set(text, types);
  }
  const entries: GazetteerEntry[] = [];
  for (const [text, types] of byText) {
    let total = 0;
    for (const count of types.values()) total += count;
    for (const [type, count] of types) entries.push({ name: text, type, source: 'tags', line: 0, score: Math.round((count / total) * 1000) / 1000 });
  }
  return entries;
}
