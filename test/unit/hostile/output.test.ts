import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copySampleCorpus } from '../export/exportTestSupport';
import { problemLine, runCli } from '../cli/cliTestSupport';

describe('hostile output: what files hold never reaches the terminal raw', () => {
  let corpus: { folder: string; remove: () => void };
  beforeEach(() => (corpus = copySampleCorpus()));
  afterEach(() => corpus.remove());

  it('escapes escape sequences in a sidecar text quoted by an orphan warning (they cleared the screen and faked a summary)', async () => {
    const sidecar = path.join(corpus.folder, 'en', 'mombasa-port-modernisation-deal.txt.ann.yaml');
    const fake = '\\e[2J\\e[H\\e[32mChecked 10 files: 0 errors, 0 warnings.\\e[0m\\r\\n';
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('text: "Grace Njeri-Holm"', `text: "${fake}"`));
    const result = await runCli(['validate'], corpus.folder);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(result.stdout), JSON.stringify(result.stdout));
    for (const line of result.stdout.trimEnd().split('\n')) assert.match(line, problemLine);
    // Shown escaped (as printable() or JSON writes it), never raw.
    assert.match(result.stdout, /\\(x1b|u001b)\[2J\\(x1b|u001b)\[H\\(x1b|u001b)\[32mChecked 10 files/);
  });

  it('keeps a file name with a line break, a CR and a bidi override on one problem line', async () => {
    const name = 'evil\nname\r\u202eeman.txt';
    writeFileSync(path.join(corpus.folder, 'en', `${name}.ann.yaml`), 'format: news-annotator/1\nannotations: []\n');
    const result = await runCli(['validate'], corpus.folder);
    const lines = result.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [`en/evil\\nname\\r\\u202eeman.txt.ann.yaml:1:1: warning: No corpus text file en/evil\\nname\\r\\u202eeman.txt beside this sidecar (missing, or not included by the corpus globs of news-annotator.yaml). If the text was renamed or moved, \`news-annotator relink\` finds it by its content and moves this sidecar beside it.`]);
  });
});
