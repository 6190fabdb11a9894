/**
 * An Aho–Corasick automaton over code points: every name of a gazetteer found in one left-to-right
 * pass over a text, however many names there are. Nodes live in typed arrays (a 100,000-name
 * gazetteer makes about a million nodes, too many for one object or Map each); a node's children
 * are a linked list, indexed by a Map only for the few nodes with many children (the first
 * letters), where a list would be slow, and the root's by a table over the Basic Multilingual
 * Plane: most steps of a search fall back to the root and look there.
 */
const wideAfter = 8;
const rootTableSize = 0x10000;

/**
 * The node arrays are not private: matcherData.ts hands a built automaton to worker threads and
 * makes one from what it receives. That code lives there, not here, because only Node's threads
 * need it, and so it stays out of the browser bundle.
 */
export class NameAutomaton {
  /** Nodes in use, the root included. */
  size = 1;
  label: Int32Array<ArrayBufferLike>;
  firstChild: Int32Array<ArrayBufferLike>;
  nextSibling: Int32Array<ArrayBufferLike>;
  childCount: Int32Array<ArrayBufferLike>;
  depth: Int32Array<ArrayBufferLike>;
  fail: Int32Array<ArrayBufferLike>;
  /** The nearest node on the failure chain (itself excluded) where some name ends, or -1. */
  outputLink: Int32Array<ArrayBufferLike>;
  /** The key of the name that ends at a node, or -1. */
  key: Int32Array<ArrayBufferLike>;
  /** Per node: the index of its Map in `wideMaps`, or -1 (a typed array: no Map look-up to learn that a node has none). */
  wideIndex: Int32Array<ArrayBufferLike>;
  wideMaps: Map<number, number>[] = [new Map<number, number>()];
  /** The root's children by code point (below U+10000; others are in the root's Map). */
  rootChildren: Int32Array<ArrayBufferLike> = new Int32Array(rootTableSize).fill(-1);
  /** Whether the failure links are made (`build`); no name may be added after. */
  built = false;

  /** `expectedNodes`: at most how many nodes there will be (the names' total length), so the arrays are made once, not grown. */
  constructor(expectedNodes = 1024) {
    const capacity = Math.max(1024, expectedNodes + 1);
    this.label = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.childCount = new Int32Array(capacity);
    this.depth = new Int32Array(capacity);
    this.fail = new Int32Array(capacity);
    this.outputLink = new Int32Array(capacity).fill(-1);
    this.key = new Int32Array(capacity).fill(-1);
    this.wideIndex = new Int32Array(capacity).fill(-1);
    this.wideIndex[0] = 0;
  }

  /** Adds a name (folded code points) under `key`; returns the key already there for the same name, if any. */
  add(codes: ArrayLike<number>, key: number): number {
    if (this.built) throw new Error('NameAutomaton: add after build');
    let node = 0;
    for (let index = 0; index < codes.length; index++) {
      const codePoint = codes[index];
      const child = this.child(node, codePoint);
      node = child >= 0 ? child : this.newChild(node, codePoint);
    }
    if (this.key[node] >= 0) return this.key[node];
    this.key[node] = key;
    return key;
  }

  /** Computes the failure links; call once after the last `add`. */
  build(): void {
    this.built = true;
    const queue = new Int32Array(this.size);
    let head = 0;
    let tail = 0;
    for (let child = this.firstChild[0]; child >= 0; child = this.nextSibling[child]) {
      this.fail[child] = 0;
      queue[tail++] = child;
    }
    while (head < tail) {
      const node = queue[head++];
      const failed = this.fail[node];
      this.outputLink[node] = this.key[failed] >= 0 ? failed : this.outputLink[failed];
      for (let child = this.firstChild[node]; child >= 0; child = this.nextSibling[child]) {
        this.fail[child] = this.step(this.fail[node], this.label[child]);
        queue[tail++] = child;
      }
    }
  }

  /**
   * Calls `found(end, length, key)` for every name ending at each folded position `end`
   * (inclusive), longest first at each position.
   */
  search(codes: Int32Array, length: number, found: (end: number, length: number, key: number) => void): void {
    if (!this.built) this.build();
    let node = 0;
    for (let index = 0; index < length; index++) {
      node = this.step(node, codes[index]);
      for (let output = this.key[node] >= 0 ? node : this.outputLink[node]; output > 0; output = this.outputLink[output]) {
        found(index, this.depth[output], this.key[output]);
      }
    }
  }

  private step(from: number, codePoint: number): number {
    let node = from;
    for (;;) {
      const child = this.child(node, codePoint);
      if (child >= 0) return child;
      if (node === 0) return 0;
      node = this.fail[node];
    }
  }

  private child(node: number, codePoint: number): number {
    if (node === 0 && codePoint < rootTableSize) return this.rootChildren[codePoint];
    const wide = this.wideIndex[node];
    if (wide >= 0) return this.wideMaps[wide].get(codePoint) ?? -1;
    for (let child = this.firstChild[node]; child >= 0; child = this.nextSibling[child]) {
      if (this.label[child] === codePoint) return child;
    }
    return -1;
  }

  private newChild(parent: number, codePoint: number): number {
    if (this.size === this.label.length) this.grow();
    const node = this.size++;
    this.label[node] = codePoint;
    this.depth[node] = this.depth[parent] + 1;
    this.nextSibling[node] = this.firstChild[parent];
    this.firstChild[parent] = node;
    const count = ++this.childCount[parent];
    if (parent === 0 && codePoint < rootTableSize) this.rootChildren[codePoint] = node;
    else if (this.wideIndex[parent] >= 0) this.wideMaps[this.wideIndex[parent]].set(codePoint, node);
    else if (count > wideAfter) {
      const built = new Map<number, number>();
      for (let child = this.firstChild[parent]; child >= 0; child = this.nextSibling[child]) built.set(this.label[child], child);
      this.wideIndex[parent] = this.wideMaps.length;
      this.wideMaps.push(built);
    }
    return node;
  }

  private grow(): void {
    const capacity = this.label.length * 2;
    const grown = (from: Int32Array<ArrayBufferLike>, fill: number): Int32Array<ArrayBufferLike> => {
      const to = new Int32Array(capacity).fill(fill);
      to.set(from);
      return to;
    };
    this.label = grown(this.label, 0);
    this.firstChild = grown(this.firstChild, -1);
    this.nextSibling = grown(this.nextSibling, -1);
    this.childCount = grown(this.childCount, 0);
    this.depth = grown(this.depth, 0);
    this.fail = grown(this.fail, 0);
    this.outputLink = grown(this.outputLink, -1);
    this.key = grown(this.key, -1);
    this.wideIndex = grown(this.wideIndex, -1);
  }
}
