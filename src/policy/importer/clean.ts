/** Mends what PDF extraction does to a policy's text, without touching its wording. */

import { indentOf } from '../text.js';
import { isCapsHeading, isTitleHeading, newLabelState, parseLabel } from './labels.js';

/** Words extraction commonly breaks or misreads, and their mends. */
const MENDS: Array<[RegExp, string]> = [
  [/\busemame/g, 'username'],
  [/\blnstagram\b/g, 'Instagram'],
  [/\bbiogs\b/g, 'blogs'],
  [/([a-z])·/g, '$1'],
  [/\uFFFD/g, ''],
];

export interface CleanResult {
  lines: string[];
  /** Lines dropped as page furniture, for the import report. */
  dropped: string[];
}

/** The words a header table's column names are made of: "Order Number", "Effective Date", "Approved By". */
const FIELD_NAME = /^(?:order|policy|directive|procedure|general|special|regulation|number|no\.?|subject|title|effective|issue|issued|review|revised|revision|date|approved|by|rescinds|supersedes|amends|distribution|pages|page|chapter|section|authority|type|status|reference|index|cross)$/i;

/**
 * "ORDER NUMBER   SUBJECT   EFFECTIVE DATE" over "3-12   Body-Worn Camera Systems   09/01/2024": a title block laid out
 * as a table, its names in one row and their values below. Read as labelled fields ("Order Number: 3-12   Subject: …"),
 * so the values are the document's number and title and not a section "3-12".
 */
export function fieldTables(text: string): string {
  const lines = text.split('\n');
  const limit = Math.min(lines.length, 40);
  for (let i = 0; i < limit; i++) {
    const names = cellsOf(lines[i]!);
    if (names.length < 2 || !names.every((c) => c.text.split(/\s+/).length <= 3 && c.text.split(/\s+/).every((w) => FIELD_NAME.test(w)))) continue;
    let j = i + 1;
    while (j < limit && !lines[j]!.trim()) j++;
    const row = lines[j] ?? '';
    const values = cellsOf(row);
    if (values.length < 2 || values.length > names.length || values.some((v) => v.text.endsWith(':'))) continue;
    // Each value sits under the name whose column it starts in (or nearest to it).
    const fields = names.map((n) => ({ name: n.text, value: [] as string[] }));
    for (const v of values) {
      let k = 0;
      for (let n = 0; n < names.length; n++) if (Math.abs(names[n]!.start - v.start) < Math.abs(names[k]!.start - v.start)) k = n;
      fields[k]!.value.push(v.text);
    }
    const filled = fields.filter((f) => f.value.length > 0);
    if (filled.length < 2) continue;
    const name = (s: string) => s.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());
    lines[i] = '';
    lines[j] = filled.map((f) => `${name(f.name)}: ${f.value.join(' ')}`).join('   ');
    i = j;
  }
  return lines.join('\n');
}

function cellsOf(line: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const m of line.matchAll(/\S+(?: \S+)*/g)) out.push({ text: m[0], start: m.index });
  return out;
}

export function cleanText(raw: string): CleanResult {
  let text = fieldTables(raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u2018\u2019]/g, "'"));
  for (const [re, to] of MENDS) text = text.replace(re, to);
  // Words hyphenated across a line break: "tech-\nnology" → "technology".
  text = text.replace(/([a-z])-\n\s*([a-z])/g, '$1$2');
  const pages = text.split('\f');
  // Where each page begins and ends, when the text still has its form feeds: a page number sits there, a section number does not.
  const edges = new Set<number>();
  const lines: string[] = [];
  for (const page of pages) {
    const own = page.split('\n').flatMap(unrunLine).map((l) => l.replace(/\s+$/, ''));
    const filled = own.map((l, i) => (l.trim() ? lines.length + i : -1)).filter((i) => i >= 0);
    for (const i of [...filled.slice(0, 2), ...filled.slice(-2)]) edges.add(i);
    lines.push(...own);
  }
  const paged = pages.length > 1;
  const counts = new Map<string, number>();
  for (const l of lines) {
    const k = furnitureKey(l);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const dropped: string[] = [];
  const kept: string[] = [];
  let pageBreak = false;
  for (const [i, l] of lines.entries()) {
    const k = l.trim();
    // "1.2" on a line of its own away from the page's edges, or "6" over its heading and its "6.1": a section's number.
    const sectionNumber = SECTION_NUMBER.test(k) && (k.includes('.') ? paged && !edges.has(i) : chapterNumberAt(lines, i) !== undefined);
    if (!sectionNumber && isPageFurniture(k, counts.get(furnitureKey(l)) ?? 0)) {
      dropped.push(k);
      pageBreak = true;
      continue;
    }
    if (pageBreak && k !== '') {
      // A sentence that runs on across the page break ("… the rank of sergeant or" / header / "above, detectives …")
      // loses the blank lines around the dropped header and stays one paragraph.
      let end = kept.length;
      while (end > 0 && kept[end - 1]!.trim() === '') end--;
      const before = kept[end - 1]?.trim() ?? '';
      // So does one whose next word is a name ("… approved by the Public" / header / "Information Officer."), when the
      // line before is no heading.
      const runsOn = /^[a-z]/.test(k) || (/^[A-Z]/.test(k) && /[a-z,]$/.test(before) && !isTitleHeading(before) && !isCapsHeading(before) && !parseLabel(k, newLabelState()));
      if (runsOn && before !== '' && !/[.;:!?]$/.test(before)) kept.length = end;
      pageBreak = false;
    }
    kept.push(l);
  }
  return { lines: sideHeadings(kept), dropped };
}

/** "Privacy        Members have no expectation …": a heading in the margin, its text in a column to its right. */
const SIDE_LINE = /^(\S(?:.*?\S)?)\s{2,}(\S.*)$/;

/**
 * A manual set with side headings ("Personal Social   Members may maintain …" / "Media Use   access their …") has its
 * headings in a left column and its text in a right one. Each heading goes on a line of its own over its text, so the
 * document reads as headings over paragraphs.
 */
export function sideHeadings(lines: string[]): string[] {
  const side = (l: string, column?: number) => {
    const m = indentOf(l) === 0 ? SIDE_LINE.exec(l) : null;
    // A heading of words, not a number ("OPER.11.1   EQUIPMENT") nor a label ("Subject:   …"), beside a sentence.
    if (!m || m[1]!.length > 28 || m[1]!.split(/\s+/).length > 4 || !/^[A-Z][A-Za-z'’&/(), -]*$/.test(m[1]!) || /[.:;,]$/.test(m[1]!) || isCapsHeading(m[2]!)) return undefined;
    const at = l.length - m[2]!.length;
    return column === undefined || at === column ? { heading: m[1]!, text: m[2]!, at } : undefined;
  };
  const columns = new Map<number, number>();
  for (const l of lines) {
    const s = side(l);
    if (s) columns.set(s.at, (columns.get(s.at) ?? 0) + 1);
  }
  const [column, count] = [...columns].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < 4 || column < 12 || column > 40) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = side(lines[i]!, column);
    if (!first) {
      const l = lines[i]!;
      out.push(indentOf(l) >= column ? l.slice(column) : l);
      continue;
    }
    // The heading's words run down the margin beside its first lines of text.
    const heading = [first.heading];
    const text = [first.text];
    while (i + 1 < lines.length) {
      const next = side(lines[i + 1]!, column);
      if (!next) break;
      const last = heading[heading.length - 1]!;
      // "Informa-" / "tion Technology": a word hyphenated down the margin.
      if (last.endsWith('-') && /^[a-z]/.test(next.heading)) heading[heading.length - 1] = last.slice(0, -1) + next.heading;
      else heading.push(next.heading);
      text.push(next.text);
      i++;
    }
    if (out.length > 0 && out[out.length - 1]!.trim()) out.push('');
    out.push(heading.join(' '), '', ...text);
  }
  return out;
}

/** A number alone on its line: "6", "1.2". */
const SECTION_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?$/;

/** "2" / "Social Media" / "2.1": the number of a chapter alone on line `i`, over its heading and its first section. */
export function chapterNumberAt(lines: string[], i: number): string | undefined {
  const n = /^\s*(\d{1,2})\s*$/.exec(lines[i] ?? '')?.[1];
  if (!n) return undefined;
  const after: string[] = [];
  for (let k = i + 1; k < lines.length && after.length < 2; k++) if (lines[k]!.trim()) after.push(lines[k]!.trim());
  return after.length === 2 && SHORT_HEADING.test(after[0]!) && after[1]!.startsWith(`${n}.1`) ? n : undefined;
}

/** A heading of a few words with no sentence's end: "Social Media", "General Provisions". */
const SHORT_HEADING = /^[A-Z][\w'&,/ -]{0,60}[^.;:,]$/;

/** Running headers differ only in their page numbers. */
function furnitureKey(line: string): string {
  return line.trim().replace(/\d+/g, '#');
}

/**
 * Text extracted as one run-on line (a memo pasted from a PDF) gets its bullets and inline
 * capitalised headings back on lines of their own: "… INTERNET USAGE This policy …".
 */
function unrunLine(line: string): string[] {
  if (line.length < 600) return [line];
  return line
    .replace(/\s*[•\u2022]\s*/g, '\n• ')
    .replace(/(^|[.;:!?]\s*|\s)((?:[A-Z][A-Z'&/]+(?:\s*[-–]\s*|\s+)){1,6}[A-Z][A-Z'&/]+)(?=\s+[A-Z][a-z])/g, (m, pre: string, heading: string) =>
      heading.replace(/[^A-Z]/g, '').length >= 8 ? `${pre}\n${heading.replace(/\s*[-–]\s*/g, ' - ')}\n` : m,
    )
    .split('\n');
}

function isPageFurniture(line: string, count: number): boolean {
  if (!line) return false;
  // Columns padded apart with spaces ("Agency — Division        Page 3 of 7") count as one space each.
  const flat = line.replace(/\s{2,}/g, ' ');
  if (flat.length <= 120 && /\bpage\s*\d+\s*(of|\/)\s*\d+\b/i.test(line)) return true;
  // "Article 9 - Use of Technology and Public Comment          Page 1": a footer closing on its page number.
  if (flat.length <= 120 && /\S\s{3,}page\s+(?:\d{1,4}-)?\d{1,3}\s*$/i.test(line)) return true;
  // "Rev. 01/2024        Vesper Bay Police Department        Chapter 300" at the foot of each page: columns with the agency's name.
  if (count >= 2 && flat.length <= 120 && /\S\s{4,}\S/.test(line) && /\b(?:police department|sheriff'?s (?:office|department)|police bureau)\b/i.test(line) && !/[.:]$/.test(line)) return true;
  // The department's name and its manual's, heading every page of a short policy ("Urbana PD Policy Manual").
  if (count >= 2 && flat.length <= 60 && /^[A-Z][\w.' -]*\b(?:policy manual|police department|general orders(?: manual)?|procedures? manual|sheriff's office)$/i.test(flat)) return true;
  // A header block of labelled fields on every page ("Dir.#: 126-A   Issued: 01/03/2013   Rescinds:"), however it ends.
  if (count >= 3 && flat.length <= 120 && (flat.match(/(?:^|\s)[A-Z][A-Za-z.#]{1,12}:(?=\s|$)/g) ?? []).length >= 2) return true;
  if (/^(page\s*\d+(\s*(of|\/)\s*\d+)?|\d+\s*(of|\/)\s*\d+|-\s*\d+\s*-|\d{1,3})$/i.test(line)) return true;
  if (/^loading\.*$/i.test(line)) return true;
  // A publisher's footer ("Copyright …, All Rights Reserved. Published with permission by …") on every page.
  if (count >= 2 && line.length <= 200 && /\b(copyright|all rights reserved|published with permission)\b/i.test(line)) return true;
  // … and the same footer laid out differently on one page ("Copyright Lexipol, LLC 2019/01/11, All Rights Reserved." alone).
  if (line.length <= 200 && /\ball rights reserved\b|^published with permission by\b|^copyright lexipol\b/i.test(line)) return true;
  // A short line repeated on several pages is a running header or footer.
  return count >= 3 && flat.length <= 120 && !/[.:]$/.test(line) && !/^[-•*]/.test(line);
}
