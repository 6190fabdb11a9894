// Writes the sidecars that ship with sample-corpus/, so a newcomer sees colours at once.
// Run after `npm run build`: node scripts/make-sample-sidecars.mjs
// Deterministic apart from the random annotation ids (kept stable by re-running on existing files:
// entries that already exist are skipped).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = (module) => require(path.join(root, 'out', 'src', ...module.split('/')));
const { SidecarStore } = core('core/store/sidecarStore');
const { NodeFileSystem } = core('node/nodeFileSystem');
const { findOccurrences } = core('core/editing/findOccurrences');
const { tagSpans } = core('core/editing/tagActions');
const { applyChange } = core('core/editing/annotationChange');

const created = new Date('2026-11-24T09:00:00Z');
const plan = [
  {
    file: 'en/cartagena-hangzhou-sister-cities.txt',
    status: 'done',
    tags: {
      PERSON: ['Daniel Ostrowe-Vance', 'Lucía Ferrán Osorio', 'Zhou Mingyuan', 'Marisol Quintero Baena'],
      ORG: ['UNESCO', 'APC-Colombia', 'Universidad de Cartagena', 'Zhejiang University'],
      LOCATION: ['Cartagena', 'Hangzhou', 'Colombia', 'Teatro Adolfo Mejía', 'West Lake'],
      DATE: ['14 March 2024', '12 March 2024'],
      EVENT: ['West Lake International Expo'],
    },
  },
  {
    file: 'es/feria-comercial-bogota-shanghai.txt',
    status: 'in-progress',
    tags: {
      PERSON: ['Marisol Quintero Baena', 'Lucía Ferrán Osorio'],
      ORG: ['ProColombia', 'APC-Colombia'],
      LOCATION: ['Bogota\u0301', 'Shanghái', 'Cartagena'],
      EVENT: ['China International Import Expo'],
    },
  },
  {
    file: 'zh/hangzhou-cartagena-friendship-city.txt',
    status: 'in-progress',
    tags: {
      PERSON: ['周明远', '陈𠮷生', '露西娅·费兰·奥索里奥'],
      LOCATION: ['杭州', '卡塔赫纳', '哥伦比亚'],
      ORG: ['𠮷记茶庄', '浙江大学'],
    },
  },
  {
    file: 'en/mombasa-port-modernisation-deal.txt',
    status: 'in-progress',
    tags: {
      PERSON: ['Amina Wekesa', 'Gao Liyun', 'Grace Njeri-Holm'],
      ORG: ['Kenya Ports Authority', 'Shanghai International Port Group'],
      LOCATION: ['Mombasa', 'Nairobi', 'Lamu'],
      DATE: ['3 June 2024'],
      EVENT: ['Kenya-China Maritime Forum'],
    },
  },
];

const store = new SidecarStore(new NodeFileSystem());
for (const { file, status, tags } of plan) {
  const textPath = path.join(root, 'sample-corpus', file);
  const result = await store.update(textPath, (sidecar, text) => {
    let next = { ...sidecar, status };
    for (const [type, words] of Object.entries(tags)) {
      for (const word of words) {
        // "Colombia" inside "APC-Colombia" is part of the agency's name, not a place of its own.
        const spans = findOccurrences(text.text, word, { wholeWord: true, caseSensitive: true }, text).filter(
          (span) => !text.slice(Math.max(0, span.start - 4), span.start).endsWith('APC-'),
        );
        if (spans.length === 0) throw new Error(`“${word}” is not in ${file}`);
        next = applyChange(next, tagSpans(next, text, spans, { type, annotator: 'sample', created }));
      }
    }
    return next;
  });
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((item) => item.message).join('; ')}`);
  console.log(`${file}: ${result.sidecar.annotations.length} annotations, ${status}`);
}
