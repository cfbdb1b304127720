import { parentSection } from './library.js';
import type { AnalyzedQuestion } from './question.js';
import type { Scored } from './retrieve.js';
import { joinedToNext } from './text.js';
import type { Answer, Citation, Library, PolicyDocument, ProvisionVerdict, Section } from './types.js';

export interface Decision {
  verdict: ProvisionVerdict;
  authority?: string;
  best: Scored;
  citations: Citation[];
  exceptionNote?: string;
  /** How the engine read the rule against the question: "Not while driving: that is what the rule forbids." */
  note?: string;
  /** Provisions that would decide differently if a context the question left open held. */
  alternatives: Scored[];
}

const OPENING: Record<ProvisionVerdict, string> = {
  allowed: 'Yes, this is allowed.',
  allowed_with_conditions: 'Yes, with conditions.',
  needs_approval: 'Not without approval.',
  prohibited: 'No, this is prohibited.',
  must_report: 'You must report this.',
  info: 'Here is what the policy says.',
};

/** Turns a decision (or its absence) into the answer the officer reads. */
export function composeAnswer(library: Library, q: AnalyzedQuestion, d: Decision | null): Answer {
  if (!d) return notAddressed(library);
  const who = d.authority ? (library.authorities[d.authority]?.name ?? d.authority) : undefined;
  const doc = d.best.item.document;
  const first = d.citations[0]!;
  const conditions = [...(d.best.item.provision.conditions ?? [])];
  if (d.note) conditions.unshift(d.note);
  if (d.exceptionNote) conditions.unshift(d.exceptionNote);
  // Exceptions the question did not claim still change the answer when they hold.
  for (const e of d.best.item.provision.exceptions ?? []) {
    if (e.note !== d.exceptionNote && !conditions.includes(e.note)) conditions.push(e.note);
  }
  for (const alt of d.alternatives) conditions.push(alternativeNote(library, alt));
  const parts = [opening(d.verdict, who)];
  // "(1) no Department device is reasonably available; and": an item reads with the lead-in above it, and with the
  // items it is joined to.
  const list = listOf(doc, d.best.item.section, first.quote);
  if (list) parts.push(`${doc.id} §${list.parent.id} (${list.parent.title}): "${list.leadIn}"`);
  parts.push(`${cite(first)}: "${first.quote}"`);
  for (const item of list?.joined ?? []) if (!conditions.includes(item)) conditions.push(item);
  // A drafted exception's note already reads "Exception: …"; a reviewed one may not. A note that only repeats the
  // sentence just quoted ("Certain exceptions may be permitted …") is not said twice.
  const quoted = (note: string) => first.quote.replace(/[.;:\s]+$/, '') === note.replace(/^exception:\s*/i, '').replace(/[.;:\s]+$/, '');
  if (d.exceptionNote && !quoted(d.exceptionNote)) parts.push(/^exception\b/i.test(d.exceptionNote) ? d.exceptionNote : `Exception: ${d.exceptionNote}`);
  for (const c of conditions.filter((c) => c !== d.exceptionNote)) parts.push(c);
  const rescinded = rescindedNote(doc);
  if (rescinded) parts.unshift(rescinded);
  const answer: Answer = { verdict: d.verdict, citations: d.citations, conditions, answer: parts.join(' ') };
  if (who && d.verdict === 'needs_approval') answer.approver = who;
  if (who && d.verdict === 'must_report') answer.reportTo = who;
  void q;
  return answer;
}

/** An item's lead-in ("… except when:") and, when the items hold only together ("…; and"), the other items. */
function listOf(doc: PolicyDocument, section: Section, quote: string): { parent: Section; leadIn: string; joined: string[] } | undefined {
  const parent = parentSection(doc.sections, section);
  const leadIn = parent?.text.trim().split(/(?<=[.:])\s+/).pop();
  if (!parent || !leadIn?.endsWith(':') || !section.text.includes(quote)) return undefined;
  const items = parent.children!.map((c) => c.text.trim());
  const jointly = items.slice(0, -1).some(joinedToNext);
  return { parent, leadIn, joined: jointly ? items.filter((t) => t !== section.text.trim()) : [] };
}

function opening(verdict: ProvisionVerdict, who: string | undefined): string {
  if (verdict === 'needs_approval' && who) return `Not without approval from the ${who}.`;
  if (verdict === 'must_report' && who) return `Report it to the ${who}.`;
  return OPENING[verdict];
}

function cite(c: Citation): string {
  return `${c.policy} §${c.section} (${c.title})`;
}

function alternativeNote(library: Library, s: Scored): string {
  const when = s.openContexts.map((c) => library.lexicon.label(c)).join(' and ');
  const verdict = s.item.provision.verdict.replace(/_/g, ' ');
  return `If ${when}, the answer changes: ${verdict} under ${s.item.document.id} §${s.item.section.id}.`;
}

export function rescindedNote(doc: PolicyDocument): string | undefined {
  if (doc.status === 'in_force') return undefined;
  const by = doc.rescinded ? ` on ${doc.rescinded.date} by ${doc.rescinded.by}` : '';
  return `Note: ${doc.id} was ${doc.status}${by}; it is not current policy, and this answer only reports what it said.`;
}

function notAddressed(library: Library): Answer {
  const docs = library.documents.map((d) => d.id).join(', ');
  const rescinded = library.documents.map(rescindedNote).filter(Boolean);
  return {
    verdict: 'not_addressed',
    citations: [],
    conditions: [],
    answer: [
      ...rescinded,
      // A document imported on the fly is its own library: name it once.
      library.name === docs ? `${docs} does not address this. Ask your supervisor before acting.` : `The ${library.name} policies on file (${docs}) do not address this. Ask your supervisor before acting.`,
    ].join(' '),
  };
}
