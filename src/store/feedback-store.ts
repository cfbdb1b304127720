import type { Doc, PartitionStore } from './docs.js';

/** What was answered, by the id of the message that carried it: no question text, only its hash. */
export interface AnswerRecord {
  departmentId: string;
  messageId: string;
  member: string | null;
  questionHash: string;
  verdict: string;
  sections: string[];
  at: string;
}

/** A thumbs up or down on an answer, for the admin to review. */
export interface FeedbackRecord {
  departmentId: string;
  messageId: string;
  member: string | null;
  reaction: 'like' | 'dislike';
  text: string;
  questionHash: string | null;
  verdict: string | null;
  at: string;
}

type AnswerDoc = Doc & AnswerRecord & { kind: 'answer' };
type FeedbackDoc = Doc & FeedbackRecord & { kind: 'feedback' };

export class FeedbackStore {
  constructor(private readonly docs: PartitionStore) {}

  async recordAnswer(a: AnswerRecord): Promise<void> {
    const doc: AnswerDoc = { ...a, id: `answer:${a.messageId}`, kind: 'answer' };
    await this.docs.upsert(doc);
  }

  async answer(departmentId: string, messageId: string): Promise<AnswerRecord | undefined> {
    const doc = await this.docs.read<AnswerDoc>(departmentId, `answer:${messageId}`);
    if (!doc) return undefined;
    const { id, kind, _etag, ...record } = doc;
    return record;
  }

  /** One vote per member and message: voting again replaces the earlier vote. */
  async recordFeedback(f: FeedbackRecord): Promise<void> {
    const doc: FeedbackDoc = { ...f, id: `feedback:${f.messageId}:${f.member ?? 'anonymous'}`, kind: 'feedback' };
    await this.docs.upsert(doc);
  }

  async feedback(departmentId: string): Promise<FeedbackRecord[]> {
    const docs = await this.docs.query<FeedbackDoc>(departmentId, "c.kind = 'feedback'");
    return docs.map(({ id, kind, _etag, ...f }) => f as FeedbackRecord).sort((a, b) => a.at.localeCompare(b.at));
  }
}
