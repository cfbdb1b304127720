import type { MemberId, Notice } from '../routing/types.js';
import type { Doc, PartitionStore, Stored } from './docs.js';

type NoticeDoc = Doc & Notice & { kind: 'notice'; sent: boolean; sentAt?: string };

/** Where a card about a report was sent, so a later change can update that copy in place. */
export interface Delivery {
  departmentId: string;
  reportId: string;
  version: number;
  member: MemberId;
  conversationId: string;
  activityId: string;
  at: string;
}

type DeliveryDoc = Doc & Delivery & { kind: 'delivery' };

function toNotice(doc: Stored<NoticeDoc>): Notice {
  const { kind, sent, sentAt, _etag, ...notice } = doc;
  return notice as Notice;
}

/**
 * Messages owed to members (written by a transition, `sent: false`) and the copies actually sent. A notice is
 * claimed before it is sent, etag-checked, so two bot instances never both send it; a failed send releases it
 * for the member's next visit.
 */
export class NoticeStore {
  constructor(private readonly docs: PartitionStore) {}

  async unsentFor(departmentId: string, member: MemberId): Promise<Notice[]> {
    const docs = await this.docs.query<NoticeDoc>(departmentId, "c.kind = 'notice' AND c.member = @member AND c.sent = false", { member });
    return docs.map(toNotice).sort((a, b) => a.id.localeCompare(b.id));
  }

  async unsentAt(departmentId: string, reportId: string, version: number): Promise<Notice[]> {
    const where = "c.kind = 'notice' AND c.reportId = @reportId AND c.version = @version AND c.sent = false";
    return (await this.docs.query<NoticeDoc>(departmentId, where, { reportId, version })).map(toNotice);
  }

  /** True when this caller now owns sending the notice. */
  async claim(notice: Notice, at: Date): Promise<boolean> {
    const doc = await this.docs.read<NoticeDoc>(notice.departmentId, notice.id);
    if (!doc || doc.sent) return false;
    const { _etag, ...body } = doc;
    return (await this.docs.replace({ ...body, sent: true, sentAt: at.toISOString() }, _etag)).ok;
  }

  async release(notice: Notice): Promise<void> {
    const doc = await this.docs.read<NoticeDoc>(notice.departmentId, notice.id);
    if (!doc?.sent) return;
    const { _etag, sentAt, ...body } = doc;
    await this.docs.replace({ ...body, sent: false }, _etag);
  }

  async recordDelivery(d: Delivery): Promise<void> {
    const doc: DeliveryDoc = { ...d, id: `${d.reportId}:${d.version}:delivery:${d.member}:${d.activityId}`, kind: 'delivery' };
    await this.docs.upsert(doc);
  }

  async deliveries(departmentId: string, reportId: string): Promise<Delivery[]> {
    const docs = await this.docs.query<DeliveryDoc>(departmentId, "c.kind = 'delivery' AND c.reportId = @reportId", { reportId });
    return docs.map(({ id, kind, _etag, ...d }) => d as Delivery).sort((a, b) => a.version - b.version);
  }
}
