import fc from 'fast-check';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { annotationKeyOrder, relationKeyOrder, suggestionKeyOrder, newlineStyles, sidecarFormat, sidecarStatuses, sourceKeyOrder } from '../../../src/core/sidecar/model';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readFixture, sidecarArbitrary, sidecarFixtureFolder } from './sidecarTestSupport';

interface JsonSchema {
  properties: Record<string, { const?: string; enum?: string[]; properties?: Record<string, { enum?: string[] }> }>;
  definitions: { annotation: { properties: Record<string, unknown>; required: string[] }; relation: { properties: Record<string, unknown>; required: string[] };
    suggestion: { properties: Record<string, unknown>; required: string[] };
  };
}

function schemaPath(): string {
  const candidate = path.resolve(sidecarFixtureFolder(), '..', '..', '..', '..', 'schemas', 'sidecar.schema.json');
  assert.ok(existsSync(candidate), candidate);
  return candidate;
}

// Validates YAML documents (given on stdin as a JSON list of texts) against the schema with
// Python's jsonschema, and prints the error messages of each.
const validate = `
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
validator = jsonschema.Draft7Validator(schema)
texts = json.load(sys.stdin)
sys.stdout.write(json.dumps([[error.message for error in validator.iter_errors(yaml.safe_load(text))] for text in texts]))
`;

describe('schemas/sidecar.schema.json', () => {
  it('names the same fields, statuses and format as the model', () => {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as JsonSchema;
    assert.deepEqual(Object.keys(schema.definitions.annotation.properties), [...annotationKeyOrder]);
    assert.deepEqual(schema.definitions.annotation.required, ['id', 'type', 'start', 'end', 'text']);
    assert.deepEqual(Object.keys(schema.definitions.relation.properties), [...relationKeyOrder]);
    assert.deepEqual(schema.definitions.relation.required, ['id', 'type', 'from', 'to']);
    assert.deepEqual(Object.keys(schema.definitions.suggestion.properties), [...suggestionKeyOrder]);
    assert.deepEqual(schema.definitions.suggestion.required, ['id', 'type', 'start', 'end', 'text', 'source', 'score']);
    assert.deepEqual(Object.keys(schema.properties['source'].properties!), [...sourceKeyOrder]);
    assert.deepEqual(schema.properties['source'].properties!['newline'].enum, [...newlineStyles]);
    assert.deepEqual(schema.properties['status'].enum, [...sidecarStatuses]);
    assert.equal(schema.properties['format'].const, sidecarFormat);
  });

  it('accepts what the writer writes and rejects what the reader refuses (Python jsonschema)', function () {
    const probe = spawnSync('python3', ['-c', 'import yaml, jsonschema'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      console.warn('\n!!! PYTHON3 WITH jsonschema NOT FOUND: the schema was NOT checked against sidecars !!!\n');
      this.skip();
    }
    const good = fc
      .sample(sidecarArbitrary, { numRuns: 60, seed: 7 })
      .map((sidecar) => ({ ...sidecar, source: { ...sidecar.source, sha256: 'ab'.repeat(32) } }))
      .map((sidecar) => serializeSidecar(sidecar));
    const bad = [
      readFixture('article.txt.ann.yaml').replace('text: "Lisbon"', 'text: True'),
      readFixture('article.txt.ann.yaml').replace('start: 28', 'start: -1'),
      readFixture('article.txt.ann.yaml').replace('format: news-annotator/1', 'format: news-annotator/2'),
      readFixture('article.txt.ann.yaml').replace('"in-progress"', '"finished"'),
      readFixture('article.txt.ann.yaml').replace('{wikidata: "Q1"}', '{wikidata: 1}'),
      readFixture('article.txt.ann.yaml').replace('{wikidata: "Q1"}', '{wikidata: false}'),
      readFixture('article.txt.ann.yaml').replace('text: "Lisbon"', 'text: "Lisbon", fragments: [[28, 30, 31]]'),
      readFixture('article.txt.ann.yaml').replace('text: "Lisbon"', 'text: "Lisbon", links: "wikidata:Q1"'),
      readFixture('article.txt.ann.yaml') + 'relations:\n  - {id: "r1", type: "meets", from: "a"}\n',
    ];
    const run = spawnSync('python3', ['-c', validate, schemaPath()], { input: JSON.stringify([...good, readFixture('article.txt.ann.yaml'), ...bad]), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const errors = JSON.parse(run.stdout) as string[][];
    errors.slice(0, good.length + 1).forEach((messages, index) => assert.deepEqual(messages, [], String(index)));
    errors.slice(good.length + 1).forEach((messages, index) => assert.equal(messages.length, 1, `bad[${index}]: ${messages.join('; ')}`));
  });
});
