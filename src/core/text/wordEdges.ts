/**
 * Where a name may start or end when only whole words count. One rule for Tag All and for
 * suggestions, so "Petro" is never found inside "Petroleum" or "Ecopetrol" by either.
 */
const wordCharacter = /[\p{L}\p{N}\p{M}_]/u;
// Scripts written without spaces between words: a whole-word check at an edge made of these
// would reject every match (e.g. 杭州 inside 杭州市), so the check is skipped at such an edge.
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** True when a whole-word check applies at an edge whose inner character is `inside`. */
export function needsWordEdge(inside: string): boolean {
  return inside !== '' && !unspacedScript.test(inside);
}

/** True when `outside` (the character beyond the edge, '' at the text's end) continues a word. */
export function continuesWord(outside: string): boolean {
  return outside !== '' && wordCharacter.test(outside);
}
