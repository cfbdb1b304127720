import type { Lexicon } from './lexicon.js';
import { flattenSections } from './library.js';
import type { AnalyzedQuestion } from './question.js';
import { stem, STOPWORDS, tokenize } from './text.js';
import type { Library, PolicyDocument, Provision, Section } from './types.js';

/** A provision with where it sits and what it is about, ready to score. */
export interface IndexedProvision {
  document: PolicyDocument;
  section: Section;
  /** Title of the section, or of its nearest titled ancestor. */
  provision: Provision;
  terms: Map<string, number>;
  length: number;
  concepts: Set<string>;
}

export interface Scored {
  item: IndexedProvision;
  score: number;
  /** Groups of the provision the question did not match. */
  missing: string[];
  /** Contexts the provision names that the question leaves open. */
  openContexts: string[];
}

const WEIGHT = { actions: 1.0, objects: 1.6, with: 1.6, topics: 1.5, contexts: 0.8 };

/** Pre-computed provision index for one library: idf of concepts and terms, BM25 statistics. */
export class ProvisionIndex {
  readonly items: IndexedProvision[];
  private readonly conceptIdf = new Map<string, number>();
  /** Concepts a drafted library names almost everywhere ("members", "the Department"): no evidence. */
  private readonly generic = new Set<string>();
  private readonly termIdf = new Map<string, number>();
  private readonly avgLength: number;

  constructor(readonly library: Library) {
    expand = (cs) => [...new Set([...cs].flatMap((c) => library.lexicon.implied(c)))];
    this.items = library.documents.flatMap((document) =>
      flattenSections(document.sections).flatMap((section) =>
        (section.provisions ?? []).map((provision) => indexProvision(document, section, provision)),
      ),
    );
    const n = this.items.length || 1;
    const conceptDf = new Map<string, number>();
    const termDf = new Map<string, number>();
    for (const item of this.items) {
      for (const c of conceptsOf(item.provision)) conceptDf.set(c, (conceptDf.get(c) ?? 0) + 1);
      for (const t of item.terms.keys()) termDf.set(t, (termDf.get(t) ?? 0) + 1);
    }
    for (const [c, df] of conceptDf) {
      this.conceptIdf.set(c, Math.log(1 + n / df));
      if (n >= 12 && df / n > 0.22) this.generic.add(c);
    }
    for (const [t, df] of termDf) this.termIdf.set(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.avgLength = this.items.reduce((a, i) => a + i.length, 0) / n || 1;
  }

  /** All provisions that share anything with the question, best first. */
  rank(q: AnalyzedQuestion): Scored[] {
    const out: Scored[] = [];
    for (const item of this.items) {
      const scored = this.score(item, q);
      if (scored.score > 0) out.push(scored);
    }
    return out.sort((a, b) => b.score - a.score);
  }

  private score(item: IndexedProvision, q: AnalyzedQuestion): Scored {
    const p = item.provision;
    const lexicon = this.library.lexicon;
    let score = 0;
    let factor = 1;
    const missing: string[] = [];
    for (const group of ['actions', 'objects', 'with', 'topics'] as const) {
      const list = p.drafted ? p[group]?.filter((c) => !this.generic.has(c)) : p[group];
      if (!list || list.length === 0) continue;
      const idfs = list.filter((c) => q.concepts.has(c)).map((c) => this.idf(c)).sort((a, b) => b - a);
      if (idfs.length === 0) {
        missing.push(group);
        continue;
      }
      const rest = idfs.slice(1).reduce((a, b) => a + b, 0);
      score += WEIGHT[group] * (idfs[0]! + Math.min(0.35 * rest, idfs[0]!));
    }
    const openContexts: string[] = [];
    for (const c of p.contexts ?? []) {
      if (q.concepts.has(c)) score += WEIGHT.contexts * this.idf(c);
      else if (conflictsWithQuestion(c, q, lexicon)) factor *= 0.3;
      else {
        openContexts.push(c);
        factor *= 0.8;
      }
    }
    if ((p.scope ?? []).some((c) => !q.concepts.has(c) && conflictsWithQuestion(c, q, lexicon))) factor *= 0.35;
    else if ((p.scope ?? []).some((c) => q.concepts.has(c))) score += 0.3;
    for (const group of missing) {
      // A drafted provision's verbs are whatever its sentence used; only its subject matter must match.
      if (group === 'actions') factor *= p.drafted ? 1 : 0.55;
      else factor *= 0.35;
    }
    // Reviewed provisions are matched on their concept groups; drafted ones, whose vocabulary is only
    // what the importer could read, on words and concepts together.
    if (p.drafted) score = 2.5 * this.textScore(item, q);
    else score += 0.6 * this.textScore(item, q);
    factor *= this.coverage(item, q);
    // Pay, pursuits, the gym…: other policies' matters; only an act this policy names keeps it in play.
    if (q.concepts.has('off_topic') && !(p.topics ?? []).includes('off_topic') && (!(p.actions ?? []).length || missing.includes('actions'))) factor *= 0.2;
    return { item, score: score * factor * intentFactor(p, q), missing, openContexts };
  }

  /** Share of what the question is about (its objects, topics, contexts) that the provision speaks to. */
  private coverage(item: IndexedProvision, q: AnalyzedQuestion): number {
    const lexicon = this.library.lexicon;
    const key = [...q.direct].filter((c) => lexicon.kind(c) !== 'action');
    if (key.length === 0) return 1;
    const covered = key.filter((c) => lexicon.implied(c).some((x) => item.concepts.has(x))).length;
    return 0.55 + (0.45 * covered) / key.length;
  }

  private idf(concept: string): number {
    return this.conceptIdf.get(concept) ?? 0;
  }

  /** BM25 of the question's words against the provision's quote and section title. */
  private textScore(item: IndexedProvision, q: AnalyzedQuestion): number {
    let s = 0;
    const qterms = new Set(q.terms);
    if (item.provision.drafted) for (const c of q.concepts) qterms.add(`c:${c}`);
    for (const term of qterms) {
      const tf = item.terms.get(term);
      if (!tf) continue;
      const idf = this.termIdf.get(term) ?? 0;
      s += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * item.length) / this.avgLength));
    }
    return (s / Math.max(3, qterms.size)) * 3;
  }
}

function intentFactor(p: Provision, q: AnalyzedQuestion): number {
  if (q.seeksProcess && p.verdict === 'needs_approval') return 1.3;
  if (q.intent === 'fact') return p.verdict === 'info' ? 1.35 : 0.9;
  if (q.intent === 'procedure') return p.verdict === 'must_report' ? 1.6 : p.verdict === 'info' ? 0.8 : 0.9;
  if (p.verdict === 'info') return p.drafted ? 0.55 : 0.75;
  return p.verdict === 'must_report' ? 0.85 : 1;
}

function conflictsWithQuestion(concept: string, q: AnalyzedQuestion, lexicon: Lexicon): boolean {
  for (const c of q.concepts) if (lexicon.conflicts(concept, c)) return true;
  return false;
}

export function conceptsOf(p: Provision): string[] {
  return [...(p.actions ?? []), ...(p.objects ?? []), ...(p.with ?? []), ...(p.topics ?? []), ...(p.contexts ?? [])];
}

let expand: (concepts: Set<string>) => string[] = (c) => [...c];

function indexProvision(document: PolicyDocument, section: Section, provision: Provision): IndexedProvision {
  const terms = new Map<string, number>();
  const words = tokenize(`${section.title} ${provision.quote}`).filter((t) => !STOPWORDS.has(t) && t.length > 1);
  for (const w of words) terms.set(stem(w), (terms.get(stem(w)) ?? 0) + 1);
  const concepts = new Set([...conceptsOf(provision), ...(provision.scope ?? [])]);
  if (provision.drafted) {
    // A drafted provision is matched on its words and on the concepts its words name, alike.
    for (const c of expand(concepts)) terms.set(`c:${c}`, (terms.get(`c:${c}`) ?? 0) + 1);
  }
  return { document, section, provision, terms, length: words.length, concepts };
}
