/**
 * Reads a brat `.ann` file: `T` lines (entities, possibly in fragments), `R` lines (relations),
 * `E` lines (events: the trigger entity becomes the event's annotation and each argument a
 * relation from it, typed with the role and marked `role`), `A`/`M` lines (attributes: binary
 * ones become `true`), `N` lines (normalisations: knowledge-base links, `Wikidata:Q1` read as
 * `wikidata:Q1`) and `#` AnnotatorNotes lines (notes, of entities, events and relations).
 * Equivalence lines (`*`) have no place in a sidecar: they are counted and reported. Fields are
 * separated by tabs; the text field is everything after the second tab.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import type { AttributeValue } from '../sidecar/model';

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
  attributes?: Record<string, AttributeValue>;
  links?: string[];
}

export interface BratRelation {
  /** The brat id (`R1`, or `E1` for an event's arguments). */
  id: string;
  type: string;
  /** brat ids of the entities (an event's id stands for its trigger). */
  from: string;
  to: string;
  role?: true;
  note?: string;
  line: number;
}

export interface BratAnn {
  entities: BratEntity[];
  relations: BratRelation[];
  problems: Problem[];
  /** Lines of kinds News Annotator does not keep (`*` equivalences). */
  skipped: number;
}

const entityLine = /^(T[^\t]*)\t([^\t ]+) ([0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*)\t(.*)$/s;
const noteLine = /^#[^\t]*\t(\S+) ([TRE][^\t ]*)\t(.*)$/s;
const attributeLine = /^[AM][^\t]*\t(\S+) ([TE][^\t ]*)(?: (\S+))?\s*$/;
const relationLine = /^(R[^\t]*)\t(\S+) +(\S+):([TE]\S*) +(\S+):([TE]\S*)\s*(?:\t.*)?$/;
const eventLine = /^(E[^\t]*)\t(\S+):(T\S*)((?: +\S+:[TE]\S*)*)\s*$/;
const normalizationLine = /^(N[^\t]*)\t(\S+) ([TE][^\t ]*) ([^\t :]+):([^\t ]+)(?:\t.*)?$/s;

export function parseBratAnn(content: string, file: string): BratAnn {
  const entities: BratEntity[] = [];
  const relations: BratRelation[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, BratEntity>();
  /** Event id -> its trigger's entity id. */
  const triggers = new Map<string, string>();
  const pending: Array<() => void> = [];
  let skipped = 0;
  const lines = content.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = index + 1;
    if (line.trim() === '') return;
    const report = (code: ProblemCode, message: string, column = 1, severity: Problem['severity'] = 'error') => problems.push(problem(code, message, file, number, column, severity));
    // Notes, attributes, links, relations and events may come before the entities they refer to: resolve them at the end.
    const entityOf = (id: string): BratEntity | undefined => byId.get(triggers.get(id) ?? id);
    const unknown = (id: string) => report('brat-unknown-reference', `${id} is not an entity or event of this file; this line is not imported.`, 1, 'warning');
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
    if (kind === 'E') {
      const match = eventLine.exec(line);
      if (match === null) {
        report('brat-invalid-line', 'Not a brat event line ("E1<TAB>Type:T1 Role:T2 ..."); not imported.');
        return;
      }
      const [, id, , trigger, rest] = match;
      triggers.set(id, trigger);
      const roles = rest.trim() === '' ? [] : rest.trim().split(/ +/).map((pair) => pair.split(':') as [string, string]);
      pending.push(() => {
        const event = byId.get(trigger);
        if (event === undefined) {
          unknown(trigger);
          return;
        }
        for (const [role, argument] of roles) {
          const target = entityOf(argument);
          if (target === undefined) unknown(argument);
          else relations.push({ id, type: role, from: event.id, to: target.id, role: true, line: number });
        }
      });
      return;
    }
    if (kind === 'R') {
      const match = relationLine.exec(line);
      if (match === null) {
        report('brat-invalid-line', 'Not a brat relation line ("R1<TAB>Type Arg1:T1 Arg2:T2"); not imported.');
        return;
      }
      const [, id, type, , from, , to] = match;
      const relation: BratRelation = { id, type, from, to, line: number };
      relations.push(relation);
      pending.push(() => {
        const source = entityOf(from);
        const target = entityOf(to);
        if (source === undefined || target === undefined) {
          unknown(source === undefined ? from : to);
          relations.splice(relations.indexOf(relation), 1);
          return;
        }
        relation.from = source.id;
        relation.to = target.id;
      });
      return;
    }
    if (kind === '#' || kind === 'A' || kind === 'M' || kind === 'N') {
      const match = (kind === '#' ? noteLine : kind === 'N' ? normalizationLine : attributeLine).exec(line);
      if (match === null) {
        report('brat-invalid-line', `Not a brat ${kind === '#' ? 'note' : kind === 'N' ? 'normalization' : 'attribute'} line; not imported.`);
        return;
      }
      pending.push(() => {
        const reference = kind === 'N' ? match[3] : match[2];
        if (kind === '#' && reference.startsWith('R')) {
          const relation = relations.find((item) => item.id === reference);
          if (relation === undefined) {
          unknown(reference);
          return;
        }
          relation.note = relation.note === undefined ? match[3] : `${relation.note}\n${match[3]}`;
          return;
        }
        const target = entityOf(reference);
        if (target === undefined) {
          unknown(reference);
          return;
        }
        if (kind === '#') target.note = target.note === undefined ? match[3] : `${target.note}\n${match[3]}`;
        else if (kind === 'N') target.links = [...(target.links ?? []), `${match[4].toLowerCase()}:${match[5]}`];
        else target.attributes = { ...(target.attributes ?? {}), [match[1]]: match[3] ?? true };
      });
      return;
    }
    if (kind === '*') {
      skipped++;
      return;
    }
    report('brat-invalid-line', 'Not a brat annotation line; not imported.', 1, 'warning');
  });
  for (const attach of pending) attach();
  return { entities, relations, problems, skipped };
}
