import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { requirePython } from '../export/exportTestSupport';
import { corpusPathProblem, guidelineSection, parseProjectFile, type ParsedProject } from '../../../src/core/project';

const root = path.join(__dirname, '..', '..', '..', '..');
const parse = (...lines: string[]): ParsedProject => parseProjectFile(lines.join('\n'), 'news-annotator.yaml');
const listed = (result: ParsedProject): string[] => result.problems.map((item) => `${item.line}:${item.column} ${item.code} ${item.severity}`);

describe('project file: definitions, examples and guidelines', () => {
  it('reads a definition, examples, counter-examples and the guidelines path', () => {
    const result = parse(
      'version: 1',
      'guidelines: docs/GUIDELINES.md',
      'types:',
      '  - name: PERSON',
      '    description: People.',
      '    definition: "  A person named in the text. Not titles.  "',
      '    examples: [Lucía Ferrán Osorio, 周明远]',
      '    notExamples:',
      '      - the mayor',
      '  - name: DATE',
      '    examples: [2024, "3.50", 3.50]',
      '    notExamples: this week',
    );
    assert.deepEqual(result.problems, []);
    assert.equal(result.config.guidelines, 'docs/GUIDELINES.md');
    const [person, date] = result.config.types;
    assert.equal(person.description, 'People.');
    assert.equal(person.definition, 'A person named in the text. Not titles.');
    assert.deepEqual(person.examples, ['Lucía Ferrán Osorio', '周明远']);
    assert.deepEqual(person.notExamples, ['the mayor']);
    // Numbers keep the form they were written in; one text alone is a list of one.
    assert.deepEqual(date.examples, ['2024', '3.50', '3.50']);
    assert.deepEqual(date.notExamples, ['this week']);
    assert.equal(date.definition, undefined);
  });

  it('reports fields of the wrong kind at their line and column, keeping the type and the good items', () => {
    const result = parse(
      'version: 1',
      'types:',
      '  - name: PERSON',
      '    definition: [a, list]',
      '    examples: {name: x}',
      '  - name: ORG',
      '    definition: ""',
      '    examples: [UNESCO, [nested], "", null, true]',
      '    notExamples:',
      '  - name: MISC',
      `    examples: ["${'x'.repeat(201)}", ok]`,
      '    example: [typo]',
    );
    // Unknown keys are reported as each mapping is opened, the rest as fields are read: sort by place.
    const byPlace = listed(result).sort((a, b) => parseInt(a) - parseInt(b) || parseInt(a.split(':')[1]) - parseInt(b.split(':')[1]));
    assert.deepEqual(byPlace, [
      '4:17 project-definition error',
      '5:15 project-examples error',
      '7:17 project-definition warning',
      '8:24 project-examples error',
      '8:34 project-examples warning',
      '8:38 project-examples error',
      '8:44 project-examples error',
      '9:5 project-examples error',
      '11:16 project-examples warning',
      '12:5 project-unknown-key warning',
    ]);
    assert.match(result.problems.find((item) => item.code === 'project-unknown-key')!.message, /Did you mean "examples"/);
    const [person, org, misc] = result.config.types;
    assert.deepEqual([person.name, person.definition, person.examples], ['PERSON', undefined, undefined]);
    assert.deepEqual([org.definition, org.examples, org.notExamples], [undefined, ['UNESCO'], undefined]);
    assert.deepEqual(misc.examples, ['ok']);
  });

  it('refuses a guidelines path outside the corpus root, at its line and column, and never keeps it', () => {
    for (const outside of ['../GUIDELINES.md', 'docs/../../etc/passwd', '/etc/passwd', '\\\\server\\share\\g.md', 'C:\\guides\\g.md', 'docs\\..\\..\\g.md', 'file:///etc/passwd', '""']) {
      const result = parse('version: 1', `guidelines: ${outside.startsWith('"') ? outside : JSON.stringify(outside)}`);
      assert.deepEqual(listed(result), ['2:13 project-guidelines error'], outside);
      assert.equal(result.config.guidelines, undefined, outside);
      assert.match(result.problems[0].message, /inside the corpus folder/);
    }
    const wrongKind = parse('version: 1', 'guidelines: [a.md]');
    assert.deepEqual(listed(wrongKind), ['2:13 project-guidelines error']);
    assert.equal(parse('version: 1', 'guidelines: ./guides\\types.md').config.guidelines, 'guides/types.md');
  });

  it('accepts only paths that stay inside the root, whatever the separators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b.md', '..', '.', '', 'c d', 'é'), { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\'), (parts, separator) => {
        const path = parts.join(separator);
        // Walk the path: it stays inside when no prefix climbs above the root.
        let depth = 0;
        let escapes = false;
        for (const part of parts) {
          if (part === '..') depth--;
          else if (part !== '.' && part !== '') depth++;
          if (depth < 0) escapes = true;
        }
        const absolute = path.startsWith('/') || path.startsWith('\\');
        const refused = corpusPathProblem(path) !== undefined;
        if (escapes || absolute) assert.ok(refused, path);
        // Stricter than needed: any `..` is refused, even one that comes back inside.
        if (!refused) assert.ok(!parts.includes('..') && !absolute && path.trim() !== '', path);
      }),
    );
  });

  it('ships a sample corpus whose project file reads cleanly and whose guidelines have a section per type', () => {
    const folder = path.join(root, 'sample-corpus');
    const { config, problems } = parseProjectFile(readFileSync(path.join(folder, 'news-annotator.yaml'), 'utf8'), 'news-annotator.yaml');
    assert.deepEqual(problems, []);
    assert.equal(config.guidelines, 'GUIDELINES.md');
    const markdown = readFileSync(path.join(folder, config.guidelines), 'utf8');
    for (const type of config.types) {
      assert.ok(type.definition && type.examples && type.examples.length >= 2 && type.notExamples, `${type.name} lacks a definition or examples`);
      const section = guidelineSection(markdown, type.name);
      assert.equal(section.heading, type.name, `GUIDELINES.md has no "## ${type.name}" heading`);
    }
    // The sample keeps the default types, keys and colours, so the rest of the docs and tests still hold.
    assert.deepEqual(config.types.map((type) => [type.name, type.key, type.color.light]), [
      ['PERSON', 'p', '#004b92'],
      ['ORG', 'o', '#8a7000'],
      ['LOCATION', 'l', '#0f844a'],
      ['DATE', 'd', '#b84c88'],
      ['EVENT', 'e', '#77370c'],
      ['MISC', 'm', '#4a4a45'],
    ]);
  });
});

describe('schemas/project.schema.json: definitions, examples and guidelines', () => {
  // Python's jsonschema checks each YAML text (stdin, a JSON list) and prints each one's errors.
  const validate = `
import json, sys, yaml, jsonschema
validator = jsonschema.Draft7Validator(json.load(open(sys.argv[1], encoding='utf-8')))
sys.stdout.write(json.dumps([[error.message for error in validator.iter_errors(yaml.safe_load(text))] for text in json.load(sys.stdin)]))
`;

  it('accepts the sample project file and refuses what the reader refuses', function () {
    requirePython(this);
    const texts = [
      readFileSync(path.join(root, 'sample-corpus', 'news-annotator.yaml'), 'utf8'),
      'version: 1\nguidelines: ../GUIDELINES.md\n',
      'version: 1\nguidelines: /etc/passwd\n',
      'version: 1\nguidelines: "C:\\\\g.md"\n',
      'version: 1\ntypes:\n  - {name: A, examples: {x: 1}}\n',
      'version: 1\ntypes:\n  - {name: A, definition: ""}\n',
      'version: 1\ntypes:\n  - {name: A, examples: [x, 2024], notExamples: y}\nguidelines: docs/g.md\n',
    ];
    const run = spawnSync('python3', ['-c', validate, path.join(root, 'schemas', 'project.schema.json')], { input: JSON.stringify(texts), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const errors = JSON.parse(run.stdout) as string[][];
    assert.deepEqual(errors[0], [], 'the sample project file');
    for (const index of [1, 2, 3, 4, 5]) assert.ok(errors[index].length > 0, texts[index]);
    assert.deepEqual(errors[6], []);
  });
});
