import { composeAnswer, type Decision } from './compose.js';
import { analyzeQuestion, type AnalyzedQuestion } from './question.js';
import { ALSO_REPORT, claimedException, ProvisionIndex, type Scored } from './retrieve.js';
import type { Lexicon } from './lexicon.js';
import type { Answer, Citation, Library, ProvisionVerdict } from './types.js';
import { termStem } from './text.js';

/** Below this score nothing in the library is about the question. */
const MIN_SCORE = 1.6;
/** Supporting citations must score at least this share of the best one. */
const SUPPORT_RATIO = 0.45;

/** The verdict engine for one department's library. Pure: no I/O, no clock. */
export class PolicyEngine {
  private readonly index: ProvisionIndex;

  constructor(readonly library: Library) {
    this.index = new ProvisionIndex(library);
  }

  get sectionCount(): number {
    return this.index.items.length;
  }

  ask(question: string): Answer {
    const q = analyzeQuestion(question, this.library.lexicon);
    const scored = this.index.rank(q);
    const ranked = preferAmount(q, preferNamedRecipient(q, preferListedCase(q, preferPrimaryDuty(preferReportingForProcedure(q, preferApprovalForProcess(q, preferApprovalOnTies(q, this.library.lexicon, preferRuleForLeave(q, preferLimitOfPermission(q, scored, this.library.lexicon)))))))), this.library.lexicon);
    const best = ranked[0];
    // Whether the library speaks of the question at all is the best fit's to say; which provision answers it may be another.
    if (!best || scored[0]!.score < minScore(q) || !aboutSomething(best, q, this.library) || oneWordOnly(best, q)) return composeAnswer(this.library, q, null);
    return composeAnswer(this.library, q, decide(q, best, ranked, this.library.lexicon));
  }
}

/**
 * The least fit that speaks to a question. A long question's fit is spread over all its words, so its floor is lower:
 * "I run a little pressure washing business on the side. If im on my lunch break …" fits its rule as well as a short one.
 */
function minScore(q: AnalyzedQuestion): number {
  return MIN_SCORE * Math.min(1, LONG_QUESTION / Math.max(1, q.terms.length));
}

/**
 * "Can we ride the patrol bikes when it's snowing?": a question the vocabulary knows nothing of, which meets a provision
 * in one word of its own ("patrol"), is not about it.
 */
function oneWordOnly(best: Scored, q: AnalyzedQuestion): boolean {
  // "whats dems": a short question asking what a word means has only that word to go on.
  if (q.concepts.size > 0 || q.asksDefinition || q.terms.length <= 2) return false;
  return q.terms.filter((t) => best.item.terms.has(t)).length < 2;
}

/** How many words a question may have before its floor starts to fall. */
const LONG_QUESTION = 7;

/**
 * "Can I …?" is answered by a rule when one fits nearly as well as the best fact: a fact about the matter
 * ("Pages shall state that visitors' opinions are not the Department's") says nothing of leave.
 */
function preferRuleForLeave(q: AnalyzedQuestion, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || q.intent !== 'permission' || first.item.provision.verdict !== 'info' || first.item.provision.required) return ranked;
  return promote(ranked, (s) => s.score >= first.score * RULE_FOR_LEAVE && s.item.provision.verdict !== 'info' && s.item.provision.verdict !== 'must_report');
}

/**
 * "A deputy may use the MDC for personal internet access …, subject to the following: (i) streaming … is prohibited":
 * a ban within a permission, on something the question names and the permission does not, decides that case.
 */
function preferLimitOfPermission(q: AnalyzedQuestion, ranked: Scored[], lexicon: Lexicon): Scored[] {
  const [first] = ranked;
  if (!first || (first.item.provision.verdict !== 'allowed' && first.item.provision.verdict !== 'allowed_with_conditions')) return ranked;
  const id = first.item.section.id;
  const named = [...q.direct].filter((c) => lexicon.kind(c) === 'object' || lexicon.kind(c) === 'topic');
  // "… permitted during meal periods, provided the use … does not violate 41.2.3": the bans of the section it names limit it too.
  const referenced = VIOLATES_SECTION.exec(first.item.provision.quote)?.[1]?.replace(/[.;,]+$/, '');
  const limits = (s: Scored) => s.item.section.id.startsWith(`${id}.`) || (!!referenced && (s.item.section.id === referenced || s.item.section.id.startsWith(`${referenced}.`)));
  const below = (s: Scored) => s.item.document === first.item.document && limits(s);
  // "Deputies may review their own recordings … A deputy involved in an officer-involved shooting … shall not review
  // recordings of the incident until authorized by the Undersheriff": the case the question names, in the same section.
  const beside = (s: Scored) => s.item.section === first.item.section && s.item.provision.verdict === 'needs_approval';
  const within = (s: Scored) => (below(s) && s.item.provision.verdict === 'prohibited' && s.score >= first.score * LIMIT_WITHIN) || (beside(s) && s.score >= first.score * CASE_BESIDE);
  return promote(
    ranked,
    (s) =>
      within(s) &&
      named.some((c) => s.item.concepts.has(c) && !first.item.concepts.has(c)),
  );
}

/** "provided the use … does not violate 41.2.3": a leave limited by the bans of another section. */
const VIOLATES_SECTION = /\b(?:provided|as long as|so long as)\b[^.;]*?\b(?:does|do|shall|will|may|must) not (?:violate|contravene|conflict with)\s+(?:section\s+|§\s*)?(\d[\w.()-]*)/i;

/** How nearly a ban within a permission must fit, against the permission, to decide the case it names. */
const LIMIT_WITHIN = 0.6;
/** The same, for an approval the permission's own section requires in a case of its own. */
const CASE_BESIDE = 0.8;

/** How nearly a rule must fit, against the best fact, to answer a question asking leave. */
const RULE_FOR_LEAVE = 0.8;

/**
 * "A deputy … may deactivate it … only: a. … c. When a crime victim or witness declines to give a statement": a question
 * naming the case ("victim wont talk") is answered by that item, cited, not by the lead-in alone.
 */
function preferListedCase(q: AnalyzedQuestion, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || !/:\s*$/.test(first.item.provision.quote) || first.item.provision.verdict === 'info') return ranked;
  const id = first.item.section.id;
  const own = (s: Scored) => q.terms.some((t) => s.item.terms.has(t) && !first.item.terms.has(t));
  return promote(
    ranked,
    (s) => s.item.document === first.item.document && s.item.section.id.startsWith(`${id}.`) && s.item.provision.verdict === first.item.provision.verdict && s.score >= first.score * LISTED_CASE && (!s.missing.includes('objects') || first.missing.includes('objects')) && own(s),
  );
}

/** How nearly an item must fit, against its lead-in, to be the case a question names. */
const LISTED_CASE = 0.3;

/**
 * Near-ties between a prohibition and an approval path for the same act ("shall not install …";
 * "… may be installed only with the approval of …") resolve to the approval path: it says how.
 */
function preferApprovalOnTies(q: AnalyzedQuestion, lexicon: Lexicon, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first) return ranked;
  // "Only software on the list may be installed" and "other software … only after the ISO approves":
  // a permission limited to some cases and the approval path for the rest, side by side.
  const limited = first.item.provision.verdict === 'allowed_with_conditions' && /\bonly\b/i.test(first.item.provision.quote);
  // A duty ("members assigned a phone shall keep it charged") beside the approval path to the thing it is owed about.
  const duty = q.asksLeave && first.item.provision.verdict === 'info' && first.item.provision.required === true;
  if (first.item.provision.verdict !== 'prohibited' && !limited && !duty) return ranked;
  const near = limited || duty ? 0.85 : 0.97;
  const sameSection = (s: Scored) => inSameSection(s, first);
  // "Employees shall not install software … Only the IT Coordinator may approve and install software": the way through the ban beside it.
  // Not when the ban speaks of more of the question ("personally owned software") than the approval path does.
  const banNamed = [...q.concepts].filter((c) => first.item.concepts.has(c) && lexicon.kind(c) === 'object');
  const wayThrough = (s: Scored) =>
    !limited &&
    !duty &&
    sameSection(s) &&
    s.missing.length === 0 &&
    // One that applies in a circumstance the question leaves open ("When related to criminal investigations, …") must fit better.
    s.score >= first.score * (s.openContexts.length === 0 ? SAME_SECTION_APPROVAL : SAME_SECTION_APPROVAL_OPEN) &&
    // A ban that fits the question only in part ("create … a page" asked as "put it up on the page") yields to it all the same.
    (first.missing.length > 0 || banNamed.every((c) => s.item.concepts.has(c)));
  return promote(ranked, (s) => s.item.provision.verdict === 'needs_approval' && ((s.score >= first.score * near && (!limited || sameSection(s))) || wayThrough(s)));
}

/** How nearly an approval path must fit, against a ban in its own section, to be the way through it. */
const SAME_SECTION_APPROVAL = 0.4;
/** The same, for an approval path bound to a circumstance the question does not state. */
const SAME_SECTION_APPROVAL_OPEN = 0.6;

/** "Who do I ask?", "who signs off on that?": the approval path, when one fits the question nearly as well. */
function preferApprovalForProcess(q: AnalyzedQuestion, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || !q.seeksProcess || first.item.provision.verdict === 'needs_approval') return ranked;
  const approval = (s: Scored) => s.score >= first.score * 0.5 && s.item.provision.verdict === 'needs_approval' && !s.missing.includes('objects');
  // One that names the act asked about too, before one that only names its matter.
  return ranked.some((s) => approval(s) && s.missing.length === 0) ? promote(ranked, (s) => approval(s) && s.missing.length === 0) : promote(ranked, approval);
}

/**
 * "I saw X, what do I do?": the answer is the duty to report, with the rule X breaks cited after it,
 * when the policy has a reporting provision that fits nearly as well.
 */
function preferReportingForProcedure(q: AnalyzedQuestion, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || q.intent !== 'procedure' || q.seeksProcess || first.item.provision.verdict === 'must_report') return ranked;
  return promote(ranked, (s) => s.score >= first.score * 0.35 && s.item.provision.verdict === 'must_report');
}

/**
 * "… shall report it to the Help Desk. The member also notifies the shift supervisor.": the duty the section
 * states first is the answer, when it fits the question nearly as well; the one "also" owed is cited after it.
 */
function preferPrimaryDuty(ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || first.item.provision.verdict !== 'must_report' || !ALSO_REPORT.test(first.item.provision.quote)) return ranked;
  return promote(ranked, (s) => inSameSection(s, first) && s.score >= first.score * 0.6 && s.item.provision.verdict === 'must_report' && !ALSO_REPORT.test(s.item.provision.quote));
}

/**
 * "… shall report the message using the phishing report button": a duty that names no one says nothing of whom to
 * tell. The duty in the same section that does ("shall immediately notify the on-duty Watch Commander") answers, when
 * it fits at least a third as well.
 */
function preferNamedRecipient(q: AnalyzedQuestion, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || first.item.provision.verdict !== 'must_report' || first.item.provision.authority) return ranked;
  // "Who do I call?" asks for a person: a duty elsewhere that names one, fitting nearly as well, before one that names no one
  // ("shall be reported with the Report Phishing button").
  const near = (s: Scored) => inSameSection(s, first) ? s.score >= first.score * 0.35 : q.asksWhom && s.score >= first.score * NAMED_ELSEWHERE;
  return promote(ranked, (s) => near(s) && s.item.provision.verdict === 'must_report' && !!s.item.provision.authority);
}

/** How nearly a duty naming whom to tell, outside the section of one naming no one, must fit to answer "who do I call?". */
const NAMED_ELSEWHERE = 0.75;

/** An amount or a period in words or figures: "90 days", "once per shift", "annually". */
const AMOUNT =
  /\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|sixty|ninety|hundred|once|twice|daily|weekly|monthly|annually|yearly|hourly|quarterly|permanent(?:ly)?|indefinitely)\b|\b(?:each|every|per)\s+(?:day|week|month|year|shift|tour|pay period|workday)\b|\b(?:retention|fixed|records) schedules?\b|\bregular basis\b|\b(?:at )?(?:regular |periodic )?intervals?\b|\bperiodic(?:ally)?\b|\bregularly\b|\bat (?:a|the) minimum\b|\bat least\b|\bwithin\b|\bno later than\b/i;

/**
 * "How long are emails kept?": only a provision that states an amount answers it. The best one that does, when it
 * fits nearly as well; none at all when no provision that fits states one.
 */
function preferAmount(q: AnalyzedQuestion, ranked: Scored[], lexicon: Lexicon): Scored[] {
  const [first] = ranked;
  if (!first || !q.asksAmount) return ranked;
  const asked = q.text.toLowerCase();
  // "How long are bodycam videos kept?": only a provision that keeps something of what the question names, for a
  // period, answers it, however far down it fits; with none, the policy does not say.
  if (RETENTION_ASKED.test(asked)) {
    const things = retainedThings(q, lexicon);
    const keeps = (s: Scored) => RETAINED.test(s.item.provision.quote) && DURATION.test(s.item.provision.quote) && keepsOneOf(s, things, q);
    return ranked.some(keeps) ? promote(ranked, keeps) : [];
  }
  // "How long …?" is answered by a period; "how many", "how often" by any amount. Either, about what the question names.
  const amount = /\bhow long\b/.test(asked) ? PERIOD : AMOUNT;
  const states = (s: Scored) => amount.test(s.item.provision.quote) && !s.missing.includes('objects');
  if (states(first)) return ranked;
  const statesOne = (s: Scored) => s.score >= first.score * AMOUNT_SHARE && states(s);
  return ranked.some(statesOne) ? promote(ranked, statesOne) : [];
}

/** A count in figures or words, with the figures that may follow the words: "90", "fourteen (14)", "(3)". */
const COUNT = String.raw`(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|forty-five|fifty|sixty|seventy|eighty|ninety|hundred|thousand)|\(\d+\))(?:[\s-]+\(\d+\))?`;

/** "how long … kept / stick around / before it's purged": a question after how long something is kept. */
const RETENTION_ASKED = /\bhow long\b.*\b(?:keep|keeps|kept|retain\w*|stor(?:e|ed|age)|hang(?:ing)? on(?:to)?|hold on(?:to)?|stick around|purg\w*|delet\w*|saved?|archiv\w*)\b/;
/** A provision that keeps something: "retained", "stored", "purged", "destroyed". */
const RETAINED = /\b(?:retain\w*|retention|kept|keep|stored|storage|purg\w*|destroy\w*|delet\w*|preserv\w*|maintained|archiv\w*|dispos\w*)\b/i;
/** How long something is kept: "90 days", "three (3) years", a retention schedule, "until final disposition". */
const DURATION = new RegExp(
  String.raw`${COUNT}[\s-]+(?:business\s+|calendar\s+)?(?:days?|weeks?|months?|years?)\b|\b(?:retention|records|fixed) schedules?\b|\bpermanent(?:ly)?\b|\bindefinitely\b|\buntil\b[^.;]{0,80}\b(?:disposition|adjudicat\w*|resolved|closed|conclu\w*|final|no longer needed)`,
  'i',
);
/** How a retention question asks, and what holds any record ("the system", "the data"): words that name nothing kept. */
const NAMES_NOTHING_KEPT = new Set(
  ['how', 'long', 'keep', 'kept', 'retain', 'store', 'hang', 'hold', 'on', 'do', 'does', 'they', 'we', 'us', 'system', 'data', 'information', 'record', 'file', 'files', 'department', 'dept', 'city', 'county', 'office'].map(termStem),
);
/** What any kept record is: no evidence of which thing is kept. */
const ANY_RECORD = new Set(['backup', 'records', 'department', 'modify_record', 'privacy', 'applicability']);

/** The things a retention question names: its objects and topics, with what they imply, other than records as such. */
function retainedThings(q: AnalyzedQuestion, lexicon: Lexicon): Set<string> {
  const named = [...q.direct].filter((c) => (lexicon.kind(c) === 'object' || lexicon.kind(c) === 'topic') && !ANY_RECORD.has(c));
  return new Set(named.flatMap((c) => lexicon.implied(c)).filter((c) => !ANY_RECORD.has(c)));
}

/** Whether a provision keeps one of the things named, or, when the question names none the vocabulary knows, a word of it. */
function keepsOneOf(s: Scored, things: Set<string>, q: AnalyzedQuestion): boolean {
  // "How long do they keep the car to car msgs?": a word of what is kept, other than the asking.
  if (things.size === 0) return q.terms.some((w) => !NAMES_NOTHING_KEPT.has(w) && s.item.terms.has(w));
  // "Members shall not delete them except in accordance with the … retention schedule, which requires that text messages …
  // be kept for three years": what the exception keeps counts too.
  const p = s.item.provision;
  return [...(p.objects ?? []), ...(p.topics ?? []), ...(p.with ?? []), ...(p.exceptions ?? []).flatMap((e) => e.when)].some((c) => things.has(c));
}

/** A period or a length: "90 days", "three years", "until final disposition", "permanently", a retention schedule, "eight characters". */
const PERIOD = new RegExp(
  String.raw`${COUNT}[\s-]+(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|characters?|digits?)\b|\b(?:retention|records|fixed) schedules?\b|\bpermanent(?:ly)?\b|\bindefinitely\b|\buntil\b|\bduration\b|\bexpires?\b|\bvalid for\b|\brenew(?:ed|al)?\b`,
  'i',
);

/** How nearly a provision stating an amount must fit, against the best one that states none. */
const AMOUNT_SHARE = 0.5;

function inSameSection(a: Scored, b: Scored): boolean {
  return a.item.section === b.item.section && a.item.document === b.item.document;
}

/** The best-ranked provision after the first that `pick` accepts, moved to the top; the ranking as it was when none is. */
function promote(ranked: Scored[], pick: (s: Scored) => boolean): Scored[] {
  const [first, ...rest] = ranked;
  const i = rest.findIndex(pick);
  if (!first || i < 0) return ranked;
  const chosen = rest.splice(i, 1)[0]!;
  return [chosen, first, ...rest];
}

/**
 * A provision that matched only an action or a context is not about the question, unless the question
 * names nothing else: "can i keep my personal cell on me on patrol" is about the device and the duty.
 */
function aboutSomething(s: Scored, q: AnalyzedQuestion, library: Library): boolean {
  const kinds = [...q.direct].map((c) => library.lexicon.kind(c));
  if (!kinds.includes('object') && !kinds.includes('topic') && kinds.filter((k) => k === 'context').length >= 2) return true;
  const p = s.item.provision;
  const groups = (['objects', 'with', 'topics'] as const).filter((g) => (p[g] ?? []).length > 0);
  return groups.length === 0 || groups.some((g) => !s.missing.includes(g));
}

/** A duty owed by whoever does something: "Members who review a recording … shall …", "When a member uses …, he shall …". */
const CONDITIONAL_DUTY = /^(?:(?:members?|employees?|officers?|personnel|users?|deputies|any (?:member|employee|officer|user)|a (?:member|employee|officer|user)|those|anyone)\s+who\b|(?:when|whenever|if|once|after|upon)\b)/i;

/** "… provided the use does not involve streaming video or music, gaming …": what a leave's terms leave out. */
const LEAVE_LEAVES_OUT = /\b(?:provided|as long as|so long as)\b[^.;]*?\b(?:does|do|shall|will|may|must) not (?:involve|include)\b([^.;]*)/i;
/** Concepts too common in a leave's terms to say what it leaves out. */
const LEFT_OUT_GENERIC = new Set(['personal_use', 'department', 'coworker', 'ownership', 'records', 'applicability']);

/** Concepts that make a use a personal one. */
const PERSONAL = ['personal_use', 'personal_purpose', 'family'];

function decide(q: AnalyzedQuestion, best: Scored, ranked: Scored[], lexicon: Lexicon): Decision {
  const p = best.item.provision;
  let verdict: ProvisionVerdict = factual(q, p.verdict) ? 'info' : p.verdict;
  let authority = p.authority;
  let exceptionNote: string | undefined;
  let note: string | undefined;
  let quote = p.quote;
  const exception = claimedException(p, q, lexicon);
  // "Can I keep my ringer on?" against "All PCDs shall be set to silent": leave to do otherwise than the rule owes.
  if (verdict === 'info' && p.required && q.asksLeave && CONDITIONAL_DUTY.test(p.quote)) {
    // "Members who review a recording before writing the report shall memorialize that fact": doing it is allowed, with that duty.
    verdict = 'allowed_with_conditions';
    note = 'The policy allows this and says what you must do when you do it.';
  } else if (verdict === 'info' && p.required && q.asksLeave) {
    verdict = 'prohibited';
    note = 'The policy requires this; doing otherwise breaks the rule.';
  }
  // "Can I shop on Amazon on the station computer?" against "Internet access shall be limited to department-related activities".
  if (verdict === 'allowed_with_conditions' && p.limited && PERSONAL.some((c) => q.concepts.has(c)) && !PERSONAL.some((c) => best.item.concepts.has(c))) {
    verdict = 'prohibited';
    note = 'The policy limits this to the purposes it names; a personal use is outside them.';
  }
  // "Shall not … while driving", asked with no word of driving: allowed, but not then.
  const confinedTo = verdict === 'prohibited' && !exception ? best.openContexts.filter((c) => lexicon.concepts[c]?.confines) : [];
  if (confinedTo.length > 0) {
    verdict = 'allowed_with_conditions';
    note = `Not ${confinedTo.map((c) => lexicon.label(c)).join(' or ')}: that is what the rule forbids.`;
  }
  // "Limited personal use is permitted …, provided the use … does not involve streaming video or music, gaming …",
  // asked about streaming: what the leave leaves out is not let through.
  const leftOut = verdict === 'allowed_with_conditions' && !exception ? LEAVE_LEAVES_OUT.exec(p.quote) : null;
  if (leftOut) {
    // "Limited personal use of department internet access is allowed …, provided the use does not involve a site … prohibited
    // by this policy": what the leave itself grants is not what it leaves out.
    const granted = lexicon.conceptsOf(p.quote.slice(0, leftOut.index));
    const named = new Set([...lexicon.conceptsOf(leftOut[1]!)].filter((c) => !granted.has(c)));
    const asked = [...q.direct].filter((c) => (lexicon.kind(c) === 'object' || lexicon.kind(c) === 'topic') && !LEFT_OUT_GENERIC.has(c));
    if (asked.some((c) => named.has(c))) {
      verdict = 'prohibited';
      note = 'The policy allows this only on terms that leave out what you describe.';
    }
  }
  if (exception) {
    // Leave a ban gives only in the circumstances its exception names holds on them: "except under exigent circumstances
    // when no Department device is available".
    verdict = exception.verdict === 'allowed' && p.verdict !== 'allowed' ? 'allowed_with_conditions' : exception.verdict;
    authority = exception.authority ?? (exception.verdict === p.verdict ? authority : undefined);
    exceptionNote = exception.note;
    note = undefined;
    quote = exception.quote;
  }
  const citations: Citation[] = [citationOf(best, quote)];
  const seen = new Set([`${best.item.document.id}|${best.item.section.id}`]);
  const alternatives: Scored[] = [];
  for (const s of ranked.slice(1)) {
    if (s.score < best.score * SUPPORT_RATIO) break;
    const key = `${s.item.document.id}|${s.item.section.id}`;
    if (s.item.provision.verdict !== verdict && s.openContexts.length > 0 && s.missing.length === 0) alternatives.push(s);
    if (seen.has(key) || citations.length >= 3) continue;
    seen.add(key);
    citations.push(citationOf(s, s.item.provision.quote));
  }
  return { verdict, authority, best, citations, exceptionNote, note, alternatives };
}

/**
 * A factual question ("does this apply to…", "does the office look at our pages", "who notifies the state after a
 * breach") gets the facts, even when the sentence that answers it is a rule or someone's duty to report; who approves
 * stays a verdict, and "who do I tell" is no factual question.
 */
function factual(q: AnalyzedQuestion, verdict: ProvisionVerdict): boolean {
  return q.intent === 'fact' && !q.seeksProcess && (verdict === 'allowed' || verdict === 'prohibited' || verdict === 'allowed_with_conditions' || verdict === 'must_report');
}

function citationOf(s: Scored, quote: string): Citation {
  return {
    policy: s.item.document.id,
    section: s.item.section.id,
    title: s.item.section.title,
    quote,
    status: s.item.document.status,
  };
}
