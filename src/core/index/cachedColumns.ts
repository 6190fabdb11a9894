/**
 * One file's annotation columns as the index cache stores them: a block of bytes holding the
 * numbers as typed arrays and the ids and snippet context as text. Read back, the numbers are
 * views into the cache file's bytes (no copy) and the text is decoded only when first asked for:
 * a warm start needs the forms and offsets of every mention, but the ids and snippets only of
 * the few a person looks at. Every block is checked before it is believed (see `readBlock`): a
 * cache file can be truncated, edited, or written by a buggy build.
 */
import type { AnnotationColumns } from './fileRecord';

/**
 * A block's layout, in bytes from its start (blocks start at multiples of 8, so each typed array
 * is aligned): starts and ends (Float64), form slots (Int32), context starts and id ends (Uint32),
 * before-lengths (Uint8), then the ids' text and the context's text.
 */
export interface BlockLayout {
  readonly ends: number;
  readonly forms: number;
  readonly contextStarts: number;
  readonly idEnds: number;
  readonly beforeLengths: number;
  readonly ids: number;
  readonly context: number;
  /** The whole block, padded to a multiple of 8. */
  readonly size: number;
}

export function blockLayout(count: number, idBytes: number, contextBytes: number): BlockLayout {
  const ids = 29 * count;
  const end = ids + idBytes + contextBytes;
  return { ends: 8 * count, forms: 16 * count, contextStarts: 20 * count, idEnds: 24 * count, beforeLengths: 28 * count, ids, context: ids + idBytes, size: align8(end) };
}

/** `value` rounded up to a multiple of 8. */
export function align8(value: number): number {
  return value + ((8 - (value % 8)) % 8);
}

/**
 * A text stored in a block: its length in UTF-16 units, its length in bytes, and whether the
 * bytes are UTF-16LE rather than UTF-8 (only for text with a lone surrogate, which UTF-8 cannot
 * hold and the sidecar's YAML escapes can make).
 */
export interface StoredText {
  readonly length: number;
  readonly bytes: number;
  readonly wide: boolean;
}

/** What a file's entry in the cache header says about its block. */
export interface BlockHead {
  readonly count: number;
  readonly ids: StoredText;
  readonly context: StoredText;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Marked pure so that the browser bundle, which reaches the cache's modules through index.ts but
// never uses them, leaves them out.
export const utf8Encoder = /* @__PURE__ */ new TextEncoder();
export const utf8Decoder = /* @__PURE__ */ new TextDecoder();

/** `text` as a block stores it: UTF-8, or UTF-16LE when it has a lone surrogate. */
export function encodeText(text: string): EncodedText {
  const utf8 = utf8Encoder.encode(text);
  // The encoder writes a lone surrogate as U+FFFD: only text whose bytes hold one needs the
  // exact (and slower) search.
  if (!holdsReplacement(utf8) || !loneSurrogate.test(text)) return { bytes: utf8, stored: { length: text.length, bytes: utf8.length, wide: false } };
  const bytes = new Uint8Array(2 * text.length);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[2 * index] = unit & 0xff;
    bytes[2 * index + 1] = unit >> 8;
  }
  return { bytes, stored: { length: text.length, bytes: bytes.length, wide: true } };
}

/** Whether UTF-8 `bytes` hold U+FFFD (EF BF BD). */
function holdsReplacement(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(0xbd, 2); at >= 0; at = bytes.indexOf(0xbd, at + 1)) {
    if (bytes[at - 1] === 0xbf && bytes[at - 2] === 0xef) return true;
  }
  return false;
}

/**
 * Decodes stored text to exactly its recorded length. Only damaged bytes can decode to another
 * length; the result is then cut or padded with U+FFFD, so the offsets checked against that
 * length stay inside the string.
 */
function decodeText(bytes: Uint8Array, stored: StoredText): string {
  let text: string;
  if (stored.wide) {
    const units: string[] = [];
    for (let index = 0; index + 1 < bytes.length; index += 2) units.push(String.fromCharCode(bytes[index] | (bytes[index + 1] << 8)));
    text = units.join('');
  } else text = utf8Decoder.decode(bytes);
  return text.length === stored.length ? text : text.slice(0, stored.length).padEnd(stored.length, '\ufffd');
}

/**
 * The cache file's bytes seen once as each kind of number a block holds, so that checking and
 * restoring a block makes no view of its own: a file's columns make theirs when first read.
 */
export class CacheBytes {
  readonly floats: Float64Array;
  readonly ints: Int32Array;
  readonly units: Uint32Array;

  /** `bytes.byteOffset` must be a multiple of 8. */
  constructor(readonly bytes: Uint8Array) {
    this.floats = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length >> 3);
    this.ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    this.units = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  }
}

/** Where a checked block is: what `readBlock` found and `CachedColumns` reads. */
export interface PlacedBlock {
  readonly cache: CacheBytes;
  readonly offset: number;
  readonly head: BlockHead;
  readonly layout: BlockLayout;
}

/** Text as a block stores it: the bytes, and what the block's row says about them. */
export interface EncodedText {
  readonly bytes: Uint8Array;
  readonly stored: StoredText;
}

/**
 * Columns whose ids and snippet context are kept encoded, as a cache block stores them, and
 * decoded only when first asked for: a start needs the forms and offsets of every mention, but
 * the ids and snippets only of the few a person looks at. The cache writes such columns' text
 * back as it is. Read from a cache file (`CachedColumns`) or adopted from another thread's run
 * (packedRun.ts).
 */
export abstract class EncodedColumns implements AnnotationColumns {
  private decodedIds: string[] | undefined;
  private decodedContext: string | undefined;

  abstract readonly starts: Float64Array;
  abstract readonly ends: Float64Array;
  abstract readonly forms: Int32Array;
  abstract readonly notes: ReadonlyMap<number, string> | undefined;
  abstract readonly contextStarts: Uint32Array;
  abstract readonly beforeLengths: Uint8Array;
  /** Where each id ends in the ids' text (UTF-16 units). */
  abstract readonly idEnds: Uint32Array;
  abstract readonly storedIds: EncodedText;
  abstract readonly storedContext: EncodedText;

  get ids(): readonly string[] {
    if (this.decodedIds === undefined) {
      const { bytes, stored } = this.storedIds;
      const text = decodeText(bytes, stored);
      const idEnds = this.idEnds;
      const ids = new Array<string>(idEnds.length);
      let start = 0;
      for (let index = 0; index < ids.length; index++) {
        ids[index] = text.slice(start, idEnds[index]);
        start = idEnds[index];
      }
      this.decodedIds = ids;
    }
    return this.decodedIds;
  }

  get context(): string {
    if (this.decodedContext === undefined) {
      const { bytes, stored } = this.storedContext;
      this.decodedContext = decodeText(bytes, stored);
    }
    return this.decodedContext;
  }
}

/** Columns read from a cache block: the typed arrays are views into the cache's bytes, made on first use. */
export class CachedColumns extends EncodedColumns {
  private view: { starts: Float64Array; ends: Float64Array; contextStarts: Uint32Array; idEnds: Uint32Array; beforeLengths: Uint8Array } | undefined;

  constructor(
    private readonly block: PlacedBlock,
    readonly forms: Int32Array,
    readonly notes: ReadonlyMap<number, string> | undefined,
  ) {
    super();
  }

  private get views() {
    if (this.view === undefined) {
      const { cache, offset, head, layout } = this.block;
      const { buffer, byteOffset } = cache.bytes;
      const at = byteOffset + offset;
      this.view = {
        starts: new Float64Array(buffer, at, head.count),
        ends: new Float64Array(buffer, at + layout.ends, head.count),
        contextStarts: new Uint32Array(buffer, at + layout.contextStarts, head.count),
        idEnds: new Uint32Array(buffer, at + layout.idEnds, head.count),
        beforeLengths: new Uint8Array(buffer, at + layout.beforeLengths, head.count),
      };
    }
    return this.view;
  }

  get starts(): Float64Array {
    return this.views.starts;
  }

  get ends(): Float64Array {
    return this.views.ends;
  }

  get contextStarts(): Uint32Array {
    return this.views.contextStarts;
  }

  get beforeLengths(): Uint8Array {
    return this.views.beforeLengths;
  }

  get idEnds(): Uint32Array {
    return this.views.idEnds;
  }

  get storedIds(): EncodedText {
    const { cache, offset, head, layout } = this.block;
    return { bytes: cache.bytes.subarray(offset + layout.ids, offset + layout.context), stored: head.ids };
  }

  get storedContext(): EncodedText {
    const { cache, offset, head, layout } = this.block;
    return { bytes: cache.bytes.subarray(offset + layout.context, offset + layout.context + head.context.bytes), stored: head.context };
  }
}

/**
 * The block of `head` at `offset` in the cache, or undefined when anything in it is off: an
 * offset that is not a safe non-negative integer, a form slot out of range (`formSlots` of
 * them), context pieces or ids that do not tile their text. Its form slots are
 * `cache.ints[formsAt(block) + index]`.
 */
export function readBlock(cache: CacheBytes, offset: number, head: BlockHead, formSlots: number): PlacedBlock | undefined {
  const { count, ids, context } = head;
  const layout = blockLayout(count, ids.bytes, context.bytes);
  if (offset % 8 !== 0 || offset + layout.size > cache.bytes.length || !plausible(ids, count === 0) || !plausible(context, count === 0)) return undefined;
  const { floats, ints, units, bytes } = cache;
  const starts = offset / 8;
  const ends = (offset + layout.ends) / 8;
  const forms = (offset + layout.forms) / 4;
  const contextStarts = (offset + layout.contextStarts) / 4;
  const idEnds = (offset + layout.idEnds) / 4;
  const beforeLengths = offset + layout.beforeLengths;
  let idStart = 0;
  for (let index = 0; index < count; index++) {
    const start = floats[starts + index];
    const end = floats[ends + index];
    if (!(Number.isSafeInteger(start) && start >= 0 && Number.isSafeInteger(end) && end >= 0)) return undefined;
    const slot = ints[forms + index];
    if (slot < 0 || slot >= formSlots) return undefined;
    const contextStart = units[contextStarts + index];
    const contextEnd = index + 1 < count ? units[contextStarts + index + 1] : context.length;
    if ((index === 0 && contextStart !== 0) || contextStart + bytes[beforeLengths + index] > contextEnd) return undefined;
    const idEnd = units[idEnds + index];
    if (idEnd < idStart) return undefined;
    idStart = idEnd;
  }
  if (idStart !== ids.length) return undefined;
  return { cache, offset, head, layout };
}

/** Where a block's form slots start in `cache.ints`. */
export function formsAt(block: PlacedBlock): number {
  return (block.offset + block.layout.forms) / 4;
}

/** Lengths a real text could have: UTF-8 takes one to three bytes per UTF-16 unit, UTF-16LE two. */
function plausible(text: StoredText, empty: boolean): boolean {
  const { length, bytes, wide } = text;
  if (!Number.isSafeInteger(length) || !Number.isSafeInteger(bytes) || length < 0 || (empty && length > 0)) return false;
  return wide ? bytes === 2 * length : bytes >= length && bytes <= 3 * length;
}
