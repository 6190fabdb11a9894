import { CST, Lexer } from 'yaml';

/**
 * Where a YAML text nests deeper than `limit`, or undefined; found before any parsing.
 *
 * Why: the yaml library composes nodes recursively, so a few thousand nested `[` or `- - -`
 * exhaust the stack, and on Node 20 a second such parse can abort the whole process (the
 * extension host). The library's lexer, by contrast, is a loop, and it is the very tokenizer the
 * parser will use, so quotes, comments and block scalars are read here exactly as there.
 *
 * The count is an upper bound, never less than the real depth: each open flow bracket counts
 * one, and each block column still open counts two, since a mapping and the sequence that is one
 * of its values can share a column. It runs to about twice the real depth for mappings and four
 * times for chains of `- - -`, which a 64 limit still leaves far above any real project file.
 */
export function deepNestingOffset(text: string, limit: number): number | undefined {
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let lineHasContent = false;
  let scalarNext = false;
  const tooDeep = (): boolean => 2 * columns.length + flow > limit;

  for (const token of new Lexer().lex(text)) {
    // Control markers carry no source text; the scalar marker announces a scalar's source.
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    if (type === 'newline') {
      lineStart = offset;
      lineHasContent = false;
      continue;
    }
    if (type !== 'space' && type !== 'comment') {
      if (!lineHasContent && flow === 0) {
        // The first thing on a line closes the block collections to its right and may open one.
        const column = start - lineStart;
        while (columns.length > 0 && columns[columns.length - 1] > column) columns.pop();
        if (columns.length === 0 || columns[columns.length - 1] < column) {
          columns.push(column);
          if (tooDeep()) return start;
        }
      }
      lineHasContent = true;
      if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && flow === 0) {
        // `- ` and `? ` open a collection whose content sits to their right, on this line.
        columns.push(start - lineStart + 1);
        if (tooDeep()) return start;
      } else if (type === 'flow-seq-start' || type === 'flow-map-start') {
        flow++;
        if (tooDeep()) return start;
      } else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) {
        flow--;
      }
    }
    // Scalars (and a block scalar's body) can span lines.
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      lineStart = start + newline + 1;
      lineHasContent = newline < token.length - 1;
    }
  }
  return undefined;
}
