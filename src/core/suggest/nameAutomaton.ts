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

/** The per-node arrays a search reads: what a built automaton hands to another thread. */
const searchArrays = ['label', 'firstChild', 'nextSibling', 'depth', 'fail', 'outputLink', 'key', 'wideIndex'] as const;
type SearchArray = (typeof searchArrays)[number];

/**
 * A built automaton as plain data for another thread: its arrays in shared memory where the
 * platform has it (Node does), so a worker reads the very bytes this thread built instead of a
 * copy, and the few wide nodes' maps. Building the automaton of a large gazetteer takes a quarter
 * of a second warm and several times that in a thread that has just started.
 */
export type NameAutomatonData = Readonly<Record<SearchArray, Int32Array<ArrayBufferLike>>> & {
  readonly wideMaps: readonly Map<number, number>[];
  readonly rootChildren: Int32Array<ArrayBufferLike>;
};

/** `array`'s first `length` numbers in shared memory if there is any, else in a copy. */
function sharedCopy(array: Int32Array<ArrayBufferLike>, length: number): Int32Array<ArrayBufferLike> {
  if (typeof SharedArrayBuffer === 'undefined') return array.slice(0, length);
  const copy = new Int32Array(new SharedArrayBuffer(4 * length));
  copy.set(array.subarray(0, length));
  return copy;
}

export class NameAutomaton {
  private size = 1;
  private label: Int32Array<ArrayBufferLike>;
  private firstChild: Int32Array<ArrayBufferLike>;
  private nextSibling: Int32Array<ArrayBufferLike>;
  private childCount: Int32Array<ArrayBufferLike>;
  private depth: Int32Array<ArrayBufferLike>;
  private fail: Int32Array<ArrayBufferLike>;
  /** The nearest node on the failure chain (itself excluded) where some name ends, or -1. */
  private outputLink: Int32Array<ArrayBufferLike>;
  /** The key of the name that ends at a node, or -1. */
  private key: Int32Array<ArrayBufferLike>;
  /** Per node: the index of its Map in `wideMaps`, or -1 (a typed array: no Map look-up to learn that a node has none). */
  private wideIndex: Int32Array<ArrayBufferLike>;
  private wideMaps: Map<number, number>[] = [new Map<number, number>()];
  /** The root's children by code point (below U+10000; others are in the root's Map). */
  private rootChildren: Int32Array<ArrayBufferLike> = new Int32Array(rootTableSize).fill(-1);
  private built = false;

  /** An automaton already built elsewhere (`data()`): searched as it is, never added to. */
  static fromData(data: NameAutomatonData): NameAutomaton {
    const automaton = new NameAutomaton(0);
    for (const name of searchArrays) automaton[name] = data[name];
    automaton.size = data.label.length;
    automaton.childCount = new Int32Array(0);
    automaton.wideMaps = [...data.wideMaps];
    automaton.rootChildren = data.rootChildren;
    automaton.built = true;
    return automaton;
  }

  /** The built automaton as plain data, its arrays cut to the nodes in use (and shared: see NameAutomatonData). */
  data(): NameAutomatonData {
    if (!this.built) this.build();
    const arrays = {} as Record<SearchArray, Int32Array<ArrayBufferLike>>;
    for (const name of searchArrays) arrays[name] = sharedCopy(this[name], this.size);
    return { ...arrays, wideMaps: this.wideMaps, rootChildren: sharedCopy(this.rootChildren, this.rootChildren.length) };
  }

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

  get nodeCount(): number {
    return this.size;
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
