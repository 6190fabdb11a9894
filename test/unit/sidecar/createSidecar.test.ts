import assert from 'node:assert/strict';
import { createSidecar, isoSeconds, newAnnotation } from '../../../src/core/sidecar/createSidecar';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { decodeText } from '../../../src/core/text/decodeText';

describe('createSidecar and newAnnotation', () => {
  const bytes = new TextEncoder().encode('\ufeffLe 😀 maire Ana\r\nde Lisboa');
  const decoded = decodeText(bytes);
  const text = new CodePointIndex(decoded.text);

  it('start an empty sidecar that records the text’s hash, BOM and line endings', () => {
    const sidecar = createSidecar('a.txt', decoded);
    assert.deepEqual(sidecar.source, { file: 'a.txt', sha256: decoded.sha256, unit: 'codepoint', encoding: 'utf-8', bom: true, newline: 'crlf' });
    assert.equal(sidecar.status, 'untouched');
    assert.match(serializeSidecar(sidecar), /\nannotations: \[\]\n$/);
  });

  it('make an annotation with its exact text, context and a fresh id', () => {
    const sidecar = createSidecar('a.txt', decoded);
    // Code points: "Le 😀 maire " is 11, so "Ana" is 11-14 (14-17 in UTF-16).
    const annotation = newAnnotation(sidecar, text, { type: 'PERSON', start: 11, end: 14, annotator: 'ana', created: new Date('2026-11-24T20:00:00.123Z') });
    assert.equal(annotation.text, 'Ana');
    assert.equal(annotation.prefix, 'Le 😀 maire ');
    assert.equal(annotation.suffix, '\r\nde Lisboa');
    assert.equal(annotation.created, '2026-11-24T20:00:00Z');
    assert.match(annotation.id, /^[a-z2-7]{8}$/);
    const written = serializeSidecar({ ...sidecar, annotations: [annotation] });
    const read = parseSidecar(written, 'a.txt.ann.yaml');
    assert.ok(read.ok && read.canonical);
    assert.deepEqual(read.sidecar.annotations, [annotation]);
  });

  it('never give an annotation an id the sidecar already has', () => {
    const first = newAnnotation(createSidecar('a.txt', decoded), text, { type: 'PERSON', start: 11, end: 14 }, (bytes) => bytes.fill(0));
    const second = newAnnotation(createSidecar('a.txt', decoded), text, { type: 'PERSON', start: 11, end: 14 }, (bytes) => bytes.fill(1));
    assert.deepEqual([first.id, second.id], ['aaaaaaaa', 'bbbbbbbb']);
    const sidecar = { ...createSidecar('a.txt', decoded), annotations: [second, first] };
    // The random source draws the taken ids first, then a free one.
    const draws = [0, 1, 2];
    let call = 0;
    const third = newAnnotation(sidecar, text, { type: 'PLACE', start: 0, end: 2 }, (bytes) => bytes.fill(draws[Math.min(call++, 2)]));
    assert.equal(third.id, 'cccccccc');
    assert.equal(call, 3);
  });

  it('write times in UTC to the second', () => {
    assert.equal(isoSeconds(new Date(Date.UTC(2026, 10, 24, 20, 0, 5, 999))), '2026-11-24T20:00:05Z');
  });
});
