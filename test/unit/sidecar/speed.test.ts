import assert from 'node:assert/strict';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/model';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { readWithYaml } from '../../../src/core/sidecar/yamlPath';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { SidecarStore } from '../../../src/core/store/sidecarStore';

// A sanity printout, not a benchmark: absolute times vary by machine; compare the ratios.
function sidecarOf(count: number, seed: number): Sidecar {
  const annotations: Annotation[] = [];
  for (let index = 0; index < count; index++) {
    const start = index * 40 + (seed % 7);
    annotations.push({
      id: (seed * 100_000 + index).toString(32).padStart(8, 'a').slice(-8),
      type: ['PERSON', 'ORGANIZATION', 'LOCATION', 'DATE'][index % 4],
      start,
      end: start + 12,
      text: `Sophia Arch ${index % 10}`,
      annotator: 'ana',
      created: '2026-11-24T20:00:00Z',
      prefix: 'the mayor of Lisbon, said that "',
      suffix: '" would open the new tram line 😀',
    });
  }
  return {
    format: 'news-annotator/1',
    source: { file: 'article.txt', sha256: 'ab'.repeat(32), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' },
    status: 'in-progress',
    annotations,
  };
}

function median(work: () => void, runs = 5): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times.sort((left, right) => left - right)[runs >> 1];
}

describe('sidecar speed (printout)', function () {
  this.timeout(120_000);

  it('parses and writes a 5,000-entry sidecar', () => {
    const sidecar = sidecarOf(5000, 1);
    const content = serializeSidecar(sidecar);
    const json = JSON.stringify(sidecar);
    let entries = 0;
    const write = median(() => void serializeSidecar(sidecar));
    const fast = median(() => {
      const result = parseSidecar(content, 'big.ann.yaml');
      assert.ok(result.ok && result.canonical);
      entries = result.sidecar.annotations.length;
    });
    const jsonParse = median(() => void JSON.parse(json));
    const yaml = median(() => assert.ok(readWithYaml(content, 'big.ann.yaml').ok), 1);
    const added = { ...sidecar, annotations: [...sidecar.annotations, { id: 'zzzzzzzz', type: 'PERSON', start: 20, end: 25, text: 'Ana B' }] };
    const addOne = median(() => void serializeSidecar(added));
    assert.equal(entries, 5000);
    console.log(
      `      5,000 entries, ${(content.length / 1024).toFixed(0)} KB: write ${write.toFixed(1)} ms, write after adding one ${addOne.toFixed(1)} ms, ` +
        `fast read ${fast.toFixed(1)} ms, JSON.parse of the same data ${jsonParse.toFixed(1)} ms, yaml read ${yaml.toFixed(0)} ms`,
    );
  });

  it('adds one annotation to a 5,000-entry sidecar through the store', async () => {
    const words = Array.from({ length: 5000 }, (_, index) => `Name${index} went to town.`);
    const text = words.join(' ');
    const annotations: Annotation[] = [];
    let offset = 0;
    for (const [index, word] of words.entries()) {
      annotations.push({ id: `e${String(index).padStart(7, '0')}`, type: 'PERSON', start: offset, end: offset + word.indexOf(' '), text: word.slice(0, word.indexOf(' ')) });
      offset += word.length + 1;
    }
    const files = new MemoryFileSystem({ 'a.txt': text });
    const store = new SidecarStore(files);
    const first = await store.update('a.txt', (sidecar) => ({ ...sidecar, annotations }));
    assert.ok(first.ok && first.written, JSON.stringify(first.problems.slice(0, 3)));
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      const result = await store.update('a.txt', (sidecar) => ({
        ...sidecar,
        annotations: [...sidecar.annotations, { id: `new${round}`, type: 'PERSON', start: round, end: round + 1, text: text.slice(round, round + 1) }],
      }));
      times.push(performance.now() - started);
      assert.ok(result.ok && result.written);
      assert.equal(result.sidecar.annotations.length, 5001 + round);
    }
    const sorted = times.sort((left, right) => left - right);
    console.log(`      store.update adding one annotation to 5,000: ${sorted[2].toFixed(1)} ms (re-read, anchor, change, write)`);
  });

  it('reads 2,000 sidecars of 22 entries (a corpus slice) against JSON.parse', () => {
    const contents: string[] = [];
    const jsons: string[] = [];
    for (let file = 0; file < 2000; file++) {
      const sidecar = sidecarOf(22, file);
      contents.push(serializeSidecar(sidecar));
      jsons.push(JSON.stringify(sidecar));
    }
    let total = 0;
    const fast = median(() => {
      total = 0;
      for (const content of contents) {
        const result = parseSidecar(content, 'x.ann.yaml');
        if (result.ok) total += result.sidecar.annotations.length;
      }
    }, 3);
    const jsonParse = median(() => jsons.forEach((json) => void JSON.parse(json)), 3);
    assert.equal(total, 44_000);
    console.log(`      2,000 files, 44,000 entries: fast read ${fast.toFixed(0)} ms, JSON.parse ${jsonParse.toFixed(0)} ms (ratio ${(fast / jsonParse).toFixed(1)})`);
  });
});
