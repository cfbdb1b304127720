import type { Section } from '../types.js';
import { isCapsHeading, isTitleHeading, looksLikeTitle, newLabelState, parseLabel, romanValue, type Label } from './labels.js';
import { indentOf } from '../text.js';
import { chapterNumberAt } from './clean.js';

export interface Segmented {
  /** Lines before the first section: title block, memo header, index terms. */
  front: string[];
  /** Signature block and dating lines ("BY ORDER OF", "Revised: …"), kept out of every section. */
  back: string[];
  sections: Section[];
}

const CLOSING = /^\s*(?:by order of|signature on file|approved by|authori[sz]ed by|issued by|signed)\b/i;
const DATING =
  /^\s*(?:effective(?: date)?|revised|revises|revision(?: date)?|expiration|expires|review(?: date| cycle)?|distribution|rescinds|amends|replaces|reviewed|index as|approved(?: by)?|issued by|date of issue|issue date|applies to|policy owner|related|employee acknowledgment required|adopted|supersedes)\s*:/i;
/** "- b. Comments – …": a lettered item written as a bullet still carries its label. */
const BULLETED_LABEL = /^\s*[-•\u2022]\s+(?=\(?(?:[a-z]|[ivx]{1,4})[.)]\s)/;

interface Open {
  section: Section;
  style: string;
  /** An unnumbered "PURPOSE" or "DEFINITIONS" heading before the numbering starts: the first numbered section closes it. */
  preamble?: boolean;
  /** Label path from the root, for ids like "III.C.9.b". */
  path: string[];
  paragraphs: string[][];
}

const BULLET = /^\s*(?:[•●▪◦■*–-]|o(?=\s))\s+/;

/**
 * Builds the section tree from cleaned lines. A numbering style seen before closes everything
 * opened after it (a sibling); a new style opens a child. Documents with no numbering are split
 * at their capitalised headings.
 */
export function segment(raw: string[]): Segmented {
  const lines = splitRunInItems(joinBareLabels(raw));
  const state = newLabelState();
  const roots: Section[] = [];
  const stack: Open[] = [];
  const front: string[] = [];
  // Each line's label read on its own, for the passes over the whole document.
  const alone = lines.map((l) => parseLabel(l, newLabelState()));
  // A document whose only numbers are a list after a lead-in ("… as listed: 1. … 2. …") is split at its headings.
  const numbered = alone.filter(isSectionLabel).length >= 3 && !onlyLists(lines, alone);
  // "1.   PURPOSE" over "1.1   This regulation …": a numbered heading whose paragraphs extend its number.
  // So is "3.  RECORDS SECURITY" over "3A.", and "III.  PROCEDURES" over "III-A".
  const extended = new Set(alone.filter((l, i) => l?.style === 'decimal-2' && !REFERENCE_WORD.test(lines[i - 1] ?? '')).map((l) => l!.value.match(/^(\d+)[A-Za-z]$|^([IVX]+)-[A-Z]$/)?.slice(1).find(Boolean) ?? parentNumber(l!.value)));
  let lastNumbered: number | undefined;
  // "PERSONAL USE" / "1. Department personnel are free…": capitalised headings whose lists start again at 1.
  const headed = numbered && headingsRestartLists(lines, alone);
  const contents = listedAgain(lines, alone);
  for (const i of contentsRun(lines, alone)) contents.add(i);
  // "III.  AUTHORIZATION OF COVERT ACCOUNTS ........ 1": a line with dot leaders to a page number is an entry of the contents.
  lines.forEach((l, i) => {
    if (DOT_LEADER.test(l)) contents.add(i);
  });
  const docNumber = documentNumber(alone);
  const colonHeadings = lines.filter((l) => COLON_HEADING.test(l)).length;
  // "Incidental Personal Use: Members may use …": a policy whose sections are Title Case headings run into their text.
  const titleColons = numbered ? 0 : lines.filter((l) => TITLE_COLON.test(l) && !FIELD_LABEL.test(l)).length;
  const leadIns = lines.filter((l) => BULLET_LEAD.test(l)).length;
  const colonsAlone = lines.filter((l) => TITLE_ALONE.test(l.trim())).length;
  // Whether the document numbers only lists, never its sections ("I.", "4.1"): then its headings are its sections.
  const listsOnly = alone.every((l, i) => !isSectionLabel(l) || (!l!.absolute && !l!.style.startsWith('roman')) || REFERENCE_WORD.test(lines[i - 1] ?? ''));

  /** Whether anything has been read yet: a heading on the first line with text is the title block's. */
  const begun = () => roots.length > 0 || front.length > 0;
  const close = (depth: number) => {
    while (stack.length > depth) finish(stack.pop()!);
  };
  const open = (label: Label | undefined, heading: string | undefined, body: string, preamble = false) => {
    const style = label?.style ?? 'heading';
    close(label && stack[0]?.preamble ? 0 : openDepth(stack, style));
    const parent = stack[stack.length - 1];
    const path = label && !label.absolute ? [...(parent?.path ?? []), label.value] : [label?.value ?? heading ?? ''];
    // Under an unnumbered heading, items read "PERSONAL USE 3.b": the heading, then the item's own numbers.
    const underHeading = label && !label.absolute && stack[0]?.style === 'heading' && parent;
    const id = !label ? (heading ?? '') : underHeading ? `${path[0]} ${path.slice(1).join('.')}` : path.join('.');
    // A heading over numbered rules titles them until the next heading, or until a higher level of numbering opens.
    if (pendingTitle && (!label || label.style !== pendingTitle.style || parentNumber(label.value) !== pendingTitle.parent)) pendingTitle = undefined;
    const runIn = !heading && label ? (runInHeading(body) ?? pendingTitle?.title) : undefined;
    const section: Section = { id, title: heading ? titleCase(heading) : (runIn ?? ''), text: '' };
    if (parent) (parent.section.children ??= []).push(section);
    else roots.push(section);
    const o: Open = { section, style, path, paragraphs: [[]], ...(preamble ? { preamble } : {}) };
    stack.push(o);
    if (body) addLine(o, body);
  };

  let pendingTitle: { title: string; style: string; parent: string } | undefined;
  const typical = typicalLineLength(lines);
  const back: string[] = [];
  let lastDecimal: string | undefined;
  let closing = false;
  let labelled = false;
  for (let i = 0; i < lines.length; i++) {
    // "PURPOSE" / "=======": a heading's underline is no text.
    const line = UNDERLINE.test(lines[i]!) ? '' : lines[i]!.replace(BULLETED_LABEL, '');
    // A signature block closes the document; the same words in a header block do not.
    closing ||= roots.length > 0 && (CLOSING.test(line) || signature(lines, i)) && lines.slice(i + 1).filter((l) => l.trim()).length <= 12;
    if (closing) {
      if (line.trim()) back.push(line.trim());
      continue;
    }
    if (DATING.test(line)) {
      (roots.length > 0 ? back : front).push(line.trim());
      continue;
    }
    // "16.3.3 Internal Blog…" in a table of contents before the body repeats it: an entry, not the section.
    const read = contents.has(i) || i === docNumber ? undefined : parseLabel(line, state);
    // "6.  DISPOSITION" after "5.3.": the next numbered heading, whether or not paragraphs extend it.
    const headingNumber = read?.style === 'arabic-dot' ? Number(read.value) : read?.style === 'roman-dot' ? romanValue(read.value) : undefined;
    // "7.Any member who discovers …" after "6.2": the next numbered paragraph of the document, not an item of 6.2,
    // unless a list numbered in that style is open.
    const inList = stack.some((o) => o.style === read?.style);
    const numberedHeading =
      headingNumber !== undefined &&
      (extended.has(read!.value) ? looksLikeTitle(read!.rest.trim(), true) : lastNumbered !== undefined && headingNumber === lastNumbered + 1 && (looksLikeTitle(read!.rest.trim(), true) || !inList));
    const label = numberedHeading ? { ...read!, style: 'decimal-1', absolute: true } : read && !read.absolute ? restartedList(read, stack) : read;
    if (numberedHeading) lastNumbered = headingNumber;
    // "•  PERSONAL USE – Members may carry …": a memo's bullets, each led by the heading it is cited by.
    const lead = !label && leadIns >= 3 ? BULLET_LEAD.exec(line) : null;
    if (lead && begun()) {
      close(0);
      open(undefined, lead[1]!.trim(), lead[2]!.trim());
      continue;
    }
    // "PURPOSE: To establish …", "PROCEDURE:" over "1. Account Issuance": an SOP's headings, each over its own text and steps.
    const colon = label ? null : ((colonHeadings >= 2 && listsOnly ? COLON_HEADING.exec(line) : null) ?? (titleColons >= 4 && !FIELD_LABEL.test(line) ? TITLE_COLON.exec(line) : null));
    if (colon && begun()) {
      const below = nextLabel(lines, i);
      if (!isSectionLabel(below) || (!below!.absolute && !below!.style.startsWith('roman'))) {
        close(0);
        open(undefined, colon[1]!.trim(), colon[2]!.trim());
        continue;
      }
    }
    if (!label && numbered && !headed && !labelled && PREAMBLE_HEADING.test(line) && begun()) {
      // "PURPOSE", "DEFINITIONS" before the first numbered section: headings of their own, closed when the numbering starts.
      close(0);
      open(undefined, line.trim(), '', true);
      continue;
    }
    if (isSectionLabel(label)) labelled = true;
    if (isSectionLabel(label) && wrappedReference(label!, lines[i - 1] ?? '', lastDecimal, line)) {
      // "…preserved as required by / 612.15. Members shall not…": a cross-reference that wrapped, not a new section.
      const top = stack[stack.length - 1];
      if (top) addLine(top, line);
      continue;
    }
    if (isSectionLabel(label) && inlineItemWrapped(label!, lines.slice(Math.max(0, i - 3), i))) {
      // "…provided that it (1) is brief, (2) does / not interfere …, / (3) results in no cost …": a run-in list that wrapped.
      const top = stack[stack.length - 1];
      if (top) addLine(top, line);
      continue;
    }
    if (isSectionLabel(label) && label!.absolute) lastDecimal = label!.value.replace(/^\D+/, '') || lastDecimal;
    if (isSectionLabel(label) && label!.style.endsWith('-paren') && COMPOUND_REST.test(label!.rest)) {
      // "(a)(1) Access …": (a) opens with no text of its own; "(1) Access …" is read next as a line of its own.
      open(label, undefined, '');
      lines[i] = label!.rest;
      i--;
      continue;
    }
    if (isSectionLabel(label)) {
      const rest = label!.rest.trim();
      const titled = looksLikeTitle(rest, label!.absolute);
      open(label, titled ? rest.replace(/[:.]$/, '') : undefined, titled ? '' : rest);
      continue;
    }
    // "Personal Use:" alone on its line over its paragraph: a policy whose headings close on a colon.
    if (!numbered && colonsAlone >= 3 && TITLE_ALONE.test(line.trim()) && begun()) {
      open(undefined, line.trim().replace(/\s*:$/, ''), '');
      continue;
    }
    if (!numbered && (isCapsHeading(line) || standsAlone(lines, i)) && begun() && !memoLine(lines, i)) {
      open(undefined, line.trim(), '');
      continue;
    }
    // "Telephones and Use of Other Communications Facilities" / "5.5 Except in an emergency, …": a heading line over a numbered rule.
    const ruleBelow = numbered && !label && !(headed && isCapsHeading(line)) ? ruleUnderHeading(lines, i) : undefined;
    if (ruleBelow) {
      pendingTitle = { title: isCapsHeading(line) ? titleCase(line.trim()) : line.trim(), style: ruleBelow.style, parent: parentNumber(ruleBelow.value) };
      continue;
    }
    // Not a title block's lines: "ASHFORD POLICE DEPARTMENT" over "SPECIAL ORDER 2024-03" over "TO: …".
    if (headed && isCapsHeading(line) && !label && !memoLine(lines, i) && !(roots.length === 0 && titleBlockLine(lines, i, alone))) {
      close(0);
      open(undefined, line.trim(), '');
      continue;
    }
    // "ATTACHMENT A – GUIDELINES FOR PERSONAL SOCIAL MEDIA": what follows is no part of the last numbered paragraph.
    // Not the list of them under "6.0 ATTACHMENTS": "Attachment A: Records Request Form (PHPD-117)".
    const listing = /^(?:attachments|appendices|exhibits|enclosures|forms)$/i.test(stack[stack.length - 1]?.section.title ?? '');
    if (numbered && !label && roots.length > 0 && ATTACHMENT.test(line) && !listing) {
      close(0);
      // Cited by its own name, "APPENDIX A", and its items by it: "APPENDIX A 3".
      const [, name, title] = line.trim().match(/^(\S+\s+\S+?)(?:\s*[-–—:.]\s*(\S.*))?$/)!;
      open({ style: 'attachment', value: name!, absolute: true, rest: title ?? '' }, title ?? name, '');
      continue;
    }
    // "Use of Personal Devices" / "You may carry your own phone on duty. …" between numbered rules: a section of its own,
    // cited by its heading. Not before a section has any text: a line there is its heading's remnant.
    const current = stack[stack.length - 1];
    const hasText = !current || current.paragraphs.some((p) => p.length > 0);
    if (numbered && !label && hasText && begun() && headsProse(lines, i)) {
      close(0);
      open(undefined, line.trim(), '', !labelled);
      continue;
    }
    // "PHOTOS AND VIDEO" over "Rule 12 - …": a part heading grouping the rules below it, no text of the rule before.
    if (numbered && !label && roots.length > 0 && isCapsHeading(line) && !(lines[i - 1] ?? '').trim() && isSectionLabel(nextLabel(lines, i))) continue;
    // A plain paragraph after a list item belongs to the item's section, not to the item.
    const last = stack[stack.length - 1];
    if (last && stack.length > 1 && isItemStyle(last.style) && line.trim() && !BULLET.test(line) && startsParagraph(lines[i - 1] ?? '', line, typical)) {
      close(stack.length - 1);
      // It is a paragraph of its own, not the end of the lead-in that opened the list.
      const parent = stack[stack.length - 1]!;
      if (parent.paragraphs[parent.paragraphs.length - 1]!.length > 0) parent.paragraphs.push([]);
    }
    const top = stack[stack.length - 1];
    if (top) addLine(top, line);
    else if (line.trim()) front.push(line.trim());
  }
  close(0);
  inheritTitles(roots, '');
  return { front, back, sections: roots };
}

/**
 * "… only as follows: (a) when a victim … asks; (b) when conferring …; and (c) inside the Health Center …": a list run
 * into its paragraph, each item cited by its letter. Every item goes on a line of its own, at the paragraph's indent, so
 * it reads as the lists laid out one item to a line do. The list opens on a colon with "(a)"; each next letter in turn
 * continues it until the paragraph ends.
 */
function splitRunInItems(lines: string[]): string[] {
  const out: string[] = [];
  let expected: string | undefined;
  for (const line of lines) {
    if (!line.trim()) {
      expected = undefined;
      out.push(line);
      continue;
    }
    const pad = line.slice(0, indentOf(line));
    let rest = line;
    for (;;) {
      const at = expected ? rest.slice(1).search(new RegExp(String.raw`(?<=\S\s+)\(${expected}\)\s+(?=[A-Za-z"“])`)) + 1 : rest.search(/(?<=:\s*)\(a\)\s+(?=[A-Za-z"“])/);
      // Not a header field's list: "REF:       (a) General Order 5-3".
      if (at <= 0 || !rest.slice(0, at).trim() || /^\s*[A-Z][A-Za-z.#/ ]{0,24}:\s*$/.test(rest.slice(0, at))) {
        // An item already at the line's start continues the list too.
        const lead = /^\s*\(([a-z])\)\s/.exec(rest);
        if (lead && (!expected || lead[1] === expected)) expected = String.fromCharCode(lead[1]!.charCodeAt(0) + 1);
        break;
      }
      const letter = rest[at + 1]!;
      out.push(rest.slice(0, at).replace(/\s+$/, ''));
      rest = pad + rest.slice(at);
      expected = String.fromCharCode(letter.charCodeAt(0) + 1);
    }
    out.push(rest);
  }
  return out;
}

/** "Cell Phones on the Dispatch Floor:" alone on its line: a heading in Title Case closed by a colon. */
const TITLE_ALONE = /^(?=(?:\S+\s+){0,7}\S+$)[A-Z][\w'’&/(),-]*(?:\s+(?:[A-Z0-9][\w'’&/(),-]*|and|or|of|the|a|an|to|in|on|for|with|by|at|from))*\s*:$/;

/** Dot leaders running to a page number: "PURPOSE ........ 1". */
const DOT_LEADER = /(?:\.{4,}|(?:\.\s){4,})\s*\d{1,3}\s*$/;

/**
 * Before the first section, a line of the title block rather than a heading: another capitalised line follows it, or
 * no numbered paragraph follows within three lines and it is none of the usual headings ("PURPOSE").
 */
function titleBlockLine(lines: string[], i: number, alone: (Label | undefined)[]): boolean {
  const j = nextWithText(lines, i);
  if (isCapsHeading(lines[j] ?? '')) return true;
  if (PREAMBLE_HEADING.test(lines[i]!)) return false;
  let k = i;
  for (let n = 0; n < 3; n++) {
    k = nextWithText(lines, k);
    if (isSectionLabel(alone[k])) return false;
  }
  return true;
}

/** "L. Ashby" over "Chief of Police", or "M. Okafor, Chief of Police": who signed, not a lettered paragraph. */
function signature(lines: string[], i: number): boolean {
  const t = lines[i]!.trim();
  if (SIGNED_WITH_OFFICE.test(t)) return true;
  if (!SIGNER_ALONE.test(t)) return false;
  return SIGNER_OFFICE.test(lines[nextWithText(lines, i)]?.trim() ?? '');
}

const SIGNER = String.raw`^[A-Z]\.\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?`;
const OFFICES = String.raw`(?:chief|sheriff|undersheriff|director|commander|captain|lieutenant|colonel|superintendent|commissioner|city manager|county administrator|administrator)\b`;
/** "M. Okafor, Chief of Police". */
const SIGNED_WITH_OFFICE = new RegExp(String.raw`${SIGNER},\s*(?:the\s+)?(?:deputy\s+|assistant\s+)?${OFFICES}`, 'i');
/** "L. Ashby", with the office on the line below. */
const SIGNER_ALONE = new RegExp(`${SIGNER}$`);
const SIGNER_OFFICE = new RegExp(`^${OFFICES}`, 'i');

/** "•  PERSONAL USE – Members may …": a bullet led by a heading in capitals and a dash. */
const BULLET_LEAD = /^\s*[•●▪◦■*]\s+([A-Z][A-Z0-9 ,&/'’()-]{2,60}?[A-Z)])\s+[-–—:]\s+(\S.*)$/;

/** "3.2.2.4" after "3.2.2.3": the same number with its last part one more. */
function nextInTurn(value: string, last: string): boolean {
  const c = value.split('.');
  const l = last.split('.');
  return c.length === l.length && c.length > 1 && c.slice(0, -1).join('.') === l.slice(0, -1).join('.') && ordinal(c[c.length - 1]!) === ordinal(l[l.length - 1]!) + 1;
}

/** A part's place in its sequence: "3" → 3, "c" → the letter's code (so "c" follows "b", "C" follows "B"). */
function ordinal(part: string): number {
  return /^[A-Za-z]$/.test(part) ? part.charCodeAt(0) : Number(part);
}

/** A line of "=====" or "-----" under a heading, or a rule across the page. */
const UNDERLINE = /^\s*(?:[=_]{3,}|-{3,})\s*$/;

/** What is left of "(a)(1) Access …" once "(a)" is read: a label of its own. */
const COMPOUND_REST = /^\([a-z0-9]{1,3}\)\s+\S/i;

/** A line closing on a word that a section number follows: "… Security Policy, Sec.", "as set out in Section". */
const REFERENCE_WORD = /(?:^|[\s,(])(?:sec|sect|section|sections|§|§§|para|paragraph|art|article|rule|no)\.?\s*$/i;

/** "PROCEDURE:", "PURPOSE: To establish …": a standard heading of an SOP, closed by a colon, its text on the same line or below. */
const COLON_HEADING =
  /^\s*((?:PURPOSE|POLICY|POLICY STATEMENT|SCOPE|APPLICABILITY|BACKGROUND|DISCUSSION|DEFINITIONS?|PROCEDURES?|RESPONSIBILIT(?:Y|IES)|REFERENCES?|ENFORCEMENT|VIOLATIONS?|SANCTIONS|TRAINING|GUIDELINES|RULES|ATTACHMENTS?|FORMS)(?: AND [A-Z]+)?)\s*:\s*(.*)$/;

/** "Body-Worn Camera Activation: Officers shall …": a Title Case heading at a line's start, a colon, then its first sentence. */
const TITLE_COLON = /^(?=[^:]*[a-z])((?:[A-Z][\w'’/-]*)(?:\s+(?:[A-Z][\w'’/-]*|and|or|of|the|for|to|in|on|a|an|&)){0,6})\s*:\s+([A-Z"“](?:\S*\s+){0,3}?\S*\b[a-z]{2,}\b(?:\S*\s+){0,3}?\S*\b[a-z]{2,}\b(?:\S*\s+){0,3}?\S*\b[a-z]{3,}\b.*)$/;
/** A header block's labelled field ("SUBJECT:", "Effective Date:", "Approved by:"), not a heading. */
const FIELD_LABEL = /^(?:to|from|date|subject|re|cc|bcc|attn|memo|number|no|pages?|distribution|supersedes|rescinds|amends|replaces|related|references?|review(?: date)?|effective(?: date)?|approved(?: by)?|issued(?: by)?|authority|index|chapter|section|page)\s*:/i;

/** The unnumbered headings a numbered order opens with. */
const PREAMBLE_HEADING =
  /^\s*(?:PURPOSE|POLICY|POLICY STATEMENT|STATEMENT OF POLICY|SCOPE|PURPOSE AND SCOPE|APPLICABILITY|BACKGROUND|DISCUSSION|DEFINITIONS?|REFERENCES?|PROCEDURES?|AUTHORITY)\s*:?\s*$/;

/**
 * Lines whose decimal label ("16.3.3 Internal Blog") opens a later line again: the earlier ones are entries of a table
 * of contents, not the sections.
 */
function listedAgain(lines: string[], labels: Array<Label | undefined>): Set<number> {
  const last = new Map<string, number>();
  const at: Array<[number, string]> = [];
  labels.forEach((label, i) => {
    if (!label?.absolute || decimalDepth(label.style) === 0) return;
    // "… in accordance with" / "3.1.2. Supervisors shall also …": a reference wrapped mid-sentence repeats no heading.
    const previous = previousText(lines, i);
    if (at.length > 0 && /[a-z,]$/.test(previous.trim()) && !isSectionLabel(parseLabel(previous, newLabelState()))) return;
    last.set(label.value, i);
    at.push([i, label.value]);
  });
  return new Set(at.filter(([i, value]) => last.get(value)! > i).map(([i]) => i));
}

/**
 * "I. ILLINOIS STATUTORY RESTRICTIONS / II. PROCEDURES / III. …" listed one after another, with nothing but blank
 * lines between them, each heading repeated later where its text begins: a table of contents.
 */
function contentsRun(lines: string[], labels: Array<Label | undefined>): number[] {
  const out: number[] = [];
  const key = (l: Label) => `${l.style}|${l.value}|${l.rest.trim().replace(/[:.]$/, '').toLowerCase()}`;
  const last = new Map<string, number>();
  labels.forEach((m, j) => {
    if (m && isSectionLabel(m)) last.set(key(m), j);
  });
  const later = (i: number, l: Label) => (last.get(key(l)) ?? -1) > i;
  let run: number[] = [];
  // "V." read alone is a letter; after "IV." it is a numeral of the same list.
  const sameList = (a: Label, b: Label) => a.style === b.style || (/^[IVXLC]$/.test(b.value) && b.style === a.style.replace(/^roman-/, 'upper-'));
  const flush = () => {
    if (run.length >= 3) out.push(...run);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = labels[i];
    if (!lines[i]!.trim()) continue;
    const titled = l && isSectionLabel(l) && looksLikeTitle(l.rest.trim().replace(/[:.]$/, ''), l.absolute);
    // Once a run is under way, the entries whose headings the body words differently belong to it too.
    const prev = run.length > 0 ? labels[run[run.length - 1]!] : undefined;
    // The body's first heading repeats the first entry: the contents have ended.
    const again = titled && run.some((j) => labels[j]!.value === l!.value && labels[j]!.style === l!.style);
    if (again) flush();
    else if (titled && (later(i, l!) || (run.length >= 3 && sameList(prev!, l!)))) {
      if (prev && !sameList(prev, l!) && !sameList(l!, prev)) flush();
      run.push(i);
    } else flush();
  }
  flush();
  return out;
}

/**
 * "20-062   OPS-09" in a directive's header block: a number of the document's own, not a section, when it is the first
 * label, no other line is numbered in its style, and the numbering that follows is another style.
 */
function documentNumber(labels: Array<Label | undefined>): number | undefined {
  const first = labels.findIndex(isSectionLabel);
  const label = labels[first];
  if (first < 0 || !label?.absolute) return undefined;
  const same = labels.filter((l) => isSectionLabel(l) && l!.style === label.style).length;
  // "ARTICLE 9 / USE OF TECHNOLOGY" over "Rule 1.", "Rule 2.", …: the article is the document, its rules the sections.
  if (label.style.startsWith('word-')) {
    const rules = labels.filter((l) => isSectionLabel(l) && l!.style.startsWith('word-') && l!.style !== label.style).length;
    // "Chapter 8     Evidence, Records …" in a header block over "I. PURPOSE", "II. POLICY": the chapter the policy is filed in.
    const outline = labels.filter((l) => isSectionLabel(l) && l!.style.startsWith('roman-')).length;
    // "PART 1 - TECHNOLOGY, SOCIAL MEDIA AND RECORDINGS" in a title block over rules "101.", "102.": the part of the manual it is.
    const numbered = labels.filter((l) => isSectionLabel(l) && l!.style.startsWith('arabic-')).length;
    return same === 1 && (rules >= 3 || outline >= 3 || numbered >= 6) && /^(?:article|chapter|part)\b/i.test(label.value) ? first : undefined;
  }
  // "OPER.11 POLICY" over "OPER.11.5 …" heads the sections that extend its number.
  const extended = labels.some((l) => isSectionLabel(l) && l!.absolute && l!.value !== label.value && /^[.-]/.test(l!.value.slice(label.value.length)) && l!.value.startsWith(label.value));
  const others = labels.filter((l) => isSectionLabel(l) && l!.style !== label.style).length;
  return same === 1 && !extended && others >= 3 ? first : undefined;
}

/**
 * A document laid out as capitalised headings ("PERSONAL USE", "REPORTING VIOLATIONS"), each with its own
 * numbered list: at least two headings are followed by a list that starts again at its first number.
 */
function headingsRestartLists(lines: string[], labels: Array<Label | undefined>): boolean {
  const seen = new Set<string>();
  let afterHeading = false;
  let restarts = 0;
  for (const [i, line] of lines.entries()) {
    const label = labels[i];
    if (isSectionLabel(label)) {
      if (afterHeading && seen.has(label!.style) && FIRST_VALUES.has(label!.value)) restarts++;
      seen.add(label!.style);
      afterHeading = false;
    } else if (isCapsHeading(line)) afterHeading = true;
  }
  return restarts >= 2;
}

const FIRST_VALUES = new Set(['1', 'a', 'A', 'I', 'i']);

/**
 * Whether every run of numbered lines follows a lead-in ("Employees shall report the following as listed:"): the
 * numbers are a list's, not the document's sections.
 */
function onlyLists(lines: string[], alone: (Label | undefined)[]): boolean {
  const styles = new Set(alone.filter(isSectionLabel).map((l) => l!.style));
  if (styles.size !== 1 || alone.some((l) => isSectionLabel(l) && l!.absolute)) return false;
  let runs = 0;
  for (let i = 0; i < lines.length; i++) {
    const label = alone[i];
    if (!isSectionLabel(label) || !FIRST_VALUES.has(label!.value)) continue;
    if (!/:\s*$/.test(previousText(lines, i))) return false;
    runs++;
  }
  return runs > 0;
}

/** "SPECIAL ORDER 19-04" over "TO: / FROM: / RE:", or typist's initials "DRW/kl": a memo's own lines, no heading. */
function memoLine(lines: string[], i: number): boolean {
  if (/^\s*[A-Z]{2,4}\/[a-z]{2,4}\s*$/.test(lines[i]!)) return true;
  const j = nextWithText(lines, i);
  return j < lines.length && /^\s*(?:TO|FROM|DATE|RE|SUBJECT|CC|THROUGH|THRU|VIA)\s*:\s+\S/i.test(lines[j]!);
}

/** "5.4" → "5": the number a decimal label is part of. */
function parentNumber(value: string): string {
  return value.replace(/[.-]?[^.-]*$/, '');
}

/**
 * The label of the numbered rule right below line `i`, when that line is a Title Case heading after a finished
 * sentence and the rule has no title of its own.
 */
function ruleUnderHeading(lines: string[], i: number): Label | undefined {
  const before = (lines[i - 1] ?? '').trim();
  // "Storage and Access" / blank / "005  Access to …", "RESTRICTIONS" / blank / "7)  Members may …": a heading set
  // apart by blank lines over the rules it groups, numbered on through the document.
  const apart = !before && !(lines[i + 1] ?? '').trim();
  if (!isTitleHeading(lines[i]!) || (isCapsHeading(lines[i]!) && before)) return undefined;
  if (before && !/[.:;)]$/.test(before) && !isSectionLabel(parseLabel(before, newLabelState()))) return undefined;
  const label = parseLabel(lines[apart ? nextWithText(lines, i) : i + 1] ?? '', newLabelState());
  return isSectionLabel(label) && !looksLikeTitle(label!.rest.trim(), label!.absolute) ? label : undefined;
}

/** A numbering label alone on its line: "I.", "A.", "(1)", "1060.4", "Section 5". */
const BARE_LABEL = /^\s*(?:\(?(?:[IVXLC]{1,6}|[A-Za-z]|[ivx]{1,4}|\d{1,3})[.)]|\d{1,5}(?:\.\d{1,3})+\.?|(?:section|article|chapter|part|rule|§|sec\.)\s*[0-9IVXLC]+(?:[-.][0-9]+)*\.?)\s*$/i;

/**
 * "I." / blank / "PURPOSE", "A." / blank / "County Computer System - …": extraction put the label on a line of
 * its own; it goes back in front of the text it numbers.
 */
function joinBareLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const j = nextWithText(lines, i);
    const next = lines[j];
    // "2" / "Social Media" / "2.1": a chapter's number alone over its heading and its first section.
    const chapter = chapterNumberAt(lines, i);
    if (chapter) {
      out.push(`${chapter}   ${next!.trim()}`);
      i = j;
      continue;
    }
    if (!BARE_LABEL.test(line)) {
      out.push(line);
      continue;
    }
    // "… under Sec. 6.04 or" / "Sec. 6.09.": a reference that wrapped onto a line of its own ends its sentence.
    const runsOn = i > 0 && lines[i - 1]!.trim() !== '' && !/[.;:!?]$/.test(lines[i - 1]!.trim());
    if (next === undefined || runsOn || BARE_LABEL.test(next) || parseLabel(next, newLabelState())) {
      out.push(line);
      continue;
    }
    out.push(`${line.trim()} ${next.trim()}`);
    i = j;
  }
  return out;
}

/**
 * "(3)" opening a line whose previous line runs on unfinished and names "(2)" inside it: the third item of a
 * list written into a sentence, not a new paragraph.
 */
function inlineItemWrapped(label: Label, previous: string[]): boolean {
  if (label.absolute) return false;
  const last = previous[previous.length - 1]?.trim() ?? '';
  if (!last || /[.;:]$/.test(last)) return false;
  const v = label.value;
  const prior = /^\d+$/.test(v) ? String(Number(v) - 1) : /^[a-z]$/i.test(v) ? String.fromCharCode(v.charCodeAt(0) - 1) : undefined;
  if (!prior || prior === '0') return false;
  // The lines of the paragraph so far, back to a blank line.
  const paragraph: string[] = [];
  for (let k = previous.length - 1; k >= 0 && previous[k]!.trim(); k--) paragraph.unshift(previous[k]!.trim());
  return paragraph.some((l) => l.indexOf(`(${prior})`) > 0);
}

/**
 * A decimal number at the start of a line that continues a sentence ("as required by" / "612.15. Members …") and
 * does not follow from the last number (its next sibling, a close one after a gap, or its first child) is a
 * reference that wrapped, not a heading.
 */
function wrappedReference(label: Label, previous: string, last: string | undefined, line = ''): boolean {
  // "… except as provided in section" / "     5.2. An officer who finds …": a number a reference word asks for, at the
  // indent of the paragraph it runs on in, where the sections' own numbers stand further out.
  if (REFERENCE_WORD.test(previous) && indentOf(line) > 0 && indentOf(line) === indentOf(previous)) return true;
  // "3.2.2.3 information …; and" / "3.2.2.4 the identity of …": the next number in turn is an item, however it reads.
  if (last && nextInTurn(label.value, last) && !/^(?:and|or|through|thru|to|of|in|above|below|shall|may)\b|^[;,)]/.test(label.rest.trim())) return false;
  // "… CJIS Security Policy, Sec." / "5.10 (System and Communications Protection).": the number a reference word asks for.
  if (label.absolute && /^\d/.test(label.value) && REFERENCE_WORD.test(previous)) return true;
  // "… permitted personal use under Section" / "IV.B. When using social media …": so is a whole outline path.
  if (label.written && REFERENCE_WORD.test(previous)) return true;
  // "… subject to" / "200.14.07 and 200.14.08.", "… approved under" / "Rule 11; and": no heading reads on like that.
  if (label.absolute && /[A-Za-z,]$/.test(previous.trim()) && /^(?:[a-z]|[;,)])/.test(label.rest.trim())) return true;
  if (decimalDepth(label.style) === 0 || !last || !/[A-Za-z,]$/.test(previous.trim())) return false;
  // A heading line ("Section 3. General Principles") ends in a letter too, and is followed by its first paragraph.
  const heading = parseLabel(previous, newLabelState());
  if ((isSectionLabel(heading) && looksLikeTitle(heading!.rest.trim(), heading!.absolute)) || isTitleHeading(previous)) return false;
  const c = label.value.split(/[.-]/).map(Number);
  const l = last.split(/[.-]/).map(Number);
  if (c.length === l.length + 1) return !(c.slice(0, -1).every((x, k) => x === l[k]) && c[c.length - 1]! <= 2);
  if (c.length > l.length + 1) return true;
  const k = c.length - 1;
  const step = c[k]! - l[k]!;
  return !(c.slice(0, k).every((x, j) => x === l[j]) && step >= 1 && step <= 3);
}

/** "(f) Damage and malfunction. A member whose …": a paragraph's own short heading, run into its first line. */
function runInHeading(body: string): string | undefined {
  const m = body.match(/^([A-Z][A-Za-z'’/&,\- ]{2,60}?)\.\s+(?=[A-Z"“])/);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  if (words.length > 7 || /\b(?:shall|may|must|will|should|is|are|can|was|were|has|have|does|do)\b/i.test(m[1]!)) return undefined;
  return m[1]!.trim();
}

/**
 * "4. Body-Worn Cameras" / "A. Issuance and Inspection" / "1. Each sworn officer …": a number that starts again at 1
 * under a lettered part of a numbered section is that part's list, not the section after 4; so are the numbers that
 * follow it, until one continues the sections' own count ("5. Campus Video") and reads as a heading.
 */
function restartedList(label: Label, stack: Open[]): Label {
  if (!/^arabic-/.test(label.style) || !/^\d+$/.test(label.value)) return label;
  const nested = `${label.style}-list`;
  const value = Number(label.value);
  const last = (o: Open | undefined) => Number(o?.path[o.path.length - 1]);
  const ancestor = stack.findIndex((o) => o.style === label.style);
  const list = stack.find((o) => o.style === nested);
  const nextSection = ancestor >= 0 && value === last(stack[ancestor]) + 1;
  if (list && value === last(list) + 1 && !(nextSection && looksLikeTitle(label.rest.trim()))) return { ...label, style: nested };
  if (ancestor >= 0 && ancestor < stack.length - 1 && value === 1 && last(stack[ancestor]) >= 1 && !stack[ancestor + 1]!.style.startsWith(label.style)) return { ...label, style: nested };
  return label;
}

/** How many open sections stay open when a section of this style starts. */
function openDepth(stack: Open[], style: string): number {
  const decimal = decimalDepth(style);
  if (decimal > 0) {
    // Decimal numbers say their own depth: 1058.4.1 belongs under 1058.4 whatever lists came between.
    for (let k = stack.length - 1; k >= 0; k--) {
      const d = decimalDepth(stack[k]!.style);
      if ((d > 0 && d < decimal) || stack[k]!.style.startsWith('word-')) return k + 1;
    }
    return 0;
  }
  const at = stack.findIndex((o) => o.style === style);
  return at >= 0 ? at : stack.length;
}

function decimalDepth(style: string): number {
  return style.startsWith('decimal-') ? Number(style.slice('decimal-'.length)) : 0;
}

/** The heading of an attachment to an order: "ATTACHMENT A – GUIDELINES …", "Appendix 2". */
const ATTACHMENT = /^\s*(?:attachment|appendix|exhibit|addendum|annex|enclosure)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b(?:\s*[-–—:.]\s*\S.*)?$/i;

/** The last line with text before line `i`, or "" when there is none. */
function previousText(lines: string[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim()) return lines[j]!;
  return '';
}

/** The index of the next line with text after line `i` (`lines.length` when there is none). */
function nextWithText(lines: string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && !lines[j]!.trim()) j++;
  return j;
}

/** The label of the next line with text after line `i`, read on its own. */
function nextLabel(lines: string[], i: number): Label | undefined {
  const j = nextWithText(lines, i);
  return j < lines.length ? parseLabel(lines[j]!, newLabelState()) : undefined;
}

/** A Title Case heading standing alone over a paragraph of prose, not over a numbered rule or another heading. */
function headsProse(lines: string[], i: number): boolean {
  const next = lines[i + 1] ?? '';
  if (!standsAlone(lines, i) || isCapsHeading(lines[i]!) || (next.trim() !== '' && !BULLET.test(next))) return false;
  const j = nextWithText(lines, i);
  if (j >= lines.length || parseLabel(lines[j]!, newLabelState()) || isTitleHeading(lines[j]!) || isCapsHeading(lines[j]!)) return false;
  const paragraph: string[] = [];
  for (let k = j; k < lines.length && lines[k]!.trim(); k++) paragraph.push(lines[k]!.trim());
  const text = paragraph.join(' ');
  return /^(?:[A-Z"“]|[-•\u2022] )/.test(text) && /[.:]/.test(text) && text.length >= 30;
}

/**
 * A Title Case line with blank lines around it is a heading in a document without numbering. So are two
 * stacked over a paragraph, a group's heading and its first section's: "Electronic Devices" /
 * "Personal Devices in Secure Areas" / "Staff shall not carry …".
 */
function standsAlone(lines: string[], i: number): boolean {
  const before = (lines[i - 1] ?? '').trim();
  const after = (lines[i + 1] ?? '').trim();
  if (!isTitleHeading(lines[i]!)) return false;
  if (before === '' && (after === '' || !isTitleHeading(after))) return true;
  return before === '' ? stackedOverProse(lines, i + 1) : (lines[i - 2] ?? '').trim() === '' && isTitleHeading(before) && stackedOverProse(lines, i);
}

/** Line `i`, a Title Case line under another, heads a paragraph of prose on the very next line. */
function stackedOverProse(lines: string[], i: number): boolean {
  const next = (lines[i + 1] ?? '').trim();
  return isTitleHeading(lines[i]!) && next !== '' && !isTitleHeading(next) && !isCapsHeading(next) && /^[A-Z"“]/.test(next) && !parseLabel(next, newLabelState());
}

function isItemStyle(style: string): boolean {
  return /^(lower|arabic|lroman)-(paren|close)$/.test(style) || style === 'lower-dot';
}

function startsParagraph(previous: string, line: string, typical: number): boolean {
  const prev = previous.trim();
  if (!prev) return true;
  return /[.!?:]$/.test(prev) && prev.length < 0.8 * typical && /^[A-Z"']/.test(line.trim());
}

/** The length a hard-wrapped document wraps at (its long lines); one-paragraph-per-line text gives a large value. */
function typicalLineLength(lines: string[]): number {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 80;
}

function isSectionLabel(label: Label | undefined): boolean {
  return Boolean(label && label.rest.trim().length > 0);
}

function addLine(o: Open, line: string): void {
  const t = line.trim();
  if (!t) {
    if (o.paragraphs[o.paragraphs.length - 1]!.length > 0) o.paragraphs.push([]);
    return;
  }
  if (BULLET.test(t)) {
    o.paragraphs.push([`- ${t.replace(BULLET, '')}`]);
    return;
  }
  const current = o.paragraphs[o.paragraphs.length - 1]!;
  // A bullet continues on the next line until a blank line or a new bullet.
  current.push(t);
}

function finish(o: Open): void {
  const paras = o.paragraphs.filter((p) => p.length > 0).map((p) => p.join(' ').replace(/\s+/g, ' '));
  let text = '';
  for (const p of paras) text += text ? (p.startsWith('- ') ? `\n${p}` : `\n\n${p}`) : p;
  o.section.text = text;
}

/** Untitled numbered paragraphs take the title of their nearest titled ancestor. */
function inheritTitles(sections: Section[], parentTitle: string): void {
  for (const s of sections) {
    if (!s.title) s.title = parentTitle || firstWords(s.text);
    inheritTitles(s.children ?? [], s.title);
  }
}

function firstWords(text: string): string {
  const words = text.replace(/^- /, '').split(/\s+/).slice(0, 6).join(' ');
  return words.replace(/[.,;:]$/, '') || 'Untitled';
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s.trim();
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^|[\s(/-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase())
    .replace(/(?<!(?:Attachment|Appendix|Exhibit|Annex|Part|Article|Section|Chapter) )\b(And|Or|Of|The|A|An|To|In|On|For|With|By)\b(?!$)/g, (w, _x, offset: number) => (offset === 0 ? w : w.toLowerCase()))
    .replace(/\b(It|Pio|Cjis|Cji|Ncic|Slets|Mdt|Mdc|Mdm|Usb|Bwc|Gps|Vpn|Rms|Cad|Dems|Byod|Tac)\b/g, (w) => w.toUpperCase());
}
