import { createHash } from 'node:crypto';
import type { Answer } from '../policy/types.js';
import type { Clock } from '../routing/ports.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { Who } from './identify.js';

/** Longer feedback is cut, not refused: a vote is never lost over its comment. */
const MAX_FEEDBACK_CHARS = 2000;

export function questionHash(question: string): string {
  return createHash('sha256').update(question.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** Thumbs up/down on answers, kept for the department admin; questions are kept only as hashes. */
export class FeedbackDesk {
  constructor(private readonly deps: { store: FeedbackStore; clock: Clock }) {}

  async answered(who: Who, messageId: string, question: string, answer: Answer): Promise<void> {
    await this.deps.store.recordAnswer({
      departmentId: who.dir.config.id, messageId, member: who.member?.id ?? null, questionHash: questionHash(question),
      verdict: answer.verdict, sections: answer.citations.map((c) => `${c.policy} §${c.section}`), at: this.deps.clock.now().toISOString(),
    });
  }

  async vote(who: Who, messageId: string, reaction: 'like' | 'dislike', text: string): Promise<void> {
    const departmentId = who.dir.config.id;
    const answer = await this.deps.store.answer(departmentId, messageId);
    await this.deps.store.recordFeedback({
      departmentId, messageId, member: who.member?.id ?? null, reaction, text: text.slice(0, MAX_FEEDBACK_CHARS),
      questionHash: answer?.questionHash ?? null, verdict: answer?.verdict ?? null, at: this.deps.clock.now().toISOString(),
    });
  }
}
