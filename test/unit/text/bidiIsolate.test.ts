import assert from 'node:assert/strict';
import { hasRightToLeft, isolate, isolateRightToLeft } from '../../../src/core/text/bidiIsolate';
import { printable } from '../../../src/core/text/printable';

describe('bidiIsolate', () => {
  it('finds right-to-left letters of Arabic, Persian, Hebrew and the supplementary planes', () => {
    for (const text of ['القاهرة', 'کتابخانه', 'ירושלים', 'abc ش', '\u{10900}', '\u{1e900}']) assert.ok(hasRightToLeft(text), text);
    for (const text of ['Beijing', 'Bogotá', '杭州', '😀', '123', '\ufeff']) assert.ok(!hasRightToLeft(text), text);
  });

  it('isolates right-to-left entity text, and leaves other text as it is', () => {
    assert.equal(isolateRightToLeft('کتابخانه ملی'), '\u2068کتابخانه ملی\u2069');
    assert.equal(isolateRightToLeft('Cartagena'), 'Cartagena');
    assert.equal(isolate('PERSON'), '\u2068PERSON\u2069');
  });

  it('keeps its own isolate when applied after printable(), which escapes the isolates of file text', () => {
    const fromFile = 'نام\u2069 1';
    const shown = isolateRightToLeft(printable(fromFile));
    assert.equal(shown, '\u2068نام\\u2069 1\u2069');
    assert.equal([...shown].filter((character) => character === '\u2069').length, 1);
  });
});
