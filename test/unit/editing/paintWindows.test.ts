import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coversVisible, marginLines, paintWindows, touchesAny, type LineWindow } from '../../../src/core/editing/paintWindows';

describe('paintWindows', () => {
  it('widens what is visible by the margin, within the file', () => {
    assert.deepEqual(paintWindows([{ first: 500, last: 540 }], 10_000), [{ first: 500 - marginLines, last: 540 + marginLines }]);
    assert.deepEqual(paintWindows([{ first: 10, last: 40 }], 80), [{ first: 0, last: 79 }]);
  });

  it('widens by one screen when the screen is taller than the margin', () => {
    assert.deepEqual(paintWindows([{ first: 1000, last: 1299 }], 10_000), [{ first: 700, last: 1599 }]);
  });

  it('merges the windows of visible ranges that meet (folded regions, split views of one editor)', () => {
    assert.deepEqual(paintWindows([{ first: 900, last: 920 }, { first: 500, last: 520 }], 10_000), [{ first: 400, last: 620 }, { first: 800, last: 1020 }]);
    assert.deepEqual(paintWindows([{ first: 500, last: 520 }, { first: 700, last: 720 }], 10_000), [{ first: 400, last: 820 }]);
    // Windows that only meet, line 400 and line 401, are one window too.
    assert.deepEqual(paintWindows([{ first: 300, last: 300 }, { first: 501, last: 501 }], 10_000), [{ first: 200, last: 601 }]);
  });

  it('covers every visible line, within the file (property)', () => {
    const visible = fc.array(fc.tuple(fc.nat(5_000), fc.nat(200)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(visible, fc.integer({ min: 1, max: 6_000 }), (ranges, lineCount) => {
        const windows: LineWindow[] = ranges.map(([first, height]) => ({ first: Math.min(first, lineCount - 1), last: Math.min(first + height, lineCount - 1) }));
        const painted = paintWindows(windows, lineCount);
        for (const window of windows) assert.ok(painted.some((paintedWindow) => paintedWindow.first <= window.first && window.last <= paintedWindow.last));
        for (const [index, window] of painted.entries()) {
          assert.ok(window.first >= 0 && window.last <= lineCount - 1 && window.first <= window.last);
          if (index > 0) assert.ok(window.first > painted[index - 1].last + 1, 'sorted and apart');
        }
        assert.ok(coversVisible(painted, windows, lineCount), 'a fresh paint needs no repaint');
      }),
    );
  });
});

describe('coversVisible', () => {
  const painted = [{ first: 400, last: 640 }];

  it('needs no repaint for a small scroll', () => {
    assert.equal(coversVisible(painted, [{ first: 480, last: 520 }], 10_000), true);
  });

  it('repaints when the screen comes within half a margin of an edge of what was painted', () => {
    assert.equal(coversVisible(painted, [{ first: 430, last: 470 }], 10_000), false);
    assert.equal(coversVisible(painted, [{ first: 560, last: 600 }], 10_000), false);
    assert.equal(coversVisible(painted, [{ first: 2000, last: 2040 }], 10_000), false);
  });

  it('needs no repaint at the top or bottom of the file, where the window ends with the text', () => {
    assert.equal(coversVisible([{ first: 0, last: 150 }], [{ first: 0, last: 40 }], 10_000), true);
    assert.equal(coversVisible([{ first: 9_850, last: 9_999 }], [{ first: 9_960, last: 9_999 }], 10_000), true);
  });
});

describe('touchesAny', () => {
  it('keeps spans that overlap or touch a range, and only those', () => {
    const ranges: [number, number][] = [[100, 200], [500, 600]];
    assert.equal(touchesAny(90, 100, ranges), true);
    assert.equal(touchesAny(200, 210, ranges), true);
    assert.equal(touchesAny(150, 550, ranges), true);
    assert.equal(touchesAny(201, 499, ranges), false);
    assert.equal(touchesAny(0, 99, ranges), false);
    assert.equal(touchesAny(601, 700, ranges), false);
  });
});
