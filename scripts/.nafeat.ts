// per-question features for the not-addressed gate
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPolicyText } from '../src/policy/importer/import.js';
import { buildLibrary, readSharedLexicon } from '../src/policy/library.js';
import { analyzeQuestion } from '../src/policy/question.js';
import { PolicyEngine } from '../src/policy/engine.js';
const old = ['blind', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'fresh', 'holdout', 'validation', 'unseen'].map((s) => [s, `test/fixtures/${s}`]);
const blinds = readdirSync('/work').filter((d) => /^blind\d+$/.test(d) && Number(d.slice(5)) >= 9 && Number(d.slice(5)) <= Number(process.env.MAXB ?? 36)).map((d) => [d, `/work/${d}`]);
const lexicon = readSharedLexicon();
for (const [set, dir] of [...old, ...blinds]) {
  for (const f of readdirSync(dir!).filter((f) => f.endsWith('.txt') && existsSync(join(dir!, f.replace(/\.txt$/, '.questions.jsonl')))).sort()) {
    const file = join(dir!, f);
    const imported = importPolicyText(readFileSync(file, 'utf8'), { source: file, lexicon });
    const library = buildLibrary({ department: 'imported', name: imported.document.title, authorities: imported.authorities }, [imported.document], readSharedLexicon());
    const eng = new PolicyEngine(library) as any;
    for (const line of readFileSync(file.replace(/\.txt$/, '.questions.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const c = JSON.parse(line);
      const q = analyzeQuestion(c.q, library.lexicon);
      const r = eng.index.rank(q);
      const top = r[0]?.score ?? 0;
      const min = 1.6 * Math.min(1, 7 / Math.max(1, q.terms.length));
      const kinds = [...q.direct].map((x: string) => library.lexicon.kind(x));
      const a = eng.ask(c.q);
      const b = r[0];
      const docTerms = new Set<string>(); for (const it of eng.index.items) for (const t of it.terms) docTerms.add(t);
      const unk = q.terms.filter((t: string) => !docTerms.has(t));
      const inBest = b ? q.terms.filter((t: string) => b.item.terms.has(t)).length : 0;
      console.log(JSON.stringify({ set, id: c.id, want: c.verdict, got: a.verdict, ratio: +(top / min).toFixed(3), top: +top.toFixed(3), nterms: q.terms.length, nobj: kinds.filter((k: string) => k === 'object' || k === 'topic').length, nact: kinds.filter((k: string) => k === 'action').length, nctx: kinds.filter((k: string) => k === 'context').length, direct: [...q.direct], missing: b?.missing ?? [], unk, qunk: [...q.unknown], inBest, bestV: b?.item.provision.verdict, bestActs: b?.item.provision.actions ?? [], q: c.q }));
    }
  }
}
