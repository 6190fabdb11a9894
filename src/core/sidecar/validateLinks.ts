/**
 * The checks of issue 14's additions: discontinuous spans (fragments in order, apart, inside the
 * text and holding their text), attributes and knowledge-base links against the project's
 * declarations, and relations (ends that are ids of the file, declared types, allowed entity
 * types at each end). Every problem points at the field of the entry it is about.
 */
import { problem, type Problem, type ProblemCode } from '../problem';
import type { AttributeDeclaration, RelationType } from '../project/projectConfig';
import type { CodePointIndex } from '../text/codePoints';
import { fragmentShapeProblem, joinedText } from './fragments';
import type { Annotation, EntryPosition, Relation, Sidecar, SourcePosition } from './model';
import { canonicalRelationFieldColumn } from './serializeSidecar';

/** What the project file declares; each part left out allows anything. */
export interface AnnotationRules {
  readonly relations?: readonly RelationType[];
  readonly attributes?: readonly AttributeDeclaration[];
  readonly kbPrefixes?: readonly string[];
}

type Reporter = (code: ProblemCode, message: string, field: string, severity?: Problem['severity']) => void;

/** Fragments, attributes and links of one annotation. */
export function checkAnnotationExtras(annotation: Annotation, text: CodePointIndex | undefined, rules: AnnotationRules | undefined, report: Reporter): void {
  if (annotation.fragments !== undefined) {
    const shape = fragmentShapeProblem(annotation);
    if (shape !== undefined) report('fragments-invalid', `${annotation.id}: ${shape}`, 'fragments');
    else if (text !== undefined) {
      if (annotation.end > text.codePointLength) {
        report('fragments-invalid', `${annotation.id}: the last fragment ends at ${annotation.end}, past the end of the text (${text.codePointLength} code points).`, 'fragments');
      } else {
        const actual = joinedText(text, annotation.fragments);
        if (actual !== annotation.text) {
          report('text-mismatch', `The fragments hold ${JSON.stringify(actual)} (their texts joined by one space), not ${JSON.stringify(annotation.text)}.`, 'text');
        }
      }
    }
  }
  const declared = rules?.attributes;
  if (declared !== undefined && annotation.attributes !== undefined) {
    for (const [name, value] of Object.entries(annotation.attributes)) {
      const declaration = declared.find((item) => item.name === name);
      if (declaration === undefined) {
        report('unknown-attribute', `Attribute "${name}" is not one of the project's attributes (${declared.map((item) => item.name).join(', ') || 'none'}).`, 'attributes');
      } else if (declaration.values === undefined && value !== true) {
        report('attribute-value', `Attribute "${name}" is binary: write ${name}: true, or leave it out; found ${JSON.stringify(value)}.`, 'attributes');
      } else if (declaration.values !== undefined && (value === true || !declaration.values.includes(value))) {
        report('attribute-value', `Attribute "${name}" takes one of ${declaration.values.map((item) => JSON.stringify(item)).join(', ')}; found ${JSON.stringify(value)}.`, 'attributes');
      }
    }
  }
  if (annotation.links !== undefined) {
    for (const link of annotation.links) {
      const colon = link.indexOf(':');
      if (colon <= 0 || colon === link.length - 1) {
        report('link-prefix', `Link ${JSON.stringify(link)} is not a knowledge-base id of the form prefix:id (like "wikidata:Q1365697").`, 'links');
      } else if (rules?.kbPrefixes !== undefined && !rules.kbPrefixes.includes(link.slice(0, colon))) {
        report('link-prefix', `Link ${JSON.stringify(link)}: "${link.slice(0, colon)}" is not one of the project's kbPrefixes (${rules.kbPrefixes.join(', ') || 'none'}).`, 'links');
      }
    }
  }
}

/** Relations of the whole file: duplicate ids, dangling ends, undeclared types, disallowed ends. */
export function validateRelations(sidecar: Sidecar, relationPositions: readonly EntryPosition[] | undefined, rules: AnnotationRules | undefined, file: string): Problem[] {
  const relations = sidecar.relations;
  if (relations === undefined || relations.length === 0) return [];
  const problems: Problem[] = [];
  const annotations = new Map<string, Annotation>();
  for (const annotation of sidecar.annotations) if (!annotations.has(annotation.id)) annotations.set(annotation.id, annotation);
  const firstLineOfId = new Map<string, number>();
  relations.forEach((relation, index) => {
    const position = relationPositions?.[index];
    const report: Reporter = (code, message, field, severity = 'error') => {
      const at = relationFieldPosition(relation, position, field);
      problems.push(problem(code, message, file, at.line, at.column, severity));
    };
    const line = position?.line ?? 1;
    const first = firstLineOfId.get(relation.id);
    if (first === undefined) firstLineOfId.set(relation.id, line);
    else report('duplicate-id', `The relation id "${relation.id}" is used twice (first on line ${first}); relation ids must be unique in a file.`, 'id');

    const declared = rules?.relations;
    const declaration = declared?.find((item) => item.name === relation.type);
    if (declared !== undefined && declaration === undefined) {
      report('relation-unknown-type', `"${relation.type}" is not one of the project's relation types (${declared.map((item) => item.name).join(', ') || 'none'}).`, 'type');
    }
    for (const end of ['from', 'to'] as const) {
      const target = annotations.get(relation[end]);
      if (target === undefined) {
        report('relation-dangling', `The relation's ${end} "${relation[end]}" is not the id of an annotation in this file.`, end);
        continue;
      }
      const allowed = declaration?.[end];
      if (allowed !== undefined && !allowed.includes(target.type)) {
        report('relation-argument-type', `"${relation.type}" may go ${end} ${allowed.join(' or ')}, but ${relation[end]} (${JSON.stringify(target.text)}) is ${target.type}.`, end);
      }
    }
  });
  return problems;
}

/** Where a field of a relation entry is written: known from the reader, or from the canonical layout. */
export function relationFieldPosition(relation: Relation, position: EntryPosition | undefined, field: string): SourcePosition {
  if (position === undefined) return { line: 1, column: 1 };
  const known = position.fields?.[field];
  if (known !== undefined) return known;
  if (position.fields === undefined) {
    const column = canonicalRelationFieldColumn(relation, field);
    if (column !== undefined) return { line: position.line, column };
  }
  return position;
}

/** The rules a project file declares, or undefined when it declares none (anything goes). */
export function annotationRulesOf(config: AnnotationRules): AnnotationRules | undefined {
  const { relations, attributes, kbPrefixes } = config;
  if (relations === undefined && attributes === undefined && kbPrefixes === undefined) return undefined;
  return { ...(relations === undefined ? {} : { relations }), ...(attributes === undefined ? {} : { attributes }), ...(kbPrefixes === undefined ? {} : { kbPrefixes }) };
}
