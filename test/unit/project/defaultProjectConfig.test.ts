import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultProjectConfig, projectFileName, typeNamePattern } from '../../../src/core/project';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string): number => {
    const [red, green, blue] = [1, 3, 5].map((index) => {
      const channel = parseInt(hex.slice(index, index + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [high, low] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (high + 0.05) / (low + 0.05);
}

describe('defaultProjectConfig', () => {
  it('gives the six news types with their single-letter keys', () => {
    const config = defaultProjectConfig();
    assert.equal(config.version, 1);
    assert.deepEqual(
      config.types.map((type) => [type.name, type.key]),
      [['PERSON', 'p'], ['ORG', 'o'], ['LOCATION', 'l'], ['DATE', 'd'], ['EVENT', 'e'], ['MISC', 'm']],
    );
    for (const type of config.types) {
      assert.match(type.name, typeNamePattern);
      assert.ok(type.description && type.description.length > 0 && type.description.length < 80, type.name);
    }
  });

  it('defines every type in one or two sentences, with examples and counter-examples', () => {
    for (const type of defaultProjectConfig().types) {
      const sentences = type.definition?.match(/[.!?](?:\s|$)/g)?.length ?? 0;
      assert.ok(sentences >= 1 && sentences <= 2 && type.definition!.endsWith('.'), `${type.name}: ${type.definition}`);
      assert.ok((type.examples?.length ?? 0) >= 2, `${type.name} has fewer than two examples`);
      assert.ok((type.notExamples?.length ?? 0) >= 1, `${type.name} has no counter-example`);
      for (const text of [...type.examples!, ...type.notExamples!]) assert.ok(text.length > 0 && text.length <= 60, `${type.name}: "${text}"`);
    }
  });

  it('gives every type distinct colours readable on light (#ffffff) and dark (#1e1e1e) editors', () => {
    const types = defaultProjectConfig().types;
    for (const theme of ['light', 'dark'] as const) {
      const colors = types.map((type) => type.color[theme]);
      assert.equal(new Set(colors).size, colors.length, `${theme} colours repeat`);
      for (const color of colors) {
        assert.match(color, /^#[0-9a-f]{6}$/);
        const ratio = contrast(color, theme === 'light' ? '#ffffff' : '#1e1e1e');
        assert.ok(ratio >= 4.5, `${theme} ${color} has contrast ${ratio.toFixed(2)}`);
      }
    }
  });

  it('includes .txt files and excludes tool folders and README/LICENSE files', () => {
    const config = defaultProjectConfig();
    assert.deepEqual(config.include, ['**/*.txt']);
    assert.deepEqual(config.exclude, ['**/node_modules/**', '**/.git/**', '**/README*', '**/LICENSE*']);
    assert.equal(projectFileName, 'news-annotator.yaml');
  });

  it('matches the table of defaults in docs/project-file.md', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'project-file.md'), 'utf8');
    for (const type of defaultProjectConfig().types) {
      const row = `| ${type.name} | ${type.key} | \`${type.color.light}\` | \`${type.color.dark}\` | ${type.description} |`;
      assert.ok(doc.includes(row), `doc lacks: ${row}`);
    }
  });

  it('returns a fresh copy each call, so one caller cannot change another\'s defaults', () => {
    const first = defaultProjectConfig();
    first.types[0].color.light = '#000000';
    first.include.push('**/*.md');
    first.types[0].examples!.push('changed');
    const second = defaultProjectConfig();
    assert.notEqual(second.types[0].color.light, '#000000');
    assert.deepEqual(second.include, ['**/*.txt']);
    assert.ok(!second.types[0].examples!.includes('changed'));
  });
});
