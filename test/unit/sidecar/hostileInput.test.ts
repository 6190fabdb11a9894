import fc from 'fast-check';
import assert from 'node:assert/strict';
import { buildSidecar } from '../../../src/core/sidecar/buildSidecar';
import { parseSidecar, type ParseResult } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readWithYaml } from '../../../src/core/sidecar/yamlPath';
import { findConflictMarkers } from '../../../src/core/sidecar/safetyChecks';
import { readFixture } from './sidecarTestSupport';

const file = 'hostile.ann.yaml';

/** Parses the input `times` times in this process (a second deep parse is what used to kill Node). */
// The yaml reader's own checks, on files past the default 1 MB cap (which refuses them outright).
const aboveYamlCap = { maximumYamlSize: 4 * 1024 * 1024 };

function parseRepeatedly(content: string, times = 5, options = {}): { result: ParseResult; milliseconds: number } {
  let result: ParseResult | undefined;
  const started = performance.now();
  for (let round = 0; round < times; round++) result = parseSidecar(content, file, options);
  return { result: result!, milliseconds: (performance.now() - started) / times };
}

function codes(result: ParseResult): string[] {
  return result.problems.map((item) => item.code);
}

const header = 'format: news-annotator/1\nsource: {file: "a.txt", sha256: "", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}\n';

describe('hostile sidecars', function () {
  this.timeout(60_000);

  describe('deep nesting is refused before yaml builds its tree, and the process survives', () => {
    const cases: Record<string, string> = {
      '1,000 [': '['.repeat(1000),
      '100,000 [ ]': '['.repeat(100_000) + ']'.repeat(100_000),
      '5,000 {a:': '{a: '.repeat(5000),
      '5,000 compact "- "': '- '.repeat(5000) + 'x\n',
      '2,000 indented maps': Array.from({ length: 2000 }, (_, depth) => ' '.repeat(depth) + 'a:').join('\n') + ' 1\n',
      'deep list inside an annotation': header + 'annotations:\n  - {id: ' + '['.repeat(3000) + '\n',
      'a canonical-looking line nested 100 deep': header + 'annotations:\n  - {id: "a", type: "T", start: 0, end: 1, text: "x", z: ' + '{a: '.repeat(100) + '1' + '}'.repeat(100) + '}\n',
    };
    for (const [name, content] of Object.entries(cases)) {
      it(name, () => {
        const { result } = parseRepeatedly(content, 5, aboveYamlCap);
        assert.equal(result.ok, false);
        assert.ok(codes(result).includes('yaml-too-deep') || codes(result).includes('yaml-syntax'), codes(result).join());
        assert.ok(result.problems.every((item) => item.line >= 1 && item.column >= 1));
      });
    }

    it('accepts nesting up to the limit', () => {
      const content = header + 'annotations: []\nnested: ' + '['.repeat(60) + ']'.repeat(60) + '\n';
      const result = parseSidecar(content, file);
      assert.ok(result.ok, JSON.stringify(result.problems));
    });
  });

  describe('aliases are refused', () => {
    it('billion laughs, quickly', () => {
      const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let level = 1; level < 10; level++) {
        const previous = String.fromCharCode(96 + level);
        const name = String.fromCharCode(97 + level);
        levels.push(`${name}: &${name} [${Array(9).fill('*' + previous).join(', ')}]`);
      }
      const { result, milliseconds } = parseRepeatedly(levels.join('\n') + '\n');
      assert.equal(result.ok, false);
      assert.equal(codes(result)[0], 'yaml-alias');
      assert.ok(milliseconds < 1000, `${milliseconds} ms`);
    });

    it('a self-referencing alias (&a [*a])', () => {
      const { result } = parseRepeatedly(header + 'annotations: &a [*a]\n');
      assert.deepEqual(codes(result), ['yaml-alias']);
      assert.deepEqual([result.problems[0].line, result.problems[0].column], [3, 18]);
    });

    it('an undefined alias (*a), which makes yaml throw', () => {
      const { result } = parseRepeatedly('a: *a\n');
      assert.equal(result.ok, false);
      assert.ok(result.problems.length > 0);
    });
  });

  it('refuses !!binary, !!set, !!timestamp and custom tags instead of building objects', () => {
    for (const value of ['!!binary aGVsbG8=', '!!set {a, b}', '!!timestamp 2001-12-14', '!python/object:os.system x', '!!omap [a: 1]']) {
      const { result } = parseRepeatedly(header + `annotations: []\nthing: ${value}\n`, 2);
      assert.deepEqual(codes(result), ['yaml-tag'], value);
      // The problem points at the tagged value: line 4, after `thing: `.
      assert.equal(result.problems[0].line, 4);
      assert.ok(result.problems[0].column >= 8);
    }
  });

  it('keeps __proto__ as plain data and never touches Object.prototype', () => {
    const content =
      header +
      '__proto__: {polluted: "yes"}\nannotations:\n  - {id: "a", type: "T", start: 0, end: 1, text: "x", __proto__: {polluted: "yes"}, constructor: "c"}\n';
    const blockStyle =
      header +
      '__proto__:\n  polluted: "yes"\nannotations:\n  - id: "a"\n    type: "T"\n    start: 0\n    end: 1\n    text: "x"\n    __proto__:\n      polluted: "yes"\n    constructor: "c"\n';
    for (const variant of [content, blockStyle]) {
      const result = parseSidecar(variant, file);
      assert.ok(result.ok, JSON.stringify(result.problems));
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      const annotation = result.sidecar.annotations[0];
      assert.equal(Object.getPrototypeOf(annotation.extra), Object.prototype);
      assert.deepEqual(Object.keys(annotation.extra!), ['__proto__', 'constructor']);
      assert.deepEqual(Object.getOwnPropertyDescriptor(result.sidecar.extra, '__proto__')?.value, { polluted: 'yes' });
      const again = parseSidecar(serializeSidecar(result.sidecar), file);
      assert.ok(again.ok && again.canonical);
      assert.deepEqual(again.sidecar, result.sidecar);
    }
  });

  it('checks 20,000 keys for duplicates in one pass', () => {
    const keys = Array.from({ length: 20_000 }, (_, index) => `key${index}: ${index}`);
    const { result, milliseconds } = parseRepeatedly(header + keys.join('\n') + '\nannotations: []\n', 2);
    assert.ok(result.ok);
    assert.equal(Object.keys(result.sidecar.extra!).length, 20_000);
    // yaml's own check takes about 3.5 s here; one pass takes a fraction of a second.
    assert.ok(milliseconds < 2000, `${milliseconds} ms`);
    const duplicated = parseSidecar(header + keys.join('\n') + '\nkey5: 1\n', file);
    assert.deepEqual(duplicated.problems.map((item) => `${item.code}@${item.line}:${item.column}`), ['duplicate-key@20003:1']);
  });

  it('reads a 100,000-line canonical file through the fast path', () => {
    const lines = Array.from({ length: 100_000 }, (_, index) => `  - {id: "${String(index).padStart(8, '0')}", type: "T", start: ${index}, end: ${index + 1}, text: "x"}`);
    const content = `# News Annotator sidecar: annotations of a.txt. Offsets count Unicode code points; end is exclusive.\n${header}status: "untouched"\nannotations:\n${lines.join('\n')}\n`;
    const { result, milliseconds } = parseRepeatedly(content, 1);
    assert.ok(result.ok && result.canonical, JSON.stringify(result.problems.slice(0, 3)));
    assert.equal(result.sidecar.annotations.length, 100_000);
    assert.ok(milliseconds < 10_000, `${milliseconds} ms`);
  });

  it('reads a 100,000-line hand-edited file through yaml', () => {
    const content = header + 'annotations: []\n' + '# a comment line\n'.repeat(100_000);
    const { result } = parseRepeatedly(content, 1, aboveYamlCap);
    assert.ok(result.ok && !result.canonical);
    assert.deepEqual(codes(parseRepeatedly(content, 1).result), ['sidecar-too-large'], 'over 1 MB by default');
  });

  it('refuses files over the size caps without reading them', () => {
    const big = parseRepeatedly('x'.repeat(40 * 1024 * 1024), 2);
    assert.deepEqual(codes(big.result), ['sidecar-too-large']);
    assert.ok(big.milliseconds < 100, `${big.milliseconds} ms`);
    const handEdited = parseSidecar(header + 'annotations: []\n' + '#\n'.repeat(5000), file, { maximumYamlSize: 5000 });
    assert.deepEqual(codes(handEdited), ['sidecar-too-large']);
    const small = parseSidecar(readFixture('article.txt.ann.yaml'), file, { maximumSize: 100 });
    assert.deepEqual(codes(small), ['sidecar-too-large']);
  });

  it('reports every git conflict marker at its line and refuses the file', () => {
    const result = parseSidecar(readFixture('conflicted.ann.yaml'), file);
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map((item) => `${item.code}@${item.line}:${item.column}`), [
      'conflict-markers@7:1',
      'conflict-markers@9:1',
      'conflict-markers@11:1',
    ]);
    const diff3 = parseSidecar('a: 1\n<<<<<<< ours\nb: 1\n||||||| base\n=======\nb: 2\n>>>>>>> theirs\n', file);
    assert.deepEqual(diff3.problems.map((item) => item.line), [2, 4, 5, 7]);
    // Seven equals signs inside a value or indented are not markers.
    assert.ok(parseSidecar(header + 'annotations: []\nnote: "=======\\n"\n', file).ok);
  });

  it('finds a marker wherever a line starts (first line, after LF, CRLF or a lone CR), and nowhere else', () => {
    const pieces = fc.constantFrom('<<<<<<<', '=======', '>>>>>>>', '|||||||', '<<<<<<', '=', ' ', 'x', '\n', '\r\n', '\r', ' ours', 'a: 1');
    const byLine = (content: string) =>
      content
        .split(/\r\n|\n|\r/)
        .map((line, index) => (/^(?:<{7,}|={7,}|>{7,}|\|{7,})(?: |\r?$)/.test(line) ? index + 1 : 0))
        .filter((line) => line > 0);
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const content = parts.join('');
        assert.deepEqual(
          findConflictMarkers(content, file).map((item) => item.line),
          byLine(content),
        );
      }),
      { numRuns: 2000 },
    );
    assert.deepEqual(findConflictMarkers('a\r=======\rb', file).map((item) => item.line), [2]);
  });

  it('never throws, whatever the text, and always says where', () => {
    const pieces = fc.constantFrom('a: ', '- ', '[', ']', '{', '}', ',', '"', "'", '\\', '&a ', '*a', '!!', '\n', '\r\n', '  ', '#', ':', '---\n', '|\n', '>-\n', '? ', '%YAML 1.1\n', '\t', '\u0000', '\ufeff', '😀', 'annotations:\n', 'start: 1', 'text: True', '<<<<<<< x\n');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const result = parseSidecar(parts.join(''), file);
        for (const item of result.problems) assert.ok(item.line >= 1 && item.column >= 1);
        if (!result.ok) assert.ok(result.problems.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on damaged canonical files', () => {
    const canonical = readFixture('article.txt.ann.yaml');
    fc.assert(
      fc.property(fc.nat({ max: canonical.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 3 }), (at, cut, insert) => {
        const damaged = canonical.slice(0, at) + insert + canonical.slice(at + cut);
        const result = parseSidecar(damaged, file);
        if (result.ok && result.canonical) {
          // Whatever the fast path accepts, yaml must read the same way.
          assert.equal(serializeSidecar(result.sidecar), damaged);
          const slow = readWithYaml(damaged, file);
          assert.ok(slow.ok);
          assert.deepEqual(buildSidecar(slow.root, slow.locator, file).sidecar, result.sidecar);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
