/**
 * brat's configuration files for an exported collection: `annotation.conf` (entity types,
 * attributes, and permission for entities to overlap, which News Annotator allows),
 * `visual.conf` (each type's colour) and `kb_shortcuts.conf` (each type's key).
 */
import type { EntityType } from '../project';

/** Values seen per attribute name; an attribute whose only value is "true" is binary in brat. */
export type AttributeValues = Map<string, Set<string>>;

/** The first line of our `annotation.conf`: how a later export knows the folder is an earlier one. */
export const annotationConfMarker = "# News Annotator export: the project's entity types.";

/** Relation types of the collection, and per event type the roles its events use. */
export interface RelationConf {
  relations: ReadonlySet<string>;
  events: ReadonlyMap<string, ReadonlySet<string>>;
}

export function annotationConf(types: readonly EntityType[], attributes: AttributeValues, relations: RelationConf = { relations: new Set(), events: new Map() }): string {
  const lines = [annotationConfMarker, '[entities]'];
  // brat takes a type as an entity or an event, not both.
  for (const type of types) if (!relations.events.has(type.name)) lines.push(type.name);
  lines.push('', '[relations]', '# Entities may overlap and nest, as in News Annotator.', '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>');
  for (const name of [...relations.relations].sort()) lines.push(`${name} Arg1:<ANY>, Arg2:<ANY>`);
  lines.push('', '[events]');
  for (const [name, roles] of [...relations.events].sort(([left], [right]) => (left < right ? -1 : 1))) {
    // brat numbers a repeated role (Participant2); the configuration names the role once, any number of times.
    const bare = [...new Set([...roles].map((role) => role.replace(/[0-9]+$/, '')))].sort();
    lines.push(`${name}\t${bare.map((role) => `${role}*:<ANY>`).join(', ')}`.trimEnd());
  }
  lines.push('', '[attributes]');
  for (const [name, values] of [...attributes].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))) {
    lines.push(isBinary(values) ? `${name} Arg:<ENTITY>` : `${name} Arg:<ENTITY>, Value:${[...values].sort().join('|')}`);
  }
  return lines.join('\n') + '\n';
}

export function isBinary(values: ReadonlySet<string>): boolean {
  return values.size === 1 && values.has('true');
}

export function visualConf(types: readonly EntityType[]): string {
  const lines = ['[labels]', ...types.map((type) => `${type.name} | ${type.name}`), '', '[drawing]'];
  // brat draws on white, so the light-theme colour is the readable one.
  for (const type of types) if (type.color.light !== '') lines.push(`${type.name}\tbgColor:${type.color.light}`);
  return lines.join('\n') + '\n';
}

export function shortcutsConf(types: readonly EntityType[]): string {
  return types.flatMap((type) => (type.key === undefined ? [] : [`${type.key.toUpperCase()} ${type.name}`])).map((line) => line + '\n').join('');
}
