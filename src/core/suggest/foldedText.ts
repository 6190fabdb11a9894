/**
 * A text prepared for finding names in it regardless of Unicode normalisation (and, on request,
 * of case). The text is cut into clusters, a code point with the combining marks that follow it;
 * each cluster is put in canonical decomposition (NFD), lower-cased when asked, and every folded
 * code point remembers the cluster it came from. A name found in the folded form therefore maps
 * back to offsets into the text's own form, whichever form that is: a gazetteer's precomposed
 * `Bogotá` finds a text's `Bogota` + U+0301 and the span slices the text's own characters.
 */
export interface FoldedText {
  /** The folded code points. */
  readonly codes: Int32Array;
  readonly length: number;
  /** For each folded code point, its cluster's bounds in the original, in code points. */
  readonly clusterStart: Int32Array;
  readonly clusterEnd: Int32Array;
  /** The same bounds in UTF-16 units, for looking at the characters around a match. */
  readonly clusterStartUtf16: Int32Array;
  readonly clusterEndUtf16: Int32Array;
}

const combiningMark = /\p{M}/u;
const asciiOnly = /^[ -~\t\n\r]*$/;
// Folding the same few thousand non-ASCII clusters again and again is most of the cost on
// accented or non-Latin text; the cache is per process and bounded.
const foldCache = new Map<string, string>();
const foldCacheLimit = 50_000;

/** Per BMP code point: 0 not looked at yet, 1 not a combining mark, 2 a combining mark. */
const combiningKnown = new Uint8Array(0x10000);

function isCombining(codePoint: number): boolean {
  // Nothing below U+0300 is a combining mark; the test is only paid above it, once per code point.
  if (codePoint < 0x300) return false;
  if (codePoint > 0xffff) return combiningMark.test(String.fromCodePoint(codePoint));
  let known = combiningKnown[codePoint];
  if (known === 0) {
    known = combiningMark.test(String.fromCharCode(codePoint)) ? 2 : 1;
    combiningKnown[codePoint] = known;
  }
  return known === 2;
}

// A cluster of one code point (most non-ASCII text is precomposed or has no marks) is looked up
// by its number, without making a string of it.
const singleFolds = [new Map<number, readonly number[]>(), new Map<number, readonly number[]>()];

function foldCodePoint(codePoint: number, ignoreCase: boolean): readonly number[] {
  const cache = singleFolds[ignoreCase ? 1 : 0];
  let folded = cache.get(codePoint);
  if (folded === undefined) {
    folded = [...foldCluster(String.fromCodePoint(codePoint), ignoreCase)].map((character) => character.codePointAt(0)!);
    if (cache.size >= foldCacheLimit) cache.clear();
    cache.set(codePoint, folded);
  }
  return folded;
}

/** The folded form of one cluster. */
export function foldCluster(cluster: string, ignoreCase: boolean): string {
  const key = ignoreCase ? `i${cluster}` : `s${cluster}`;
  const cached = foldCache.get(key);
  if (cached !== undefined) return cached;
  let folded = cluster.normalize('NFD');
  if (ignoreCase) folded = folded.toLowerCase().normalize('NFD');
  if (foldCache.size >= foldCacheLimit) foldCache.clear();
  foldCache.set(key, folded);
  return folded;
}

function codePointAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
  }
  return unit;
}

/**
 * Walks the clusters of `text` and hands each folded code point to `visit` with its cluster's
 * bounds (code points, then UTF-16 units). `foldClusterAt` is the one place the folding rule is
 * applied, to texts and names alike: the same rule on both sides is what makes them meet.
 */
function forEachFolded(
  text: string,
  ignoreCase: boolean,
  visit: (code: number, start: number, end: number, startUtf16: number, endUtf16: number) => void,
): void {
  let utf16 = 0;
  let codePoints = 0;
  while (utf16 < text.length) {
    utf16 = foldClusterAt(text, utf16, codePoints, ignoreCase, visit);
    codePoints = clusterEndCodePoints;
  }
}

/** Set by `foldClusterAt`: where the cluster it folded ends, in code points. */
let clusterEndCodePoints = 0;

/**
 * Folds the cluster starting at `utf16` (code point `codePoints`): its first code point and the
 * combining marks after it, in canonical decomposition, lower-cased when asked. Returns where it
 * ends in UTF-16 units (and leaves its end in code points in `clusterEndCodePoints`).
 */
function foldClusterAt(
  text: string,
  utf16: number,
  codePoints: number,
  ignoreCase: boolean,
  visit: (code: number, start: number, end: number, startUtf16: number, endUtf16: number) => void,
): number {
  const first = codePointAt(text, utf16);
  let endUtf16 = utf16 + (first > 0xffff ? 2 : 1);
  let endCodePoints = codePoints + 1;
  while (endUtf16 < text.length) {
    const next = codePointAt(text, endUtf16);
    if (!isCombining(next)) break;
    endUtf16 += next > 0xffff ? 2 : 1;
    endCodePoints++;
  }
  clusterEndCodePoints = endCodePoints;
  if (endCodePoints === codePoints + 1) {
    if (first < 0x80) {
      // Plain ASCII, the bulk of most corpora: no normalisation needed, case by arithmetic.
      visit(ignoreCase && first >= 0x41 && first <= 0x5a ? first + 0x20 : first, codePoints, endCodePoints, utf16, endUtf16);
    } else {
      for (const code of foldCodePoint(first, ignoreCase)) visit(code, codePoints, endCodePoints, utf16, endUtf16);
    }
    return endUtf16;
  }
  for (const character of foldCluster(text.slice(utf16, endUtf16), ignoreCase)) {
    visit(character.codePointAt(0)!, codePoints, endCodePoints, utf16, endUtf16);
  }
  return endUtf16;
}

/** The folded code points of a name. */
export function foldName(name: string, ignoreCase: boolean): number[] {
  // An ASCII name (most gazetteer rows) folds letter by letter: the rule below gives the same.
  if (asciiOnly.test(name)) {
    const codes = new Array<number>(name.length);
    for (let index = 0; index < name.length; index++) {
      const unit = name.charCodeAt(index);
      codes[index] = ignoreCase && unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
    }
    return codes;
  }
  const codes: number[] = [];
  forEachFolded(name, ignoreCase, (code) => codes.push(code));
  return codes;
}

/** Folds a text, keeping for each folded code point where its cluster is in the original. */
export function foldText(text: string, ignoreCase: boolean): FoldedText {
  // NFD can lengthen a cluster (one precomposed letter becomes up to four code points), so the
  // arrays grow when they must; most text folds to its own length.
  let capacity = text.length + 16;
  let codes = new Int32Array(capacity);
  let clusterStart = new Int32Array(capacity);
  let clusterEnd = new Int32Array(capacity);
  let clusterStartUtf16 = new Int32Array(capacity);
  let clusterEndUtf16 = new Int32Array(capacity);
  let length = 0;
  const grow = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
    const to = new Int32Array(capacity);
    to.set(from.subarray(0, length));
    return to;
  };
  const push = (code: number, start: number, end: number, startUtf16: number, endUtf16: number): void => {
    if (length === capacity) {
      capacity *= 2;
      codes = grow(codes);
      clusterStart = grow(clusterStart);
      clusterEnd = grow(clusterEnd);
      clusterStartUtf16 = grow(clusterStartUtf16);
      clusterEndUtf16 = grow(clusterEndUtf16);
    }
    codes[length] = code;
    clusterStart[length] = start;
    clusterEnd[length] = end;
    clusterStartUtf16[length] = startUtf16;
    clusterEndUtf16[length] = endUtf16;
    length++;
  };
  let utf16 = 0;
  let codePoints = 0;
  while (utf16 < text.length) {
    const unit = text.charCodeAt(utf16);
    // Plain ASCII not followed by a combining mark, the bulk of most corpora, folds in place; the
    // rule below gives the same result for it, one cluster of one code point at a time.
    if (unit < 0x80 && (utf16 + 1 === text.length || text.charCodeAt(utf16 + 1) < 0x300) && length < capacity) {
      codes[length] = ignoreCase && unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      clusterStart[length] = codePoints;
      clusterEnd[length] = codePoints + 1;
      clusterStartUtf16[length] = utf16;
      clusterEndUtf16[length] = utf16 + 1;
      length++;
      utf16++;
      codePoints++;
      continue;
    }
    utf16 = foldClusterAt(text, utf16, codePoints, ignoreCase, push);
    codePoints = clusterEndCodePoints;
  }
  return { codes, length, clusterStart, clusterEnd, clusterStartUtf16, clusterEndUtf16 };
}

/** True when folded position `index` is the first code point of its cluster. */
export function startsCluster(folded: FoldedText, index: number): boolean {
  return index === 0 || folded.clusterStart[index - 1] !== folded.clusterStart[index];
}

/** True when folded position `index` is the last code point of its cluster. */
export function endsCluster(folded: FoldedText, index: number): boolean {
  return index === folded.length - 1 || folded.clusterStart[index + 1] !== folded.clusterStart[index];
}
