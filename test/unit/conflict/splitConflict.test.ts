import fc from 'fast-check';
import assert from 'node:assert/strict';
import { replaceHunks, sideRanges, sideText, splitConflict } from '../../../src/core/conflict/splitConflict';
import { hunkedFile } from './conflictTestSupport';

// Lines that are not markers (outside hunks), and lines inside hunks that include markers of
// another size than the hunk's (8: the hunks use 7, 9 or 10), which are text there as in git.
const plain = fc.oneof(
  fc.string({ maxLength: 12 }).map((text) => text.replace(/[\r\n]/g, ' ').replace(/^[<=>|]{7}/, 'x')),
  fc.constantFrom('  - {id: a}', 'status: done', '======= x', ''),
);
const common = plain.map((text) => `${text}\n`);
const line = fc.oneof(plain, fc.constantFrom('<<<<<<<< not ours', '========', '>>>>>>>> x')).map((text) => `${text}\n`);

const segments = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('common' as const), lines: fc.array(common, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('hunk' as const), ours: fc.array(line, { maxLength: 3 }), base: fc.option(fc.array(line, { maxLength: 2 })), theirs: fc.array(line, { maxLength: 3 }) }),
  ),
  { maxLength: 6 },
);

describe('splitConflict: git conflict markers into hunks', () => {
  it('reads a diff3 hunk with labels, line numbers and each side', () => {
    const text = 'a\n<<<<<<< HEAD\nours 1\nours 2\n||||||| base\nold\n=======\ntheirs\n>>>>>>> feature\nz\n';
    const split = splitConflict(text);
    assert.ok(split.ok);
    const [hunk] = split.conflict.hunks;
    assert.deepEqual(
      { start: hunk.startLine, base: hunk.baseLine, separator: hunk.separatorLine, end: hunk.endLine, ours: hunk.ours, baseLines: hunk.base, theirs: hunk.theirs, labels: [hunk.oursLabel, hunk.theirsLabel] },
      { start: 2, base: 5, separator: 7, end: 9, ours: ['ours 1\n', 'ours 2\n'], baseLines: ['old\n'], theirs: ['theirs\n'], labels: ['HEAD', 'feature'] },
    );
    assert.equal(sideText(split.conflict, 'ours'), 'a\nours 1\nours 2\nz\n');
    assert.equal(sideText(split.conflict, 'theirs'), 'a\ntheirs\nz\n');
    assert.deepEqual(sideRanges(split.conflict, 'ours'), [{ from: 2, to: 4 }]);
  });

  it('reads markers longer than seven (conflict-marker-size) and keeps shorter ones inside as text', () => {
    const text = '<<<<<<<<< ours\n<<<<<<< x\n=========\n=======\n>>>>>>>>> theirs\n';
    const split = splitConflict(text);
    assert.ok(split.ok);
    assert.deepEqual(split.conflict.hunks[0].ours, ['<<<<<<< x\n']);
    assert.deepEqual(split.conflict.hunks[0].theirs, ['=======\n']);
  });

  it('keeps CRLF line breaks and a last line without one', () => {
    const text = 'a\r\n<<<<<<< ours\r\nb\r\n=======\r\nc\r\n>>>>>>> theirs';
    const split = splitConflict(text);
    assert.ok(split.ok);
    assert.equal(sideText(split.conflict, 'theirs'), 'a\r\nc\r\n');
    assert.equal(replaceHunks(split.conflict, new Map()), text);
  });

  it('refuses markers that do not nest as git writes them, at their line', () => {
    for (const [text, line] of [
      ['a\n=======\n', 2],
      ['<<<<<<< ours\nb\n', 1],
      ['<<<<<<< ours\nb\n>>>>>>> theirs\n', 3],
      ['<<<<<<< ours\n=======\n|||||||\n>>>>>>> theirs\n', 3],
    ] as const) {
      const split = splitConflict(text, 'f.ann.yaml');
      assert.ok(!split.ok, text);
      assert.equal(split.problem.code, 'conflict-markers');
      assert.equal(split.problem.line, line, text);
    }
  });

  it('property: each side of a hunked file is that side, and nothing replaced gives the file back', () => {
    fc.assert(
      fc.property(segments, fc.constantFrom(7, 9, 10), (pieces, size) => {
        let text = '';
        let ours = '';
        let theirs = '';
        for (const piece of pieces) {
          if (piece.kind === 'common') {
            text += piece.lines.join('');
            ours += piece.lines.join('');
            theirs += piece.lines.join('');
          } else {
            const base = piece.base === null ? '' : `${'|'.repeat(size)} base\n${piece.base.join('')}`;
            text += `${'<'.repeat(size)} ours\n${piece.ours.join('')}${base}${'='.repeat(size)}\n${piece.theirs.join('')}${'>'.repeat(size)} theirs\n`;
            ours += piece.ours.join('');
            theirs += piece.theirs.join('');
          }
        }
        const split = splitConflict(text);
        assert.ok(split.ok, text);
        assert.equal(split.conflict.hunks.length, pieces.filter((piece) => piece.kind === 'hunk').length);
        assert.equal(sideText(split.conflict, 'ours'), ours);
        assert.equal(sideText(split.conflict, 'theirs'), theirs);
        assert.equal(replaceHunks(split.conflict, new Map()), text);
        const allOurs = new Map(split.conflict.hunks.map((hunk) => [hunk.index, hunk.ours] as const));
        assert.equal(replaceHunks(split.conflict, allOurs), ours);
      }),
    );
  });

  it('property: the ours text of a two-way hunked file reproduces the ours file', () => {
    const file = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', 'status: done\n', '  - {id: x}\n'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(file, file, (ours, theirs) => {
        const split = splitConflict(hunkedFile(ours, theirs));
        assert.ok(split.ok);
        assert.equal(sideText(split.conflict, 'ours'), ours);
        assert.equal(sideText(split.conflict, 'theirs'), theirs);
      }),
    );
  });
});
