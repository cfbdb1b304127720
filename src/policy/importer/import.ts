import { Lexicon } from '../lexicon.js';
import { flattenSections, provisionProblems } from '../library.js';
import { indentOf } from '../text.js';
import type { Authority, ConceptEntry, PolicyDocument, Section } from '../types.js';
import { cleanText, fieldTables } from './clean.js';
import { draftProvisions } from './draft.js';
import { isTitleHeading } from './labels.js';
import { segment } from './segment.js';

export interface ImportOptions {
  source?: string;
  lexicon: Record<string, ConceptEntry>;
  /** Authorities the department already has, so drafted provisions reuse their keys. */
  authorities?: Record<string, Authority>;
}

export interface ImportResult {
  document: PolicyDocument;
  authorities: Record<string, Authority>;
  /** What the importer could not place or decide, for the admin's review. */
  report: string[];
}

/** Turns a plain-text policy into a draft library document with provisions drafted from its wording. */
export function importPolicyText(raw: string, options: ImportOptions): ImportResult {
  const report: string[] = [];
  const { lines, dropped } = cleanText(raw);
  if (dropped.length > 0) report.push(`dropped ${dropped.length} page header/footer line(s), e.g. "${dropped[0]}"`);
  const { front, back, sections } = segment(lines);
  qualifyRestartedSections(sections);
  for (const id of makeIdsUnique(sections)) report.push(`§${id} appears more than once: later ones are numbered "${id} (2)", … — check the numbering`);
  if (sections.length === 0) report.push('no numbered sections or headings found: the whole text is one section');
  const crowded = crowdedSection(sections);
  if (crowded) report.push(crowded);
  if (back.length > 0) report.push(`kept out of every section (closing and dates): ${back.map((l) => `"${l.slice(0, 40)}"`).join(', ')}`);
  // A running header is often the document's own number ("OPD – 4.1"), so it is offered as an id too.
  const meta = lexipolHeader(front, dropped) ?? readFrontMatter([...dropped.filter(isDocumentCode).slice(0, 1), ...front], fieldTables(raw.replace(/\r\n?/g, '\n')));
  const unused = front.filter((l) => !meta.used.has(l));
  if (unused.length > 0) report.push(`kept out of every section (front matter): ${unused.map((l) => `"${l.slice(0, 60)}"`).join(', ')}`);
  const document: PolicyDocument = {
    id: meta.id,
    title: meta.title,
    issuedBy: meta.issuedBy,
    status: meta.rescinded ? 'rescinded' : 'in_force',
    draft: true,
    sections: sections.length > 0 ? sections : [{ id: meta.title, title: meta.title, text: lines.join('\n').trim() }],
  };
  if (meta.effective) document.effective = meta.effective;
  if (meta.rescinded) document.rescinded = meta.rescinded;
  if (options.source) document.source = options.source;
  const authorities = { ...(options.authorities ?? {}) };
  const lexicon = new Lexicon(options.lexicon, raw);
  const drafted = draftProvisions(document, lexicon, authorities);
  borrowReferredAuthorities(drafted.sections);
  // A drafted rule the library would refuse is left out and reported: one bad sentence must not lose the whole document.
  for (const s of flattenSections(drafted.sections)) {
    if (!s.provisions) continue;
    const problems = s.provisions.map((p) => provisionProblems(p, s, options.lexicon, authorities));
    problems.forEach((found, i) => {
      if (found.length > 0) report.push(`§${s.id}: drafted rule left out (${found.join('; ')}): "${s.provisions![i]!.quote.slice(0, 60)}…"`);
    });
    s.provisions = s.provisions.filter((_, i) => problems[i]!.length === 0);
    if (s.provisions.length === 0) delete s.provisions;
  }
  for (const s of flattenSections(drafted.sections)) {
    if (s.text.trim() && !s.provisions?.length && s.text.split(/\s+/).length > 8) {
      report.push(`§${s.id}: no rule or fact drafted from its wording; review it by hand`);
    }
  }
  return { document: drafted, authorities, report };
}

/** "… and report it as a security incident under Sec. 6-101": the section referred to, by its number. */
const REFERENCE = /\b(?:under|in accordance with|pursuant to|as (?:set out|provided|described|required) (?:in|by)|per|see)\s+(?:(?:sec(?:tion)?\.?|§|rule|article|paragraph|subsection)\s*)?(\d+(?:[-.]\d+)*(?:\([A-Za-z0-9]+\))*)/i;

/**
 * A duty to report or an approval path that names no one but sends the member to another section ("report it
 * as a security incident under Sec. 6-101") takes whom that section names for the same verdict.
 */
function borrowReferredAuthorities(sections: Section[]): void {
  const all = flattenSections(sections);
  const numberOf = (id: string) => id.replace(/^\D+/, '').replace(/\s*\(\d+\)$/, '');
  for (const s of all) {
    for (const p of s.provisions ?? []) {
      if ((p.verdict !== 'must_report' && p.verdict !== 'needs_approval') || p.authority) continue;
      const ref = p.quote.match(REFERENCE)?.[1]?.replace(/\(([A-Za-z0-9]+)\)/g, '.$1');
      if (!ref) continue;
      const target = all.find((t) => t !== s && numberOf(t.id) === ref);
      if (!target) continue;
      const named = flattenSections([target]).flatMap((t) => t.provisions ?? []).find((q) => q.verdict === p.verdict && q.authority);
      if (named) p.authority = named.authority;
    }
  }
}

/**
 * "ARTICLE IV – TECHNOLOGY" / "Section 3. …", "ARTICLE VI" / "Section 3. …": sections numbered again from 1 in each
 * article are cited with their article, "IV.3", as the rules cite them ("IV-3").
 */
function qualifyRestartedSections(sections: Section[]): void {
  const numbered = (s: Section) => /^Section (\d+)$/.exec(s.id)?.[1];
  const articles = sections.filter((s) => /^[IVXLC]+$/.test(s.id) && (s.children ?? []).some((c) => numbered(c)));
  const numbers = articles.flatMap((a) => a.children!.map(numbered).filter((n) => n !== undefined));
  if (new Set(numbers).size === numbers.length) return;
  for (const a of articles) {
    for (const c of a.children!) {
      const n = numbered(c);
      if (!n) continue;
      const from = c.id;
      const to = `${a.id}.${n}`;
      const rename = (s: Section) => {
        if (s.id === from || s.id.startsWith(`${from}.`)) s.id = to + s.id.slice(from.length);
        for (const k of s.children ?? []) rename(k);
      };
      rename(c);
    }
  }
}

/**
 * A section id used twice (a document that repeats a number, or a cross-reference that wrapped to the start of a line)
 * would make the library invalid and lose the whole import: the later ones get " (2)", " (3)"… and the admin is told.
 */
function makeIdsUnique(sections: Section[]): string[] {
  const seen = new Map<string, number>();
  const repeated = new Set<string>();
  const visit = (list: Section[]) => {
    for (const s of list) {
      const n = (seen.get(s.id) ?? 0) + 1;
      seen.set(s.id, n);
      if (n > 1) {
        repeated.add(s.id);
        let k = n;
        while (seen.has(`${s.id} (${k})`)) k++;
        s.id = `${s.id} (${k})`;
        seen.set(s.id, 1);
      }
      visit(s.children ?? []);
    }
  };
  visit(sections);
  return [...repeated];
}

/** A document of some length whose text sits mostly in one section: its numbering was probably not recognised. */
export const NUMBERING_WARNING = 'may not have read how this document numbers its sections';

function crowdedSection(sections: Section[]): string | undefined {
  const counted = flattenSections(sections).map((section) => ({ section, words: section.text.split(/\s+/).filter(Boolean).length }));
  const total = counted.reduce((n, c) => n + c.words, 0);
  const largest = counted.reduce<(typeof counted)[number] | undefined>((best, c) => (!best || c.words > best.words ? c : best), undefined);
  if (!largest || total < 600 || largest.words / total <= 0.4) return undefined;
  const share = Math.round((100 * largest.words) / total);
  return `§${largest.section.id} holds ${share}% of the text: the importer ${NUMBERING_WARNING}; check them before relying on its answers`;
}

interface FrontMatter {
  id: string;
  title: string;
  issuedBy: string;
  effective?: string;
  rescinded?: { date: string; by: string };
  used: Set<string>;
}

/** A header block's labelled fields, in one or two columns: "Subject:   Information Technology, Recording       Number:    WD 41.3". */
function headerFields(raw: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of raw.split('\n').slice(0, 40)) {
    const indent = indentOf(line);
    const cells = line.trim().split(/\s{3,}/).filter(Boolean);
    const first = cells[0]?.match(FIELD);
    // "           Devices and Social Media": the left column's field goes on.
    if (!first && last && indent >= 6 && cells[0]) {
      fields.set(last, `${fields.get(last)} ${cells[0]}`);
      last = undefined;
      continue;
    }
    last = undefined;
    for (let k = 0; k < cells.length; k++) {
      const m = cells[k]!.match(FIELD);
      if (!m) continue;
      const leftmost = k === 0;
      // "Number:    WD 41.3": a label alone in its cell, its value in the next.
      const value = m[2]!.trim() || (cells[k + 1] && !FIELD.test(cells[k + 1]!) ? cells[++k]! : '');
      const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      if (value && !fields.has(key)) fields.set(key, value);
      if (value && leftmost) last = key;
    }
  }
  return fields;
}

const FIELD = /^([A-Za-z][A-Za-z .]{0,24}?)\s*:\s*(.*)$/;
const ID_FIELDS = ['number', 'no.', 'no', 'order number', 'order no.', 'policy number', 'policy no.', 'directive number', 'regulation number', 'procedure number', 'document number'];
const TITLE_FIELDS = ['title', 'subject', 're'];

function readFrontMatter(front: string[], raw: string): FrontMatter {
  const used = new Set<string>();
  const fields = headerFields(raw);
  const idField = ID_FIELDS.find((f) => /\d/.test(fields.get(f) ?? '') && fields.get(f)!.length <= 30);
  const idValue = idField && fields.get(idField)!;
  // "Policy No.: 460", "NUMBER: 2.27" under "GENERAL ORDER": a bare number is named by its kind.
  // "Number: 10-3" where the text elsewhere says "Policy 10-3": the kind the document gives its own number.
  const escaped = idValue?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = escaped ? raw.match(new RegExp(String.raw`\b(general order|special order|written directive|policy|directive|order|procedure)\s+(?:no\.?\s*)?${escaped}\b`, 'i'))?.[1] : undefined;
  const kind = idField?.match(/^(policy|directive|order|regulation|procedure)\b/)?.[1] ?? front.find((l) => KIND.test(l)) ?? named;
  const fieldId = idValue && (/[a-z]/i.test(idValue) || !kind ? idValue : `${kind} ${idValue}`);
  const fieldTitle = TITLE_FIELDS.map((f) => fields.get(f)).find((v) => v && /[a-z]/i.test(v));
  const idLine = front.find((l) => isDocumentCode(l) || CODE_AND_TITLE.test(l)) ?? front.find((l) => ORDER_NUMBER.test(l) && l.replace(/\s+/g, ' ').length < 80);
  const idMatch = idLine && isDocumentCode(idLine) ? [idLine, idLine] : (idLine?.match(CODE_AND_TITLE) ?? idLine?.match(ORDER_NUMBER));
  const issuer = front.find((l) => ISSUER.test(l) && l !== idLine);
  const titleLine = pickTitle(front.filter((l) => l !== idLine && l !== issuer && !KIND.test(l)));
  if (idLine) used.add(idLine);
  // "SOP 22 - Technology, Devices and Online Conduct": the number's own line names the document after it.
  const after = idMatch && idLine ? idLine.replace(idMatch[1]!, '').replace(/^\s*[-–—:|]\s*/, '').trim() : '';
  // Not the next field of a header row: "General Order:   24-07      Effective Date:   March 4, 2024".
  const inline = after.length >= 8 && /^[A-Z]/.test(after) && !/subject\s*:/i.test(front.join('\n')) && !/^[A-Z][A-Za-z ]{1,24}:/.test(after) ? after : undefined;
  if (titleLine && !inline) used.add(titleLine);
  const title = fieldTitle
    ? tidyTitle(fieldTitle).replace(/\s+/g, ' ')
    : inline
      ? tidyTitle(inline)
      : titleLine
        ? tidyTitle(titleLine.replace(/^subject\s*:\s*/i, '')).replace(/\s+/g, ' ')
        : 'Imported policy';
  const id = fieldId ? documentId(fieldId) : idMatch ? documentId(idMatch[1]!) : title;
  if (issuer) used.add(issuer);
  const out: FrontMatter = { id, title, issuedBy: issuer ?? 'unknown (set when reviewing)', used };
  const eff = raw.match(/effective(?:\s+date)?\s*[:\-]?\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{1,2}, \d{4})/i);
  if (eff) out.effective = isoDate(eff[1]!);
  const resc = raw.match(/rescinded\s+by\s+([^\n]+?)\s+on\s+(\d{1,2}[-/]\d{1,2}[-/]\d{2,4})/i);
  if (resc) out.rescinded = { by: resc[1]!.trim(), date: isoDate(resc[2]!) };
  return out;
}

/** The kinds a document's number is written with: "General Order 41", "WRITTEN DIRECTIVE 19", "SOP 22". */
const DOCUMENT_KINDS = String.raw`general order|special order|executive order|administrative (?:order|regulation|procedure)|written directive|personnel rule|policy|directive|order|procedure|memorandum|memo|article|sop|g\.o\.`;
const ORDER_NUMBER = new RegExp(String.raw`((?:${DOCUMENT_KINDS})\s*(?:no\.?|number|#)?\s*:?\s*[A-Z]*[-–\s]*\d[\d.-]*(?:[A-Z]\b)?)`, 'i');
const ISSUER = /\b(police department|sheriff'?s office|city of|county of|office of the|department of|police bureau)\b/i;
const KIND = /^(?:departmental |department |special |general |administrative )*(?:general order|special order|order|policy|directive|memorandum|procedure)s?$/i;

/**
 * A Lexipol manual's page head: "Policy   Urbana Police Department" / "421   Urbana PD Policy Manual", with the policy's
 * title running at the head of every page (so dropped as furniture): id "Policy 421", that title, that department.
 */
function lexipolHeader(front: string[], dropped: string[]): FrontMatter | undefined {
  const at = front.findIndex((l) => /^\d{2,4}\s{2,}\S.*\bpolicy manual$/i.test(l.trim()));
  // "Policy" / "318      Portable Audio/Video Recorders": the number over the policy's own title.
  const titled = at < 0 ? front.findIndex((l, i) => /^\d{2,4}\s{2,}[A-Z]/.test(l.trim()) && /^policy$/i.test((front[i - 1] ?? '').trim())) : -1;
  if (titled >= 0) {
    const [, number, title] = front[titled]!.trim().match(/^(\d{2,4})\s{2,}(.+)$/)!;
    const department = front.slice(0, titled).find((l) => ISSUER.test(l))?.trim();
    return { id: `Policy ${number}`, title: tidyTitle(title!.trim()), issuedBy: department ?? 'unknown (set when reviewing)', used: new Set([front[titled]!, front[titled - 1]!]) };
  }
  if (at < 0) return undefined;
  const number = front[at]!.trim().match(/^\d+/)![0];
  const department = front[at - 1]?.trim().match(/^policy\s{2,}(.+)$/i)?.[1];
  const counts = new Map<string, number>();
  for (const d of dropped) counts.set(d, (counts.get(d) ?? 0) + 1);
  const running = [...counts]
    .filter(([d, n]) => n >= 2 && d.split(/\s+/).length >= 2 && isTitleHeading(d) && !/\d|copyright|published|policy manual|police department/i.test(d))
    .sort(([a], [b]) => b.length - a.length)[0]?.[0];
  if (!running) return undefined;
  const used = new Set([front[at]!, ...(department ? [front[at - 1]!] : [])]);
  return { id: `Policy ${number}`, title: running.replace(/\s+/g, ' '), issuedBy: department ?? 'unknown (set when reviewing)', used };
}

const DOCUMENT_ID = new RegExp(String.raw`^(${DOCUMENT_KINDS})\s*(?:no\.?|number|#)?\s*:?\s*(.+)$`, 'i');

/** "DIRECTIVE NUMBER: 3.07" → "Directive 3.07"; "OPD – 4.1" stays as written. */
function documentId(written: string): string {
  const flat = written.replace(/\s+/g, ' ').trim();
  const m = flat.match(DOCUMENT_ID);
  if (!m) return flat;
  const kind = /^(?:sop|g\.o\.)$/i.test(m[1]!) ? m[1]!.toUpperCase() : m[1]!.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return `${kind} ${m[2]!.trim()}`;
}

/** "AP 9-14    INFORMATION TECHNOLOGY …": a document code, then the title after a wide gap or a dash. */
const CODE_AND_TITLE = /^([A-Z]{2,6}\.?\s*[-–]?\s*\d{1,4}(?:[.-]\d{1,4})*)(?=\s{2,}[A-Z]|\s+[-–—:|]\s+[A-Z])/;

/** "OPD – 4.1", "GO 41-07": a short code standing alone on a line. */
function isDocumentCode(line: string): boolean {
  return /^[A-Z]{2,6}\.?\s*[-–]?\s*\d{1,4}(?:[.-]\d{1,4})*$/.test(line.trim());
}

/** The subject line, else the last capitalised line of the title block (the subject usually comes last). */
function pickTitle(lines: string[]): string | undefined {
  const subject = lines.find((l) => /^subject\s*:/i.test(l));
  if (subject) return subject;
  const caps = lines.filter((l) => l.length < 90 && capsRatio(l) >= 9);
  return caps[caps.length - 1] ?? lines.filter((l) => l.length < 90).sort((a, b) => capsRatio(b) - capsRatio(a))[0];
}

function capsRatio(s: string): number {
  const letters = s.replace(/[^A-Za-z]/g, '');
  return letters ? Math.round((10 * letters.replace(/[^A-Z]/g, '').length) / letters.length) : 0;
}

function tidyTitle(s: string): string {
  return s === s.toUpperCase() ? s.toLowerCase().replace(/(^|\s)([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()) : s;
}

/** "6/30/2009" → "2009-06-30"; "7-22-21" → "2021-07-22"; month names parsed by Date. */
export function isoDate(s: string): string {
  const m = s.match(/^(\d{1,2})[-/](\d{1,2})[-/](\d{2,4})$/);
  if (m) {
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    return `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  }
  const d = new Date(`${s} UTC`);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 10);
}
