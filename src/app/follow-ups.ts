import { flattenSections } from '../policy/library.js';
import type { Answer, Citation, Library, Section } from '../policy/types.js';
import type { Directory } from '../routing/directory.js';
import { looksLikePassword } from '../routing/secrets.js';
import type { ReportType } from '../routing/types.js';

/** A form to open from an answer, with what the question already says filled in. */
export interface FormOffer {
  type: string;
  label: string;
  prefill: Record<string, string>;
}

export interface SectionText {
  policy: string;
  section: string;
  title: string;
  text: string;
  status: Citation['status'];
}

/** Enough for any one section on a card: the rest is in the library. */
const MAX_SECTION_CHARS = 6000;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, ' ').trim();

/** A report type whose policy basis is the cited section ("OPD 4.1 §IV"), or names it ("… Restricted Activity"). */
function basisMatches(type: ReportType, c: Citation): boolean {
  const cited = norm(`${c.policy} §${c.section}`);
  const section = norm(c.section);
  return type.policyBasis.some((b) => norm(b) === cited || (section.length > 6 && norm(b).endsWith(section)));
}

/** Who the answer says to report to, when no cited section decides: the SPEC's default types. */
const BY_RECIPIENT: Array<[RegExp, string]> = [
  [/deputy chief/i, 'repair'],
  [/supervisor/i, 'security'],
  [/chief/i, 'violation'],
];

export function reportTypeFor(dir: Directory, answer: Answer): ReportType | undefined {
  for (const c of answer.citations) {
    const type = dir.config.reportTypes.find((t) => t.id !== 'approval' && basisMatches(t, c));
    if (type) return type;
  }
  const byWho = BY_RECIPIENT.find(([re]) => re.test(answer.reportTo ?? ''));
  return byWho ? dir.types.get(byWho[1]) : undefined;
}

/** The free-text field a question best fills: the first long one without choices. */
export function mainTextField(type: ReportType): string | undefined {
  return (type.fields.find((f) => !f.choices && (f.maxLength ?? 4000) >= 500) ?? type.fields.find((f) => !f.choices))?.id;
}

const APPROVAL_KINDS: Array<[RegExp, string]> = [
  [/\binstall\w*\b.*\b(printer|mouse|keyboard|usb|peripheral|device|drive|hardware)/i, 'install_peripheral'],
  [/\binstall/i, 'install_software'],
  [/\b(insignia|badge|patch|logo)/i, 'post_image_insignia'],
  [/\buniform/i, 'post_image_uniform'],
  [/\b(cruiser|squad car|patrol car|vehicle|equipment|car)\b/i, 'post_image_equipment'],
  [/\b(station|work ?site|precinct|office|headquarters)\b/i, 'post_image_worksite'],
];

/** The question as the opening text of a form; never when it looks like it holds a password. */
export function prefillFrom(type: ReportType, question: string): Record<string, string> {
  const prefill: Record<string, string> = {};
  const field = mainTextField(type);
  const max = type.fields.find((f) => f.id === field)?.maxLength ?? 2000;
  if (field && !looksLikePassword(question)) prefill[field] = question.trim().slice(0, max);
  const choice = type.fields.find((f) => f.choices);
  const kind = APPROVAL_KINDS.find(([re, value]) => re.test(question) && choice?.choices?.includes(value));
  if (choice && kind) prefill[choice.id] = kind[1];
  return prefill;
}

function sectionBody(s: Section): string {
  const children = flattenSections(s.children ?? []).map((c) => `${c.id} ${c.title}\n${c.text}`);
  const text = [s.text, ...children].filter(Boolean).join('\n\n');
  return text.length > MAX_SECTION_CHARS ? `${text.slice(0, MAX_SECTION_CHARS)}…` : text;
}

/** The full text of each cited section, from the library the answer came from. */
export function citedSections(library: Library, citations: Citation[]): SectionText[] {
  return citations.flatMap((c) => {
    const doc = library.documents.find((d) => d.id === c.policy);
    const section = doc && flattenSections(doc.sections).find((s) => s.id === c.section);
    return section ? [{ policy: c.policy, section: c.section, title: section.title, text: sectionBody(section), status: c.status }] : [];
  });
}
