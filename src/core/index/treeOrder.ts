/**
 * The order of the Corpus view (core/corpus/folderTree.ts): in each folder, sub-folders first,
 * then files, each by name with numbers compared as numbers. Comparing whole paths this way lists
 * files exactly as a depth-first walk of that tree does, so "next file" follows the view.
 */
// Made on the first comparison, not when the module loads: making a collator loads ICU's data,
// about 7 ms, which was a sixth of the extension's activation (that sorts nothing).
let collator: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareTreePaths(a: string, b: string): number {
  if (a === b) return 0;
  let from = 0;
  for (;;) {
    const endA = a.indexOf('/', from);
    const endB = b.indexOf('/', from);
    const partA = endA < 0 ? a.slice(from) : a.slice(from, endA);
    const partB = endB < 0 ? b.slice(from) : b.slice(from, endB);
    // A folder (more path follows) comes before a file at the same level.
    if ((endA < 0) !== (endB < 0)) return endA < 0 ? 1 : -1;
    if (partA !== partB) return compareNames(partA, partB);
    if (endA < 0) return 0;
    from = endA + 1;
  }
}
