/**
 * Finds where a type's section starts in a guidelines Markdown file, so the editor can open the
 * file there. Headings are read as CommonMark writes them: ATX (`## PERSON`, closing `#`s
 * allowed) and setext (a text line underlined with `===` or `---`); headings inside fenced code
 * blocks do not count.
 */

export interface GuidelineSection {
  /** 1-based line of the heading (of its text line, for a setext heading); 1 when none matched. */
  line: number;
  /** The heading's text as read, or undefined when no heading names the type. */
  heading?: string;
}

interface Heading {
  line: number;
  text: string;
}

/**
 * The section of `typeName`: the first heading whose text is the type name (any case, markup
 * such as `**` or backticks ignored), else the first heading that holds the name as a whole word
 * ("PERSON: people named in the text"), else the top of the file.
 */
export function guidelineSection(markdown: string, typeName: string): GuidelineSection {
  const wanted = typeName.toLowerCase();
  const headings = readHeadings(markdown);
  const exact = headings.find((heading) => plain(heading.text).toLowerCase() === wanted);
  const containing = exact ?? headings.find((heading) => holdsWord(plain(heading.text).toLowerCase(), wanted));
  return containing ? { line: containing.line, heading: containing.text } : { line: 1 };
}

export function readHeadings(markdown: string): Heading[] {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headings: Heading[] = [];
  let fence: string | undefined;
  // The line before, when it could be the text of a setext heading (a paragraph line).
  let paragraph: Heading | undefined;
  lines.forEach((line, index) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length && line.trim() === opening[1]) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1];
      paragraph = undefined;
      return;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      headings.push({ line: index + 1, text: (atx[2] ?? '').trim() });
      paragraph = undefined;
      return;
    }
    if (paragraph && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line)) {
      headings.push(paragraph);
      paragraph = undefined;
      return;
    }
    // Blank lines, indented code, lists, quotes and thematic breaks cannot carry a setext underline.
    const text = line.trim();
    const startsParagraph = text !== '' && !/^ {4}|^\t/.test(line) && !/^(?:[-*+>]|\d{1,9}[.)])(?:\s|$)/.test(text);
    paragraph = startsParagraph ? { line: index + 1, text } : paragraph && text !== '' ? paragraph : undefined;
  });
  return headings;
}

/** Heading text without inline markup, links kept as their words, spaces collapsed. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~]+/g, (marks, offset: number, whole: string) => (isWordChar(whole[offset - 1]) && isWordChar(whole[offset + marks.length]) ? marks : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `name` occurs in `text` with no letter, digit, `_` or `-` glued to either side. */
function holdsWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isNameChar(text[at - 1]) && !isNameChar(text[at + name.length])) return true;
  }
  return false;
}

function isWordChar(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}

/** Characters a type name may hold besides letters and digits: they glue words into one name. */
function isNameChar(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_-]/u.test(character);
}
