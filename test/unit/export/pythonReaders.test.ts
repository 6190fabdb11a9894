/**
 * An independent reader for the exports: Python 3 with PyYAML reads the yaml, doccano JSONL and
 * spaCy JSONL exports of a corpus full of hard cases (emoji, flags, CJK outside the BMP, CRLF,
 * BOM, combining marks, RTL text, overlapping spans), slices each document's text the way Python
 * users do, and compares with the sidecars, which it also reads itself.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';
import { exportCorpus } from '../../../src/core/export/exportCorpus';
import { openCorpus, type OpenCorpus } from '../../../src/node/openCorpus';
import { writeExport } from '../../../src/node/writeExport';
import { copySampleCorpus, hardCaseTags, hardCaseTexts, python, requirePython, tagAll, temporaryFolder, writeAll } from './exportTestSupport';

const reader = String.raw`
import json, os, sys, yaml
root, out = sys.argv[1], sys.argv[2]

def text_of(relative):
    with open(os.path.join(root, relative), encoding='utf-8-sig', newline='') as handle:
        return handle.read()

expected = {}
for folder, _, names in os.walk(root):
    for name in names:
        if name.endswith('.ann.yaml'):
            relative = os.path.relpath(os.path.join(folder, name), root)[:-len('.ann.yaml')].replace(os.sep, '/')
            with open(os.path.join(folder, name), encoding='utf-8') as handle:
                sidecar = yaml.safe_load(handle)
            expected[relative] = sorted([a['start'], a['end'], a['type'], a['text']] for a in sidecar['annotations'])

with open(os.path.join(out, 'corpus.yaml'), encoding='utf-8') as handle:
    export = yaml.safe_load(handle)
from_yaml = {}
for document in export['documents']:
    text = text_of(document['file'])
    from_yaml[document['file']] = sorted([e['start'], e['end'], e['type'], text[e['start']:e['end']]] for e in document['annotations'])
    assert all(text[e['start']:e['end']] == e['text'] for e in document['annotations'])

from_jsonl = {}
with open(os.path.join(out, 'corpus.jsonl'), encoding='utf-8') as handle:
    for line in handle:
        record = json.loads(line)
        assert record['text'] == text_of(record['file'])
        from_jsonl[record['file']] = sorted([s, e, label, record['text'][s:e]] for s, e, label in record['label'])

from_spacy = {}
with open(os.path.join(out, 'corpus.spacy'), encoding='utf-8') as handle:
    for line in handle:
        record = json.loads(line)
        text, tokens = record['text'], record['tokens']
        for index, token in enumerate(tokens):
            assert token['id'] == index and text[token['start']:token['end']] == token['text'], token
            assert token['ws'] == text[token['end']:token['end'] + 1].isspace(), token
        for span in record['spans']:
            assert tokens[span['token_start']]['start'] == span['start'], span
            assert tokens[span['token_end']]['end'] == span['end'], span
        from_spacy[record['meta']['file']] = sorted([s['start'], s['end'], s['label'], text[s['start']:s['end']]] for s in record['spans'])

# Tokens hold no whitespace: spaCy spans are the annotations trimmed, whitespace-only ones left out.
def trimmed(row):
    start, end, label, text = row
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    return [start + lead, end - trail, label, text.strip()]
expected_spacy = {file: sorted(trimmed(row) for row in rows if row[3].strip() != '') for file, rows in expected.items()}

print(json.dumps({'expected': expected, 'expectedSpacy': expected_spacy, 'yaml': from_yaml, 'jsonl': from_jsonl, 'spacy': from_spacy, 'types': [t['name'] for t in export['types']], 'totals': export['totals']}))
`;

interface Read {
  expected: Record<string, unknown[]>;
  expectedSpacy: Record<string, unknown[]>;
  yaml: Record<string, unknown[]>;
  jsonl: Record<string, unknown[]>;
  spacy: Record<string, unknown[]>;
  types: string[];
  totals: { documents: number; annotations: number };
}

describe('Python reads every export and slices the same annotations (independent reader)', function () {
  this.timeout(60_000);
  let corpus: { folder: string; remove: () => void };
  let output: { folder: string; remove: () => void };
  let opened: OpenCorpus;

  before(async () => {
    corpus = copySampleCorpus();
    output = temporaryFolder();
    const first = await openCorpus(corpus.folder);
    if ('error' in first) throw new Error(first.error);
    await writeAll(first.fileSystem, hardCaseTexts());
    await tagAll(first.store, hardCaseTags());
    const reopened = await openCorpus(corpus.folder);
    if ('error' in reopened) throw new Error(reopened.error);
    opened = reopened;
  });
  after(() => {
    corpus.remove();
    output.remove();
  });

  it('yaml, doccano JSONL and spaCy JSONL of the sample corpus and the hard cases', async function () {
    requirePython(this);
    const load = await loadCorpus(opened.store, opened.files);
    const documents = load.documents.filter((document) => document.hasSidecar);
    assert.equal(documents.length, 11);
    const out = output.folder;
    for (const [format, file] of [['yaml', 'corpus.yaml'], ['jsonl', 'corpus.jsonl'], ['spacy', 'corpus.spacy']] as const) {
      const result = exportCorpus(format, { documents, config: opened.config });
      assert.equal(await writeExport(result, { out: path.join(out, file), corpusRoot: opened.root, isCorpusFile: opened.matcher }), undefined);
    }
    const read = python(reader, corpus.folder, out) as Read;
    assert.equal(Object.keys(read.expected).length, 11);
    assert.deepEqual(read.yaml, read.expected);
    assert.deepEqual(read.jsonl, read.expected);
    assert.deepEqual(read.spacy, read.expectedSpacy);
    assert.notDeepEqual(read.expectedSpacy, read.expected, 'the hard cases include a whitespace-only span (a CRLF)');
    assert.deepEqual(read.types, ['PERSON', 'ORG', 'LOCATION', 'DATE', 'EVENT', 'MISC']);
    assert.equal(read.totals.annotations, 86 + 33);
    assert.equal(read.totals.documents, 11);
  });
});
