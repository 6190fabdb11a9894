/**
 * The corpus project: which files are corpus text and which entity types annotators pick from.
 * It comes from `news-annotator.yaml` at the corpus root, or from the defaults below when the
 * folder has none, so a folder of .txt articles works without any set-up.
 */

/** File name of the project file; it sits at the corpus root. */
export const projectFileName = 'news-annotator.yaml';

/** Every sidecar ends with this; a sidecar is never corpus text, whatever the globs say. */
export const sidecarSuffix = '.ann.yaml';

/** Colours for light and dark themes, always normalised to lower-case `#rrggbb`. */
export interface ThemeColor {
  light: string;
  dark: string;
}

export interface EntityType {
  /** Matches /^[A-Za-z][A-Za-z0-9_-]*$/: brat and CoNLL labels cannot hold spaces. */
  name: string;
  /** One letter or digit that picks this type in the tag picker. */
  key?: string;
  color: ThemeColor;
  description?: string;
}

/**
 * A relation type annotators may draw between two tags (an event's role is one too). `from` and
 * `to` list the entity types allowed at each end; absent means any type.
 */
export interface RelationType {
  name: string;
  from?: string[];
  to?: string[];
  description?: string;
}

/** An attribute of tags: binary (present or not) when `values` is absent, else one of `values`. */
export interface AttributeDeclaration {
  name: string;
  values?: string[];
  description?: string;
}

export interface ProjectConfig {
  version: 1;
  /** Globs relative to the corpus root, forward slashes. */
  include: string[];
  exclude: string[];
  types: EntityType[];
  /** Declared relation types; absent when the file has no `relations:` (any type is then allowed). */
  relations?: RelationType[];
  /** Declared attributes; absent when the file has no `attributes:` (any attribute is then allowed). */
  attributes?: AttributeDeclaration[];
  /** Knowledge-base prefixes links may use (`wikidata` for `wikidata:Q1365697`); absent allows any. */
  kbPrefixes?: string[];
  /** Corpus-relative path of a TSV of `id<TAB>label` lines the editor looks KB ids up in (no network). */
  kbLookup?: string;
}

export const defaultInclude: readonly string[] = ['**/*.txt'];
export const defaultExclude: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/README*',
  '**/LICENSE*',
];

/**
 * Hues follow the Okabe–Ito colour-blind-safe families, with lightness tuned per theme: every
 * colour has a contrast of at least 4.5:1 against #ffffff (light) or #1e1e1e (dark), and the six
 * stay apart (CIELAB ΔE >= 21) under simulated protanopia, deuteranopia and tritanopia too.
 */
const defaultTypes: readonly EntityType[] = [
  { name: 'PERSON', key: 'p', color: { light: '#004b92', dark: '#6d7eff' }, description: 'People, real or fictional, named in the text.' },
  { name: 'ORG', key: 'o', color: { light: '#8a7000', dark: '#e5e100' }, description: 'Organisations: companies, parties, agencies, teams, institutions.' },
  { name: 'LOCATION', key: 'l', color: { light: '#0f844a', dark: '#3ef693' }, description: 'Places: countries, cities, regions, landmarks, addresses.' },
  { name: 'DATE', key: 'd', color: { light: '#b84c88', dark: '#ff95eb' }, description: 'Dates and times, absolute or relative ("last Tuesday").' },
  { name: 'EVENT', key: 'e', color: { light: '#77370c', dark: '#e06329' }, description: 'Named events: elections, summits, storms, wars, festivals.' },
  { name: 'MISC', key: 'm', color: { light: '#4a4a45', dark: '#8c8a82' }, description: 'Other names: products, works, laws, nationalities.' },
];

/** Colours handed to types the project file gives none, after the six defaults are used. */
const extraColors: readonly ThemeColor[] = [
  { light: '#00777a', dark: '#4fd6d6' },
  { light: '#6b3fa0', dark: '#b99cff' },
  { light: '#a0303a', dark: '#ff8a95' },
  { light: '#5a6b00', dark: '#b5d334' },
];

export function defaultProjectConfig(): ProjectConfig {
  // Fresh copies every call: callers may keep or change what they get without touching others'.
  return {
    version: 1,
    include: [...defaultInclude],
    exclude: [...defaultExclude],
    types: defaultTypes.map((type) => ({ ...type, color: { ...type.color } })),
  };
}

/**
 * A colour for a type that has none: a default type's own colours when the name is one of them
 * (so `person` in a project file still looks like PERSON), else the first palette colour no other
 * type uses yet, else the palette again in turn.
 */
export function fallbackColor(name: string, used: ReadonlySet<string>, index: number): ThemeColor {
  const known = defaultTypes.find((type) => type.name.toLowerCase() === name.toLowerCase());
  if (known) return { ...known.color };
  const palette = [...defaultTypes.map((type) => type.color), ...extraColors];
  const unused = palette.find((color) => !used.has(color.light));
  return { ...(unused ?? palette[index % palette.length]) };
}
