import assert from 'node:assert/strict';
import { exportBrat } from '../../../src/core/export/bratExport';
import { readBratCollection } from '../../../src/core/import/readBratCollection';
import { defaultProjectConfig } from '../../../src/core/project';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { loadDocuments } from '../export/exportTestSupport';
import { exportedFiles, importInto } from './importTestSupport';

const text = '習近平 met 🇺🇸 Biden in 北京 😀 on Monday; New and Old Bogotá were discussed.\n';
const ann = [
  'T1\tPERSON 0 3\t習近平',
  'T2\tPERSON 11 16\tBiden',
  'T3\tLOCATION 20 22\t北京',
  'T4\tMeeting 4 7\tmet',
  'T5\tDATE 28 34\tMonday',
  'T6\tLOCATION 36 39;48 54\tNew Bogotá',
  'E1\tMeeting:T4 Participant:T1 Participant2:T2 Place:T3',
  'R1\tlocated_in Arg1:T2 Arg2:T3',
  '#1\tAnnotatorNotes R1\tduring the visit',
  'A1\tNegated T5',
  'A2\tCertainty T1 high',
  'N1\tReference T6 Wikidata:Q2841\tBogotá',
  '#2\tAnnotatorNotes T1\tleader of China',
  '',
].join('\n');

/**
 * An .ann file's meaning, independent of ids and line order: every line with its T references
 * replaced by the entity they name (type and offsets), E references by the event's trigger, and
 * knowledge-base prefixes in lower case (brat tools write `Wikidata`, sidecars `wikidata`).
 */
function meaning(content: string): string[] {
  const lines = content.split('\n').filter((line) => line !== '');
  const entities = new Map<string, string>();
  for (const line of lines) if (line.startsWith('T')) entities.set(line.split('\t')[0], line.split('\t')[1]);
  for (const line of lines) if (line.startsWith('E')) entities.set(line.split('\t')[0], `event(${entities.get(line.split('\t')[1].split(' ')[0].split(':')[1])!})`);
  const name = (reference: string) => entities.get(reference) ?? relationNames.get(reference) ?? `?${reference}`;
  const relationNames = new Map<string, string>();
  for (const line of lines) if (line.startsWith('R')) relationNames.set(line.split('\t')[0], `relation(${line.split('\t')[1].replace(/(T|E)[0-9]+/g, (id) => entities.get(id)!)})`);
  return lines
    .map((line) => {
      const [id, body, tail] = line.split('\t');
      const kind = id.charAt(0);
      const resolved = body.replace(/\b([TER][0-9]+)\b/g, (reference) => name(reference)).replace(/ ([A-Za-z]+):(Q[0-9]+)/, (_, prefix: string, value: string) => ` ${prefix.toLowerCase()}:${value}`);
      if (kind === 'E') {
        // Roles in any order.
        const [trigger, ...roles] = body.split(' ');
        return `E ${name(trigger.split(':')[1])} ${roles.map((role) => `${role.split(':')[0]}=${name(role.split(':')[1])}`).sort().join(' ')}`;
      }
      return `${kind} ${resolved}${kind === 'N' ? '' : tail !== undefined ? '\t' + tail : ''}`;
    })
    .sort();
}

describe('brat round trip with relations, events, discontinuous spans, attributes, links and notes', () => {
  it('imports every kind of line into the sidecar and exports the same lines in meaning', async () => {
    const source = new MemoryFileSystem({ 'news/summit.txt': text, 'news/summit.ann': ann });
    const corpus = new MemoryFileSystem();
    const read = await readBratCollection({ source, annFiles: ['news/summit.ann'], corpus });
    assert.deepEqual(read.problems, []);
    const report = await importInto(corpus, read);
    assert.deepEqual(report.sourceProblems, []);
    assert.equal(report.added, 6 + 4, 'six entities and four relations (three roles, one relation)');

    const parsed = parseSidecar(corpus.readText('news/summit.txt.ann.yaml')!, 'summit');
    assert.ok(parsed.ok && parsed.canonical);
    const byText = new Map(parsed.sidecar.annotations.map((annotation) => [annotation.text, annotation]));
    assert.deepEqual(byText.get('New Bogotá')?.fragments, [[36, 39], [48, 54]]);
    assert.deepEqual(byText.get('New Bogotá')?.links, ['wikidata:Q2841']);
    assert.deepEqual(byText.get('Monday')?.attributes, { Negated: true });
    assert.deepEqual(byText.get('習近平')?.attributes, { Certainty: 'high' });
    assert.equal(byText.get('習近平')?.note, 'leader of China');
    const relations = parsed.sidecar.relations!.map((relation) => `${relation.type} ${parsed.sidecar.annotations.find((item) => item.id === relation.from)!.text}->${parsed.sidecar.annotations.find((item) => item.id === relation.to)!.text}${relation.role ? ' role' : ''}${relation.note ? ' note=' + relation.note : ''}`);
    assert.deepEqual(relations.sort(), ['Participant met->習近平 role', 'Participant2 met->Biden role', 'Place met->北京 role', 'located_in Biden->北京 note=during the visit']);

    const store = new SidecarStore(corpus);
    const documents = await loadDocuments(store, ['news/summit.txt']);
    const output = exportBrat({ documents, config: defaultProjectConfig() });
    const exported = await exportedFiles(output, corpus);
    assert.deepEqual(meaning(exported.readText('news/summit.ann')!), meaning(ann));
    const conf = exported.readText('annotation.conf')!;
    assert.match(conf, /\[relations\][\s\S]*located_in Arg1:<ANY>, Arg2:<ANY>/);
    assert.match(conf, /\[events\]\nMeeting\tParticipant\*:<ANY>, Place\*:<ANY>\n/);

    // And back again: importing the export into an empty corpus gives the same sidecar content.
    const again = new MemoryFileSystem();
    const reread = await readBratCollection({ source: exported, annFiles: ['news/summit.ann'], corpus: again });
    assert.deepEqual(reread.problems, []);
    const secondReport = await importInto(again, reread);
    assert.equal(secondReport.added, 10);
  });
});
