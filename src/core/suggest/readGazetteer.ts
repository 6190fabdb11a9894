/**
 * Reads a gazetteer: a TSV or CSV file of `name, type[, knowledge-base id]` rows. TSV is tab
 * separated with no quoting (names never hold tabs); CSV follows RFC 4180 (quoted fields may hold
 * commas, doubled quotes and line breaks). A first row naming the columns (`name`, `type`) is
 * skipped. Bad rows are problems with line and column, never exceptions, and do not stop the rest.
 */
import { type Problem, problem } from '../problem';
import type { GazetteerEntry } from './gazetteerEntry';

export type GazetteerFormat = 'tsv' | 'csv';

export interface Gazetteer {
  readonly entries: GazetteerEntry[];
  readonly problems: Problem[];
}

interface Row {
  readonly cells: string[];
  /** 1-based line and column where each cell starts. */
  readonly line: number;
  readonly columns: number[];
}

/** TSV when the name ends in .tsv or the first line holds a tab; CSV otherwise. */
export function gazetteerFormat(path: string, text: string): GazetteerFormat {
  if (/\.tsv$/i.test(path)) return 'tsv';
  if (/\.csv$/i.test(path)) return 'csv';
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

function tsvRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const cells = line.split('\t');
    const columns: number[] = [];
    let column = 1;
    for (const cell of cells) {
      columns.push(column);
      column += [...cell].length + 1;
    }
    rows.push({ cells, line: index + 1, columns });
  });
  return rows;
}

function csvRows(text: string, source: string, problems: Problem[]): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let columns: number[] = [];
  let cell = '';
  let line = 1;
  let column = 1;
  let rowLine = 1;
  let cellColumn = 1;
  let quoted = false;
  let quoteLine = 1;
  let quoteColumn = 1;
  const endCell = (): void => {
    cells.push(cell);
    columns.push(cellColumn);
    cell = '';
  };
  const endRow = (): void => {
    endCell();
    rows.push({ cells, line: rowLine, columns });
    cells = [];
    columns = [];
  };
  const characters = [...text];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index];
    if (quoted) {
      if (character === '"' && characters[index + 1] === '"') {
        cell += '"';
        index++;
        column += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else cell += character;
      if (character === '\n' || (character === '\r' && characters[index + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (character === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      quoteColumn = column;
      column++;
    } else if (character === ',') {
      endCell();
      column++;
      cellColumn = column;
    } else if (character === '\r' || character === '\n') {
      if (character === '\r' && characters[index + 1] === '\n') index++;
      endRow();
      line++;
      column = 1;
      rowLine = line;
      cellColumn = 1;
    } else {
      cell += character;
      column++;
    }
  }
  if (quoted) problems.push(problem('gazetteer-syntax', `A quoted field that starts here never ends; the rest of ${source} was not read.`, source, quoteLine, quoteColumn));
  else endRow();
  return rows;
}

function isHeader(row: Row): boolean {
  return row.cells.length >= 2 && row.cells[0].trim().toLowerCase() === 'name' && row.cells[1].trim().toLowerCase() === 'type';
}

export function readGazetteer(text: string, source: string, format = gazetteerFormat(source, text)): Gazetteer {
  const problems: Problem[] = [];
  const rows = format === 'tsv' ? tsvRows(text.replace(/^\uFEFF/, '')) : csvRows(text.replace(/^\uFEFF/, ''), source, problems);
  const entries: GazetteerEntry[] = [];
  rows.forEach((row, index) => {
    if (row.cells.every((cell) => cell.trim() === '')) return;
    if (index === 0 && isHeader(row)) return;
    const name = row.cells[0].trim();
    const type = (row.cells[1] ?? '').trim();
    const kbId = (row.cells[2] ?? '').trim();
    if (name === '') {
      problems.push(problem('gazetteer-row', 'This row has no name in its first column; it was skipped.', source, row.line, row.columns[0], 'warning'));
      return;
    }
    if (type === '') {
      const column = row.columns[1] ?? row.columns[0] + [...row.cells[0]].length;
      problems.push(problem('gazetteer-row', `"${name}" has no entity type in the second column; it was skipped.`, source, row.line, column, 'warning'));
      return;
    }
    entries.push({ name, type, ...(kbId ? { kbId } : {}), source, line: row.line });
  });
  return { entries, problems };
}
