// Writes news-annotator-sidecar.tmLanguage.json beside this file. The grammar's regexes are
// written here with String.raw, where they can be read; JSON would double every backslash.
//   node syntaxes/buildSidecarGrammar.mjs          rewrite the grammar
//   node syntaxes/buildSidecarGrammar.mjs --check  exit 1 if the committed grammar is stale
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const r = String.raw;

const keyStart = r`(?:^|(?<=[\s{,\[]))`;
const afterColon = r`[ \t]*(:)(?=[ \t]|$)`;
const terminator = r`(?=[ \t]*(?:$|[,}\]])|[ \t]+#)`;
const valueStart = r`(?:^|(?<=[\s{,\[:]))`;
const plainStart = r`(?:[^\s\[\]{},#'"&*!|>%@\x60:?-]|[-?:](?=[^\s\[\]{},]))`;
const plain = {
  // Inside brackets a plain scalar stops at , [ ] { }; in block style it runs to the line's end.
  flow: r`${plainStart}(?:[^,\[\]{}#:]|:(?=[^\s,\[\]{}])|(?<=\S)#)*?(?=[ \t]*(?:$|[,\[\]{}]|:(?:[ \t]|$))|[ \t]+#)`,
  block: r`${plainStart}(?:[^#:]|:(?=\S)|(?<=\S)#)*?(?=[ \t]*(?:$|:(?:[ \t]|$))|[ \t]+#)`,
};
const pairEnd = {
  // Every pair also ends at a line starting at column 0: no valid value continues there, and
  // stopping lets a conflict marker or the next key show even after a broken line.
  flow: r`(?=[ \t]*(?:[,}\]]|$))|(?=[ \t]+#)|^(?=\S)`,
  block: r`(?=[ \t]+#)|$|^(?=\S)`,
};

const quoted = (quote, name, contentName, escapes) => ({
  name,
  begin: quote,
  beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
  // A line starting at column 0 cannot continue a quoted scalar inside a block collection, so an
  // unclosed quote stops there instead of swallowing the rest of the file.
  end: quote === '"' ? r`(")|^(?=\S)` : r`('(?!'))|^(?=\S)`,
  endCaptures: { 1: { name: 'punctuation.definition.string.end.yaml' } },
  ...(contentName ? { contentName } : {}),
  patterns: [{ include: escapes }],
});

const quotedToken = (name) => [
  {
    match: r`(")((?:[^"\\]|\\.)*)(")`,
    name,
    captures: {
      1: { name: 'punctuation.definition.string.begin.news-annotator' },
      3: { name: 'punctuation.definition.string.end.news-annotator' },
    },
  },
  {
    match: r`(')((?:[^']|'')*)(')`,
    name,
    captures: {
      1: { name: 'punctuation.definition.string.begin.news-annotator' },
      3: { name: 'punctuation.definition.string.end.news-annotator' },
    },
  },
];

/** The value patterns special to each known key; `style` is 'flow' or 'block'. */
const special = (style) => ({
  type: {
    keys: 'type',
    patterns: [
      ...quotedToken('entity.name.type.entity-type.news-annotator'),
      { match: r`${valueStart}[A-Za-z][\w-]*${terminator}`, name: 'entity.name.type.entity-type.news-annotator' },
    ],
  },
  offset: {
    keys: 'start|end',
    patterns: [{ match: r`${valueStart}[0-9]+${terminator}`, name: 'constant.numeric.integer.offset.news-annotator' }],
  },
  text: {
    keys: 'text',
    patterns: [
      quoted('"', 'string.quoted.double.annotation-text.news-annotator', 'markup.bold.annotation-text.news-annotator', '#double-escape'),
      quoted("'", 'string.quoted.single.annotation-text.news-annotator', 'markup.bold.annotation-text.news-annotator', '#single-escape'),
      { match: plain[style], name: 'string.unquoted.plain.annotation-text.news-annotator markup.bold.annotation-text.news-annotator' },
    ],
  },
  context: {
    keys: 'prefix|suffix',
    patterns: [
      quoted('"', 'string.quoted.double.context.news-annotator', 'comment.block.context.news-annotator', '#double-escape'),
      quoted("'", 'string.quoted.single.context.news-annotator', 'comment.block.context.news-annotator', '#single-escape'),
      { match: plain[style], name: 'string.unquoted.plain.context.news-annotator comment.block.context.news-annotator' },
    ],
  },
  id: {
    keys: 'id|from|to',
    patterns: [
      ...quotedToken('constant.other.id.news-annotator'),
      { match: r`${valueStart}[\w-]+${terminator}`, name: 'constant.other.id.news-annotator' },
    ],
  },
});

const otherKey = r`(?:([^\s{}\[\],:#'"!&*|>%@\x60-][^{}\[\],:#]*?|-[^\s{}\[\],:#][^{}\[\],:#]*?)|(")((?:[^"\\]|\\.)*)(")|(')((?:[^']|'')*)('))`;

function pairs(style) {
  const rules = {};
  for (const [name, { keys, patterns }] of Object.entries(special(style))) {
    rules[`${style}-pair-${name}`] = {
      name: `meta.pair.${name}.news-annotator`,
      begin: `${keyStart}(${keys})${afterColon}`,
      beginCaptures: {
        1: { name: 'entity.name.tag.yaml' },
        2: { name: 'punctuation.separator.key-value.mapping.yaml' },
      },
      end: pairEnd[style],
      patterns: [...patterns, { include: `#${style}-value` }],
    };
  }
  rules[`${style}-pair-other`] = {
    name: 'meta.pair.news-annotator',
    begin: `${keyStart}${otherKey}${afterColon}`,
    beginCaptures: {
      1: { name: 'entity.name.tag.yaml' },
      2: { name: 'punctuation.definition.string.begin.yaml' },
      3: { name: 'entity.name.tag.yaml' },
      4: { name: 'punctuation.definition.string.end.yaml' },
      5: { name: 'punctuation.definition.string.begin.yaml' },
      6: { name: 'entity.name.tag.yaml' },
      7: { name: 'punctuation.definition.string.end.yaml' },
      8: { name: 'punctuation.separator.key-value.mapping.yaml' },
    },
    end: pairEnd[style],
    patterns: [{ include: `#${style}-value` }],
  };
  rules[`${style}-pairs`] = { patterns: Object.keys(rules).map((key) => ({ include: `#${key}` })) };
  rules[`${style}-value`] = {
    patterns: [
      { include: '#flow-mapping' },
      { include: '#flow-sequence' },
      { include: '#double-quoted' },
      { include: '#single-quoted' },
      { include: '#node-properties' },
      { include: '#boolean' },
      { include: '#null' },
      { include: '#number' },
      { match: plain[style], name: 'string.unquoted.plain.yaml' },
    ],
  };
  return rules;
}

const flowCollection = (kind, open, close) => ({
  name: `meta.flow-${kind}.yaml`,
  begin: open,
  beginCaptures: { 0: { name: `punctuation.definition.${kind}.begin.yaml` } },
  // An unclosed collection stops at the next line that starts at column 0 (unless a closing
  // bracket stands there), so one broken annotation line does not discolour the rest.
  end: r`(${close})|^(?=[^\s}\]])`,
  endCaptures: { 1: { name: `punctuation.definition.${kind}.end.yaml` } },
  patterns: [
    { include: '#conflict-marker' },
    { include: '#comment' },
    { include: '#flow-pairs' },
    { match: ',', name: `punctuation.separator.${kind}.yaml` },
    { include: '#flow-value' },
  ],
});

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Annotator Sidecar',
  scopeName: 'source.yaml.news-annotator',
  comment: 'Sidecar files (*.ann.yaml) of News Annotator: one flow mapping per annotation, with a basic YAML fallback for hand-edited block style. Self-contained: it does not include source.yaml. Generated rules come in a flow-* and a block-* variant, which differ in where a plain scalar ends.',
  patterns: [
    { include: '#conflict-marker' },
    { include: '#comment' },
    { include: '#document-marker' },
    { include: '#block-scalar' },
    { include: '#top-level-key' },
    { include: '#sequence-item' },
    { include: '#block-pairs' },
    { include: '#block-value' },
  ],
  repository: {
    'conflict-marker': {
      name: 'invalid.illegal.conflict-marker.news-annotator',
      match: r`^(?:<{7}|>{7}|\|{7})(?:[ \t].*)?$|^={7}[ \t]*$`,
    },
    comment: {
      name: 'comment.line.number-sign.yaml',
      match: r`(?:^|(?<=[ \t]))(#).*$`,
      captures: { 1: { name: 'punctuation.definition.comment.yaml' } },
    },
    'document-marker': {
      match: r`^(?:(---)|(\.\.\.))(?=[ \t]|$)`,
      captures: {
        1: { name: 'entity.other.document.begin.yaml' },
        2: { name: 'entity.other.document.end.yaml' },
      },
    },
    'block-scalar': {
      comment: 'key: | or - > with its indented body; the body ends at the first line indented no deeper than the line that opened it.',
      begin: r`^([ ]*)(?:(-)[ ]+)?(?:([^\s#:{}\[\],'"|>][^#:]*?)[ \t]*(:)[ \t]+)?(?<=[ \t])([|>])([1-9][+-]?|[+-][1-9]?)?(?:[ \t]+(#.*))?[ \t]*$`,
      beginCaptures: {
        2: { name: 'punctuation.definition.block.sequence.item.yaml' },
        3: { name: 'entity.name.tag.yaml' },
        4: { name: 'punctuation.separator.key-value.mapping.yaml' },
        5: { name: 'keyword.control.flow.block-scalar.yaml' },
        6: { name: 'storage.modifier.chomping-indicator.yaml' },
        7: { name: 'comment.line.number-sign.yaml' },
      },
      end: r`^(?!\1[ ]+\S|[ \t]*$)`,
      contentName: 'string.unquoted.block.yaml',
    },
    'top-level-key': {
      match: r`^([A-Za-z_][\w.-]*)${afterColon}`,
      captures: {
        1: { name: 'entity.name.tag.top-level.news-annotator' },
        2: { name: 'punctuation.separator.key-value.mapping.yaml' },
      },
    },
    'sequence-item': {
      match: r`(?:^|(?<=[ \t]))(-)(?=[ \t]|$)`,
      captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' } },
    },
    ...pairs('block'),
    ...pairs('flow'),
    'flow-mapping': flowCollection('mapping', r`\{`, r`\}`),
    'flow-sequence': flowCollection('sequence', r`\[`, r`\]`),
    'double-quoted': quoted('"', 'string.quoted.double.yaml', undefined, '#double-escape'),
    'single-quoted': quoted("'", 'string.quoted.single.yaml', undefined, '#single-escape'),
    'double-escape': {
      patterns: [
        { match: r`\\(?:[0abtnvfre "/\\N_LP\t]|x\h{2}|u\h{4}|U\h{8})`, name: 'constant.character.escape.yaml' },
        { match: r`\\.`, name: 'invalid.illegal.escape.yaml' },
      ],
    },
    'single-escape': {
      patterns: [{ match: "''", name: 'constant.character.escape.single-quoted.yaml' }],
    },
    'node-properties': {
      patterns: [
        {
          match: r`(&)([^\s\[\]{},]+)`,
          captures: { 1: { name: 'punctuation.definition.anchor.yaml' }, 2: { name: 'variable.other.anchor.yaml' } },
        },
        {
          match: r`(\*)([^\s\[\]{},]+)`,
          captures: { 1: { name: 'punctuation.definition.alias.yaml' }, 2: { name: 'variable.other.alias.yaml' } },
        },
        { match: r`!(?:![\w-]*|[\w-]*!?[\w%./:-]*)?(?=[ \t]|$)`, name: 'storage.type.tag-handle.yaml' },
      ],
    },
    boolean: {
      match: r`${valueStart}(?:true|false|True|False|TRUE|FALSE)${terminator}`,
      name: 'constant.language.boolean.yaml',
    },
    null: {
      match: r`${valueStart}(?:null|Null|NULL|~)${terminator}`,
      name: 'constant.language.null.yaml',
    },
    number: {
      patterns: [
        { match: r`${valueStart}[-+]?[0-9]+${terminator}`, name: 'constant.numeric.integer.yaml' },
        {
          match: r`${valueStart}(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))${terminator}`,
          name: 'constant.numeric.float.yaml',
        },
      ],
    },
  },
};

const target = path.join(import.meta.dirname, 'news-annotator-sidecar.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is stale: run node syntaxes/buildSidecarGrammar.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
