// `npm run test:hostile-memory`: a 50 MB article exported in every format by the bundled command
// line (dist/cli.js, built first) under a 1 GB heap; each export must succeed with a peak
// resident set below 1 GB. Too slow for the unit suite (about a minute); the unit suite exports
// a 4 MB article instead (test/unit/hostile/exports.test.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist', 'cli.js');
const megabytes = Number(process.env.HOSTILE_MEMORY_MB ?? 50);
const limitKilobytes = 1024 * 1024;

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const folder = mkdtempSync(path.join(tmpdir(), 'hostile-memory-'));
try {
  const corpus = path.join(folder, 'corpus');
  const paragraph =
    'The Kenya Ports Authority (KPA) has signed a cooperation agreement with Shanghai International Port Group ' +
    'in Mombasa on 31 May 2024. "It serves Uganda, Rwanda and South Sudan," said Amina Wekesa, KPA\'s manager.\n\n';
  const count = Math.ceil((megabytes * 1024 * 1024) / paragraph.length);
  const text = paragraph.repeat(count);
  spawnSync('mkdir', ['-p', corpus]);
  writeFileSync(path.join(corpus, 'big.txt'), text);
  const at = paragraph.indexOf('Mombasa');
  const step = Math.max(1, Math.floor(count / 2000));
  const annotations = [];
  for (let index = 0; index < count; index += step) {
    const start = index * paragraph.length + at;
    annotations.push(`  - {id: "a${String(annotations.length).padStart(7, '0')}", type: "LOCATION", start: ${start}, end: ${start + 7}, text: "Mombasa", annotator: "x", created: "2026-11-24T09:00:00Z"}`);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  writeFileSync(
    path.join(corpus, 'big.txt.ann.yaml'),
    ['format: news-annotator/1', `source: {file: "big.txt", sha256: "${sha256}", unit: "codepoint", encoding: "utf-8", bom: false, newline: "lf"}`, 'status: "in-progress"', 'annotations:', ...annotations, ''].join('\n'),
  );
  // Reports the process's peak resident set (kilobytes) to a file when it exits.
  const preload = path.join(folder, 'peak.cjs');
  writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");

  let failed = false;
  console.log(`${megabytes} MB article, ${annotations.length} annotations; limit ${limitKilobytes / 1024} MB`);
  for (const format of ['yaml', 'jsonl', 'spacy', 'brat', 'conll']) {
    const peakFile = path.join(folder, `${format}.peak`);
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--max-old-space-size=1024', '--require', preload, cli, 'export', corpus, '--format', format, '--out', path.join(folder, `out.${format}`)], {
      env: { ...process.env, PEAK_FILE: peakFile },
      encoding: 'utf8',
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peak = Number(readFileSync(peakFile, 'utf8'));
    const ok = result.status === 0 && peak < limitKilobytes;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${format.padEnd(5)} exit ${result.status}  ${seconds} s  peak ${Math.round(peak / 1024)} MB  ${result.stdout.trim()}${result.status === 0 ? '' : ' ' + result.stderr.trim()}`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
