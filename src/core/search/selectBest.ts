/**
 * The `count` items with the smallest keys, in key order, without sorting them all: a bounded
 * max-heap keeps the best so far. Narrowing uses it to pick a few hundred candidates out of tens
 * of thousands at a cost close to one pass.
 */
export function selectBest(items: readonly number[], count: number, key: (item: number) => number): number[] {
  const keys = new Float64Array(items.length);
  for (let at = 0; at < items.length; at++) keys[at] = key(items[at]);
  const order = (a: number, b: number) => keys[a] - keys[b] || a - b;
  if (items.length <= count) return Array.from(items.keys()).sort(order).map((at) => items[at]);
  // heap[0] is the worst of the best `count` so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => order(a, b) > 0;
  for (let at = 0; at < items.length; at++) {
    if (heap.length < count) {
      heap.push(at);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child], heap[parent])) break;
        [heap[child], heap[parent]] = [heap[parent], heap[child]];
        child = parent;
      }
    } else if (worse(heap[0], at)) {
      heap[0] = at;
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let largest = parent;
        if (left < heap.length && worse(heap[left], heap[largest])) largest = left;
        if (right < heap.length && worse(heap[right], heap[largest])) largest = right;
        if (largest === parent) break;
        [heap[parent], heap[largest]] = [heap[largest], heap[parent]];
        parent = largest;
      }
    }
  }
  return heap.sort(order).map((at) => items[at]);
}
