/**
 * An Aho–Corasick automaton over code points: every name of a gazetteer found in one left-to-right
 * pass over a text, however many names there are. Nodes live in typed arrays (a 100,000-name
 * gazetteer makes about a million nodes, too many for one object or Map each). Edges (parent,
 * code point) -> child live in one open-addressing hash table, so finding a child costs the same
 * at the root with hundreds of children as deep in a name with one; each node also keeps a
 * linked list of its children, walked only when the failure links are built.
 */
const empty = -1;

export class NameAutomaton {
  private size = 1;
  private label: Int32Array<ArrayBuffer>;
  private firstChild: Int32Array<ArrayBuffer>;
  private nextSibling: Int32Array<ArrayBuffer>;
  private depth: Int32Array<ArrayBuffer>;
  private fail: Int32Array<ArrayBuffer>;
  /** The nearest node on the failure chain (itself excluded) where some name ends, or -1. */
  private outputLink: Int32Array<ArrayBuffer>;
  /** The key of the name that ends at a node, or -1. */
  private key: Int32Array<ArrayBuffer>;
  /**
   * The edge table: three numbers a slot, side by side so one probe touches one cache line:
   * parent (-1: a free slot), code point, child.
   */
  private edges: Int32Array<ArrayBuffer>;
  private edgeMask: number;
  private built = false;

  /** `expectedNodes`: about how many nodes there will be (the names' total length), to size the arrays once. */
  constructor(expectedNodes = 1024) {
    const capacity = Math.max(1024, expectedNodes + 1);
    this.label = new Int32Array(capacity);
    this.firstChild = new Int32Array(capacity).fill(empty);
    this.nextSibling = new Int32Array(capacity).fill(empty);
    this.depth = new Int32Array(capacity);
    this.fail = new Int32Array(capacity);
    this.outputLink = new Int32Array(capacity).fill(empty);
    this.key = new Int32Array(capacity).fill(empty);
    const slots = tableSizeFor(capacity);
    this.edges = newEdgeTable(slots);
    this.edgeMask = slots - 1;
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
      if (node === 0) continue;
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
    const mask = this.edgeMask;
    const edges = this.edges;
    for (let slot = edgeHash(node, codePoint) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const parent = edges[at];
      if (parent === empty) return empty;
      if (parent === node && edges[at + 1] === codePoint) return edges[at + 2];
    }
  }

  private newChild(parent: number, codePoint: number): number {
    if (this.size === this.label.length) this.grow();
    const node = this.size++;
    this.label[node] = codePoint;
    this.depth[node] = this.depth[parent] + 1;
    this.nextSibling[node] = this.firstChild[parent];
    this.firstChild[parent] = node;
    this.insertEdge(parent, codePoint, node);
    return node;
  }

  private insertEdge(parent: number, codePoint: number, child: number): void {
    const mask = this.edgeMask;
    let slot = edgeHash(parent, codePoint) & mask;
    while (this.edges[slot * 3] !== empty) slot = (slot + 1) & mask;
    this.edges[slot * 3] = parent;
    this.edges[slot * 3 + 1] = codePoint;
    this.edges[slot * 3 + 2] = child;
  }

  private grow(): void {
    const capacity = this.label.length * 2;
    const grown = (from: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(capacity);
      if (fill !== 0) to.fill(fill, from.length);
      to.set(from);
      return to;
    };
    this.label = grown(this.label, 0);
    this.firstChild = grown(this.firstChild, empty);
    this.nextSibling = grown(this.nextSibling, empty);
    this.depth = grown(this.depth, 0);
    this.fail = grown(this.fail, 0);
    this.outputLink = grown(this.outputLink, empty);
    this.key = grown(this.key, empty);
    // The edge table stays at most two thirds full: rebuilt at twice the size.
    const slots = tableSizeFor(capacity);
    this.edges = newEdgeTable(slots);
    this.edgeMask = slots - 1;
    this.rebuildEdges();
  }

  /** Re-inserts every edge, walking each node's children. */
  private rebuildEdges(): void {
    for (let parent = 0; parent < this.size; parent++) {
      for (let child = this.firstChild[parent]; child >= 0; child = this.nextSibling[child]) this.insertEdge(parent, this.label[child], child);
    }
  }
}

/** A power of two at least 1.5 times `nodes` (the table holds one edge per node but the root), so probes stay short. */
function tableSizeFor(nodes: number): number {
  let size = 1024;
  while (size < nodes * 1.5) size *= 2;
  return size;
}

function newEdgeTable(slots: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(slots * 3);
  for (let at = 0; at < table.length; at += 3) table[at] = empty;
  return table;
}

function edgeHash(parent: number, codePoint: number): number {
  let hash = Math.imul(parent, 0x9e3779b1) ^ Math.imul(codePoint, 0x85ebca77);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return (hash ^ (hash >>> 12)) >>> 0;
}
