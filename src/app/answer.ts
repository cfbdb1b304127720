import type { Answer } from '../policy/types.js';
import type { Directory } from '../routing/directory.js';
import { refuse, type Refusal } from '../routing/result.js';
import type { PolicyDesk } from './ask.js';
import { citedSections, prefillFrom, reportTypeFor, type FormOffer, type SectionText } from './follow-ups.js';
import { howToJoin, type Who } from './identify.js';

/** An answer with what the asker can do next: the sections in full, and the form the verdict calls for. */
export interface AnsweredQuestion {
  answer: Answer;
  sections: SectionText[];
  approval?: FormOffer;
  report?: FormOffer;
  /** For someone not on the roster: how to get added before filing anything. */
  joinHint?: string;
}

export type AnswerOutcome = { ok: true; answered: AnsweredQuestion } | Refusal;

function offer(dir: Directory, typeId: string | undefined, question: string): FormOffer | undefined {
  const type = typeId ? dir.types.get(typeId) : undefined;
  return type && { type: type.id, label: type.label, prefill: prefillFrom(type, question) };
}

/** Answers a question against the asker's own department library, with the follow-ups the verdict calls for. */
export class AnswerDesk {
  constructor(private readonly policies: PolicyDesk) {}

  answer(who: Who, question: string): AnswerOutcome {
    const asked = this.policies.ask(who.dir.config.id, question);
    if (!asked.ok) return refuse(asked.error.code, askMessage(who.dir, asked.error.code, asked.error.message));
    const { answer } = asked;
    const library = this.policies.engine(who.dir.config.id)!.library;
    const answered: AnsweredQuestion = { answer, sections: citedSections(library, answer.citations) };
    if (!who.member) return { ok: true, answered: { ...answered, joinHint: howToJoin(who.dir) } };
    const approval = answer.verdict === 'needs_approval' ? offer(who.dir, 'approval', question) : undefined;
    const report = answer.verdict === 'must_report' ? offer(who.dir, reportTypeFor(who.dir, answer)?.id, question) : undefined;
    return { ok: true, answered: { ...answered, ...(approval ? { approval } : {}), ...(report ? { report } : {}) } };
  }
}

function askMessage(dir: Directory, code: string, message: string): string {
  if (code === 'unknown_department') return `No policy library is loaded for the ${dir.config.name} yet. Ask your department admin.`;
  if (code === 'empty_question') return 'Ask me a question, for example "Can I post a photo of my cruiser on Instagram?", or type "help".';
  return `I can't answer that: ${message}.`;
}
