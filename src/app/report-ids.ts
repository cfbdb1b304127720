import { createHash } from 'node:crypto';
import type { Clock, IdGenerator } from '../routing/ports.js';

/** Reference numbers people can read out on the phone: VIO-250602-7KQ3XD. */
export const REPORT_ID = /^[A-Z]{3}-\d{6}-[0-9A-Z]{6}$/;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function code(typeId: string): string {
  return (typeId.replace(/[^a-z]/gi, '').toUpperCase() + 'XXX').slice(0, 3);
}

/** A new reference for a form: made when the form is shown, so a retried submit lands on the same report. */
export function newReportId(typeId: string, clock: Clock, ids: IdGenerator): string {
  const day = clock.now().toISOString().slice(2, 10).replaceAll('-', '');
  const digest = createHash('sha256').update(ids.next()).digest();
  const suffix = [...digest.subarray(0, 6)].map((b) => ALPHABET[b % 32]).join('');
  return `${code(typeId)}-${day}-${suffix}`;
}
