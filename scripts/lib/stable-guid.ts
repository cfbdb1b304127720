import { createHash } from 'node:crypto';

/** A name-based (v5-style) GUID: the same words always give the same id, so generated files are reproducible. */
export function stableGuid(...words: string[]): string {
  const hex = createHash('sha1').update(['policy-desk', ...words].join('/')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
