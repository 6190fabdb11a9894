import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCorpus } from '../../../src/node/openCorpus';
import { temporaryFolder } from '../export/exportTestSupport';

const sidecar = (text: string) => `format: news-annotator/1\nsource: {file: "${text}"}\nannotations: []\n`;

describe('synchronous corpus reads (the command line)', () => {
  let temporary: { folder: string; remove: () => void };
  let root: string;
  beforeEach(() => {
    temporary = temporaryFolder('sync-reads-');
    root = path.join(temporary.folder, 'corpus');
    mkdirSync(path.join(root, 'en'), { recursive: true });
    mkdirSync(path.join(temporary.folder, 'outside'));
    writeFileSync(path.join(temporary.folder, 'outside', 'secret.txt'), 'SECRET');
    writeFileSync(path.join(temporary.folder, 'outside', 'secret.txt.ann.yaml'), sidecar('secret.txt'));
    for (const name of ['a', 'b', 'c']) {
      writeFileSync(path.join(root, 'en', `${name}.txt`), `Text ${name}.\n`);
      writeFileSync(path.join(root, 'en', `${name}.txt.ann.yaml`), sidecar(`${name}.txt`));
    }
  });
  afterEach(() => temporary.remove());

  it('opens listed files without looking first, yet refuses what was swapped for a link or a FIFO after the listing', async () => {
    const corpus = await openCorpus(root, { syncReads: true });
    if ('error' in corpus) throw new Error(corpus.error);
    assert.deepEqual([...corpus.listedRegular].sort(), ['en/a.txt', 'en/a.txt.ann.yaml', 'en/b.txt', 'en/b.txt.ann.yaml', 'en/c.txt', 'en/c.txt.ann.yaml']);
    const fine = await corpus.store.load('en/a.txt');
    assert.ok(fine.ok, 'an untouched listed file reads');
    // Swapped after the listing: a text for a link out of the corpus, a sidecar for a link, a text for a FIFO.
    rmSync(path.join(root, 'en', 'b.txt'));
    symlinkSync(path.join(temporary.folder, 'outside', 'secret.txt'), path.join(root, 'en', 'b.txt'));
    rmSync(path.join(root, 'en', 'a.txt.ann.yaml'));
    symlinkSync(path.join(temporary.folder, 'outside', 'secret.txt.ann.yaml'), path.join(root, 'en', 'a.txt.ann.yaml'));
    rmSync(path.join(root, 'en', 'c.txt'));
    execFileSync('mkfifo', [path.join(root, 'en', 'c.txt')]);
    for (const file of ['en/a.txt', 'en/b.txt', 'en/c.txt']) {
      const started = Date.now();
      const result = await corpus.store.load(file);
      assert.equal(result.ok, false, `${file} is refused`);
      assert.ok(Date.now() - started < 2000, `${file} does not hang`);
      const messages = result.ok ? '' : result.problems.map((item) => item.message).join('\n');
      assert.doesNotMatch(messages, /SECRET/);
      assert.match(messages, /link|not a regular file|FIFO/i, file);
    }
  });
});
