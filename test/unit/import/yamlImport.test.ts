import assert from 'node:assert/strict';
import { parse, stringify } from 'yaml';
import { exportYaml } from '../../../src/core/export/yamlExport';
import { readYamlExport } from '../../../src/core/import/readYamlExport';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { hardCaseTags, hardCaseTexts, loadDocuments, memoryCorpus, exportText } from '../export/exportTestSupport';
import { importInto, sidecars, withoutSidecars } from './importTestSupport';

/** A hand-made sidecar with everything a sidecar can keep: unknown fields, notes, attributes, an orphan. */
const richSidecar = [
  '# News Annotator sidecar: annotations of a.txt. Offsets count Unicode code points; end is exclusive.',
  'format: news-annotator/1',
  'source: {file: "a.txt", sha256: "0000000000000000000000000000000000000000000000000000000000000000", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf", origin: "scrape"}',
  'status: "done"',
  'reviewer: {name: "bo", passes: 2}',
  'annotations:',
  '  - {id: "k3x7q2mz", type: "PERSON", start: 0, end: 13, text: "Sophia Archer", note: "the \\"mayor\\"\\nsee p. 2", attributes: {role: "mayor", wikidata: "Q1"}, annotator: "ana", created: "2026-11-24T20:00:00Z", prefix: "", suffix: " met ACME", confidence: 0.9}',
  '  - {id: "gone0001", type: "ORG", start: 18, end: 22, text: "Initech Global", annotator: "ana", created: "2026-11-24T20:00:00Z", prefix: "Sophia Archer met ", suffix: " on Monday"}',
  '',
].join('\n');

async function roundTrip(files: MemoryFileSystem, paths: string[]): Promise<{ before: Record<string, string>; after: Record<string, string>; exported: string }> {
  const documents = await loadDocuments(new SidecarStore(files), paths);
  const output = exportYaml({ documents, config: (await memoryCorpus({})).config });
  const before = sidecars(files);
  const read = readYamlExport(exportText(output), 'corpus.yaml');
  assert.deepEqual(read.problems, []);
  const report = await importInto(withoutSidecars(files), read);
  assert.equal(report.rejected, 0);
  return { before, after: sidecars(files), exported: exportText(output) };
}

describe('yaml export -> import', () => {
  it('gives back identical sidecars for the hard cases (ids, notes, attributes, times, status)', async () => {
    const corpus = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const { before, after } = await roundTrip(corpus.files, Object.keys(hardCaseTexts()));
    assert.equal(Object.keys(before).length, 7);
    assert.deepEqual(after, before);
  });

  it('gives back unknown fields and an orphaned annotation, with the old hash that keeps it flagged', async () => {
    const files = new MemoryFileSystem({ 'a.txt': 'Sophia Archer met ACME on Monday.', 'a.txt.ann.yaml': richSidecar });
    // The stored hash is not the text's: bring the sidecar to what the store itself writes first.
    const store = new SidecarStore(files);
    assert.ok((await store.update('a.txt', (sidecar) => sidecar)).ok);
    const { before, after, exported } = await roundTrip(files, ['a.txt']);
    assert.match(exported, /\n {4}orphaned:\n/);
    assert.match(before['a.txt.ann.yaml'], /sha256: "0{64}"/, 'an orphan keeps the old hash');
    assert.deepEqual(after, before);
    const loaded = await store.load('a.txt');
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.anchors.map((anchor) => anchor.kind), ['exact', 'orphan']);
  });

  it('reads a hand-edited export (block style, comments) as the same data, through the full YAML reader', async () => {
    const corpus = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const output = exportYaml({ documents: corpus.documents, config: corpus.config });
    const fast = readYamlExport(exportText(output), 'corpus.yaml');
    const edited = '# edited by hand\n' + stringify(parse(exportText(output)), { lineWidth: 0 });
    assert.ok(!edited.includes('\n  - {'), 'not the export layout');
    const slow = readYamlExport(edited, 'corpus.yaml');
    const data = (read: typeof fast) => read.documents.map((document) => ({ ...document, where: undefined, entities: document.entities.map((entity) => ({ ...entity, where: undefined })) }));
    assert.deepEqual(data(slow), data(fast));
    assert.equal(fast.documents.reduce((sum, document) => sum + document.entities.length, 0), 33);
  });

  it('reports entries that do not fit the text with their line, imports the rest, and refuses what is not an export', async () => {
    const corpus = await memoryCorpus({ 'a.txt': 'Lisbon and Porto.' }, { 'a.txt': [{ type: 'LOCATION', start: 0, end: 6 }, { type: 'LOCATION', start: 11, end: 16 }] });
    const output = exportYaml({ documents: corpus.documents, config: corpus.config });
    const broken = exportText(output).replace('start: 11, end: 16', 'start: 10, end: 15');
    const line = broken.split('\n').findIndex((text) => text.includes('start: 10, end: 15')) + 1;
    const report = await importInto(withoutSidecars(corpus.files), readYamlExport(broken, 'corpus.yaml'));
    assert.equal(report.added, 1);
    assert.deepEqual(report.sourceProblems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.code}`), [`corpus.yaml:${line}:9: import-text-mismatch`]);
    assert.match(report.sourceProblems[0].message, /" Port", not "Porto"/);

    const notExport = readYamlExport('format: news-annotator/1\nannotations: []\n', 'a.txt.ann.yaml');
    assert.deepEqual(notExport.problems.map((item) => `${item.line}:${item.column}: ${item.code}`), ['1:9: import-not-an-export']);
  });
});
