import assert from 'node:assert/strict';
import { createCorpusMatcher, defaultProjectConfig, parseProjectFile } from '../../../src/core/project';
import { budgetGuardMs } from '../../support/budget';

/** Milliseconds a call takes. */
function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('hostile project globs', () => {
  it('matches 16 "*a" against a 40-character name at once (backtracking took over a minute)', () => {
    const glob = '*a'.repeat(16) + 'b';
    const matches = createCorpusMatcher({ ...defaultProjectConfig(), include: [glob] });
    let result = true;
    const took = timed(() => (result = matches('a'.repeat(40))));
    assert.equal(result, false);
    assert.ok(took < budgetGuardMs, `took ${took} ms`);
  });

  it('refuses a pattern of more than 16 wildcards with a clear problem', () => {
    const parsed = parseProjectFile(`version: 1\ncorpus:\n  include: ["${'*a'.repeat(17)}", "**/*.txt"]\n`, 'news-annotator.yaml');
    assert.deepEqual(
      parsed.problems.map((item) => `${item.line}:${item.column} ${item.message}`),
      [`3:13 "${'*a'.repeat(17)}": it holds 17 wildcards "*" or "**"; at most 16 are allowed; it is ignored.`],
    );
    assert.deepEqual(parsed.config.include, ['**/*.txt']);
  });

  it('keeps a project file of 256 wildcard and brace patterns within budget over a thousand files', () => {
    const patterns = Array.from({ length: 256 }, (_, index) => (index % 2 === 0 ? `"${'*a'.repeat(16)}${index}"` : `"{*a,*b}{a,b}{a,b}{a,b}{a,b}${'*a'.repeat(10)}${index}"`));
    const parsed = parseProjectFile(`version: 1\ncorpus:\n  include: [${patterns.join(', ')}]\n`, 'news-annotator.yaml');
    assert.deepEqual(parsed.problems.map((item) => item.message), [
      '"corpus.include" patterns are together too complex to match quickly; this one and the rest are ignored. Use fewer braces and wildcards.',
    ]);
    const matches = createCorpusMatcher(parsed.config);
    const took = timed(() => {
      for (let file = 0; file < 1000; file++) assert.equal(matches(`desk/${'a'.repeat(60)}${file}x`), false);
    });
    assert.ok(took < budgetGuardMs, `took ${took} ms`);
  });

  it('reports braces that would expand past the bound, naming the pattern', () => {
    const parsed = parseProjectFile(`version: 1\ncorpus:\n  include: ["${'{a,b}'.repeat(12)}.txt", "**/*.txt"]\n`, 'news-annotator.yaml');
    const problem = parsed.problems.find((item) => item.code === 'project-glob');
    assert.ok(problem, JSON.stringify(parsed.problems));
    assert.match(problem.message, /braces expand to more than 256 patterns; it is ignored/);
    assert.deepEqual(parsed.config.include, ['**/*.txt']);
  });
});
