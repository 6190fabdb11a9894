import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, maxBraceExpansions } from '../../../src/core/project/globPattern';

const test = (pattern: string, dot = false) => {
  const compiled = compileGlob(pattern, { dot });
  assert.ok(compiled.ok, pattern);
  return compiled.test;
};

describe('compileGlob', () => {
  it('agrees with picomatch on the documented syntax', () => {
    // picomatch was the matcher before; on the syntax the docs describe, nothing may change.
    const token = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[a-b]', '[.a]', '{a,b}', '{a,.b}', '{a,ab}');
    const segment = fc.oneof(fc.constant('**'), fc.array(token, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')));
    const pattern = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    const name = fc
      .array(fc.constantFrom('a', 'b', '.'), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join(''))
      // Names ending in "." are left out: picomatch does not match `a.` with `*.*` (Windows
      // cannot even store such a name), and `.` or `..` are never file names.
      .filter((part) => !part.endsWith('.'));
    const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(pattern, path, fc.boolean(), (glob, file, dot) => {
        // Where the docs say nothing, picomatch has quirks we do not copy (tested below): `**`
        // glued to other characters, a trailing `/**` matching the folder itself only after a
        // literal name, and `.` segments.
        fc.pre(!/\*\*[^/]|[^/]\*\*/.test(glob) && !glob.endsWith('/**') && !glob.split('/').includes('.'));
        // Each brace group here has two choices; more expansions than the limit are refused by
        // design (tested below), which picomatch has no counterpart for.
        fc.pre(2 ** (glob.match(/\{/g)?.length ?? 0) < maxBraceExpansions);
        assert.equal(test(glob, dot)(file), picomatch(glob, { dot, windows: false })(file), `${glob} on ${file} (dot: ${dot})`);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the same through its shortcuts (literals around one star, few segments) as through the full simulation', () => {
    // A one-member set `[c]` means the character c but is not a literal, so the bracketed
    // pattern takes the general name simulation; 31 more folders named `f` in front of both
    // pattern and path push the pattern past the segment count the bit-mask simulation holds.
    const bracketed = (glob: string) => glob.replace(/[a-z.]/g, (character) => `[${character}]`);
    const long = (glob: string) => `${'f/'.repeat(31)}${glob}`;
    const token = fc.constantFrom('a', 'b', '.', 'ab', '*');
    const segment = fc.oneof(fc.constant('**'), fc.array(token, { minLength: 0, maxLength: 4 }).map((parts) => parts.join('').replace(/\*+/g, '*')));
    const pattern = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    const name = fc.array(fc.constantFrom('a', 'b', '.'), { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));
    const path = fc.array(name, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(pattern, path, fc.boolean(), (glob, file, dot) => {
        const expected = test(bracketed(long(glob)), dot)(long(file));
        assert.equal(test(glob, dot)(file), expected, `${glob} on ${file} (dot: ${dot})`);
        assert.equal(test(long(glob), dot)(long(file)), expected, `long ${glob} on ${file} (dot: ${dot})`);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers "**/name" and "**/name/**" directly with the answers of the full simulation', () => {
    // `**/**/x` means what `**/x` does but has another shape, so it takes the simulation.
    const token = fc.constantFrom('a', 'b', '.', '*', '?', '[.a]', '[!a]');
    const name = fc.array(token, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('').replace(/\*+/g, '*'));
    const pathName = fc.array(fc.constantFrom('a', 'b', '.'), { minLength: 0, maxLength: 3 }).map((parts) => parts.join(''));
    const path = fc.array(pathName, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(name, fc.boolean(), path, fc.boolean(), (segment, below, file, dot) => {
        const glob = below ? `**/${segment}/**` : `**/${segment}`;
        assert.equal(test(glob, dot)(file), test(`**/${glob}`, dot)(file), `${glob} on ${file} (dot: ${dot})`);
      }),
      { numRuns: 5000 },
    );
    // The default corpus patterns, on the paths that tell them apart.
    assert.equal(test('**/*.txt')('a/b.txt'), true);
    assert.equal(test('**/*.txt')('.hidden/b.txt'), false);
    assert.equal(test('**/node_modules/**', true)('x/node_modules/y/a.txt'), true);
    assert.equal(test('**/node_modules/**', true)('.archive/node_modules/a.txt'), true);
    assert.equal(test('**/node_modules/**')('.archive/node_modules/a.txt'), false);
  });

  it('reads "**" as any number of folders, the root included', () => {
    assert.equal(test('**/*.txt')('a.txt'), true);
    assert.equal(test('**/*.txt')('x/y/a.txt'), true);
    assert.equal(test('drafts/**')('drafts/a/b.txt'), true);
    // `**` matching no folder lets `x/**` take a file named `x`, whatever `x` is.
    assert.equal(test('*/**')('drafts'), true);
    // Glued to a name, `**` is one `*` (picomatch would cross folders with `**.txt`).
    assert.equal(test('**.txt')('a/b.txt'), false);
    assert.equal(test('a**b')('axxb'), true);
    assert.equal(test('a/**/b')('a/b'), true);
    assert.equal(test('a/*')('a/b/c'), false);
  });

  it('matches a hidden name only with a segment that names its dot, unless dot is set', () => {
    assert.equal(test('*.*')('.b'), false);
    assert.equal(test('.*')('.b'), true);
    assert.equal(test('[.b]x')('.x'), true);
    assert.equal(test('**/*.txt')('.x/a.txt'), false);
    assert.equal(test('**/*.txt', true)('.x/a.txt'), true);
  });

  it('negates a set with "!" or "^", and escapes with "\\"', () => {
    assert.equal(test('[!a].txt')('b.txt'), true);
    assert.equal(test('[^a].txt')('a.txt'), false);
    assert.equal(test('\\*.txt')('*.txt'), true);
    assert.equal(test('\\*.txt')('a.txt'), false);
    assert.equal(test('report (1).txt')('report (1).txt'), true);
  });

  it('refuses braces that expand beyond the bound instead of expanding them', () => {
    const compiled = compileGlob('{a,b}'.repeat(9), { dot: false });
    assert.deepEqual(compiled, { ok: false, reason: `its braces expand to more than ${maxBraceExpansions} patterns` });
  });
});
