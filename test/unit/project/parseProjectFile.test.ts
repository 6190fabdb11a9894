import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../../src/core/problem';
import { defaultProjectConfig, parseProjectFile, type ParsedProject } from '../../../src/core/project';

const fixtures = path.join(__dirname, '..', '..', '..', '..', 'test', 'unit', 'fixtures', 'project');
const parse = (...lines: string[]): ParsedProject => parseProjectFile(lines.join('\n'), 'news-annotator.yaml');

/** The one problem with `code`, as `line:column severity`, failing when there is not exactly one. */
function where(result: ParsedProject, code: string): string {
  const found = result.problems.filter((item) => item.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(result.problems, null, 1)}`);
  return `${found[0].line}:${found[0].column} ${found[0].severity}`;
}
const codes = (problems: Problem[]): string[] => problems.map((item) => item.code);

describe('parseProjectFile', () => {
  describe('valid files', () => {
    it('reads the documented example with no problems', () => {
      const content = readFileSync(path.join(fixtures, 'news-annotator.yaml'), 'utf8');
      const { config, problems } = parseProjectFile(content, 'news-annotator.yaml');
      assert.deepEqual(problems, []);
      assert.deepEqual(config.include, ['**/*.txt']);
      assert.deepEqual(config.exclude, ['drafts/**', '**/README*']);
      assert.deepEqual(config.types.map((type) => type.name), ['PERSON', 'ORG', 'LOCATION', 'POLITICAL_PARTY']);
      assert.deepEqual(config.types[0], { name: 'PERSON', key: 'p', color: { light: '#1f77b4', dark: '#7fb8e6' }, description: 'People, real or fictional.' });
      // One colour string serves both themes; a number key is a digit key.
      assert.deepEqual(config.types[2].color, { light: '#0f844a', dark: '#0f844a' });
      assert.equal(config.types[3].key, '1');
      // A type with no colour gets a palette colour no other type uses.
      const lights = config.types.map((type) => type.color.light);
      assert.equal(new Set(lights).size, lights.length);
      assert.match(config.types[3].color.dark, /^#[0-9a-f]{6}$/);
    });

    it('reads the example in docs/project-file.md with no problems', () => {
      const doc = readFileSync(path.join(fixtures, '..', '..', '..', '..', 'docs', 'project-file.md'), 'utf8');
      const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
      assert.ok(example, 'no yaml example in the doc');
      const { config, problems } = parseProjectFile(example, 'news-annotator.yaml');
      assert.deepEqual(problems, []);
      assert.deepEqual(
        config.types.map((type) => [type.name, type.key]),
        [['PERSON', 'p'], ['POLITICAL_PARTY', '1'], ['Meeting', undefined]],
      );
      assert.equal(config.types[1].color.dark, '#6b3fa0');
      assert.deepEqual(config.relations, [
        { name: 'member_of', from: ['PERSON'], to: ['POLITICAL_PARTY'] },
        { name: 'Participant', from: ['Meeting'], to: ['PERSON', 'POLITICAL_PARTY'] },
      ]);
      assert.deepEqual(config.attributes, [{ name: 'Negated' }, { name: 'Certainty', values: ['high', 'low'] }]);
      assert.deepEqual(config.kbPrefixes, ['wikidata', 'geonames']);
      assert.equal(config.kbLookup, 'kb/wikidata.tsv');
    });

    it('reports broken relations, attributes and KB settings at their lines, keeping the rest', () => {
      const result = parse(
        'version: 1',
        'types: [PERSON]',
        'relations:',
        '  - {name: meets, from: [PERSON], to: [PLACE]}',
        '  - {name: "has space"}',
        '  - meets',
        'attributes:',
        '  - {name: Certainty, values: [high, "very low"]}',
        '  - {name: Negated, colour: red}',
        'kbPrefixes: [wikidata, "9bad"]',
        'kbLookup: ../outside.tsv',
      );
      assert.deepEqual(
        result.problems.map((item) => `${item.line}:${item.column} ${item.code} ${item.severity}`),
        [
          '4:39 project-relations warning',
          '5:12 project-relations error',
          '6:5 project-relations error',
          '8:31 project-attributes error',
          '9:21 project-unknown-key warning',
          '10:13 project-kb error',
          '11:11 project-kb error',
        ],
      );
      assert.deepEqual(result.config.relations, [{ name: 'meets', from: ['PERSON'], to: ['PLACE'] }]);
      assert.deepEqual(result.config.attributes, [{ name: 'Certainty', values: ['high'] }, { name: 'Negated' }]);
      assert.deepEqual(result.config.kbPrefixes, ['wikidata']);
      assert.equal(result.config.kbLookup, undefined);
    });

    it('keeps the defaults for sections the file leaves out', () => {
      const { config, problems } = parse('version: 1');
      assert.deepEqual(problems, []);
      assert.deepEqual(config, defaultProjectConfig());
    });

    it('gives a type named like a default type that type\'s colours', () => {
      const { config } = parse('version: 1', 'types: [person, {name: Brand}]');
      assert.deepEqual(config.types[0].color, defaultProjectConfig().types[0].color);
      assert.notDeepEqual(config.types[1].color, config.types[0].color);
    });

    it('normalises #rgb colours to lower-case #rrggbb', () => {
      const { config, problems } = parse('version: 1', 'types:', '  - {name: A, color: {light: "#ABC", dark: "#00FF7f"}}');
      assert.deepEqual(problems, []);
      assert.deepEqual(config.types[0].color, { light: '#aabbcc', dark: '#00ff7f' });
    });

    it('takes a single pattern without brackets as a list of one', () => {
      const { config, problems } = parse('version: 1', 'corpus:', '  include: "articles/**/*.txt"');
      assert.deepEqual(problems, []);
      assert.deepEqual(config.include, ['articles/**/*.txt']);
    });
  });

  describe('whole-file problems', () => {
    it('warns about an empty file and uses the defaults', () => {
      for (const content of ['', '# only a comment\n', '\n\n']) {
        const result = parseProjectFile(content, 'p.yaml');
        assert.equal(where(result, 'project-empty'), '1:1 warning');
        assert.deepEqual(result.config, defaultProjectConfig());
      }
    });

    it('rejects a file that is not a mapping', () => {
      const result = parse('# header', '- PERSON');
      assert.equal(where(result, 'project-not-a-map'), '2:1 error');
      assert.deepEqual(result.config, defaultProjectConfig());
    });

    it('names the file it was given in every problem', () => {
      const { problems } = parseProjectFile('version: 3', 'corpus/news-annotator.yaml');
      assert.equal(problems[0].file, 'corpus/news-annotator.yaml');
    });

    it('reports YAML syntax errors where they are and still reads the rest', () => {
      const result = parse('version: 1', 'types:', '  - {name: PERSON, key: p', '  - name: ORG');
      assert.ok(codes(result.problems).includes('yaml-syntax'), JSON.stringify(result.problems));
      const first = result.problems.find((item) => item.code === 'yaml-syntax')!;
      assert.ok(first.line >= 3, `syntax error at line ${first.line}`);
      assert.ok(result.config.types.length > 0);
    });
  });

  describe('version', () => {
    it('warns when it is missing', () => {
      const result = parse('types: [PERSON]');
      assert.equal(where(result, 'project-version-missing'), '1:1 warning');
      assert.deepEqual(result.config.types.map((type) => type.name), ['PERSON']);
    });

    it('must be the number 1', () => {
      assert.equal(where(parse('version: 2'), 'project-version'), '1:10 error');
      assert.equal(where(parse('# v', 'version: "1"'), 'project-version'), '2:10 error');
      // An empty value is reported where it would start.
      assert.equal(where(parse('version:', 'types: [A]'), 'project-version'), '1:9 error');
      assert.deepEqual(parse('version: 1.0').problems, []);
    });
  });

  describe('keys', () => {
    it('warns about unknown keys, with a hint for the usual slips', () => {
      const result = parse('version: 1', 'include: ["**/*.txt"]');
      assert.equal(where(result, 'project-unknown-key'), '2:1 warning');
      assert.match(result.problems[0].message, /corpus\.include/);
      const typo = parse('version: 1', 'types:', '  - name: A', '    colour: "#123456"');
      assert.equal(where(typo, 'project-unknown-key'), '4:5 warning');
      assert.match(typo.problems[0].message, /Did you mean "color"/);
    });

    it('reports a duplicate key at the second one and uses the first', () => {
      const result = parse('version: 1', 'types: [A]', 'corpus: {}', 'types: [B]');
      assert.equal(where(result, 'project-duplicate-key'), '4:1 error');
      assert.deepEqual(result.config.types.map((type) => type.name), ['A']);
    });

    it('refuses aliases without following them', () => {
      const result = parse('version: 1', 'corpus:', '  include: &globs ["**/*.txt"]', '  exclude: *globs');
      assert.equal(where(result, 'project-alias'), '4:12 error');
      assert.deepEqual(result.config.exclude, defaultProjectConfig().exclude);
    });
  });

  describe('corpus globs', () => {
    it('must be a mapping', () => {
      const result = parse('version: 1', 'corpus: "**/*.txt"');
      assert.equal(where(result, 'project-corpus'), '2:9 error');
      assert.deepEqual(result.config.include, ['**/*.txt']);
    });

    it('falls back to the default list when a list is not a list', () => {
      const result = parse('version: 1', 'corpus:', '  include: {a: 1}');
      assert.equal(where(result, 'project-glob'), '3:12 error');
      assert.deepEqual(result.config.include, ['**/*.txt']);
    });

    it('drops patterns that are not text, and falls back when none is left', () => {
      const some = parse('version: 1', 'corpus:', '  include: ["a/*.txt", 7, ""]');
      assert.deepEqual(some.problems.map((item) => `${item.line}:${item.column}`), ['3:24', '3:27']);
      assert.deepEqual(some.config.include, ['a/*.txt']);
      const none = parse('version: 1', 'corpus:', '  include: [7]');
      assert.equal(where(none, 'project-glob'), '3:13 error');
      assert.deepEqual(none.config.include, ['**/*.txt']);
    });

    it('keeps an explicitly empty include list, with a warning', () => {
      const result = parse('version: 1', 'corpus:', '  include: []');
      assert.equal(where(result, 'project-glob'), '3:12 warning');
      assert.deepEqual(result.config.include, []);
    });

    it('moves a negated include pattern to exclude and refuses a negated exclude', () => {
      const result = parse('version: 1', 'corpus:', '  include: ["**/*.txt", "!drafts/**"]', '  exclude: ["!keep/**"]');
      assert.deepEqual(result.problems.map((item) => `${item.line}:${item.column} ${item.severity}`), ['3:25 warning', '4:13 error']);
      assert.deepEqual(result.config.include, ['**/*.txt']);
      // The only exclude pattern was refused, so the default excludes stand, plus the moved one.
      assert.deepEqual(result.config.exclude, [...defaultProjectConfig().exclude, 'drafts/**']);
    });

    it('drops "..", strips a leading "/" and warns about backslashes', () => {
      const result = parse('version: 1', 'corpus:', '  include:', '    - ../other/*.txt', '    - /news/*.txt', '    - news\\*.txt');
      assert.deepEqual(result.problems.map((item) => `${item.line}:${item.column} ${item.severity}`), ['4:7 error', '5:7 warning', '6:7 warning']);
      assert.deepEqual(result.config.include, ['news/*.txt', 'news\\*.txt']);
    });

    it('ignores overlong patterns', () => {
      const result = parse('version: 1', 'corpus:', `  include: ["${'a'.repeat(2000)}", "b/*.txt"]`);
      assert.equal(where(result, 'project-glob'), '3:13 error');
      assert.deepEqual(result.config.include, ['b/*.txt']);
    });
  });

  describe('entity types', () => {
    it('must be a non-empty list', () => {
      assert.equal(where(parse('version: 1', 'types: PERSON'), 'project-types'), '2:8 error');
      const empty = parse('version: 1', 'types: []');
      assert.equal(where(empty, 'project-types'), '2:8 error');
      assert.deepEqual(empty.config.types, defaultProjectConfig().types);
    });

    it('drops an entry that is not a mapping or a name', () => {
      const result = parse('version: 1', 'types:', '  - 42', '  - name: B');
      assert.equal(where(result, 'project-type'), '3:5 error');
      assert.deepEqual(result.config.types.map((type) => type.name), ['B']);
    });

    it('needs a name, made of letters, digits, "_" and "-" only', () => {
      assert.equal(where(parse('version: 1', 'types:', '  - key: p'), 'project-type-name'), '3:5 error');
      assert.equal(where(parse('version: 1', 'types:', '  - name: NEWS OUTLET'), 'project-type-name'), '3:11 error');
      assert.equal(where(parse('version: 1', 'types:', '  - name: 12'), 'project-type-name'), '3:11 error');
      assert.equal(where(parse('version: 1', 'types:', '  - name: _X'), 'project-type-name'), '3:11 error');
      assert.equal(where(parse('version: 1', 'types: ["A B", C]'), 'project-type-name'), '2:9 error');
    });

    it('falls back to the default types when no entry is usable', () => {
      const result = parse('version: 1', 'types: ["A B"]');
      assert.deepEqual(result.config.types, defaultProjectConfig().types);
    });

    it('reports a repeated name (ignoring case) and keeps the first', () => {
      const result = parse('version: 1', 'types:', '  - {name: PERSON, key: p}', '  - {name: Person, key: q}');
      assert.equal(where(result, 'project-duplicate-type'), '4:12 error');
      assert.deepEqual(result.config.types.map((type) => [type.name, type.key]), [['PERSON', 'p']]);
    });

    it('needs a key of one letter or digit', () => {
      const result = parse('version: 1', 'types:', '  - {name: A, key: pp}', '  - {name: B, key: 7}', '  - {name: C, key: " "}');
      assert.deepEqual(result.problems.map((item) => `${item.code} ${item.line}:${item.column}`), ['project-type-key 3:20', 'project-type-key 5:20']);
      assert.deepEqual(result.config.types.map((type) => type.key), [undefined, '7', undefined]);
    });

    it('reports a key taken by another type (ignoring case) and leaves it unset', () => {
      const result = parse('version: 1', 'types:', '  - {name: A, key: p}', '  - {name: B, key: P}');
      assert.equal(where(result, 'project-duplicate-type-key'), '4:20 error');
      assert.deepEqual(result.config.types.map((type) => type.key), ['p', undefined]);
    });

    it('needs colours as #rgb or #rrggbb and falls back per theme', () => {
      const result = parse('version: 1', 'types:', '  - name: A', '    color: {light: "#12345", dark: "#123456"}');
      assert.equal(where(result, 'project-color'), '4:20 error');
      assert.equal(result.config.types[0].color.dark, '#123456');
      assert.match(result.config.types[0].color.light, /^#[0-9a-f]{6}$/);
      assert.notEqual(result.config.types[0].color.light, '#12345');
    });

    it('explains an unquoted colour, which YAML reads as a comment', () => {
      const single = parse('version: 1', 'types:', '  - name: A', '    color: #1f77b4');
      assert.equal(where(single, 'project-color'), '4:12 error');
      assert.match(single.problems[0].message, /quotes/);
      const nested = parse('version: 1', 'types:', '  - name: A', '    color:', '      light: #1f77b4', '      dark: "#7fb8e6"');
      assert.equal(where(nested, 'project-color'), '5:14 error');
      assert.match(nested.problems[0].message, /quotes/);
    });

    it('warns when a colour mapping lacks a theme', () => {
      const result = parse('version: 1', 'types:', '  - name: A', '    color: {light: "#123456"}');
      assert.equal(where(result, 'project-color'), '4:12 warning');
      assert.equal(result.config.types[0].color.light, '#123456');
      assert.match(result.config.types[0].color.dark, /^#[0-9a-f]{6}$/);
    });

    it('rejects a colour that is neither a string nor a mapping', () => {
      assert.equal(where(parse('version: 1', 'types:', '  - {name: A, color: [1, 2]}'), 'project-color'), '3:22 error');
    });

    it('needs a text description', () => {
      const result = parse('version: 1', 'types:', '  - name: A', '    description: [people]');
      assert.equal(where(result, 'project-description'), '4:18 error');
      assert.equal(result.config.types[0].description, undefined);
    });
  });

  describe('positions', () => {
    it('counts columns in code points, as the Problems panel shows them', () => {
      // The emoji is two UTF-16 units but one column.
      const result = parse('version: 1', 'types: [{description: "😀", name: "A B"}]');
      assert.equal(where(result, 'project-type-name'), '2:34 error');
    });

    it('does not count a byte-order mark', () => {
      assert.equal(where(parseProjectFile('\uFEFFversion: 2', 'p'), 'project-version'), '1:10 error');
    });

    it('counts lines with CRLF endings', () => {
      assert.equal(where(parseProjectFile('version: 1\r\ntypes: 5\r\n', 'p'), 'project-types'), '2:8 error');
    });
  });
});
