import type { Doc, PartitionStore } from './docs.js';

/** What the bot needs to message a member proactively later; opaque here (a botbuilder ConversationReference). */
export interface ConversationRef {
  departmentId: string;
  aadObjectId: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

type ConversationDoc = Doc & ConversationRef & { kind: 'conversation' };

export class ConversationStore {
  constructor(private readonly docs: PartitionStore) {}

  /** One per member and department; the latest reference wins. */
  async save(ref: ConversationRef): Promise<void> {
    const doc: ConversationDoc = { ...ref, id: `conversation:${ref.aadObjectId.toLowerCase()}`, kind: 'conversation' };
    await this.docs.upsert(doc);
  }

  async get(departmentId: string, aadObjectId: string): Promise<ConversationRef | undefined> {
    const doc = await this.docs.read<ConversationDoc>(departmentId, `conversation:${aadObjectId.toLowerCase()}`);
    if (!doc) return undefined;
    const { id, kind, _etag, ...ref } = doc;
    return ref;
  }
}
