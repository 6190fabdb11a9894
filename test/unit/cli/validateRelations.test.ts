import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

const project = [
  'version: 1',
  'types: [PERSON, ORG, LOCATION, DATE, EVENT, MISC]',
  'relations:',
  '  - {name: meets, from: [PERSON], to: [PERSON]}',
  '  - {name: located_in, to: [LOCATION]}',
  'attributes:',
  '  - Negated',
  '  - {name: Certainty, values: [high, low]}',
  'kbPrefixes: [wikidata]',
  '',
].join('\n');

describe('news-annotator validate and stats: relations, fragments, attributes, links', () => {
  let corpus: { folder: string; remove: () => void };
  let sidecar: string;
  beforeEach(() => {
    corpus = copySampleCorpus();
    sidecar = path.join(corpus.folder, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml');
    writeFileSync(path.join(corpus.folder, 'news-annotator.yaml'), project);
  });
  afterEach(() => corpus.remove());

  function edit(change: (lines: string[]) => void): string[] {
    const lines = readFileSync(sidecar, 'utf8').split('\n');
    change(lines);
    writeFileSync(sidecar, lines.join('\n'));
    return lines;
  }

  it('passes a sidecar whose relations, fragments, attributes and links follow the project file', async () => {
    edit((lines) => {
      lines[5] = lines[5].replace('text: "Mombasa"', 'text: "Mombasa", attributes: {Certainty: "high", Negated: true}, links: ["wikidata:Q5465"]');
      lines.splice(lines.length - 1, 0, 'relations:', '  - {id: "r1", type: "located_in", from: "23xshlr2", to: "z6ehmo4v"}');
    });
    const result = await runCli(['validate'], corpus.folder);
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0, result.stderr);
    const stats = await runCli(['stats', '--json'], corpus.folder);
    assert.deepEqual((JSON.parse(stats.stdout) as { relations?: unknown }).relations, { located_in: 1 });
    const table = await runCli(['stats'], corpus.folder);
    assert.match(table.stdout, /\nRelation +Count\nlocated_in +1\n/);
  });

  it('reports each broken relation, fragment, attribute and link at its field', async () => {
    const lines = edit((lines) => {
      lines[5] = lines[5].replace('text: "Mombasa"', 'text: "Mombasa", attributes: {Certainty: "maybe", Colour: "red", Negated: "yes"}, links: ["dbpedia:Mombasa", "Q5465"]');
      lines[6] = lines[6].replace('text: "Grace Njeri-Holm"', 'text: "Grace Njeri-Holm", fragments: [[262, 267], [266, 278]]');
      lines[7] = lines[7].replace('text: "Nairobi"', 'text: "Nairobi", fragments: [[281, 284], [285, 288]]');
      lines.splice(
        lines.length - 1,
        0,
        'relations:',
        '  - {id: "r1", type: "meets", from: "23xshlr2", to: "nope"}',
        '  - {id: "r2", type: "located_in", from: "23xshlr2", to: "z4zk6k6h"}',
        '  - {id: "r3", type: "hates", from: "z4zk6k6h", to: "23xshlr2"}',
        '  - {id: "r3", type: "meets", from: "z4zk6k6h", to: "z4zk6k6h"}',
      );
    });
    const result = await runCli(['validate'], corpus.folder);
    assert.equal(result.code, 1);
    const file = 'en/mombasa-port-modernisation-deal.txt.ann.yaml';
    const relationLine = lines.indexOf('relations:') + 1;
    const at = (line: number, needle: string) => 1 + Array.from(lines[line - 1]).length - Array.from(lines[line - 1].slice(lines[line - 1].indexOf(needle))).length;
    const printed = result.stdout.trimEnd().split('\n').map((line) => line.replace(/: (error|warning): .*$/, ` $1`)).sort();
    const expected = [
      `${file}:6:${at(6, '{Certainty')} error`,
      `${file}:6:${at(6, '{Certainty')} error`,
      `${file}:6:${at(6, '{Certainty')} error`,
      `${file}:6:${at(6, '["dbpedia')} error`,
      `${file}:6:${at(6, '["dbpedia')} error`,
      `${file}:7:${at(7, '[[262')} error`,
      `${file}:8:${at(8, '"Nairobi"')} error`,
      `${file}:${relationLine + 1}:${at(relationLine + 1, '"nope"')} error`,
      `${file}:${relationLine + 2}:${at(relationLine + 2, '"z4zk6k6h"')} error`,
      `${file}:${relationLine + 3}:${at(relationLine + 3, '"hates"')} error`,
      `${file}:${relationLine + 4}:${at(relationLine + 4, '"r3"')} error`,
      `${file}:${relationLine + 4}:${at(relationLine + 4, 'to: "z4')+4} error`,
      `${file}:${relationLine + 4}:${at(relationLine + 4, 'from: "z4')+6} error`,
    ].sort();
    assert.deepEqual(printed, expected, result.stdout);
    for (const message of [
      'Attribute "Certainty" takes one of "high", "low"; found "maybe".',
      'Attribute "Colour" is not one of the project\'s attributes (Negated, Certainty).',
      'Attribute "Negated" is binary: write Negated: true, or leave it out; found "yes".',
      '"dbpedia" is not one of the project\'s kbPrefixes (wikidata).',
      'Link "Q5465" is not a knowledge-base id of the form prefix:id',
      'fragment 2 ([266, 278]) does not start after fragment 1 ends (267)',
      'The fragments hold "Nai obi" (their texts joined by one space), not "Nairobi".',
      'The relation\'s to "nope" is not the id of an annotation in this file.',
      '"located_in" may go to LOCATION, but z4zk6k6h ("Kenya Ports Authority") is ORG.',
      '"hates" is not one of the project\'s relation types (meets, located_in).',
      'The relation id "r3" is used twice',
      '"meets" may go from PERSON, but z4zk6k6h ("Kenya Ports Authority") is ORG.',
    ]) {
      assert.ok(result.stdout.includes(message), `${message}\nnot in\n${result.stdout}`);
    }
  });
});
