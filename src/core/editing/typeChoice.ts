/**
 * What the type picker does with what is typed into it. The picker filters by name like any
 * QuickPick, and a type's key letter typed alone picks that type once typing pauses: the pause
 * keeps a name being typed (`person`, `loc`) in the picker, where a pick on the first letter
 * would close it and send the rest of the name into the article.
 */

export interface ChoosableType {
  readonly name: string;
  readonly key?: string;
}

/**
 * How long a lone key letter waits for more typing before it picks. Long enough for the next
 * letter of a name typed at a slow pace (about two letters a second), short enough to feel like
 * a pick at once; Enter picks at once.
 */
export const keyLetterPauseMs = 500;

/** The type whose key letter the value is, when the value is exactly one letter (any case). */
export function typeForKeyLetter<T extends ChoosableType>(types: readonly T[], value: string): T | undefined {
  const typed = value.trim().toLowerCase();
  if (Array.from(typed).length !== 1) return undefined;
  return types.find((type) => type.key !== undefined && type.key.toLowerCase() === typed);
}

/**
 * The type Enter picks: a key letter's type when the value is that letter alone (as the pause
 * would); else the highlighted type (the QuickPick's own filtering highlights the best match of
 * a typed name, or the row chosen with the arrow keys); else the one type whose name starts with
 * the value.
 */
export function typeOnAccept<T extends ChoosableType>(types: readonly T[], value: string, highlighted: T | undefined): T | undefined {
  const byKey = typeForKeyLetter(types, value);
  if (byKey) return byKey;
  if (highlighted) return highlighted;
  const prefix = value.trim().toLowerCase();
  if (prefix === '') return undefined;
  const named = types.filter((type) => type.name.toLowerCase().startsWith(prefix));
  return named.length === 1 ? named[0] : undefined;
}

/** The words of a picker row, in the display language (the editor passes translations). */
export interface ChoiceWords {
  readonly current: string;
  readonly key: (letter: string) => string;
}

const englishChoiceWords: ChoiceWords = { current: 'current type', key: (letter) => `key ${letter}` };

/** The picker row's description: current type first, then the key letter and the chord. */
export function describeTypeChoice(type: ChoosableType, chord: string | undefined, current: boolean, words: ChoiceWords = englishChoiceWords): string {
  return [current ? words.current : undefined, type.key ? words.key(type.key) : undefined, chord].filter(Boolean).join(' · ');
}
