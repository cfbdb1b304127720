import type { MemberId } from '../routing/types.js';
import type { Doc, PartitionStore } from './docs.js';
import { idPart } from './outbox-store.js';

/** Where a card about a report was sent (or last brought up to date), so a later change can update that copy in place. */
export interface Delivery {
  departmentId: string;
  reportId: string;
  /** The report version the copy shows. */
  version: number;
  member: MemberId;
  conversationId: string;
  activityId: string;
  at: string;
}

type DeliveryDoc = Doc & Delivery & { kind: 'delivery' };

export class DeliveryStore {
  constructor(private readonly docs: PartitionStore) {}

  async record(d: Delivery): Promise<void> {
    const doc: DeliveryDoc = { ...d, id: `${d.reportId}:${d.version}:delivery:${d.member}:${idPart(d.activityId)}`, kind: 'delivery' };
    await this.docs.upsert(doc);
  }

  /** Oldest version first. */
  async forReport(departmentId: string, reportId: string): Promise<Delivery[]> {
    const docs = await this.docs.query<DeliveryDoc>(departmentId, "c.kind = 'delivery' AND c.reportId = @reportId", { reportId });
    return docs.map(({ id, kind, _etag, ...d }) => d as Delivery).sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }

  /** Each copy once, as of the newest version it was sent or updated with. */
  async copies(departmentId: string, reportId: string): Promise<Delivery[]> {
    const latest = new Map<string, Delivery>();
    for (const d of await this.forReport(departmentId, reportId)) latest.set(`${d.conversationId}\n${d.activityId}`, d);
    return [...latest.values()];
  }
}
