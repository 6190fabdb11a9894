import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../../src/core/text/decodeText';
import { detectEncoding, firstInvalidUtf8 } from '../../../src/core/text/detectEncoding';
import { temporaryFolder } from '../export/exportTestSupport';
import { runCli } from '../cli/cliTestSupport';
import { budgetGuardMs } from '../../support/budget';

const bytes = (text: string, encoding: BufferEncoding) => new Uint8Array(Buffer.from(text, encoding));

describe('hostile texts: encodings other than UTF-8', () => {
  it('finds Latin-1, Windows-1252 and UTF-16 with the line and column of the first bad byte', () => {
    const latin1 = detectEncoding(bytes('ok\nBogotá', 'latin1'));
    assert.deepEqual(latin1, { utf8: false, likely: 'ISO-8859-1', byteOffset: 8, byte: 0xe1, line: 2, column: 6 });
    const quotes = new Uint8Array([...Buffer.from('He said '), 0x93, ...Buffer.from('no'), 0x94]);
    assert.equal((detectEncoding(quotes) as { likely: string }).likely, 'WINDOWS-1252');
    assert.deepEqual(detectEncoding(new Uint8Array([0xff, 0xfe, ...bytes('Kyiv', 'utf16le')])), { utf8: false, likely: 'UTF-16', byteOffset: 0, byte: 0xff, line: 1, column: 1 });
    assert.equal((detectEncoding(bytes('Kyiv news', 'utf16le')) as { likely: string }).likely, 'UTF-16LE');
    assert.equal((detectEncoding(bytes('Kyiv news', 'utf16le').slice(1)) as { likely: string }).likely, 'UTF-16BE');
  });

  it('passes UTF-8 with a BOM, astral characters and a real U+FFFD, through decodeText too', () => {
    const text = '\ufeffBogotá 😀 \ufffd 東京';
    assert.deepEqual(detectEncoding(bytes(text, 'utf8')), { utf8: true });
    assert.deepEqual(decodeText(bytes(text, 'utf8')).encoding, { utf8: true });
    assert.equal(decodeText(bytes('Bogotá', 'latin1')).encoding.utf8, false);
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF, as Python does', () => {
    for (const sequence of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      assert.equal(firstInvalidUtf8(new Uint8Array([0x61, ...sequence])), 1, sequence.join(' '));
    }
    assert.equal(firstInvalidUtf8(bytes('ok ä € 😀', 'utf8')), -1);
  });

  it('validate --strict reports each such text with an iconv line and exits 1 (they passed silently)', async () => {
    const corpus = temporaryFolder();
    try {
      writeFileSync(path.join(corpus.folder, 'latin1.txt'), Buffer.from('Bogotá, 3 de mayo\nLa alcaldía', 'latin1'));
      writeFileSync(path.join(corpus.folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv news', 'utf16le')]));
      writeFileSync(path.join(corpus.folder, 'good.txt'), 'Bogotá 😀');
      const started = Date.now();
      const result = await runCli(['validate', '--strict', '.'], corpus.folder);
      assert.ok(Date.now() - started < budgetGuardMs);
      assert.equal(result.code, 1);
      const latin = path.join(corpus.folder, 'latin1.txt');
      const utf16 = path.join(corpus.folder, 'utf16.txt');
      assert.equal(
        result.stdout,
        `latin1.txt:1:6: error: The text is not UTF-8 (byte 0xE1 at byte offset 5); it looks like Latin-1 (ISO-8859-1). Offsets would not match what Python reads; convert it: iconv -f ISO-8859-1 -t UTF-8 ${latin} > ${latin}.utf8 && mv ${latin}.utf8 ${latin}\n` +
          `utf16.txt:1:1: error: The text is not UTF-8 (byte 0xFF at byte offset 0); it looks like UTF-16 (it starts with a UTF-16 byte-order mark). Offsets would not match what Python reads; convert it: iconv -f UTF-16 -t UTF-8 ${utf16} > ${utf16}.utf8 && mv ${utf16}.utf8 ${utf16}\n`,
      );
    } finally {
      corpus.remove();
    }
  });
});
