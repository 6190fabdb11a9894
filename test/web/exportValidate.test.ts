import * as vscode from 'vscode';
import { parse } from 'yaml';
import { equal, match, ok } from './check';
import { api, article, eventually, type Fixture, openArticle, readText, removeFixture, select, writeFixture } from './support';

describe('Validate Corpus and Export in the web worker', () => {
  let fixture: Fixture;

  before(async () => {
    fixture = await writeFixture('export', {
      'valparaiso.txt': article,
      // A sidecar whose text does not match its offsets: what a bad merge leaves behind. It
      // carries the text's current hash, so the index's background re-anchoring (which rewrites a
      // sidecar whose text changed, moving its entry to another line) leaves it as it is.
      'broken.txt': 'Arica is a port.\n',
      'broken.txt.ann.yaml': [
        'format: news-annotator/1',
        'source: {file: "broken.txt", sha256: "ebfe9a4aeb5c444d8779b059b1cd159ceec807c905192464b4b4bbb3358e3907"}',
        'annotations:',
        '  - {id: "brkn2345", type: "LOCATION", start: 0, end: 5, text: "Iquique"}',
        '',
      ].join('\n'),
    });
    const editor = await openArticle(fixture.uri('valparaiso.txt'));
    editor.selection = select(editor, 'Amaru Quispe-Llanos');
    equal(await vscode.commands.executeCommand<number>('newsAnnotator.tagSelection', { type: 'PERSON' }), 1);
    await eventually(async () => ((await (await api()).corpusFiles()).includes(fixture.path('broken.txt')) ? true : undefined), 'the fixture in the corpus index');
  });

  after(async () => {
    await removeFixture(fixture);
  });

  it('reports the broken sidecar in the Problems panel', async () => {
    const summary = await vscode.commands.executeCommand<{ errors: number; warnings: number; files: number }>('newsAnnotator.validateCorpus');
    ok(summary.errors + summary.warnings >= 1, JSON.stringify(summary));
    const sidecar = fixture.uri('broken.txt.ann.yaml');
    const problems = await eventually(() => {
      const found = vscode.languages.getDiagnostics(sidecar).filter((item) => item.message.includes('Iquique'));
      return found.length > 0 ? found : undefined;
    }, 'a problem on the broken sidecar');
    equal(problems[0]?.range.start.line, 3, 'the problem points at the entry’s line');
  });

  it('exports the annotations to a file in the workspace, named by its URI', async () => {
    const out = fixture.uri('export/corpus.yaml');
    const message = await vscode.commands.executeCommand<string>('newsAnnotator.exportAnnotations', { format: 'yaml', out: out.toString() });
    match(message, /exported \d+ annotations of \d+ documents/);
    const written = await readText(out);
    ok(written !== undefined, `nothing was written to ${out.toString()}`);
    const exported = parse(written) as { documents: { file: string; annotations: { start: number; end: number; text: string }[] }[] };
    const document = exported.documents.find((entry) => entry.file === fixture.path('valparaiso.txt'));
    ok(document, `the export lacks ${fixture.path('valparaiso.txt')}`);
    const codePoints = Array.from(article);
    for (const annotation of document.annotations) equal(codePoints.slice(annotation.start, annotation.end).join(''), annotation.text);
    ok(document.annotations.some((annotation) => annotation.text === 'Amaru Quispe-Llanos'));
  });

  it('never replaces a workspace file that is not an earlier export without asking', async () => {
    const notes = fixture.uri('export/README.md');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('# Notes the lead wrote\n'));
    const kept = await vscode.commands.executeCommand<string | undefined>('newsAnnotator.exportAnnotations', { format: 'jsonl', out: notes.path, force: false });
    equal(kept, undefined, 'the export is refused');
    equal(await readText(notes), '# Notes the lead wrote\n', 'the file is left as it was');
    // An earlier export of the same format, named by its workspace path, is replaced without asking.
    const jsonl = fixture.uri('export/corpus.jsonl');
    match(await vscode.commands.executeCommand<string>('newsAnnotator.exportAnnotations', { format: 'jsonl', out: jsonl.path }), /exported \d+ annotations/);
    match(await vscode.commands.executeCommand<string>('newsAnnotator.exportAnnotations', { format: 'jsonl', out: jsonl.path, force: false }), /exported \d+ annotations/);
    ok((await readText(jsonl))?.includes('Amaru Quispe-Llanos'), 'the JSONL export holds the tag');
  });
});
