import { ProvisionCorpus, type IndexedProvision } from './provision-index.js';
import type { AnalyzedQuestion } from './question.js';
import type { Lexicon } from './lexicon.js';
import { termStem, tokenize } from './text.js';
import type { Library, Provision, ProvisionException } from './types.js';

export type { IndexedProvision };

export interface Scored {
  item: IndexedProvision;
  score: number;
  /** Groups of the provision the question did not match. */
  missing: string[];
  /** Contexts the provision names that the question leaves open. */
  openContexts: string[];
}

export const ALSO_REPORT = /\b(?:shall|must|will|should|is|are) also\b|\balso (?:be )?(?:report|notif|inform)/i;
/** A question word the lexicon does not know counts once where a known one counts as word and concept: weigh it up. */
const UNKNOWN_WEIGHT = 2;
/** Reviewed provisions weigh no word up. */
const NO_WORDS: ReadonlySet<string> = new Set();
/** What a provision keeps of its score when it does not speak of a matter the question is about. */
const FOCUS_MISSING = 0.2;
/** What a provision keeps for each group it matches only by a word the vocabulary does not know. */
const UNKNOWN_NAMED = 0.85;
/** What a rule for a role the asker says they hold gains; what one for a role the question does not name keeps. */
const OWN_ROLE_GAIN = 1.25;
const OTHER_ROLE_KEEPS = 0.5;
/** How much more a provision counts when the question states the circumstances of its exception. */
const EXCEPTION_STATED = 1.25;
const WEIGHT = { actions: 1.0, objects: 1.6, with: 1.6, topics: 1.5, contexts: 0.8 };

/** What is worked out once per question, not once per provision. */
interface Query {
  q: AnalyzedQuestion;
  words: Set<string>;
  /** Words plus `c:concept` features, for drafted provisions. */
  features: Set<string>;
  /** The question's own objects, topics and contexts, each with what it implies. */
  subjects: string[][];
  /** Concepts that cannot hold together with something the question says. */
  excluded: Set<string>;
  hasAction: boolean;
  /** Matters the question names that any answer must speak of, with what else speaks of each. */
  focus: Array<{ concept: string; spokenOf: string[] }>;
}

/** Scores a library's provisions against a question. */
export class ProvisionIndex {
  private readonly corpus: ProvisionCorpus;

  constructor(readonly library: Library) {
    this.corpus = new ProvisionCorpus(library);
  }

  get items(): IndexedProvision[] {
    return this.corpus.items;
  }

  /** All provisions that share anything with the question, best first. */
  rank(q: AnalyzedQuestion): Scored[] {
    const query = this.query(q);
    const out: Scored[] = [];
    for (const item of this.corpus.candidates([...q.concepts, ...query.features])) {
      const scored = this.score(item, query);
      if (scored.score > 0) out.push(scored);
    }
    return out.sort((a, b) => b.score - a.score);
  }

  private query(q: AnalyzedQuestion): Query {
    const lexicon = this.library.lexicon;
    const words = new Set(q.terms);
    // Whom the question says the asker is weighs on who a rule binds, not on what it is about.
    const features = new Set([...words, ...[...q.concepts].filter((c) => lexicon.kind(c) !== 'role').map((c) => `c:${c}`)]);
    const subjects = [...q.direct].filter((c) => lexicon.kind(c) !== 'action' && lexicon.kind(c) !== 'role').map((c) => lexicon.implied(c));
    const excluded = new Set<string>();
    for (const [name, entry] of Object.entries(lexicon.concepts)) {
      if (entry.kind === 'context' && [...q.concepts].some((c) => lexicon.conflicts(name, c))) excluded.add(name);
    }
    const hasAction = [...q.concepts].some((c) => lexicon.kind(c) === 'action');
    // A concept the question is about is spoken of by a provision naming it or what it implies, short of "other policies' matters".
    const focus = [...q.direct].filter((c) => lexicon.concepts[c]?.focus).map((concept) => ({ concept, spokenOf: spokenOf(lexicon, concept) }));
    return { q, words, features, subjects, excluded, hasAction, focus };
  }

  private score(item: IndexedProvision, query: Query): Scored {
    const { q } = query;
    const p = item.provision;
    const missing: string[] = [];
    let score = 0;
    let byUnknownWord = 0;
    for (const group of item.groups) {
      let best = 0;
      let rest = 0;
      for (const c of group.concepts) {
        if (!q.concepts.has(c)) continue;
        // What the question says outweighs what it only hints at ("my aunt" → personal use).
        const idf = this.corpus.idf(c) * (q.hinted.has(c) ? 0.6 : 1);
        if (idf > best) [best, rest] = [idf, rest + best];
        else rest += idf;
      }
      if (best > 0) score += WEIGHT[group.name] * (best + Math.min(0.35 * rest, best));
      // A concept the library names almost everywhere earns nothing, but the question does touch the group.
      else if (group.generic.some((c) => q.concepts.has(c))) continue;
      // "the lidar": a word the vocabulary does not know that a drafted provision's own text uses may name what it is about;
      // the group is not missing, but counts for less than a concept matched.
      else if (p.drafted && group.name !== 'actions' && [...q.unknown].some((w) => item.terms.has(w))) byUnknownWord++;
      else missing.push(group.name);
    }
    // A question that states what an exception names is about the rule and its exception: the
    // circumstances the exception describes do not count against the rule.
    const excepted = claimedException(p, q, this.library.lexicon) !== undefined;
    // "… on bluetooth while driving" against "shall not use a PCD while driving unless … hands-free": a rule whose
    // exception the question states is the one it is about.
    let factor = excepted && p.drafted ? EXCEPTION_STATED : 1;
    const openContexts: string[] = [];
    for (const c of p.contexts ?? []) {
      if (q.concepts.has(c)) score += WEIGHT.contexts * this.corpus.idf(c);
      // A drafted provision's contexts are every one its sentence names ("recordings created while on-duty"), not all
      // of them the rule's own: one that cannot hold with the question costs it less than a reviewed one's.
      else if (query.excluded.has(c)) factor *= excepted ? 1 : p.drafted ? 0.6 : 0.3;
      else {
        openContexts.push(c);
        // A drafted provision's contexts are whatever its words suggested: an open one costs it less.
        factor *= p.drafted ? 0.9 : 0.8;
      }
    }
    // "Telecommunicators shall not …" binds the asker only when the question says they are one.
    // A rule for a role the asker says they hold is more particular to them than one for every member.
    if (p.actor && q.intent !== 'fact') {
      if (p.actor.some((c) => q.roles.has(c))) factor *= OWN_ROLE_GAIN;
      else if (!p.actor.some((c) => q.concepts.has(c))) factor *= OTHER_ROLE_KEEPS;
    }
    const scope = p.scope ?? [];
    if (scope.some((c) => !q.concepts.has(c) && query.excluded.has(c))) factor *= 0.35;
    else if (scope.some((c) => q.concepts.has(c))) score += 0.3;
    // A drafted provision's verbs are whatever its sentence used: a different verb counts for little.
    factor *= UNKNOWN_NAMED ** byUnknownWord;
    for (const group of missing) factor *= group !== 'actions' ? 0.35 : !p.drafted ? 0.55 : query.hasAction ? 0.85 : 1;
    // Reviewed provisions are matched on their concept groups; drafted ones, whose vocabulary is only
    // what the importer could read, on words and concepts together.
    if (p.drafted) score = 2.5 * this.textScore(item, query.features, query.q.unknown);
    else score += 0.6 * this.textScore(item, query.words, NO_WORDS);
    factor *= coverage(item, query);
    // A provision about the very act the question rules out ("not posting anything") is not the answer.
    if ((p.actions ?? []).some((a) => q.negated.has(a)) && !(p.actions ?? []).some((a) => q.concepts.has(a))) factor *= 0.3;
    // Pay, pursuits, the gym…: other policies' matters; only an act this policy names keeps it in play.
    if (q.concepts.has('off_topic') && !(p.actions ?? []).length) factor *= 0.2;
    else if (q.concepts.has('off_topic') && missing.includes('actions')) factor *= 0.2;
    // "Can I carry my own backup gun on duty?" against "Members may carry a personally owned device …": the act is
    // named, but nothing the question is about.
    else if (q.concepts.has('off_topic') && !speaksOfSubject(item, q, this.library.lexicon)) factor *= 0.3;
    // "Do we get a stipend for using our own phone?": a rule about personal phones that says nothing of pay is no answer.
    // "Can I wear airpods on patrol?": a rule on hands-free devices speaks of earbuds too.
    // "Approval is valid for 180 days" under "Fictitious Online Personas" speaks of fake profiles through its heading.
    // "Gave my password to someone claiming to be IT, who do I call?": the duty to report a security incident speaks of
    // every incident, whatever it was about.
    const reportsIncident = q.intent === 'procedure' && p.verdict === 'must_report' && q.concepts.has('breach') && item.concepts.has('breach');
    for (const f of reportsIncident ? [] : query.focus) {
      if (f.spokenOf.some((x) => item.concepts.has(x) || item.named.has(x)) || (p.exceptions ?? []).some((e) => e.when.includes(f.concept))) continue;
      factor *= FOCUS_MISSING;
    }
    // "… shall also be reported to …": a duty in addition to the one before it, not the first one.
    if (p.verdict === 'must_report' && ALSO_REPORT.test(p.quote)) factor *= 0.9;
    return { item, score: score * factor * intentFactor(p, q), missing, openContexts };
  }

  /** Concept features weigh by kind: what is asked about counts more than where or how. */
  private featureWeight(term: string, unknown: ReadonlySet<string>): number {
    if (!term.startsWith('c:')) return unknown.has(term) ? UNKNOWN_WEIGHT : 1;
    const kind = this.library.lexicon.kind(term.slice(2));
    return kind === 'context' || kind === 'action' ? 0.6 : 1;
  }

  /** BM25 of the question's words (and concepts, for drafted provisions) against the provision. */
  private textScore(item: IndexedProvision, terms: Set<string>, unknown: ReadonlySet<string>): number {
    let s = 0;
    const lengthNorm = 1.2 * (0.25 + (0.75 * item.length) / this.corpus.avgLength);
    for (const term of terms) {
      const tf = item.terms.get(term);
      if (tf) s += (this.corpus.termWeight(term) * this.featureWeight(term, unknown) * tf * 2.2) / (tf + lengthNorm);
    }
    return (s / Math.max(3, terms.size)) * 3;
  }
}

/** The concepts by whose naming a provision speaks of a focus concept: it and what it implies, or it, its kinds and those listed. */
function spokenOf(lexicon: Lexicon, concept: string): string[] {
  const entry = lexicon.concepts[concept]!;
  if (entry.focus === 'itself') return [...lexicon.narrower(concept), ...(entry.spokenOfBy ?? [])];
  return lexicon.implied(concept).filter((x) => x !== 'off_topic');
}

/** Concepts too common to say what a question is about: whose a thing is, who else is involved. */
const GENERIC_SUBJECTS = new Set(['ownership', 'coworker', 'department', 'applicability', 'personal_use', 'off_topic']);

/** Whether the provision names an object or topic of the question beyond the generic ones. */
function speaksOfSubject(item: IndexedProvision, q: AnalyzedQuestion, lexicon: Lexicon): boolean {
  return [...q.direct].some((c) => !GENERIC_SUBJECTS.has(c) && (lexicon.kind(c) === 'object' || lexicon.kind(c) === 'topic') && item.concepts.has(c));
}

/** The provision's exception whose circumstances the question states, if any. */
export function claimedException(p: Provision, q: AnalyzedQuestion, lexicon?: Lexicon): ProvisionException | undefined {
  return (p.exceptions ?? []).find((e) => {
    // A drafted exception's circumstances are every concept its words suggested ("when a member is assigned to an
    // investigation and has written authorization from the … Commander"): the case it names is its setting.
    const settings = p.drafted && lexicon ? e.when.filter((c) => lexicon.kind(c) === 'context') : [];
    return (settings.length > 0 ? settings : e.when).every((c) => q.concepts.has(c));
  });
}

/** Share of what the question is about (its objects, topics, contexts) that the provision speaks to. */
function coverage(item: IndexedProvision, query: Query): number {
  if (query.subjects.length === 0) return 1;
  const covered = query.subjects.filter((implied) => implied.some((x) => item.concepts.has(x))).length;
  return 0.55 + (0.45 * covered) / query.subjects.length;
}

/** A definition whose term ("Digital Evidence Management System (DEMS) - …") holds a word of the question. */
function definesWordOf(p: Provision, q: AnalyzedQuestion): boolean {
  const term = p.quote.split(/\s[-–—]\s|:|\s(?:means|shall mean|is defined as|refers to|includes)\s/i)[0] ?? '';
  const words = new Set(tokenize(term).map(termStem));
  return q.terms.some((t) => words.has(t));
}

function intentFactor(p: Provision, q: AnalyzedQuestion): number {
  // "Who approves that?", "how do I get approval?": the approval path, not facts about it.
  if (q.seeksProcess) return p.verdict === 'needs_approval' ? 1.4 : p.verdict === 'info' ? 0.7 : 0.9;
  // "whats dems": the definition of the term, not a rule that mentions it.
  if (q.asksDefinition) return p.topics?.includes('definitions') ? (definesWordOf(p, q) ? 3 : 1.5) : p.verdict === 'info' ? 1.35 : 0.9;
  if (q.intent === 'fact') return p.verdict === 'info' ? 1.35 : 0.9;
  // "Who do I tell?" is best answered by a duty that names whom.
  if (q.intent === 'procedure') return p.verdict === 'must_report' ? (p.authority ? 1.6 : 1.1) : p.verdict === 'info' ? 0.8 : 0.9;
  if (p.verdict === 'info') return p.required ? 0.8 : p.drafted ? 0.55 : 0.75;
  // "Can I put the FOP notice on the dept page?" is no report of someone else's post: a duty owed on becoming aware of one is not the answer.
  if (p.verdict === 'must_report' && q.asksLeave && (p.objects ?? []).includes('violation_seen') && !q.concepts.has('violation_seen')) return 0.5;
  // A drafted outright permission is as often someone else's power ("Supervisors may review …") or a description
  // ("Recording may be stopped …") as leave for the asker: it gives way to a rule that fits nearly as well.
  if (p.verdict === 'allowed' && p.drafted) return 0.9;
  return p.verdict === 'must_report' ? 0.85 : 1;
}
