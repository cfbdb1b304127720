import type { Lexicon } from './lexicon.js';
import { flattenSections } from './library.js';
import { STOPWORDS, termStem, tokenize } from './text.js';
import type { Library, PolicyDocument, Provision, Section } from './types.js';

/** A provision with where it sits and what it is about, ready to score. */
export interface IndexedProvision {
  document: PolicyDocument;
  section: Section;
  provision: Provision;
  /** Word stems of the section title and quote; for drafted provisions also `c:concept` features. */
  terms: Map<string, number>;
  length: number;
  /** Concepts the provision names in any group, and its scope. */
  concepts: Set<string>;
  /**
   * Concepts its section's title names, and for a reviewed provision its section's words: its groups list what a
   * reviewer chose, the section may name more ("review the username and password security controls. Security lapses
   * will be …"); the title ("Fictitious Online Personas") is what every sentence under it is about.
   */
  named: Set<string>;
  /** The concept groups that must match, as scored (a drafted provision's generic concepts left out). */
  groups: Array<{ name: 'actions' | 'objects' | 'with' | 'topics'; concepts: string[]; generic: string[] }>;
}

/** A concept in more than this share of a drafted library's provisions is no evidence of a match. */
const GENERIC_SHARE = 0.5;
/** How many provisions a large library fully scores per question. */
const SHORTLIST = 120;

/** Corpus statistics over one library's provisions, and postings to find candidates fast. */
export class ProvisionCorpus {
  readonly items: IndexedProvision[];
  readonly avgLength: number;
  private readonly conceptIdf = new Map<string, number>();
  private readonly termIdf = new Map<string, number>();
  /** Concepts a drafted library names almost everywhere ("members", "the Department"): no evidence. */
  private readonly generic = new Set<string>();
  private readonly postings = new Map<string, number[]>();

  constructor(library: Library) {
    this.items = library.documents.flatMap((document) =>
      flattenSections(document.sections).flatMap((section) => {
        const provisions = section.provisions ?? [];
        if (provisions.length === 0) return [];
        // What the section's title names, and for reviewed provisions its words, is read once for all its provisions.
        const titleNames = library.lexicon.conceptsOf(section.title);
        const sectionNames = provisions.some((p) => !p.drafted) ? library.lexicon.conceptsOf(`${section.title} ${section.text}`) : titleNames;
        return provisions.map((provision) => indexProvision(document, section, provision, library.lexicon, provision.drafted ? titleNames : sectionNames));
      }),
    );
    const n = this.items.length || 1;
    const conceptDf = new Map<string, number>();
    const termDf = new Map<string, number>();
    this.items.forEach((item, i) => {
      for (const c of conceptsOf(item.provision)) conceptDf.set(c, (conceptDf.get(c) ?? 0) + 1);
      for (const t of item.terms.keys()) termDf.set(t, (termDf.get(t) ?? 0) + 1);
      for (const key of new Set([...item.concepts, ...item.terms.keys()])) this.post(key, i);
    });
    for (const [c, df] of conceptDf) {
      this.conceptIdf.set(c, Math.log(1 + n / df));
      if (n >= 12 && df / n > GENERIC_SHARE) this.generic.add(c);
    }
    for (const [t, df] of termDf) this.termIdf.set(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.avgLength = this.items.reduce((a, i) => a + i.length, 0) / n || 1;
    for (const item of this.items) item.groups = this.groupsOf(item.provision);
  }

  private groupsOf(p: Provision): IndexedProvision['groups'] {
    const out: IndexedProvision['groups'] = [];
    for (const name of ['actions', 'objects', 'with', 'topics'] as const) {
      const all = p[name] ?? [];
      const concepts = all.filter((c) => !(p.drafted && this.generic.has(c)));
      if (concepts.length > 0) out.push({ name, concepts, generic: all.filter((c) => !concepts.includes(c)) });
    }
    return out;
  }

  idf(concept: string): number {
    return this.conceptIdf.get(concept) ?? 0;
  }

  termWeight(term: string): number {
    return this.termIdf.get(term) ?? 0;
  }

  /**
   * Provisions sharing a concept or word with the question (nothing else can score). In a large
   * library only the best by a cheap first pass — idf summed over shared features — go on to full
   * scoring.
   */
  candidates(keys: Iterable<string>): IndexedProvision[] {
    const present = [...new Set(keys)].filter((k) => this.postings.has(k));
    const acc = new Float64Array(this.items.length);
    for (const key of present) {
      const w = key.startsWith('c:') || !this.termIdf.has(key) ? this.idf(key.replace(/^c:/, '')) : this.termWeight(key);
      for (const i of this.postings.get(key)!) acc[i]! += w + 1e-6;
    }
    const hit: number[] = [];
    acc.forEach((v, i) => {
      if (v > 0) hit.push(i);
    });
    if (hit.length > SHORTLIST) hit.sort((a, b) => acc[b]! - acc[a]!).length = SHORTLIST;
    return hit.map((i) => this.items[i]!);
  }

  private post(key: string, i: number): void {
    const list = this.postings.get(key);
    if (list) list.push(i);
    else this.postings.set(key, [i]);
  }
}

export function conceptsOf(p: Provision): string[] {
  return [...(p.actions ?? []), ...(p.objects ?? []), ...(p.with ?? []), ...(p.topics ?? []), ...(p.contexts ?? [])];
}

function indexProvision(document: PolicyDocument, section: Section, provision: Provision, lexicon: Lexicon, named: Set<string>): IndexedProvision {
  const terms = new Map<string, number>();
  const words = tokenize(`${section.title} ${provision.clause ?? provision.quote}`).filter((t) => !STOPWORDS.has(t) && t.length > 1);
  for (const w of words) terms.set(termStem(w), (terms.get(termStem(w)) ?? 0) + 1);
  const concepts = new Set([...conceptsOf(provision), ...(provision.scope ?? [])]);
  if (provision.drafted) {
    // A drafted provision is matched on its words and on the concepts its words name, alike.
    const expanded = new Set([...concepts].flatMap((c) => lexicon.implied(c)));
    for (const c of expanded) terms.set(`c:${c}`, (terms.get(`c:${c}`) ?? 0) + 1);
  }
  // A drafted provision is matched on its concepts as on its words: a sentence that names many of them is a long one.
  const conceptLength = provision.drafted ? [...terms.keys()].filter((t) => t.startsWith('c:')).length : 0;
  return { document, section, provision, terms, length: words.length + conceptLength, concepts, named, groups: [] };
}
