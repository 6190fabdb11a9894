import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, eventually, workspaceFile, restoreSampleCorpus } from './support';

describe('Export Annotations… and Validate Corpus', () => {
  after(restoreSampleCorpus);

  before(async () => {
    await api();
  });

  it('exports merged YAML whose offsets slice the texts (read with a general YAML parser)', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'corpus.yaml');
    const message = await vscode.commands.executeCommand<string>('newsAnnotator.exportAnnotations', { format: 'yaml', out });
    assert.match(message, /exported \d+ annotations of \d+ documents/);
    const exported = parse(readFileSync(out, 'utf8')) as { documents: { file: string; annotations: { start: number; end: number; text: string }[] }[] };
    assert.ok(exported.documents.length >= 4);
    for (const document of exported.documents) {
      const text = Array.from(readFileSync(workspaceFile(document.file).fsPath, 'utf8').replace(/^\uFEFF/, ''));
      for (const annotation of document.annotations) assert.equal(text.slice(annotation.start, annotation.end).join(''), annotation.text, document.file);
    }
  });

  it('never replaces a file that is not an earlier export of the format without asking', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'README.md');
    writeFileSync(out, '# Notes the lead wrote\n');
    const kept = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.exportAnnotations', { format: 'jsonl', out, force: false });
    assert.equal(kept, undefined);
    assert.equal(readFileSync(out, 'utf8'), '# Notes the lead wrote\n');
    // An earlier export of the same format is replaced without asking.
    const jsonl = path.join(path.dirname(out), 'corpus.jsonl');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format: 'jsonl', out: jsonl });
    const again = await vscode.commands.executeCommand<string>('newsAnnotator.exportAnnotations', { format: 'jsonl', out: jsonl, force: false });
    assert.match(again, /exported \d+ annotations/);
  });

  it('exports a brat folder with a .ann beside each copied text', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), 'brat');
    await vscode.commands.executeCommand('newsAnnotator.exportAnnotations', { format: 'brat', out });
    const english = readdirSync(path.join(out, 'en'));
    assert.ok(english.includes('cartagena-hangzhou-sister-cities.ann') && english.includes('cartagena-hangzhou-sister-cities.txt'));
    assert.match(readFileSync(path.join(out, 'en', 'cartagena-hangzhou-sister-cities.ann'), 'utf8'), /^T\d+\tPERSON \d+ \d+\t/m);
    assert.ok(readdirSync(out).includes('annotation.conf'));
  });

  it('lists sidecar problems in the Problems panel, at their line', async () => {
    const sidecar = `${workspaceFile('en/cartagena-hangzhou-sister-cities.txt').fsPath}.ann.yaml`;
    const original = readFileSync(sidecar, 'utf8');
    const lines = original.split('\n');
    const target = lines.findIndex((line) => line.includes('"Zhou Mingyuan"'));
    lines[target] = lines[target].replace('"Zhou Mingyuan"', '"Zhou Mingyuen"');
    writeFileSync(sidecar, lines.join('\n'));
    try {
      const summary = await vscode.commands.executeCommand<{ errors: number; warnings: number; files: number }>('newsAnnotator.validateCorpus');
      assert.ok(summary.errors + summary.warnings >= 1, JSON.stringify(summary));
      const diagnostics = await eventually(() => {
        const found = vscode.languages.getDiagnostics(vscode.Uri.file(sidecar)).filter((item) => item.message.includes('Zhou Mingyuen'));
        return found.length > 0 ? found : undefined;
      }, 'the validation problem');
      assert.ok(diagnostics.some((item) => item.range.start.line === target), `expected a problem on line ${target + 1}`);
    } finally {
      writeFileSync(sidecar, original);
    }
  });
});
