import { positions, type ConceptMatch, type Lexicon } from '../lexicon.js';
import { flattenSections } from '../library.js';
import { joinedToNext, sentences, tokenize } from '../text.js';
import type { Authority, PolicyDocument, Provision, ProvisionException, ProvisionVerdict, Section } from '../types.js';
import { ACT_NAMED_AGAIN, authorityAfter, classifySentence, CONDITIONS_FOLLOW, CROSS_REFERENCE, type Deontic } from './deontic.js';

/** A list lead-in ("… are prohibited from the following:") whose verdict its items take. */
interface ListContext {
  verdict: ProvisionVerdict;
  authority?: string;
  actions: string[];
  scope: string[];
  /** The items are instances of a rule stated before the list ("Security incidents include: …"): its verdict is theirs, whatever their wording. */
  instances?: boolean;
  /** The acts a permission over its cases names ("may deactivate … only in the following circumstances:"): each case is of them. */
  leadActions?: string[];
  /** The lead-in states a duty ("… shall do the following:"): an item reading "Not make statements …" is a ban. */
  obligation?: boolean;
  /** The items are the cases a ban lets through ("… except in the following circumstances:"): their own limits are conditions. */
  excepted?: boolean;
  /** The items are the conditions of the permission the lead-in states ("… is permitted when:"). */
  conditions?: boolean;
  /** An item of an excepted list ended in "and": the cases hold only together, so each lets the act through on conditions. */
  jointly?: boolean;
  /** What the lead-in is about, for items that name only circumstances ("During authorized breaks; …"). */
  subjects?: string[];
  /** The roles the lead-in binds ("Supervisors shall:"): items with no subject of their own bind them too. */
  actor?: string[];
}

/** A lead-in that owes the list: "… shall do the following:", "Members must:". */
const OBLIGATION_LEAD = /\b(?:shall|must|will|are required to|is required to|are expected to)\b[^.;]*:\s*$/i;
/** An item that negates the duty its lead-in states: "Not make statements …", "Never post …". */
const NEGATED_ITEM = /^(?:not|never)\s+[a-z]/i;

/** Well-known authorities, so "Chief of Police" in any document becomes the key "chief". */
const KNOWN_AUTHORITIES: Array<[RegExp, string, string | ((written: string) => string)]> = [
  [/^deputy chief$/i, 'deputy_chief', 'Deputy Chief'],
  [/^assistant chief$/i, 'assistant_chief', 'Assistant Chief'],
  [/^(police )?chief( of police)?$/i, 'chief', 'Chief of Police'],
  // "their immediate supervisor" is the member's own supervisor, named as the document names the role ("immediate
  // supervisor"); a "shift supervisor" or "watch supervisor" keeps its name.
  [
    /^(?:(?:immediate|direct|first-line|own|employee's|member's|his or her|their)\s+)*supervisor(?:y)?$/i,
    'supervisor',
    (written) => written.toLowerCase().replace(/^(?:(?:his or her|their|own|the employee's|employee's|the member's|member's)\s+)+/, '').replace(/^supervisory$/, 'supervisor'),
  ],
];

/**
 * Drafts provision data from a document's own wording: verdicts from "shall not", "without the
 * approval of", "shall notify"…, vocabulary from the lexicon. Authorities found are added to
 * `authorities`. Existing provisions are replaced.
 */
export function draftProvisions(doc: PolicyDocument, lexicon: Lexicon, authorities: Record<string, Authority>): PolicyDocument {
  // A heading can be a definition too ("E. UISO – the University Information Security Office." read as a title).
  const text = flattenSections(doc.sections).map((s) => `${s.title}\n${s.text}`).join('\n');
  const drafter = new Drafter(lexicon, authorities, abbreviations(text), heads(text), commonConcepts(text, lexicon));
  return { ...doc, sections: doc.sections.map((s) => drafter.section(s, undefined, undefined)) };
}

/** Where a sentence's subject ends: at its verb, or where something qualifies it ("who …", ", …", "of the …"). */
const SUBJECT_END = /(?<![\w-])(?:shall|must|will|may|should|can|cannot|could|are|is|have|has|retains?|do|does|who|that|which|of|to|for|from|in|on|at|with|by|as|assigned|and|or)(?![\w-])|[,;:(]/i;
/** A sentence's subject and what follows it: "The Sheriff" / "may approve …"; none when the sentence opens on its verb. */
function subjectOf(sentence: string): { words: string; rest: string } | undefined {
  const text = sentence.trim().replace(/^(?:only|neither|no)\s+/i, '');
  const end = SUBJECT_END.exec(text);
  return end && end.index > 0 ? { words: text.slice(0, end.index), rest: text.slice(end.index) } : undefined;
}

/** A subject that binds every member: "Members shall …", "No employee may …". */
const EVERY_MEMBER =
  /^(?:(?:all|each|every|any|no|a|an|the)\s+)?(?:(?:department|agency|sworn|civilian|non-sworn)\s+)?(?:members?|employees?|officers?|deputies|deputy|troopers?|personnel|users?|staff|you|persons?|individuals?|anyone|no one|everyone)\b/i;
/** "A post by another employee …: to the employee's shift supervisor, in writing": an item of a reporting list naming its recipient. */
const ITEM_RECIPIENT = /:\s+to\s+(?=\S)/;
/** The asker, in an exception that lets them through: "a member's", "their". */
const ASKERS_OWN = /\b(?:(?:a|the|any) )?(?:member|employee|officer|user)'s\b|\b(?:their|his or her)\b/gi;
/** What a list's first item is said of, up to its last preposition: "brief messages to a member's family about". */
const LIST_HEAD = /^.*\b(?:about|regarding|concerning|involving|for|of)\b/i;
/** A condition that something not be so: "the use does not take place on …", "it is not on an MDC", "no files are saved". */
const NEGATIVE_CONDITION = /^\s*(?:(?:the|such)\s+[\w-]+\s+|it\s+|they\s+)?(?:does|do|is|are|will|shall)\s+not\b|^\s*no\s+[\w-]+/i;
/** ", but shall not …", ", but may …": a second clause of the same subject, stating the contrary. */
const CONTRAST = /,?\s+but\s+(?=(?:shall|must|may|will|should|can|is|are)\b)/i;
/** A second rule of the same subject joined on: ", and shall not be used by family members …". */
const COORDINATED_BAN = /,\s+and\s+(?=(?:shall|must|may|will)\s+not\b|shall never\b)/i;
/** What follows the subject of a sentence by which a role gives leave: "may approve", "shall authorize". */
const GRANTING_VERB = /^(?:may|shall|must|will|can)\s+(?:(?:in writing|also|only)\s+)?(?:approve|authori[sz]e|permit|grant|allow|sign off)\b/i;
/** What an office provides, which a heading names as its subject: "Information Systems", "Technology Services". */
const PROVIDED = /^(?:technology|technologies|systems?|services?)$/;
/** Words a heading adds to the role it is about: "Supervisor Responsibilities", "Duties of the Chief". */
const ROLE_HEADING_WORDS = new Set(['responsibilities', 'responsibility', 'duties', 'duty', 'role', 'roles', 'of', 'the', 'and']);

const CONDITION_WORDS = /\b(?:provided (?:that)?|as long as|so long as|only if|only when|if|when|while|in the course of|documented)\b/i;

/** Concepts found in more than a fifth of a document's sentences. */
function commonConcepts(text: string, lexicon: Lexicon): Set<string> {
  const all = sentences(text);
  const df = new Map<string, number>();
  for (const s of all) {
    for (const c of new Set(lexicon.match(lexicon.correct(tokenize(s))).map((m) => m.concept))) df.set(c, (df.get(c) ?? 0) + 1);
  }
  return new Set([...df].filter(([, n]) => all.length >= 10 && n / all.length > 0.2).map(([c]) => c));
}

/** "Blog - A series of…", "Social media: websites…", "\"Department system\" means…". */
const DEFINITION = /^\s*["']?([A-Z][\w\s/()'-]{1,60}?)["']?\s*(?:\.{3,}\s*|[-–—:]\s|\s+(?:means|refers to|is defined as|includes)\b)/;

/** "Network Operations Center (NOC)" → NOC: the full name. */
function abbreviations(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /((?:[A-Z][A-Za-z]+|of|the|and)(?:\s+(?:[A-Z][A-Za-z]+|of|the|and)){1,6})\s*\(([A-Z]{2,6})\)/g;
  for (const m of text.matchAll(re)) {
    const words = m[1]!.split(/\s+/);
    const abbr = m[2]!;
    // Keep as many trailing words as the abbreviation has letters, starting at a capitalised word.
    const start = Math.max(0, words.length - abbr.length - words.filter((w) => /^(of|the|and)$/.test(w)).length);
    const full = words.slice(start).join(' ').replace(/^(?:of|the|and)\s+/i, '');
    if (!out.has(abbr)) out.set(abbr, full);
  }
  // "- TAC: the Terminal Agency Coordinator, currently …", "ISO – Information Security Officer.": a key term defined by its full name.
  for (const m of text.matchAll(/^(?:[-•\u2022]|\(?[A-Za-z0-9]{1,3}[.)])?[ \t]*["“]?([A-Z]{2,6})["”]?[ \t]*(?::|[-–—]|means|refers to)[ \t]*(?:the |an? )?((?:[A-Z][A-Za-z]+)(?:[ \t]+(?:[A-Z][A-Za-z]+|of|and|for)){1,5})/gm)) {
    const initials = m[2]!.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    if (initials === m[1] && !out.has(m[1]!)) out.set(m[1]!, m[2]!);
  }
  // "\"Technology Service Center\" or \"TSC\" means …": a definition that gives both names.
  for (const m of text.matchAll(/["“]([A-Z][A-Za-z]+(?:\s+[A-Za-z]+){1,6})["”]\s+or\s+["“]([A-Z]{2,6})["”]/g)) {
    if (!out.has(m[2]!)) out.set(m[2]!, m[1]!);
  }
  return out;
}

/** "\"Bureau Chief\" means the Chief of the Information Technology Bureau" → information technology bureau: Bureau Chief. */
function heads(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /["“]([A-Z][\w ]{2,40}?)["”],?\s+(?:means|refers to)\s+the\s+(?:chief|director|commander|manager|head|supervisor)\s+of\s+(?:the\s+)?([A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*)/gi;
  for (const m of text.matchAll(re)) {
    // "the head of a City department" names no one office.
    if (/^[A-Z]/.test(m[2]!)) out.set(m[2]!.toLowerCase(), m[1]!);
  }
  return out;
}

/** A permission's lead-in to the only cases it covers: "… only in the following circumstances:", "… only when:". */
const ONLY_CASES = /\bonly\s+(?:in|under|for|during|when|if|where)\b(?![^.;:]*\bsubject to\b)[^.;:]*:\s*$|\bonly\s*:\s*$|\b(?:in|under) the following (?:circumstances|situations|cases)\s*:\s*$/i;
/** A lead-in whose list is the rule's exceptions: "…, except:", "unless any of the following applies:". */
const EXCEPTIONS_FOLLOW =
  /(?:\b(?:except|excepting|unless|other than)(?: as follows| for the following| in the following (?:cases|circumstances)| the following| when| where| if)?|\bwith the following exceptions?|\bexceptions? (?:are|is)(?: as follows)?)\s*:\s*$/i;
const DESCRIPTIVE_WORD = String.raw`(?:purpose|scope|background|introduction|overview|authority|references?|related policies|applicability|application|definitions?)`;
const DESCRIPTIVE_SECTION = new RegExp(String.raw`^${DESCRIPTIVE_WORD}(?:\s*(?:and|&|,)\s*${DESCRIPTIVE_WORD})*$`, 'i');

/** Concepts about the text itself ("applies", "means"), which name no circumstance an exemption or exception turns on. */
const ABOUT_THE_TEXT = new Set(['applicability', 'definitions']);

/** "This policy does not apply to members of the public…": what the document covers, not a rule. */
const POLICY_SCOPE = /^(?:this|the|these|such)\s+(?:policy|policies|order|general order|directive|procedure|procedures|manual|chapter|regulation|guidelines?)\b[^.;]{0,40}?\b(?:does|do|shall|will)\s+not\s+apply\b/i;
/** "This prohibition does not apply to …", "The rule above does not apply to …": an exemption from the rule before it. */
const EXEMPTION = /^(?:this|that|these|those|such|it|the)\b[^.;]{0,40}?\s(?:does|do|shall|will)\s+not\s+apply\s+to\b/i;
/** "Exception: a Field Training Officer may allow …": an exemption by its label, which names nothing it is about. */
const EXCEPTION_LABEL = /^exceptions?\s*:\s*(?=\S)/i;
const NOT_APPLY = /\b(?:does|do|shall|will)\s+not\s+apply\s+to\b/i;

function toInfo(p: Provision): void {
  p.verdict = 'info';
  delete p.authority;
  p.topics = [...new Set([...(p.topics ?? []), ...(p.objects ?? [])])];
  delete p.objects;
  delete p.exceptions;
}

/** A sentence that continues the one before: "Any other application may be installed only with…". */
const BACK_REFERENCE =
  /^(?:this|these|that|those|such|any other|other|however|exceptions?|the (?:rule|requirement|restriction|prohibition)s? above|the above|it|they)\b|^(?:[A-Z][\w-]*\s+){1,4}(?:include|includes|cover|covers)\b/i;

/** A sentence about the cases the rule before leaves out: "Any other application may be installed only with…". */
const OTHERWISE = /^(?:any other|all other|other|otherwise|any additional|additional)\b/i;
/** A term set on leave: "provided the member states the reason", "as long as …". */
const PROVISO = /\b(?:provided(?: that)?|as long as|so long as|only if|on condition that)\b/i;
/**
 * Circumstances that only say the law or the job allows something ("authorized by statute", "lawful"), or what the
 * approver weighs in giving the approval ("after a security review", "licensed by the City and approved by …").
 */
const LAWFUL = new Set(['authorized_duty', 'law_compliance', 'security_review', 'copyright']);
/** "A member who requires additional software …", "Members who need other applications …": asking past the rule before. */
const WANTS_MORE = /\b(?:who|that)\s+(?:requires?|needs?|wants?|wish(?:es)?)\s+(?:an?\s+)?(?:additional|other|further|more|new|another)\b|\brequests?\s+for\s+(?:additional|other|further|more|new)\b/i;

/** "Security incidents include, among others: …": a list of what the rule before covers, whatever its wording. */
const INCLUDES = /^[A-Z][\w-]*\s+(?:[\w-]+\s+){0,3}(?:include|includes)\b/;

/** "Certain exceptions may be permitted …", "Exceptions may be granted …": what the rule before lets through. */
const EXCEPTIONS_GRANTED = /^(?:certain |limited |specific )?exceptions?\b[^.;]{0,60}?\b(?:may|can|will|shall) be (?:permitted|granted|made|allowed|authori[sz]ed|approved)\b/i;
/** The circumstances in which a member's job may need what a rule bans. */
const WORK_NEEDS = [['investigation_ctx'], ['authorized_duty']];

/** A sentence about asking: "The member submits a Covert Account Request (Form 612-A) …". */
const REQUEST = /\b(?:requests?|application|form)\b/i;

function needsAuthority(p: Provision): boolean {
  return p.verdict === 'needs_approval' || p.verdict === 'must_report';
}

/** Extends a provision's quote over the next sentence when the two stand together in the text. */
function extendQuote(p: Provision, next: string, text: string): boolean {
  const start = text.indexOf(p.quote);
  if (start < 0) return false;
  const after = text.indexOf(next, start + p.quote.length);
  if (after < 0 || text.slice(start + p.quote.length, after).trim() !== '') return false;
  p.quote = text.slice(start, after + next.length);
  return true;
}

function mergeVocabulary(into: Provision, from: Provision): void {
  // Subject matter goes where the receiving provision keeps it: topics for facts, objects for rules.
  const subjects = into.verdict === 'info' ? 'topics' : 'objects';
  const add = (key: 'actions' | 'objects' | 'topics' | 'contexts', values: string[] | undefined) => {
    const merged = [...new Set([...(into[key] ?? []), ...(values ?? [])])];
    if (merged.length > 0) into[key] = merged;
  };
  add('actions', from.actions);
  add('contexts', from.contexts);
  add(subjects, [...(from.objects ?? []), ...(from.topics ?? [])]);
}

class Drafter {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly authorities: Record<string, Authority>,
    private readonly expansions: Map<string, string>,
    /** Offices and the role the document defines as heading each: "information technology bureau" → "Bureau Chief". */
    private readonly heads: Map<string, string>,
    /** Concepts named in a large share of the document's sentences: no evidence of anything in particular. */
    private readonly common: Set<string> = new Set(),
  ) {}

  section(section: Section, inherited: ListContext | undefined, parentActor: string[] | undefined): Section {
    // "B. Supervisors", "Duties of the IT Coordinator": what the section says, it says to that role.
    const sectionActor = this.headingActor(section.title) ?? parentActor;
    const provisions: Provision[] = [];
    let listContext = inherited;
    let childContext = inherited;
    for (const line of section.text.split('\n')) {
      const isItem = /^\s*[-\u2022]\s/.test(line);
      for (const sentence of sentences(line)) {
        // A run-in heading ("Damage and malfunction.") names the paragraph; it states nothing.
        if (section.title && sentence.replace(/[.:]\s*$/, '') === section.title && sentence.split(/\s+/).length <= 7) continue;
        // "Refer to the Personal Communication Devices Policy for guidelines …": that text decides, not this one.
        if (CROSS_REFERENCE.test(sentence.trim())) continue;
        const d = this.pointBack(classifySentence(sentence), sentence, provisions);
        const context = isItem ? listContext : inherited;
        const previous = provisions[provisions.length - 1];
        if (POLICY_SCOPE.test(sentence)) {
          const p = this.provision(sentence, { verdict: 'info', leadIn: false }, undefined);
          if (p) provisions.push({ ...p, topics: [...new Set([...(p.topics ?? []), ...(p.objects ?? []), 'applicability'])].filter((c) => this.lexicon.kind(c)), objects: undefined });
          continue;
        }
        if (previous && previous.verdict !== 'info' && (EXEMPTION.test(sentence) || EXCEPTION_LABEL.test(sentence)) && this.exempt(previous, sentence)) continue;
        const split = this.contrasted(sentence, context);
        for (const p of split?.provisions ?? []) {
          this.bind(p, sentence, context?.actor ?? sectionActor);
          provisions.push(p);
        }
        const provision = split ? undefined : this.provision(sentence, d, context);
        if (context?.excepted && joinedToNext(sentence)) context.jointly = true;
        if (provision) this.bind(provision, sentence, context?.actor ?? sectionActor);
        // The list a lead-in opens takes its context whether or not the lead-in joins the sentence before it.
        if (d.leadIn && !isItem) {
          // "Members may maintain accounts but shall not post any of the following:": the items are what the contrary clause bans.
          const [leadText, leadD] = split ? [split.contrary, split.contraryD] : [sentence, d];
          // "Security incidents include, among others:" lists what the rule before it covers: the items take that rule.
          const rule = leadD.verdict === 'info' && INCLUDES.test(leadText) ? [...provisions].reverse().find((p) => p.verdict !== 'info') : undefined;
          const lead = rule ? this.instancesContext(leadText, rule, inherited) : this.leadContext(leadText, leadD, inherited);
          const actor = this.actorFor(sentence, sectionActor);
          if (actor) lead.actor = actor;
          else delete lead.actor;
          listContext = lead;
          childContext = lead;
        }
        if (split) continue;
        if (provision && previous && BACK_REFERENCE.test(sentence)) {
          // "This includes clicking a link…" spells out the rule before it: one provision, both sentences.
          const spellsOut = provision.verdict === 'info' || INCLUDES.test(sentence);
          if (spellsOut && previous.verdict !== 'info' && extendQuote(previous, sentence, section.text)) {
            mergeVocabulary(previous, provision);
            continue;
          }
          mergeVocabulary(provision, previous);
          // "Members shall not install any application other than those in the catalog. Any other application
          // may be installed only with the approval of the TSU Manager.": the rule is an approval path.
          // "Only applications listed in the catalog may be installed … Any other application may be installed only with the
          // prior approval of the IT Manager": so too a leave limited to a list.
          const limitedLeave = previous.verdict === 'allowed_with_conditions' && /\bonly\b/i.test(previous.quote);
          if (provision.verdict === 'needs_approval' && provision.authority && (previous.verdict === 'prohibited' || limitedLeave) && OTHERWISE.test(sentence)) {
            previous.verdict = 'needs_approval';
            previous.authority = provision.authority;
          }
        }
        // "Members shall not install software … other than those provided by IT. A member who requires additional
        // software shall submit a written request to the ISO, whose approval is required": the way to what the ban
        // leaves out is that approval, so the rule is an approval path.
        if (
          provision?.verdict === 'needs_approval' &&
          provision.authority &&
          previous?.verdict === 'prohibited' &&
          !previous.authority &&
          WANTS_MORE.test(sentence) &&
          // "Requests for additional software shall be submitted to …" names no act: what it is about, then.
          ((provision.actions ?? []).some((a) => (previous.actions ?? []).includes(a)) ||
            (!provision.actions && (provision.objects ?? []).some((o) => o !== 'inquiry' && (previous.objects ?? []).includes(o))))
        ) {
          previous.verdict = 'needs_approval';
          previous.authority = provision.authority;
        }
        // Whom a duty naming no one is owed to can only come from the sentence just before it; an office named
        // further back belongs to another rule.
        if (provision && !provision.authority && needsAuthority(provision) && previous?.authority) {
          provision.authority = previous.authority;
          // "… without the approval of the Division Commander. The member submits a Covert Account Request …": how to ask for it.
          if (previous.verdict === 'needs_approval' && REQUEST.test(sentence)) provision.verdict = 'needs_approval';
        }
        // "Certain exceptions may be permitted with the express approval of a supervisor as a function of a member's
        // assignment": the ban before it gives way, with that approval, to a need of the job.
        if (provision && previous?.verdict === 'prohibited' && provision.verdict === 'needs_approval' && provision.authority && EXCEPTIONS_GRANTED.test(sentence)) {
          const note = `Exception: ${sentence.replace(/[.;:]\s*$/, '')}.`;
          for (const when of WORK_NEEDS) (previous.exceptions ??= []).push({ when, verdict: 'needs_approval', authority: provision.authority, quote: sentence, note });
        }
        if (provision) provisions.push(provision);
        if (provision && d.duty) {
          const authority = this.authorityKey(d.duty.authority) ?? provision.authority;
          const { exceptions: _exceptions, authority: _authority, ...rest } = provision;
          provisions.push({ ...rest, verdict: 'must_report', ...(authority ? { authority } : {}) });
        }
      }
    }
    // "1040.5 … the following is prohibited: (a) … (j) …" then "1040.5.1 Unauthorized Endorsements": a titled subsection after
    // the list is a rule of its own, not one more item the lead-in governs.
    let listEnded = false;
    const children = section.children?.map((c) => {
      const ownTitle = c.title !== '' && c.title !== section.title;
      if (!ownTitle) listEnded = true;
      else if (listEnded) return this.section(c, inherited, sectionActor);
      return this.section(c, childContext, sectionActor);
    });
    // What a "Purpose" or "Scope" section says about the policy ("what employees may do") is no rule.
    if (DESCRIPTIVE_SECTION.test(section.title)) {
      for (const p of provisions) {
        if (p.verdict !== 'info') toInfo(p);
      }
    }
    // Whatever changed a verdict after drafting, a flag only stands on the verdict it qualifies.
    for (const p of provisions) {
      if (p.verdict !== 'allowed_with_conditions') delete p.limited;
      if (p.verdict !== 'info') delete p.required;
    }
    const out: Section = { ...section, provisions };
    if (children) out.children = children;
    if (provisions.length === 0) delete out.provisions;
    return out;
  }

  /** Binds a provision to the roles its sentence binds. */
  private bind(p: Provision, sentence: string, given: string[] | undefined): void {
    // "Only the Town IT Coordinator may approve and install software" names who approves, not whom it binds.
    if (p.verdict === 'needs_approval' && this.grants(sentence)) return;
    const actor = this.actorFor(sentence, given);
    if (actor) p.actor = actor;
  }

  /** The roles a sentence binds: those heading its subject, none for a rule on every member, else those of its list or section. */
  private actorFor(sentence: string, given: string[] | undefined): string[] | undefined {
    return this.actorOf(sentence) ?? (EVERY_MEMBER.test(sentence.trim()) ? undefined : given);
  }

  /** Whether a role heading the sentence's subject is the one that gives leave: "The Sheriff may approve …". */
  private grants(sentence: string): boolean {
    const subject = subjectOf(sentence);
    return !!subject && !!this.actorOf(sentence) && GRANTING_VERB.test(subject.rest);
  }

  /** The roles that head a sentence's subject: "Telecommunicators shall not …", "The on-duty Watch Commander may …". */
  private actorOf(sentence: string): string[] | undefined {
    const subject = subjectOf(sentence);
    if (!subject) return undefined;
    const tokens = tokenize(subject.words);
    if (tokens.length === 0 || tokens.length > 6) return undefined;
    return this.rolesEndingAt(this.roleMatches(tokens), tokens.length);
  }

  /** A heading that is only a role, with at most one word of its own: "Watch Commander", "Supervisor Responsibilities" (not "Use of City Information Systems"). */
  private headingActor(title: string): string[] | undefined {
    const tokens = tokenize(title).filter((t) => !ROLE_HEADING_WORDS.has(t));
    if (tokens.length === 0 || tokens.length > 4) return undefined;
    // "Agency Information Systems" heads what the section is about; "Information Systems Manager" would be whom.
    if (PROVIDED.test(tokens[tokens.length - 1]!)) return undefined;
    const matches = this.roleMatches(tokens);
    const covered = new Set(matches.flatMap(positions));
    return tokens.length - covered.size <= 1 ? this.rolesEndingAt(matches, tokens.length) : undefined;
  }

  private roleMatches(tokens: string[]): ConceptMatch[] {
    return this.lexicon.match(tokens).filter((m) => this.lexicon.kind(m.concept) === 'role');
  }

  /** The roles whose names end at token `end`: the head of the phrase they close. */
  private rolesEndingAt(matches: ConceptMatch[], end: number): string[] | undefined {
    const found = [...new Set(matches.filter((m) => m.end === end).map((m) => m.concept))];
    return found.length > 0 ? found : undefined;
  }

  /**
   * Makes an exemption sentence an exception of the rule before it, applying when the question names
   * what the exemption names beyond the rule itself. The exemption turns a permission into a
   * prohibition and a prohibition or approval path into a permission, unless it says otherwise.
   */
  private exempt(rule: Provision, sentence: string): boolean {
    const own = this.concepts(sentence.trimStart().replace(EXCEPTION_LABEL, ' '));
    const ruleConcepts = new Set([...(rule.actions ?? []), ...(rule.objects ?? []), ...(rule.topics ?? []), ...(rule.contexts ?? []), ...(rule.with ?? [])]);
    const when = [...new Set([...own.contexts, ...own.objects, ...own.topics])].filter(
      (c) => !ruleConcepts.has(c) && !this.common.has(c) && !ABOUT_THE_TEXT.has(c),
    );
    if (when.length === 0) return false;
    const rest = classifySentence(sentence.replace(NOT_APPLY, 'covers'));
    let verdict: ProvisionVerdict;
    let authority: string | undefined;
    if (rest.verdict === 'prohibited' || rest.verdict === 'needs_approval' || rest.verdict === 'must_report') {
      verdict = rest.verdict;
      authority = this.authorityKey(rest.authority, rest.verdict);
    } else if (rule.verdict === 'allowed' || rule.verdict === 'allowed_with_conditions') verdict = 'prohibited';
    else verdict = CONDITION_WORDS.test(sentence) ? 'allowed_with_conditions' : 'allowed';
    const e: ProvisionException = { when, verdict, quote: sentence, note: `Exception: ${sentence.replace(/[.;:]\s*$/, '')}.` };
    if (authority && (verdict === 'needs_approval' || verdict === 'must_report')) e.authority = authority;
    (rule.exceptions ??= []).push(e);
    return true;
  }

  private leadContext(sentence: string, d: Deontic, inherited: ListContext | undefined): ListContext {
    const found = this.concepts(sentence);
    let verdict = d.verdict !== 'info' ? d.verdict : (inherited?.verdict ?? 'info');
    // "… shall not be used while off duty, except:": the items are the cases the rule lets through.
    const excepted = EXCEPTIONS_FOLLOW.test(sentence) && verdict !== 'info' && verdict !== 'must_report';
    if (excepted) verdict = verdict === 'allowed' || verdict === 'allowed_with_conditions' ? 'prohibited' : 'allowed';
    return {
      verdict,
      authority: d.verdict !== 'info' && !excepted ? this.authorityKey(d.authority, d.verdict) : inherited?.authority,
      actions: found.actions.length > 0 ? found.actions : (inherited?.actions ?? []),
      scope: [...found.contexts, ...(inherited?.scope ?? [])],
      obligation: d.verdict === 'info' && OBLIGATION_LEAD.test(sentence),
      ...(excepted && verdict === 'allowed' ? { excepted, subjects: [...found.objects, ...found.topics] } : {}),
      // "Limited personal use is permitted when: … (c) the use does not take place on a Communications Center console":
      // where a condition fails, the permission does not hold.
      ...(!excepted && (verdict === 'allowed' || verdict === 'allowed_with_conditions') && CONDITIONS_FOLLOW.test(sentence) ? { conditions: true } : {}),
      // "Officers may deactivate … the BWC only in the following circumstances: a. when a victim … asks not to be
      // recorded": each item is a case the permission covers, on its terms, whatever its own wording.
      ...(!excepted && (verdict === 'allowed' || verdict === 'allowed_with_conditions') && ONLY_CASES.test(sentence) ? { instances: true, leadActions: found.actions } : {}),
    };
  }

  /** The context of a list of instances of `rule`: its verdict and authority, the lead-in's own vocabulary. */
  private instancesContext(sentence: string, rule: Provision, inherited: ListContext | undefined): ListContext {
    const found = this.concepts(sentence);
    return {
      verdict: rule.verdict,
      authority: rule.authority,
      actions: found.actions.length > 0 ? found.actions : (rule.actions ?? []),
      scope: [...found.contexts, ...(inherited?.scope ?? [])],
      instances: true,
    };
  }

  private provision(sentence: string, given: Deontic, context: ListContext | undefined): Provision | undefined {
    // "… shall do the following: … 3. Not make statements about the guilt of any suspect": the item reads with its lead-in.
    const d = context?.obligation && NEGATED_ITEM.test(sentence.trim()) ? { ...classifySentence(`Members shall ${sentence.trim()}`), leadIn: given.leadIn } : given;
    const own = d.exception ? sentence.replace(d.exception.text, ' ') : sentence;
    const found = this.concepts(own);
    if (tokenize(sentence).length < 3) return undefined;
    // An instance of a rule ("a website that may not be genuine") describes a case; its wording decides nothing.
    const fromContext = context && context.verdict !== 'info' && (d.verdict === 'info' || context.instances || (context.excepted && d.verdict !== 'needs_approval'));
    // "… except in the following circumstances: 2. During authorized breaks; such usage … shall not be disruptive": let through, on its terms.
    const jointly = context?.excepted && (context.jointly || joinedToNext(sentence));
    const leave = fromContext ? (context.excepted && ((d.verdict !== 'info' && d.verdict !== 'allowed') || jointly) ? 'allowed_with_conditions' : context.verdict) : d.verdict;
    // "A member may also deactivate the recorder: (a) when a witness declines …, provided the member states the reason on
    // the recording": a case let through on a term of its own.
    const ruled = fromContext && leave === 'allowed' && PROVISO.test(sentence) ? 'allowed_with_conditions' : leave;
    // "Users shall not: (a) install software … unless it is on the approved list or has been approved in advance by the IT
    // Director;": a ban whose only way through is an approval, in no circumstance of its own, is that approval path.
    const { list: excepted, bare } = d.exception ? this.exceptions(sentence, d) : { list: [], bare: false };
    // "… unless authorized in advance by the Sheriff or conducted as part of an authorized criminal investigation": the
    // Sheriff's leave is the way through in general; the investigation is a case of its own, let through on its terms.
    const approvedItem =
      ruled === 'prohibited' && !context?.excepted && d.exception?.verdict === 'needs_approval' && !!d.exception.authority && /^unless\b/i.test(d.exception.text) && (excepted.length === 0 || bare);
    const exceptions = approvedItem ? excepted.map((e): ProvisionException => ({ when: e.when, verdict: 'allowed_with_conditions', quote: e.quote, note: e.note })) : excepted;
    // A condition that something not be so ("the use does not take place on a console") bans it, unless it makes way
    // for a case of its own ("… except as provided in 17-17(b)").
    const failing = fromContext && context.conditions && NEGATIVE_CONDITION.test(sentence) && !d.exception;
    const verdict = approvedItem ? 'needs_approval' : failing ? 'prohibited' : ruled;
    // "Employees shall report the following: … 3. Contact from the news media …: to the Chief": each item names whom it goes to.
    const recipient = fromContext && verdict === 'must_report' ? ITEM_RECIPIENT.exec(sentence) : null;
    const named = recipient ? this.authorityKey(authorityAfter(sentence, recipient.index), verdict) : undefined;
    const authority = approvedItem ? this.authorityKey(d.exception!.authority, 'needs_approval') : fromContext ? (named ?? context.authority) : this.authorityKey(d.authority, d.verdict);
    const p: Provision = { quote: sentence, verdict, drafted: true };
    if (verdict === 'info' && d.required) p.required = true;
    if (verdict === 'allowed_with_conditions' && d.limited && !fromContext) p.limited = true;
    if ((verdict === 'needs_approval' || verdict === 'must_report') && authority) p.authority = authority;
    const actions = [...new Set([...(found.actions.length > 0 ? found.actions : (context?.actions ?? [])), ...(context?.leadActions ?? [])])];
    if (actions.length > 0) p.actions = actions;
    // An exception item is a circumstance of the act its lead-in bans: it speaks of what the lead-in speaks of.
    const subjects = [...new Set([...found.objects, ...found.topics, ...(context?.excepted ? (context.subjects ?? []) : [])])];
    if (verdict === 'info' && DEFINITION.test(sentence)) {
      // A definition answers "what counts as …" questions about its term, not questions about conduct.
      p.topics = ['definitions'];
      const term = this.concepts(sentence.match(DEFINITION)![1]!);
      const termConcepts = [...term.objects, ...term.topics, ...term.actions, ...term.contexts];
      if (termConcepts.length > 0) p.with = termConcepts;
    } else if (subjects.length > 0) p[verdict === 'info' && !p.required ? 'topics' : 'objects'] = subjects;
    if (found.contexts.length > 0) p.contexts = found.contexts;
    if (context && context.scope.length > 0) p.scope = context.scope;
    if (exceptions.length > 0) p.exceptions = exceptions;
    return p.actions || p.objects || p.topics ? p : undefined;
  }

  /**
   * "A personally owned phone may be charged from a wall outlet …, but shall not be charged from … the USB port of an
   * Office computer": a permission and a ban of the same subject, each on its own terms, both quoting the whole sentence.
   */
  private contrasted(sentence: string, context: ListContext | undefined): { provisions: Provision[]; contrary: string; contraryD: Deontic } | undefined {
    const contrast = CONTRAST.exec(sentence);
    const but = contrast ?? COORDINATED_BAN.exec(sentence);
    if (!but) return undefined;
    const head = sentence.slice(0, but.index);
    const subject = subjectOf(head);
    if (!subject) return undefined;
    const tail = `${subject.words.trim()} ${sentence.slice(but.index + but[0].length)}`;
    const first = classifySentence(head);
    const second = classifySentence(tail);
    const permits = (v: ProvisionVerdict) => v === 'allowed' || v === 'allowed_with_conditions';
    const bans = (v: ProvisionVerdict) => v === 'prohibited' || v === 'needs_approval';
    // "… shall not be taken outside the State without the prior approval of the division commander, and shall not be used
    // by family members … at any time": an approval path and a flat ban of one subject.
    const approvalAndBan = !contrast && bans(first.verdict) && bans(second.verdict) && first.verdict !== second.verdict;
    if (!approvalAndBan && !(contrast && ((permits(first.verdict) && bans(second.verdict)) || (bans(first.verdict) && permits(second.verdict))))) return undefined;
    // The permission holds on the terms the ban sets: "may maintain accounts, but shall not post …" is leave with conditions.
    const leave = (d: Deontic): Deontic => (d.verdict === 'allowed' ? { ...d, verdict: 'allowed_with_conditions' } : d);
    // Each states its own clause, in its own words. The first speaks of all the sentence names, the contrary one of its
    // subject and its own clause: a question that fits both alike names nothing beyond the contrary clause, which
    // decides it, so it comes first.
    // Two rules joined by "and" are two rules: each speaks only of its own clause.
    const whole = approvalAndBan ? this.provision(head, first, context) : this.provision(sentence, leave(first), context);
    const contrary = this.provision(tail, leave(second), context);
    if (!whole || !contrary) return undefined;
    whole.quote = sentence;
    contrary.quote = sentence;
    whole.clause = head;
    contrary.clause = sentence.slice(but.index).replace(/^,?\s*/, '');
    return { provisions: [contrary, whole], contrary: tail, contraryD: second };
  }

  /**
   * The exceptions a clause states. "… unless for investigative purposes, or while on an authorized break" lets
   * either case through: one exception per alternative that names a circumstance of its own.
   */
  private exceptions(sentence: string, d: Deontic): { list: ProvisionException[]; bare: boolean } {
    const e = d.exception!;
    if (!sentence.includes(e.text)) return { list: [], bare: false };
    // What the rule itself names is no circumstance of the exception: "shall not access personal accounts
    // on duty, except for incidental personal use during a break" applies on a break, account named or not.
    const rule = this.concepts(sentence.replace(e.text, ' '));
    const own = new Set([...rule.contexts, ...rule.objects, ...rule.topics]);
    const circumstances = (text: string) => {
      // Who approves ("… approved in advance by the PIO") is no circumstance of the exception, nor is the member it
      // lets through ("a member's immediate family").
      const found = this.concepts((e.authority ? text.split(e.authority).join(' ') : text).replace(ACT_NAMED_AGAIN, '$1').replace(ASKERS_OWN, ' '));
      // "… in accordance with the license agreement" names no circumstance: "applies", "means" are about the text itself.
      return [...found.contexts, ...found.objects, ...found.topics].filter(
        (c) => !(e.verdict === 'needs_approval' && c === 'supervisor_approval') && !own.has(c) && !ABOUT_THE_TEXT.has(c),
      );
    };
    // "… unless the vehicle is parked, except when responding to an emergency": each clause is a case of its own.
    // "… messages to a member's family about the member's work schedule, overtime, or an emergency": so is each item of
    // a list, with what its first item is said of ("messages to a member's family about").
    const list = /,\s*(?:or|and)\s/i.test(e.text);
    const [first = '', ...rest] = e.text.split(list ? /,?\s+or\s+|,\s*/i : /,?\s+or\s+|,\s*(?=except\b|unless\b)/i);
    const said = list ? (LIST_HEAD.exec(first)?.[0] ?? '') : '';
    const written = [first, ...rest.map((item) => (item.trim().split(/\s+/).length <= 4 ? `${said} ${item}` : item))];
    const cases = written.map(circumstances);
    const alternatives = cases.filter((when) => when.length > 0);
    // An alternative that is only the approval ("authorized in advance by the Sheriff"), in no circumstance of its own.
    // So is one whose only other circumstance is that the law allows it ("authorized by statute and approved in advance by
    // the Records Supervisor"): the approval is the way through.
    const bare = !!e.authority && written.some((w, k) => w.includes(e.authority!) && cases[k]!.every((c) => LAWFUL.has(c)));
    const key = this.authorityKey(e.authority, e.verdict);
    const found = alternatives.map((when) => {
      const out: ProvisionException = { when, verdict: e.verdict, quote: sentence, note: `Exception: ${e.text.trim()}.` };
      if (key && e.verdict === 'needs_approval') out.authority = key;
      return out;
    });
    return { list: found, bare };
  }

  /** Concepts of a text, split by kind, keeping only the most specific of each implication chain. */
  private concepts(text: string): { actions: string[]; objects: string[]; contexts: string[]; topics: string[] } {
    const direct = new Set(this.lexicon.match(this.lexicon.correct(tokenize(text))).map((m) => m.concept));
    const out = { actions: [] as string[], objects: [] as string[], contexts: [] as string[], topics: [] as string[] };
    for (const c of direct) {
      // "Matters other policies cover" is a property of questions, never of this document's sentences.
      if (c === 'off_topic') continue;
      const kind = this.lexicon.kind(c);
      if (kind === 'action') out.actions.push(c);
      else if (kind === 'object') out.objects.push(c);
      else if (kind === 'context') out.contexts.push(c);
      else if (kind === 'topic') out.topics.push(c);
    }
    return out;
  }

  /**
   * "… submits the request to that Commander": the role named before, in full ("Commander of the Office of
   * Professional Standards"), when a demonstrative points back to it.
   */
  private pointBack(d: Deontic, sentence: string, before: Provision[]): Deontic {
    if (!d.authority) return d;
    const escaped = d.authority.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(String.raw`\b(?:that|this|the same)\s+${escaped}\b`, 'i').test(sentence)) return d;
    const named = new RegExp(String.raw`\b${escaped}\b`, 'i');
    const earlier = [...before].reverse().find((p) => p.authority && named.test(this.authorities[p.authority]?.name ?? ''));
    return earlier ? { ...d, authority: this.authorities[earlier.authority!]!.name } : d;
  }

  /** "Public Information Officer" where the document defines "Public Information Officer (PIO)": one authority, named alike. */
  private withAbbreviation(name: string): string {
    const abbr = [...this.expansions].find(([, full]) => full.toLowerCase() === name.toLowerCase())?.[0];
    return abbr ? `${this.expansions.get(abbr)} (${abbr})` : name;
  }

  /** The library key for an authority named in the text, registering new ones. */
  private authorityKey(name: string | undefined, verdict?: ProvisionVerdict): string | undefined {
    if (!name) return undefined;
    let short = name.replace(/\s+/g, ' ').trim();
    // An office approves through the role the document defines as its head: "approved by the Information Technology
    // Bureau", where "Bureau Chief" means the Chief of the Information Technology Bureau.
    if (verdict === 'needs_approval') short = this.heads.get(short.toLowerCase()) ?? short;
    // "the NOC" is named in full where the document defines it: "Network Operations Center (NOC)".
    const clean = this.expansions.has(short) ? `${this.expansions.get(short)} (${short})` : this.withAbbreviation(short);
    for (const [key, a] of Object.entries(this.authorities)) {
      if ([a.name, ...(a.phrases ?? [])].some((p) => p.toLowerCase() === clean.toLowerCase())) return key;
    }
    for (const [re, key, display] of KNOWN_AUTHORITIES) {
      if (re.test(clean)) {
        this.authorities[key] ??= { name: typeof display === 'string' ? display : display(clean), phrases: [clean.toLowerCase()] };
        return key;
      }
    }
    const key = clean.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    const display = clean.replace(/\b[a-z][a-z]*/g, (w) => (/^(of|the|and|for|to|on)$/.test(w) ? w : w[0]!.toUpperCase() + w.slice(1)));
    this.authorities[key] ??= { name: display.replace(/^./, (c) => c.toUpperCase()), phrases: [clean.toLowerCase()] };
    return key;
  }
}
