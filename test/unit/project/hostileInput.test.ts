import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultProjectConfig, parseProjectFile, typeNamePattern, type ParsedProject } from '../../../src/core/project';

const codes = (result: ParsedProject): string[] => result.problems.map((item) => item.code);

/** What every result must hold, whatever the input. */
function assertUsable(result: ParsedProject, content: string): void {
  const { config, problems } = result;
  assert.equal(config.version, 1);
  assert.ok(config.types.length > 0);
  const names = config.types.map((type) => type.name.toLowerCase());
  assert.equal(new Set(names).size, names.length, 'type names repeat');
  const keys = config.types.flatMap((type) => (type.key === undefined ? [] : [type.key.toLowerCase()]));
  assert.equal(new Set(keys).size, keys.length, 'type keys repeat');
  for (const type of config.types) {
    assert.match(type.name, typeNamePattern);
    assert.match(type.color.light, /^#[0-9a-f]{6}$/);
    assert.match(type.color.dark, /^#[0-9a-f]{6}$/);
    if (type.key !== undefined) assert.match(type.key, /^[A-Za-z0-9]$/);
  }
  for (const pattern of [...config.include, ...config.exclude]) assert.equal(typeof pattern, 'string');
  const lines = content.split('\n').length;
  for (const item of problems) {
    assert.ok(item.line >= 1 && item.line <= lines, `line ${item.line} of ${lines}`);
    assert.ok(item.column >= 1);
    assert.ok(item.message.length > 0);
  }
  assert.ok(problems.length <= 101);
}

describe('parseProjectFile on hostile input', () => {
  it('refuses deep flow nesting before parsing, every time it is asked', () => {
    // A second parse of deep nesting in one process is what aborts Node 20; ask three times.
    for (let round = 0; round < 3; round++) {
      const content = 'types: ' + '['.repeat(100_000);
      const result = parseProjectFile(content, 'p');
      assert.deepEqual(codes(result), ['project-too-deep']);
      // The mapping counts 2, so the 63rd bracket (column 7 + 63) passes the limit of 64.
      assert.equal(`${result.problems[0].line}:${result.problems[0].column}`, '1:70');
      assert.deepEqual(result.config, defaultProjectConfig());
    }
  });

  it('refuses deep block nesting, compact or indented', () => {
    assert.deepEqual(codes(parseProjectFile('- '.repeat(50_000) + 'x', 'p')), ['project-too-deep']);
    const stairs = Array.from({ length: 200 }, (_, level) => ' '.repeat(level) + 'k:').join('\n');
    assert.deepEqual(codes(parseProjectFile(stairs, 'p')), ['project-too-deep']);
    const mixed = 'types:\n' + Array.from({ length: 100 }, (_, level) => ' '.repeat(2 * level) + '- {a: [').join('\n');
    assert.deepEqual(codes(parseProjectFile(mixed, 'p')), ['project-too-deep']);
  });

  it('reports aliases without expanding them (billion laughs)', () => {
    const lines = ['version: 1', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = `*a${level - 1}`;
      lines.push(`a${level}: &a${level} [${Array(9).fill(previous).join(', ')}]`);
    }
    lines.push('types: *a9');
    const started = Date.now();
    const result = parseProjectFile(lines.join('\n'), 'p');
    assert.ok(Date.now() - started < 1000);
    assert.ok(codes(result).includes('project-alias'));
    assert.deepEqual(result.config.types, defaultProjectConfig().types);
  });

  it('survives a self-referencing alias and an undefined one', () => {
    for (const content of ['version: 1\ntypes: &t [*t]', 'version: 1\ntypes: [*nowhere]', '*a', '&a [*a]', 'version: 1\ncorpus: {include: [*x]}']) {
      const result = parseProjectFile(content, 'p');
      assertUsable(result, content);
      assert.ok(result.problems.length > 0, content);
    }
  });

  it('refuses files over 256 KB, counting UTF-8 bytes', () => {
    assert.deepEqual(codes(parseProjectFile('#'.repeat(300_000), 'p')), ['project-too-large']);
    // 140,000 characters but 280,000 bytes.
    assert.deepEqual(codes(parseProjectFile('# ' + 'é'.repeat(140_000), 'p')), ['project-too-large']);
    assert.deepEqual(codes(parseProjectFile('version: 1\n# ' + 'x'.repeat(200_000), 'p')), []);
  });

  it('reads 20,000 keys in linear time and lists only the first 100 problems', () => {
    const content = 'version: 1\n' + Array.from({ length: 20_000 }, (_, index) => `k${index}: 1`).join('\n');
    const started = Date.now();
    const result = parseProjectFile(content, 'p');
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(result.problems.length, 101);
    assert.equal(result.problems[100].code, 'project-too-many-problems');
    assert.match(result.problems[100].message, /19900 more/);
  });

  it('treats tags, merge keys and odd scalars as data, never as objects', () => {
    for (const content of [
      'version: 1\ntypes: !!set {a, b}',
      'version: 1\ntypes: [!!binary aGVsbG8=, {name: !!str 12}]',
      'base: &b {name: A}\ntypes: [{<<: *b, key: p}]',
      'version: !!timestamp 2001-12-14\ntypes: [{name: A, color: !custom "#123456"}]',
      'version: 1\ntypes: [{name: A, key: .inf}, {name: B, key: 0x1}]',
      '? [complex, key]\n: value\nversion: 1',
      '---\nversion: 1\n---\nversion: 2',
      '<<<<<<< HEAD\nversion: 1\n=======\nversion: 2\n>>>>>>> branch',
    ]) {
      assertUsable(parseProjectFile(content, 'p'), content);
    }
  });

  it('never throws and always gives a usable config (property)', () => {
    const fragments = fc.constantFrom(
      'version: 1\n', 'types:\n', 'corpus:\n', '  include: ', '  exclude: ', '  - ', '    name: ', '    key: ', '    color: ',
      '{', '}', '[', ']', ', ', ': ', '"', "'", '#', '&a ', '*a', '!!str ', '|\n', '>\n', '? ', '\n', '  ', 'PERSON', 'p', '"#1f77b4"',
      '{light: "#123", dark: "#456"}', '**/*.txt', '!x', '..', '😀', '\uFEFF', '\r\n', '\t', '---\n', '<<<<<<< HEAD\n',
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(fragments, { maxLength: 60 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 200 })), (content) => {
        const result = parseProjectFile(content, 'p');
        assertUsable(result, content.replace(/^\uFEFF/, ''));
      }),
      { numRuns: 1000 },
    );
  });
});
