/**
 * Relations in the doccano and Prodigy exports, read back by an independent reader: Python 3
 * (PyYAML for the sidecar) slices the text at every relation's ends and compares with the
 * annotations the sidecar's relation joins.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportFileText } from '../../../src/core/export/exportTypes';
import { exportJsonl } from '../../../src/core/export/jsonlExport';
import { exportSpacy } from '../../../src/core/export/spacyExport';
import { exportYaml } from '../../../src/core/export/yamlExport';
import { exportConll } from '../../../src/core/export/conllExport';
import { readYamlExport } from '../../../src/core/import/readYamlExport';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { readBratCollection } from '../../../src/core/import/readBratCollection';
import { readDoccanoJsonl } from '../../../src/core/import/readDoccanoJsonl';
import { defaultProjectConfig } from '../../../src/core/project';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { importInto } from '../import/importTestSupport';
import { loadDocuments, python, requirePython, temporaryFolder } from './exportTestSupport';

const text = '習近平 met 🇺🇸 Biden in 北京 😀 on Monday; New and Old Bogotá were discussed.\n';
const ann = [
  'T1\tPERSON 0 3\t習近平',
  'T2\tPERSON 11 16\tBiden',
  'T3\tLOCATION 20 22\t北京',
  'T4\tMeeting 4 7\tmet',
  'T6\tLOCATION 36 39;48 54\tNew Bogotá',
  'E1\tMeeting:T4 Participant:T1 Participant2:T2 Place:T3',
  'R1\tlocated_in Arg1:T2 Arg2:T3',
  'R2\tmentions Arg1:T1 Arg2:T6',
  '',
].join('\n');

const reader = String.raw`
import json, os, sys
folder = sys.argv[1]
try:
    import yaml
    with open(os.path.join(folder, 'summit.txt.ann.yaml'), encoding='utf-8') as handle:
        sidecar = yaml.safe_load(handle)
except ImportError:
    sidecar = None
with open(os.path.join(folder, 'summit.txt'), encoding='utf-8', newline='') as handle:
    text = handle.read()

def first_piece(annotation):
    start, end = annotation['fragments'][0] if 'fragments' in annotation else (annotation['start'], annotation['end'])
    return text[start:end]

expected = None
if sidecar is not None:
    by_id = {a['id']: a for a in sidecar['annotations']}
    expected = sorted([r['type'], first_piece(by_id[r['from']]), first_piece(by_id[r['to']])] for r in sidecar['relations'])

with open(os.path.join(folder, 'corpus.jsonl'), encoding='utf-8') as handle:
    record = json.loads(handle.readline())
assert record['text'] == text
entities = {e['id']: e for e in record['entities']}
doccano = sorted([r['type'], text[entities[r['from_id']]['start_offset']:entities[r['from_id']]['end_offset']], text[entities[r['to_id']]['start_offset']:entities[r['to_id']]['end_offset']]] for r in record['relations'])

with open(os.path.join(folder, 'corpus.spacy'), encoding='utf-8') as handle:
    record = json.loads(handle.readline())
tokens = record['tokens']
prodigy = []
# Read the way Explosion's relation-extraction tutorial reads Prodigy's output: head and
# child are the last token of a span, mapped back to the span by its token_end.
span_by_end = {span['token_end']: span for span in record['spans']}
for r in record['relations']:
    assert span_by_end[r['head']] == r['head_span'] and span_by_end[r['child']] == r['child_span'], r
    for end, span in (('head', r['head_span']), ('child', r['child_span'])):
        assert tokens[r[end]]['end'] == span['end'] and tokens[span['token_start']]['start'] == span['start'], r
        assert span in record['spans'], span
    prodigy.append([r['label'], text[r['head_span']['start']:r['head_span']['end']], text[r['child_span']['start']:r['child_span']['end']]])
print(json.dumps({'expected': expected, 'doccano': doccano, 'prodigy': sorted(prodigy)}))
`;

describe('relations in the doccano and Prodigy exports, checked by slicing in Python', function () {
  this.timeout(60_000);

  it('every relation end slices to the text of the annotation the sidecar names', async function () {
    requirePython(this);
    const source = new MemoryFileSystem({ 'summit.txt': text, 'summit.ann': ann });
    const corpus = new MemoryFileSystem();
    const read = await readBratCollection({ source, annFiles: ['summit.ann'], corpus });
    await importInto(corpus, read);
    const documents = await loadDocuments(new SidecarStore(corpus), ['summit.txt']);
    const folder = temporaryFolder();
    try {
      writeFileSync(path.join(folder.folder, 'summit.txt'), text);
      writeFileSync(path.join(folder.folder, 'summit.txt.ann.yaml'), corpus.readText('summit.txt.ann.yaml')!);
      const jsonl = exportFileText(exportJsonl({ documents, config: defaultProjectConfig() }).files[0])!;
      writeFileSync(path.join(folder.folder, 'corpus.jsonl'), jsonl);
      writeFileSync(path.join(folder.folder, 'corpus.spacy'), exportFileText(exportSpacy({ documents, config: defaultProjectConfig() }).files[0])!);
      const result = python(reader, folder.folder) as { expected: string[][]; doccano: string[][]; prodigy: string[][] };
      const expected = [
        ['Participant', 'met', '習近平'],
        ['Participant2', 'met', 'Biden'],
        ['Place', 'met', '北京'],
        ['located_in', 'Biden', '北京'],
        ['mentions', '習近平', 'New'],
      ].sort();
      assert.deepEqual(result.expected, expected);
      assert.deepEqual(result.doccano, expected);
      assert.deepEqual(result.prodigy, expected);
      // The discontinuous span is two doccano entities with the same annotation id.
      const record = JSON.parse(jsonl.split('\n')[0]) as { entities: unknown[]; annotation_ids: string[] };
      assert.equal(record.entities.length, 6);
      assert.equal(new Set(record.annotation_ids).size, 5);

      // doccano's relation layout comes back as relations.
      const again = new MemoryFileSystem();
      const reread = readDoccanoJsonl(jsonl, 'corpus.jsonl', { stem: 'corpus' });
      assert.deepEqual(reread.problems, []);
      const report = await importInto(again, reread);
      assert.deepEqual(report.sourceProblems, []);
      const relationLines = again.readText('summit.txt.ann.yaml')!.split('\n').filter((line) => line.includes(', from: '));
      assert.equal(relationLines.length, 5);
    } finally {
      folder.remove();
    }
  });

  it('the yaml export keeps relations, fragments and links (import gives the same sidecar); CoNLL says what it drops', async () => {
    const source = new MemoryFileSystem({ 'summit.txt': text, 'summit.ann': ann + 'N1\tReference T6 Wikidata:Q2841\tBogotá\n' });
    const corpus = new MemoryFileSystem();
    await importInto(corpus, await readBratCollection({ source, annFiles: ['summit.ann'], corpus }));
    const documents = await loadDocuments(new SidecarStore(corpus), ['summit.txt']);
    const yaml = exportFileText(exportYaml({ documents, config: defaultProjectConfig() }).files[0])!;
    const fresh = new MemoryFileSystem({ 'summit.txt': text });
    const read = readYamlExport(yaml, 'corpus.yaml');
    assert.deepEqual(read.problems, []);
    const report = await importInto(fresh, read);
    assert.deepEqual(report.sourceProblems, []);
    const before = parseSidecar(corpus.readText('summit.txt.ann.yaml')!, 'a');
    const after = parseSidecar(fresh.readText('summit.txt.ann.yaml')!, 'b');
    assert.ok(before.ok && after.ok);
    assert.deepEqual(after.sidecar.annotations, before.sidecar.annotations);
    assert.deepEqual(after.sidecar.relations, before.sidecar.relations);

    const conll = exportConll({ documents, config: defaultProjectConfig() });
    assert.ok(conll.notes.some((note) => note.startsWith('5 relation(s) are not in this format')), conll.notes.join('\n'));
    assert.ok(conll.notes.some((note) => note.startsWith('1 discontinuous annotation(s)')));
  });
});
