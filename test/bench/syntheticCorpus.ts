/**
 * A deterministic synthetic news corpus for the benchmarks: articles in several scripts with a
 * realistic, Zipf-like entity distribution (a few names everywhere, a long tail seen once), some
 * astral characters (emoji, astral CJK) and some CRLF files. Same seed, same corpus, byte for byte.
 */
import { annotationContext } from '../../src/core/text/annotationContext';
import { CodePointIndex } from '../../src/core/text/codePoints';
import type { Annotation } from '../../src/core/sidecar/model';
// The same seeded generator (mulberry32) as the search tests' synthetic corpus.
import { random as seededRandom } from '../unit/search/syntheticCorpus';

export interface SyntheticDocument {
  readonly path: string;
  readonly text: string;
  readonly annotations: Annotation[];
  readonly crlf: boolean;
}

const syllables = {
  latin: ['ka', 'mi', 'ro', 'san', 'te', 'lu', 'vé', 'dor', 'na', 'quí', 'bel', 'tor', 'ñe', 'gar', 'li', 'mon', 'za', 'ur'],
  cjk: ['杭', '州', '明', '远', '陈', '生', '林', '海', '𠮷', '江', '华', '东', '南', '京', '文', '德', '安', '山'],
  cyrillic: ['ва', 'ло', 'ми', 'ра', 'то', 'не', 'ки', 'ша', 'до', 'рь'],
  arabic: ['سا', 'مي', 'لو', 'را', 'نا', 'دي', 'كو', 'بي'],
};
type Script = keyof typeof syllables;
const scripts: Script[] = ['latin', 'latin', 'latin', 'cjk', 'cyrillic', 'arabic'];
const types = ['PERSON', 'ORG', 'LOCATION', 'DATE', 'EVENT', 'MISC'] as const;
const fillers: Record<Script, string[]> = {
  latin: ['said on', 'met with', 'signed an agreement with', 'visited', 'announced that', 'cooperates with', 'in the port of', 'during'],
  cjk: ['表示', '会见了', '签署了协议', '访问了', '宣布', '合作', '在', '期间'],
  cyrillic: ['заявил', 'встретился с', 'подписал', 'посетил', 'сообщил', 'в порту'],
  arabic: ['قال', 'التقى', 'وقع', 'زار', 'أعلن', 'في'],
};

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The vocabulary of distinct entities: `size` names spread over types and scripts. */
export function entityVocabulary(size: number, random: () => number): { type: string; text: string; script: Script }[] {
  const seen = new Set<string>();
  const vocabulary: { type: string; text: string; script: Script }[] = [];
  while (vocabulary.length < size) {
    const script = scripts[Math.floor(random() * scripts.length)];
    const parts = 1 + Math.floor(random() * 3);
    const words: string[] = [];
    for (let part = 0; part < parts; part++) {
      let word = '';
      const length = script === 'cjk' ? 1 + Math.floor(random() * 2) : 2 + Math.floor(random() * 2);
      for (let index = 0; index < length; index++) word += syllables[script][Math.floor(random() * syllables[script].length)];
      words.push(script === 'latin' ? capitalise(word) : word);
    }
    const text = words.join(script === 'cjk' ? '' : ' ');
    const type = types[Math.floor(random() * types.length)];
    const key = `${type}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    vocabulary.push({ type, text, script });
  }
  return vocabulary;
}

/** Zipf-like pick: index i is drawn with probability roughly proportional to 1/(i+1). */
function zipfIndex(size: number, random: () => number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1))) - 1);
}

export interface CorpusOptions {
  readonly documents: number;
  readonly annotationsPerDocument: number;
  readonly distinctEntities: number;
  readonly seed: number;
  /** Every document gets exactly `annotationsPerDocument` (else it varies from half to one and a half times that). */
  readonly exact?: boolean;
}

export function* syntheticDocuments(options: CorpusOptions): Generator<SyntheticDocument> {
  const random = seededRandom(options.seed);
  const vocabulary = entityVocabulary(options.distinctEntities, random);
  // Shuffle once so frequent entities are not all from the same script.
  for (let index = vocabulary.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [vocabulary[index], vocabulary[other]] = [vocabulary[other], vocabulary[index]];
  }
  for (let number = 0; number < options.documents; number++) {
    const crlf = number % 10 === 3;
    const newline = crlf ? '\r\n' : '\n';
    const pieces: string[] = [];
    const spans: { type: string; start: number; end: number; text: string }[] = [];
    let length = 0;
    const push = (piece: string) => {
      pieces.push(piece);
      length += Array.from(piece).length;
    };
    push(`Synthetic article ${number}${number % 7 === 0 ? ' 🌍🤝' : ''}${newline}${newline}`);
    const count = options.exact ? options.annotationsPerDocument : Math.max(1, Math.round(options.annotationsPerDocument * (0.5 + random())));
    for (let index = 0; index < count; index++) {
      const entity = vocabulary[zipfIndex(vocabulary.length, random)];
      const filler = fillers[entity.script][Math.floor(random() * fillers[entity.script].length)];
      push(`${filler} `);
      const start = length;
      push(entity.text);
      spans.push({ type: entity.type, start, end: length, text: entity.text });
      push(index % 4 === 3 ? `.${newline}` : ' ');
    }
    const text = pieces.join('');
    const index = new CodePointIndex(text);
    const annotations: Annotation[] = spans.map((span, position) => ({
      // Unique within a file (an earlier padEnd made entry 1 and entry 36 both a0x10000).
      id: `a${number.toString(36)}x${position.toString(36).padStart(4, '0')}`,
      type: span.type,
      start: span.start,
      end: span.end,
      text: span.text,
      annotator: 'bench',
      created: '2026-11-24T00:00:00Z',
      ...annotationContext(index, span.start, span.end),
    }));
    yield { path: `part-${Math.floor(number / 1000)}/article-${number}.txt`, text, annotations, crlf };
  }
}
