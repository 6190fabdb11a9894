/**
 * Runs `work` over every item with at most `limit` calls in flight, keeping the results in the
 * items' order. Reading 10,000 small files one at a time takes about four times as long as with
 * a few dozen reads in flight; more than that gains little and holds more file handles open.
 */
export async function mapConcurrent<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item, index: number) => Promise<Result>,
  onDone?: (done: number, total: number) => void,
): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
      done++;
      onDone?.(done, items.length);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
