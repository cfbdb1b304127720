import type { MemberId } from '../routing/types.js';
import { updateDoc, type Doc, type PartitionStore } from './docs.js';

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

/** Every copy of one report's card, in one document read by id: a transition's refresh finds them without a query. */
type DeliveryIndexDoc = Doc & { kind: 'deliveryIndex'; reportId: string; deliveries: Delivery[] };

const indexId = (reportId: string) => `${reportId}:deliveries`;
const sameRecord = (a: Delivery, b: Delivery) => a.version === b.version && a.member === b.member && a.activityId === b.activityId;

export class DeliveryStore {
  constructor(private readonly docs: PartitionStore) {}

  /** Adds the record to the report's index (an etag-checked replace, tried again when another sender wrote it meanwhile). */
  record(d: Delivery): Promise<void> {
    return updateDoc<DeliveryIndexDoc>(this.docs, d.departmentId, indexId(d.reportId), (current) => ({
      id: indexId(d.reportId), departmentId: d.departmentId, kind: 'deliveryIndex', reportId: d.reportId,
      deliveries: [...(current?.deliveries ?? []).filter((x) => !sameRecord(x, d)), d],
    }));
  }

  /** Oldest version first. */
  async forReport(departmentId: string, reportId: string): Promise<Delivery[]> {
    const index = await this.docs.read<DeliveryIndexDoc>(departmentId, indexId(reportId));
    return [...(index?.deliveries ?? [])].sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }

  /** Each copy once, as of the newest version it was sent or updated with. */
  async copies(departmentId: string, reportId: string): Promise<Delivery[]> {
    const latest = new Map<string, Delivery>();
    for (const d of await this.forReport(departmentId, reportId)) latest.set(`${d.conversationId}\n${d.activityId}`, d);
    return [...latest.values()];
  }
}
