/**
 * How mentions group into entities. Two mentions are the same entity when their types are equal
 * and their surface forms are equal after Unicode NFC (so a decomposed "Bogota\u0301" is
 * "Bogotá"), full case folding (so "CARTAGENA" is "Cartagena" and "STRASSE" is "Straße") and
 * collapsing runs of whitespace, line breaks included, to one space.
 */

/** The normalised surface form of a mention: the text part of its entity key. */
export function normaliseSurface(text: string): string {
  // Upper then lower case approximates Unicode full case folding (ß -> ss, ﬁ -> fi) without a
  // table; either step can produce decomposed letters, hence NFC on both sides.
  return collapseWhitespace(text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC'));
}

/** Runs of white space (including line breaks and NBSP) become one space; ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The public key of an entity: unambiguous for any type and text (the JSON of the pair), and
 * readable in a debugger. Tree items and commands carry it.
 */
export function entityKey(type: string, normalisedText: string): string {
  return JSON.stringify([type, normalisedText]);
}

/** The type and normalised text of an entity key, or undefined when it is not one. */
export function parseEntityKey(key: string): { type: string; text: string } | undefined {
  try {
    const value: unknown = JSON.parse(key);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { type: value[0], text: value[1] };
    }
  } catch {
    // Not JSON: not a key.
  }
  return undefined;
}

/** Letters that have no decomposition but that readers expect to match their plain form. */
const plainLetters: Readonly<Record<string, string>> = {
  ø: 'o', đ: 'd', ł: 'l', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ŧ: 't', ŀ: 'l',
};

/**
 * The search form of a text: compatibility-decomposed, accents and other combining marks
 * removed, case-folded, whitespace collapsed. "Bogotá", "BOGOTA" and "Bogota\u0301" all give
 * "bogota". Used for matching and for sorting by name, never for grouping.
 */
export function foldForSearch(text: string): string {
  const stripped = text.normalize('NFKD').replace(/\p{M}+/gu, '').toUpperCase().toLowerCase();
  return collapseWhitespace(stripped.replace(/[øđłħıæœþðŧŀ]/g, (letter) => plainLetters[letter] ?? letter));
}
