/**
 * Reads a brat `.ann` file: `T` lines (entities, possibly in fragments), `#` AnnotatorNotes
 * lines (notes), `A`/`M` lines (attributes: a binary one becomes "true"). Relations, events,
 * equivalences and normalizations have no place in a sidecar: they are counted and reported, not
 * imported. Fields are separated by tabs; the text field is everything after the second tab.
 */
import { problem, type Problem, type ProblemCode } from '../problem';

export interface BratEntity {
  id: string;
  type: string;
  /** Code-point offsets as written, one pair per fragment. */
  fragments: Array<[number, number]>;
  text: string;
  line: number;
  /** Column of the offsets, for problems about them. */
  column: number;
  note?: string;
  attributes?: Record<string, string>;
}

export interface BratAnn {
  entities: BratEntity[];
  problems: Problem[];
  /** Lines of kinds News Annotator does not keep (R, E, N, *). */
  skipped: number;
}

const entityLine = /^(T[^\t]*)\t([^\t ]+) ([0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*)\t(.*)$/s;
const noteLine = /^#[^\t]*\t(\S+) (T[^\t ]*)\t(.*)$/s;
const attributeLine = /^[AM][^\t]*\t(\S+) (T[^\t ]*)(?: (\S+))?\s*$/;

export function parseBratAnn(content: string, file: string): BratAnn {
  const entities: BratEntity[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, BratEntity>();
  const pending: Array<() => void> = [];
  let skipped = 0;
  const lines = content.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = index + 1;
    if (line.trim() === '') return;
    const report = (code: ProblemCode, message: string, column = 1, severity: Problem['severity'] = 'error') => problems.push(problem(code, message, file, number, column, severity));
    const kind = line.charAt(0);
    if (kind === 'T') {
      const match = entityLine.exec(line);
      if (match === null) {
        report('brat-invalid-line', 'Not a brat entity line ("T1<TAB>TYPE start end<TAB>text"); not imported.');
        return;
      }
      const fragments = match[3].split(';').map((pair) => pair.split(' ').map(Number) as [number, number]);
      const entity: BratEntity = { id: match[1], type: match[2], fragments, text: match[4], line: number, column: match[1].length + match[2].length + 3 };
      if (byId.has(entity.id)) report('brat-duplicate-id', `The id ${entity.id} is used twice; this line is not imported.`);
      else {
        byId.set(entity.id, entity);
        entities.push(entity);
      }
      return;
    }
    if (kind === '#' || kind === 'A' || kind === 'M') {
      const match = (kind === '#' ? noteLine : attributeLine).exec(line);
      if (match === null) {
        report('brat-invalid-line', `Not a brat ${kind === '#' ? 'note' : 'attribute'} line; not imported.`);
        return;
      }
      // Notes and attributes may come before the entity they refer to: attach them at the end.
      pending.push(() => {
        const target = byId.get(match[2]);
        if (target === undefined) {
          report('brat-unknown-reference', `${match[2]} is not an entity of this file; this line is not imported.`, 1, 'warning');
        } else if (kind === '#') {
          target.note = target.note === undefined ? match[3] : `${target.note}\n${match[3]}`;
        } else {
          target.attributes = { ...(target.attributes ?? {}), [match[1]]: match[3] ?? 'true' };
        }
      });
      return;
    }
    if ('RENR*'.includes(kind)) {
      skipped++;
      return;
    }
    report('brat-invalid-line', 'Not a brat annotation line; not imported.', 1, 'warning');
  });
  for (const attach of pending) attach();
  return { entities, problems, skipped };
}
