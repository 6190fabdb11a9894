import assert from 'node:assert/strict';
import { exportConll } from '../../../src/core/export/conllExport';
import { hardCaseTags, hardCaseTexts, memoryCorpus, exportText } from './exportTestSupport';

interface ConllDocument {
  sentences: string[][];
  /** Entities rebuilt from the IOB2 tags: type and the tokens joined. */
  entities: Array<{ type: string; text: string }>;
}

/** A CoNLL-2003 reader written here: documents, sentences, IOB2 entities; strict about the form. */
function readConll(content: string): ConllDocument[] {
  assert.ok(content.endsWith('\n'));
  const documents: ConllDocument[] = [];
  let sentence: string[] = [];
  let open: { type: string; tokens: string[] } | undefined;
  const close = () => {
    if (open) documents[documents.length - 1].entities.push({ type: open.type, text: open.tokens.join('') });
    open = undefined;
  };
  for (const line of content.slice(0, -1).split('\n')) {
    if (line === '-DOCSTART- -X- -X- O') {
      close();
      assert.equal(sentence.length, 0, 'a document starts after a blank line');
      documents.push({ sentences: [], entities: [] });
      continue;
    }
    if (line === '') {
      close();
      if (sentence.length > 0) documents[documents.length - 1].sentences.push(sentence);
      sentence = [];
      continue;
    }
    const columns = line.split(' ');
    assert.equal(columns.length, 4, `four columns: ${JSON.stringify(line)}`);
    const [token, pos, chunk, tag] = columns;
    assert.ok(token !== '' && pos === '_' && chunk === '_');
    sentence.push(token);
    if (tag === 'O') close();
    else if (tag.startsWith('B-')) {
      close();
      open = { type: tag.slice(2), tokens: [token] };
    } else {
      assert.ok(tag.startsWith('I-') && open?.type === tag.slice(2), `I- continues an entity of its type: ${line}`);
      open.tokens.push(token);
    }
  }
  close();
  assert.equal(sentence.length, 0, 'the file ends with a blank line');
  return documents;
}

describe('exportConll', () => {
  it('writes IOB2 tags whose tokens rebuild each entity (without whitespace), outermost spans only', async () => {
    const corpus = await memoryCorpus(hardCaseTexts(), hardCaseTags());
    const output = exportConll({ documents: corpus.documents, config: corpus.config });
    const documents = readConll(exportText(output));
    assert.equal(documents.length, corpus.documents.length);
    let dropped = 0;
    corpus.documents.forEach((document, index) => {
      const spans = document.placed.filter((annotation) => annotation.text.trim() !== '');
      const kept = spans.filter((annotation) => !spans.some((other) => other !== annotation && other.start <= annotation.start && other.end > annotation.start && (other.start < annotation.start || other.end > annotation.end || spans.indexOf(other) < spans.indexOf(annotation))));
      dropped += spans.length - kept.length;
      assert.deepEqual(
        documents[index].entities,
        kept.map((annotation) => ({ type: annotation.type, text: annotation.text.replace(/\s/gu, '') })),
        document.path,
      );
      const tokens = documents[index].sentences.flat().join('');
      assert.equal(tokens, document.loaded.decoded.text.replace(/\s/gu, ''), 'the tokens are the whole text, whitespace aside');
    });
    assert.ok(dropped > 0, 'the hard cases hold overlapping spans');
    assert.equal(output.warnings.filter((item) => item.code === 'export-nested').length, dropped);
    assert.ok(output.notes.some((note) => note.includes(`${dropped} nested or overlapping`)));
    assert.ok(output.notes.some((note) => note.startsWith('Tokenizer news-annotator-simple-1')));
  });

  it('ends sentences at blank lines and after . ! ? with space, or 。！？, never inside an entity', async () => {
    const text = 'Dr. Ana Paz arrived. Did she?\nYes!\n\nNew para 東京。大阪。\nMr. X.';
    const corpus = await memoryCorpus({ 'a.txt': text }, { 'a.txt': [{ type: 'PERSON', start: 0, end: 11 }, { type: 'PERSON', start: text.indexOf('Mr. X'), end: text.indexOf('Mr. X') + 5 }] });
    const output = exportConll({ documents: corpus.documents, config: corpus.config });
    const [document] = readConll(exportText(output));
    assert.deepEqual(document.sentences.map((sentence) => sentence.join(' ')), ['Dr . Ana Paz arrived .', 'Did she ?', 'Yes !', 'New para 東 京 。', '大 阪 。', 'Mr . X .']);
    assert.deepEqual(document.entities, [
      { type: 'PERSON', text: 'Dr.AnaPaz' },
      { type: 'PERSON', text: 'Mr.X' },
    ]);
  });
});
