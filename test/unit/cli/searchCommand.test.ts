import assert from 'node:assert/strict';
import path from 'node:path';
import type { CorpusSearch } from '../../../src/cli/corpusSearch';
import { copySampleCorpus } from '../export/exportTestSupport';
import { runCli } from './cliTestSupport';

describe('news-annotator search', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => (corpus = copySampleCorpus()));
  afterEach(() => corpus.remove());

  it('prints each hit as path:line:column with its type, text and context, or as JSON', async () => {
    const calls: Array<[string, number, number]> = [];
    // A stand-in engine: the command's parsing and printing are what is tested here.
    const search: CorpusSearch = (documents, query, limit) => {
      calls.push([query, limit, documents.length]);
      return [{ file: 'en/mombasa-port-modernisation-deal.txt', id: 'x', type: 'PERSON', text: 'Grace Njeri-Holm', start: 262, end: 278, score: 0.1, match: 'text' }];
    };
    const text = await runCli(['search', 'grace njeri', '--limit', '5'], corpus.folder, { search });
    assert.equal(text.code, 0, text.stderr);
    assert.deepEqual(calls, [['grace njeri', 5, 10]]);
    // Line 7 of a CRLF file, after "By ": the context has its line breaks flattened to spaces.
    assert.equal(text.stdout, 'en/mombasa-port-modernisation-deal.txt:7:4: PERSON "Grace Njeri-Holm"  … with Shanghai operator By [Grace Njeri-Holm] | Nairobi | 3 June 2024 Th…\n');
    assert.match(text.stdout.split('  ')[0] + ': x', /^[^:]+:\d+:\d+: /);
    assert.equal(text.stderr, '1 result.\n');

    const json = await runCli(['search', corpus.folder, 'grace', '--json'], '/', { search });
    const hits = JSON.parse(json.stdout) as Array<{ path: string; line: number; column: number; text: string }>;
    assert.equal(hits[0].line, 7);
    assert.equal(hits[0].column, 4);
    assert.equal(hits[0].path, path.relative('/', path.join(corpus.folder, 'en', 'mombasa-port-modernisation-deal.txt')));
    assert.equal(calls[1][1], 20, 'the default limit');
  });

  it('exits 2 without a query or with a bad --limit', async () => {
    for (const argv of [['search'], ['search', 'a', 'b', 'c'], ['search', 'x', '--limit', '0'], ['search', 'x', '--limit', 'many']]) {
      assert.equal((await runCli(argv, corpus.folder, { search: () => [] })).code, 2, argv.join(' '));
    }
  });

  it('finds a name across files with the editor\'s search engine', async () => {
    const result = await runCli(['search', 'Lucia Ferran', '--json'], corpus.folder);
    assert.equal(result.code, 0, result.stderr);
    const hits = JSON.parse(result.stdout) as Array<{ path: string; text: string; type: string }>;
    assert.ok(hits.length >= 2);
    assert.ok(hits.every((hit) => hit.text === 'Lucía Ferrán Osorio' && hit.type === 'PERSON'));
  });
});
