import assert from 'node:assert/strict';
import fc from 'fast-check';
import { guidelineSection } from '../../../src/core/project';

const lines = (...text: string[]) => text.join('\n');

describe('guidelineSection', () => {
  it('finds an ATX heading named after the type, in any case and at any level', () => {
    const markdown = lines('# Guidelines', '', 'Intro.', '', '## Person', 'People.', '', '### org ##', 'Organisations.');
    assert.deepEqual(guidelineSection(markdown, 'PERSON'), { line: 5, heading: 'Person' });
    assert.deepEqual(guidelineSection(markdown, 'ORG'), { line: 8, heading: 'org' });
  });

  it('finds setext headings, underlined with = or -', () => {
    const markdown = lines('Guidelines', '==========', '', 'PERSON', '------', 'People.', '', 'LOCATION', '===');
    assert.equal(guidelineSection(markdown, 'person').line, 4);
    assert.equal(guidelineSection(markdown, 'LOCATION').line, 8);
  });

  it('prefers a heading that is the name over one that only holds it, and ignores markup', () => {
    const markdown = lines('## PERSON versus ORG', '', '## **`ORG`**', '', '## POLITICAL_PARTY');
    assert.deepEqual(guidelineSection(markdown, 'ORG'), { line: 3, heading: '**`ORG`**' });
    assert.deepEqual(guidelineSection(markdown, 'PERSON'), { line: 1, heading: 'PERSON versus ORG' });
    // `_` inside a name is part of it, not emphasis.
    assert.equal(guidelineSection(markdown, 'POLITICAL_PARTY').line, 5);
  });

  it('matches a contained name only as a whole word', () => {
    const markdown = lines('## ORGANISATIONS', '## ORG-LIKE', '## Naming: org (organisations)');
    assert.equal(guidelineSection(markdown, 'ORG').line, 3);
    assert.equal(guidelineSection(lines('## PERSONS'), 'PERSON').line, 1);
  });

  it('gives the top of the file when no heading names the type', () => {
    assert.deepEqual(guidelineSection(lines('# Guidelines', 'PERSON is mentioned only in text.'), 'PERSON'), { line: 1 });
    assert.deepEqual(guidelineSection('', 'PERSON'), { line: 1 });
  });

  it('skips headings in fenced code, and lines that only look like underlines', () => {
    const markdown = lines('```markdown', '## PERSON', '```', '', '---', '- PERSON', '---', '    PERSON', '    ---', '~~~', 'PERSON', '===', '~~~', '', 'PERSON', '---');
    assert.equal(guidelineSection(markdown, 'PERSON').line, 15);
  });

  it('reads CRLF and CR line endings and a byte-order mark', () => {
    assert.equal(guidelineSection('\uFEFF# Top\r\n\r\n## DATE\r\n', 'DATE').line, 3);
    assert.equal(guidelineSection('# Top\r\rDATE\r----\r', 'date').line, 3);
  });

  it('always points at a line of the file, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('## PERSON', '```', '---', '===', 'PERSON', '#', '   ## person ###')), { maxLength: 30 }), (parts) => {
        const markdown = parts.join('\n');
        const section = guidelineSection(markdown, 'PERSON');
        const count = markdown.split(/\r\n|\r|\n/).length;
        assert.ok(Number.isInteger(section.line) && section.line >= 1 && section.line <= count);
        if (section.heading !== undefined) assert.match(section.heading, /person/i);
      }),
    );
  });
});
