import assert from 'node:assert/strict';
import { createCorpusMatcher, defaultProjectConfig, isCorpusFile, parseProjectFile, type ProjectConfig } from '../../../src/core/project';

const withGlobs = (include: string[], exclude: string[] = []): ProjectConfig => ({ ...defaultProjectConfig(), include, exclude });

describe('createCorpusMatcher', () => {
  it('takes .txt files at any depth by default, the root included', () => {
    const matches = createCorpusMatcher(defaultProjectConfig());
    for (const path of ['article.txt', '2026/05/article.txt', 'a b/ç😀.txt']) assert.equal(matches(path), true, path);
    for (const path of ['article.md', 'article.txt.bak', 'notes/article.TXT.gz']) assert.equal(matches(path), false, path);
  });

  it('leaves out tool folders, README and LICENSE files by default', () => {
    const matches = createCorpusMatcher(defaultProjectConfig());
    for (const path of ['node_modules/pkg/a.txt', 'x/node_modules/a.txt', '.git/a.txt', 'README.txt', 'desk/README-2026.txt', 'LICENSE.txt']) {
      assert.equal(matches(path), false, path);
    }
    // Only the upper-case names: an article may well be about a licence.
    assert.equal(matches('licence-fees-rise.txt'), true);
  });

  it('never takes a sidecar or the project file, whatever the globs say', () => {
    const matches = createCorpusMatcher(withGlobs(['**/*', '**/*.yaml']));
    for (const path of ['a.txt.ann.yaml', 'deep/a.txt.ann.yaml', 'A.TXT.ANN.YAML', 'Ω/a.txt.Ann.Yaml', 'news-annotator.yaml', 'sub/news-annotator.yaml', 'SUB/News-Annotator.YAML']) {
      assert.equal(matches(path), false, path);
    }
    assert.equal(matches('other.yaml'), true);
    // The project file's name at the end of another name is just a file.
    assert.equal(matches('old-news-annotator.yaml'), true);
    assert.equal(matches('sub/my.news-annotator.yaml'), true);
  });

  it('applies excludes after includes', () => {
    const matches = createCorpusMatcher(withGlobs(['**/*.txt'], ['drafts/**', '**/*-old.txt']));
    assert.equal(matches('drafts/a.txt'), false);
    assert.equal(matches('desk/drafts/a.txt'), true);
    assert.equal(matches('desk/a-old.txt'), false);
    assert.equal(matches('desk/a.txt'), true);
  });

  it('supports braces, character classes and "**" in the middle', () => {
    const matches = createCorpusMatcher(withGlobs(['{news,wires}/**/2026-0[1-6]-*.txt']));
    assert.equal(matches('news/2026-03-budget.txt'), true);
    assert.equal(matches('wires/afp/es/2026-06-strike.txt'), true);
    assert.equal(matches('wires/2026-07-strike.txt'), false);
    assert.equal(matches('blogs/2026-03-x.txt'), false);
  });

  it('skips dot-folders unless a pattern names them, and still excludes inside them', () => {
    assert.equal(createCorpusMatcher(withGlobs(['**/*.txt']))('.archive/a.txt'), false);
    const named = createCorpusMatcher(withGlobs(['.archive/**/*.txt'], ['**/node_modules/**']));
    assert.equal(named('.archive/a.txt'), true);
    assert.equal(named('.archive/node_modules/a.txt'), false);
  });

  it('reads a pattern ending in "/" as the whole folder', () => {
    const matches = createCorpusMatcher(withGlobs(['**/*.txt'], ['drafts/']));
    assert.equal(matches('drafts/a.txt'), false);
    assert.equal(matches('drafts/deep/a.txt'), false);
  });

  it('accepts "./", a leading "/" and backslashes in the path', () => {
    const matches = createCorpusMatcher(withGlobs(['news/*.txt']));
    for (const path of ['./news/a.txt', '/news/a.txt', 'news\\a.txt']) assert.equal(matches(path), true, path);
    assert.equal(matches(''), false);
    assert.equal(matches('news/'), false);
  });

  it('matches nothing with an empty include list', () => {
    assert.equal(createCorpusMatcher(withGlobs([]))('a.txt'), false);
  });

  it('works on what parseProjectFile reads, negated includes turned into excludes', () => {
    const { config } = parseProjectFile('version: 1\ncorpus:\n  include: ["**/*.txt", "!drafts/**"]\n', 'p');
    assert.equal(isCorpusFile(config, 'a.txt'), true);
    assert.equal(isCorpusFile(config, 'drafts/a.txt'), false);
  });
});

describe('isCorpusFile', () => {
  it('compiles once per config object and follows a new config', () => {
    const config = withGlobs(['a/*.txt']);
    assert.equal(isCorpusFile(config, 'a/x.txt'), true);
    // Mutating the same object does not recompile: configs are values, replaced as a whole.
    config.include.push('b/*.txt');
    assert.equal(isCorpusFile(config, 'b/x.txt'), false);
    assert.equal(isCorpusFile(withGlobs(['a/*.txt', 'b/*.txt']), 'b/x.txt'), true);
  });
});
