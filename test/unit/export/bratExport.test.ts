import assert from 'node:assert/strict';
import { exportBrat, fragmentsOf } from '../../../src/core/export/bratExport';
import type { ExportFile } from '../../../src/core/export/exportTypes';
import { hardCaseTags, hardCaseTexts, memoryCorpus, type MemoryCorpus } from './exportTestSupport';

/**
 * A brat-style reader written here, not the exporter's code: reads T lines, slices the .txt by
 * code points (the BOM removed, line endings kept) and checks each fragment against the text field.
 */
function readBrat(ann: string, txt: Uint8Array): Array<{ type: string; start: number; end: number; text: string; note?: string; attributes: Record<string, string> }> {
  const characters = [...new TextDecoder('utf-8', { ignoreBOM: false }).decode(txt)];
  const entities = new Map<string, { type: string; start: number; end: number; text: string; note?: string; attributes: Record<string, string> }>();
  for (const line of ann.split('\n').filter((item) => item !== '')) {
    const fields = line.split('\t');
    if (line.startsWith('T')) {
      const [type, ...rest] = fields[1].split(' ');
      const fragments = rest.join(' ').split(';').map((pair) => pair.split(' ').map(Number));
      assert.equal(fragments.map(([start, end]) => characters.slice(start, end).join('')).join(' '), fields[2], line);
      entities.set(fields[0], { type, start: fragments[0][0], end: fragments[fragments.length - 1][1], text: characters.slice(fragments[0][0], fragments[fragments.length - 1][1]).join(''), attributes: {} });
    } else if (line.startsWith('#')) {
      entities.get(fields[1].split(' ')[1])!.note = fields[2];
    } else if (line.startsWith('A')) {
      const [name, target, value] = fields[1].split(' ');
      entities.get(target)!.attributes[name] = value ?? 'true';
    }
  }
  return [...entities.values()];
}

function fileOf(files: ExportFile[], path: string): ExportFile {
  const found = files.find((file) => file.path === path);
  assert.ok(found, `no ${path} in the export`);
  return found;
}

describe('exportBrat', () => {
  let corpus: MemoryCorpus;
  before(async () => {
    corpus = await memoryCorpus({ ...hardCaseTexts(), 'plain.text': 'Lisbon is a city.\n' }, { ...hardCaseTags(), 'plain.text': [{ type: 'LOCATION', start: 0, end: 6 }] });
  });

  it('writes each document as a byte-for-byte .txt copy and an .ann a brat-style reader slices correctly', () => {
    const output = exportBrat({ documents: corpus.documents, config: corpus.config });
    assert.equal(output.layout, 'folder');
    for (const document of corpus.documents) {
      const stem = document.path.endsWith('.txt') ? document.path.slice(0, -4) : document.path;
      const txt = fileOf(output.files, `${stem}.txt`);
      assert.ok('copyOf' in txt && txt.copyOf === document.path);
      const ann = fileOf(output.files, `${stem}.ann`);
      assert.ok('content' in ann);
      const entities = readBrat(ann.content, corpusBytes(corpus, document.path));
      // A span of nothing but a line break has no place in brat (reported, see below).
      const expected = document.placed.filter((annotation) => annotation.text !== '\r\n').map((annotation) => ({ type: annotation.type, start: annotation.start, end: annotation.end, text: annotation.text }));
      assert.deepEqual(entities.map(({ type, start, end, text }) => ({ type, start, end, text })), expected, document.path);
    }
    assert.equal(output.annotations, 33);
    assert.ok(output.warnings.some((item) => item.code === 'export-blank' && item.file === 'hard/crlf.txt.ann.yaml'));
  });

  it('writes a span across a line break as fragments, notes as # lines and attributes as A lines', () => {
    const output = exportBrat({ documents: corpus.documents, config: corpus.config });
    const ann = fileOf(output.files, 'hard/crlf.ann');
    assert.ok('content' in ann);
    const lines = ann.content.split('\n');
    assert.ok(lines.includes('T2\tLOCATION 16 23;25 29\tJohnson Line'), ann.content);
    assert.ok(lines.includes('#1\tAnnotatorNotes T1\tcheck this "one"'), ann.content);
    assert.ok(lines.includes('A1\trole T1 lead') && lines.includes('A2\twikidata T1 Q1'), ann.content);
    assert.deepEqual(fragmentsOf({ id: 'x', type: 'T', start: 3, end: 10, text: '😀a\r\n\nb' }), [
      [3, 5, '😀a'],
      [8, 9, 'b'],
    ]);
    assert.ok(output.warnings.some((item) => item.code === 'export-note-flattened'));
  });

  it('writes annotation.conf with every type, the attributes and overlapping allowed, and the visual files', () => {
    const output = exportBrat({ documents: corpus.documents, config: corpus.config });
    const conf = fileOf(output.files, 'annotation.conf');
    assert.ok('content' in conf);
    for (const line of ['[entities]', 'PERSON', 'MISC', '<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>', 'role Arg:<ENTITY>, Value:lead', 'wikidata Arg:<ENTITY>, Value:Q1']) {
      assert.ok(conf.content.split('\n').includes(line), `${line} missing from\n${conf.content}`);
    }
    const visual = fileOf(output.files, 'visual.conf');
    assert.ok('content' in visual && visual.content.includes('PERSON\tbgColor:#004b92'));
    const keys = fileOf(output.files, 'kb_shortcuts.conf');
    assert.ok('content' in keys && keys.content.includes('P PERSON\n'));
    assert.ok(output.files.some((file) => file.path === 'plain.text.txt'), 'a file not named .txt keeps its name plus .txt');
  });

  it('tells which files brat itself will show shifted: CRLF, BOM, characters outside the BMP', () => {
    const output = exportBrat({ documents: corpus.documents, config: corpus.config });
    const codes = (file: string) => output.warnings.filter((item) => item.file === file).map((item) => item.code).sort();
    // The flag in crlf.txt comes after its last span, so no span there looks shifted by it.
    assert.deepEqual(codes('hard/crlf.txt'), ['brat-crlf']);
    assert.deepEqual(codes('hard/emoji-flags.txt'), ['brat-astral']);
    assert.deepEqual(codes('hard/bom.txt'), ['brat-bom']);
    assert.deepEqual(codes('hard/mixed-bom-crlf.txt'), ['brat-astral', 'brat-bom', 'brat-crlf']);
    assert.deepEqual(codes('hard/combining.txt'), []);
    assert.deepEqual(codes('plain.text'), []);
  });
});

function corpusBytes(corpus: MemoryCorpus, path: string): Uint8Array {
  const texts = hardCaseTexts();
  return texts[path] ?? new TextEncoder().encode(corpus.files.readText(path) ?? '');
}
