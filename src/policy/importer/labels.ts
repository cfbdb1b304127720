/** Recognises the numbering labels that open a section line: "III.", "C.", "4.", "b.", "(ii)", "1058.4", "Section 5.", "ARTICLE III". */

export interface Label {
  /** Numbering style; sections of one style are siblings. Decimal styles carry their depth. */
  style: string;
  /** The label as it reads in the section id: "III", "C", "b", "1058.4", "Section 5". */
  value: string;
  /** True when the id is the label alone (decimal and section numbers), not the path of labels. */
  absolute: boolean;
  rest: string;
  /** The whole path as written ("I.A", "II.B.3"), where the label is its last part. */
  written?: string;
}

const ROMAN = /^(?=[IVXLC]+\b)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const LOWER_ROMAN = /^(?=[ivxlc]+\b)(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

export function romanValue(s: string): number {
  const map: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const v = map[lower[i]!] ?? 0;
    const next = map[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** What came last in each style, to tell roman "I"/"V"/"X" from letters and "i" from a letter i. */
export interface LabelState {
  last: Map<string, string>;
}

export function newLabelState(): LabelState {
  return { last: new Map() };
}

/** "2   Social Media": a bare number, a wide gap and a heading of capitalised words. */
const BARE_TITLE = /^(\d{1,2})\s{3,}((?:[A-Z][\w'&/-]*)(?:,?\s(?:[A-Z][\w'&/-]*|and|or|of|the|for|to|in|on|a|an)){0,7})$/;

export function parseLabel(line: string, state: LabelState): Label | undefined {
  const t = line.trim();
  let m = t.match(/^(section|article|chapter|part|rule|paragraph|standard|§|sec\.|sect\.|art\.|para\.|sec(?=\s))\s*([0-9]+(?:[-.][0-9]+)*|[IVXLC]+|(?<=^part\s+)[A-H](?=\s*(?:[-–—:.]|$)))\b[.:]?\s*[-–—:.]?\s*(.*)$/i);
  // "section 3(c)." at a line's start is a reference that wrapped there: a heading capitalises its word.
  if (m && /^[a-z]/.test(m[1]!)) m = null;
  // "Article V (Outside Employment) and Articles I through III … are published separately": prose naming articles.
  if (m && /^\([^)]{1,60}\)\s+(?:and|or|through|of|is|are|was|were|to|in)\b/.test(m[3]!)) m = null;
  if (m) {
    const written = m[1]!.toLowerCase();
    // "Sec. 12-4." keeps the document's own abbreviation; "§ 5" reads "Section 5", "Sec 4" "Sec. 4".
    const word = written === '§' ? 'Section' : written === 'sec' ? 'Sec.' : written.endsWith('.') ? cap(written) : cap(m[1]!);
    // "§ 9-6.1" under "§ 9-6.": a dotted number is a level deeper than the one it extends.
    const parts = m[2]!.replace(/\.$/, '').split('.').length;
    const style = `word-${word.toLowerCase().replace(/\.$/, '')}${parts > 1 ? `-${parts}` : ''}`;
    // "SECTION III – DEFINITIONS": a roman section is cited by its numeral, "III.B.2.a", as an outline's would be.
    // "ARTICLE II" likewise.
    const value = (word === 'Section' || word === 'Article') && /^[IVXLC]+$/.test(m[2]!) ? m[2]! : `${word} ${m[2]!.replace(/\.$/, '')}`;
    return { style, value, absolute: true, rest: m[3]! };
  }
  // "¶ 2  Employees shall not post …": a numbered paragraph, an item of the heading above it.
  m = t.match(/^¶\s*(\d{1,3})\.?\s+(\S.*)$/);
  if (m) return { style: 'pilcrow', value: m[1]!, absolute: false, rest: m[2]! };
  // "R4.07 Use of Personal Electronic Devices.", "R4.07.2 …": a rule letter run into its decimal number.
  m = t.match(/^([A-Z]{1,3}\d{1,3}(?:\.\d{1,3})+)\.?\s+([A-Z(].*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length}`, value: m[1]!, absolute: true, rest: m[2]! };
  // "A1.   Purpose.", "A3.1  Body-worn camera …", "B2.1(a)  Calls for service": a part's letter run into its numbers.
  m = t.match(/^([A-Z]\d{1,2}(?:\.\d{1,3})*)((?:\([a-z0-9]{1,3}\))*)(\.?)\s+([A-Z(“"].*)$/);
  if (m && (m[1]!.includes('.') || m[2] || m[3])) {
    const value = [m[1]!, ...parenItems(m[2]!)].join('.');
    return { style: `decimal-${value.split('.').length}`, value, absolute: true, rest: m[4]! };
  }
  // "3A.  Access to the Records Management System …", "4B(1)  The names …": a paragraph lettered after its number.
  // So are "3b. Members shall not post …" and "3b(1) any Recording, in whole or in part;".
  m = t.match(/^(\d{1,3}[A-Z])((?:\(\d{1,3}\))*)(\.?)\s+([A-Z(“"].*)$/) ?? t.match(/^(\d{1,3}[a-z])((?:\(\d{1,3}\))*)(\.?)\s+(\S.*)$/);
  if (m && (m[2] || m[3])) {
    const value = [m[1]!, ...parenItems(m[2]!)].join('.');
    return { style: `decimal-${value.split('.').length + 1}`, value, absolute: true, rest: m[4]! };
  }
  // "II-A     Mobile data terminal …", "III-A-1  Officers shall log on …": a roman outline written with dashes.
  m = t.match(/^((?:[IVX]{1,4})-[A-Z](?:-\d{1,3})?)\s+([A-Z(“"].*)$/);
  if (m && ROMAN.test(m[1]!.split('-')[0]!)) return { style: `decimal-${m[1]!.split('-').length}`, value: m[1]!, absolute: true, rest: m[2]! };
  // "3-07/210.05 Software Installation": a manual's volume-chapter/section number, one level of sections.
  m = t.match(/^(\d{1,2}-\d{1,3}\/\d{2,4}\.\d{2})\.?\s+(.*)$/);
  if (m) return { style: 'decimal-1', value: m[1]!, absolute: true, rest: m[2]! };
  // "OM 12-3.4   Personal Accounts. …": a manual's code, then its chapter-section-paragraph number.
  m = t.match(/^([A-Z]{2,6}\s+\d{1,3}-\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S.*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length + 1}`, value: m[1]!.replace(/\s+/, ' '), absolute: true, rest: m[2]! };
  // "R6-3  USE OF OFFICE SYSTEMS", "R6-4.2  Members shall not …": a rule letter run into its chapter, then the rule's numbers.
  m = t.match(/^([A-Z]{1,3}\d{1,3}-\d{1,3}(?:\.\d{1,3})*)((?:\([a-z0-9]{1,3}\))*)\.?\s+([A-Z(“"].*)$/);
  if (m) {
    const value = [m[1]!, ...parenItems(m[2]!)].join('.');
    return { style: `decimal-${value.split('.').length + 1}`, value, absolute: true, rest: m[3]! };
  }
  // "14-3-2 Definitions.", "14-3-3.1 …": chapter-article-section numbers, all dashed.
  m = t.match(/^(\d{1,3}-\d{1,3}-\d{1,3}(?:\.\d{1,3})*)\.?\s+([A-Z(“"].*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length + 2}`, value: m[1]!, absolute: true, rest: m[2]! };
  // "1-A   Purpose. This chapter governs …", "3-B(2)": a part's number, then its paragraph's letter.
  m = t.match(/^(\d{1,2}-[A-Z])((?:\(\d{1,2}\))*)\.?\s+([A-Z(“"].*)$/);
  if (m) {
    const value = [m[1]!, ...parenItems(m[2]!)].join('.');
    return { style: `decimal-${value.split('.').length + 1}`, value, absolute: true, rest: m[3]! };
  }
  // "SOP 12.1 Purpose and Scope": the procedure's code before each section number, cited by the number.
  m = t.match(/^(?:SOP|SOG|GO|G\.O\.|SO|OP|AP)\s+(\d{1,4}(?:\.\d{1,3})+)\.?\s+([A-Z(“"].*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length}`, value: m[1]!, absolute: true, rest: m[2]! };
  // "1 - GENERAL", "2 – ACTIVATION": a part's number and its heading in capitals, over paragraphs "2-1", "2-2".
  m = t.match(/^(\d{1,2})\s+[-–—]\s+([A-Z][A-Z0-9 ,&/'()-]{2,70})$/);
  if (m && /[A-Z]{3}/.test(m[2]!)) return { style: 'decimal-1', value: m[1]!, absolute: true, rest: m[2]! };
  // "7-1 Purpose", "7-3.1 Each member…": chapter-section numbers, depth from the dotted parts.
  m = t.match(/^(\d{1,3}-\d{1,3}(?:\.\d{1,3})*)\.?\s+(.*)$/);
  if (m && !/^\d+-\d+\s*(%|percent|hours?|days?|miles?|years?|minutes?)/i.test(t)) {
    const depth = m[1]!.split('.').length + 1;
    return { style: `decimal-${depth}`, value: m[1]!, absolute: true, rest: m[2]! };
  }
  // "OPER.11.5   VIEWING DIGITALLY RECORDED DATA", "ADM-3.2 Purpose", "P-4.2 Personal Use": a series code, then decimal numbers.
  m = t.match(/^([A-Z]{2,6}[.-]\d{1,4}(?:\.\d{1,3})*|[A-Z]-\d{1,4}(?:\.\d{1,3})*)\.?\s+([A-Z(].*)$/);
  if (m) {
    const depth = m[1]!.split(/[.-]/).length;
    return { style: `decimal-${depth}`, value: m[1]!, absolute: true, rest: m[2]! };
  }
  // "7.3a The recording shall begin …": an item lettered after its paragraph's number, cited 7.3.a.
  m = t.match(/^(\d{1,3}(?:\.\d{1,3})+)([a-z])\.?\s+([A-Z(“"].*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length + 1}`, value: `${m[1]!}.${m[2]!}`, absolute: true, rest: m[3]! };
  // "4.2Members shall not:", "3.2\"Criminal justice information\"": a label run into its text, as some exports leave it.
  m = t.match(/^(\d{1,5}(?:\.\d{1,3})+)((?:\([a-z0-9]{1,3}\))*)[.:]?(?:\s+|(?=["“][A-Z]|[A-Z][a-z]))(.*)$/);
  // "4.2 or 4.3 of this order shall be forwarded …": a reference that wrapped to a line's start, not a label.
  if (m && /^(?:or|and|of|through|to|above|below|applies|apply|shall|is|are)\b/.test(m[3]!)) m = null;
  if (m && !/^\d+\.\d+\s*(%|percent|hours?|days?|miles?)/i.test(t)) {
    // "300.2(a)   Members shall use plain language …": the item of 300.2, cited 300.2.a.
    const value = [m[1]!, ...parenItems(m[2]!)].join('.');
    return { style: `decimal-${value.split('.').length}`, value, absolute: true, rest: m[3]! };
  }
  // "I.A  Personal devices shall …", "II.B.3 …", "A.1  This policy governs …": an outline's whole path from a roman
  // numeral or a part's letter, read as its last label under the ones before it. Not "I.T. staff", "U.S. Department",
  // nor a reference "IV.F (Transit System Video)".
  m = t.match(/^((?:[IVX]{1,4}\.[A-Z]|[A-Z]\.\d{1,3})(?:\.(?:[A-Z]|[a-z]|\d{1,3}))*)\.?\s+([A-Z“"].*)$/);
  if (m && m[1] !== 'I.T' && (!/^[IVX]+\./.test(m[1]!) || ROMAN.test(m[1]!.split('.')[0]!))) {
    const last = m[1]!.split('.').pop()!;
    const style = /^\d+$/.test(last) ? 'arabic-dot' : /^[a-z]$/.test(last) ? 'lower-dot' : 'upper-dot';
    state.last.set(style, last);
    return { style, value: last, absolute: false, rest: m[2]!, written: m[1]! };
  }
  // "4.A.   AGENCY INFORMATION SYSTEMS", "4.A.1.a.  the use occurs …": an outline's whole path, letters and numbers dotted.
  m = t.match(/^(\d{1,3}(?:\.(?:[A-Z]|[a-z]|\d{1,3}))*\.[A-Za-z](?:\.(?:[A-Z]|[a-z]|\d{1,3}))*)\.?\s+(\S.*)$/);
  if (m) return { style: `decimal-${m[1]!.split('.').length}`, value: m[1]!, absolute: true, rest: m[2]! };
  // "[4] At the start of each shift, …": a paragraph number in brackets, cited by its number.
  m = t.match(/^\[(\d{1,3})\]\s+([A-Z(“"].*)$/);
  if (m) return { style: 'arabic-bracket', value: m[1]!, absolute: false, rest: m[2]! };
  // "001  This procedure establishes …": a zero-padded paragraph number, cited as written.
  m = t.match(/^(0\d{1,2})\.?\s{2,}([A-Z(“"].*)$/);
  if (m) return { style: 'arabic-padded', value: m[1]!, absolute: false, rest: m[2]! };
  m = t.match(/^\(?([A-Za-z]{1,4}|\d{1,3})([.)])\s+(.*)$/);
  // "1: PURPOSE": a number closed by a colon, as "1." is.
  m ??= t.match(/^(\d{1,3})(:)\s+([A-Z].*)$/);
  // "(a)(1) Access to recordings …": a paragraph whose first words are its first subparagraph.
  m ??= t.match(/^\(([a-z]{1,4}|\d{1,3})(\))(\([a-z0-9]{1,3}\)\s+\S.*)$/i);
  // "7.Any member who …", "a.install, download …": the same, with no space after the dot.
  m ??= t.match(/^(\d{1,3})(\.)(?=["“]?[A-Z](?:[a-z]|[A-Z]{2}))(.*)$/);
  const run = m ? null : t.match(/^([a-z])(\.)(?=[a-z]{3,})(.*)$/);
  if (run && (run[1] === 'a' || state.last.get('lower-dot')?.charCodeAt(0) === run[1]!.charCodeAt(0) - 1)) m = run;
  // "1   GENERAL", "2   Social Media": a bare number, then a heading in capitals or title case after a wide gap.
  const bare = m ? null : (t.match(/^(\d{1,2})\s{2,}([A-Z][A-Z ,&/'-]{3,})$/) ?? t.match(BARE_TITLE));
  if (bare) return { style: 'decimal-1', value: bare[1]!, absolute: true, rest: bare[2]! };
  if (!m) return undefined;
  const [, raw, close, rest] = m as unknown as [string, string, string, string];
  const paren = t.startsWith('(') && close === ')';
  const wrap = paren ? 'paren' : close === ')' ? 'close' : 'dot';
  if (/^\d+$/.test(raw)) return { style: `arabic-${wrap}`, value: raw, absolute: false, rest };
  const style = classifyLetters(raw, wrap, state);
  if (!style) return undefined;
  state.last.set(style, raw);
  return { style, value: raw, absolute: false, rest };
}

/** "(a)(1)" → ["a", "1"]: the items a label's parentheses name, cited as dotted parts. */
function parenItems(s: string): string[] {
  return [...s.matchAll(/\(([a-z0-9]+)\)/gi)].map((x) => x[1]!);
}

function classifyLetters(raw: string, wrap: string, state: LabelState): string | undefined {
  const isUpper = raw === raw.toUpperCase();
  const roman = isUpper ? ROMAN.test(raw) : LOWER_ROMAN.test(raw);
  const letterStyle = `${isUpper ? 'upper' : 'lower'}-${wrap}`;
  const romanStyle = `${isUpper ? 'roman' : 'lroman'}-${wrap}`;
  if (raw.length > 1) return roman ? romanStyle : undefined;
  if (!roman) return letterStyle;
  // A single letter that is also a roman numeral: follow whichever sequence it continues.
  const prevLetter = state.last.get(letterStyle);
  const prevRoman = state.last.get(romanStyle);
  if (prevLetter && prevLetter.charCodeAt(0) + 1 === raw.charCodeAt(0)) return letterStyle;
  if (prevRoman && romanValue(prevRoman) + 1 === romanValue(raw)) return romanStyle;
  if (raw.toLowerCase() === 'i') return prevLetter === (isUpper ? 'H' : 'h') ? letterStyle : romanStyle;
  return letterStyle;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1).toLowerCase();
}

/** A line that is a heading by itself: short, mostly capitals, no closing period. */
export function isCapsHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > 90 || /[.;,]$/.test(t)) return false;
  const letters = t.replace(/[^A-Za-z]/g, '');
  if (letters.length < 4) return false;
  // "ILCS 706/10-20):" ends a lead-in with its citation: more figures than letters, or a closing "):".
  if (/\)\s*:$/.test(t) || t.replace(/[^0-9]/g, '').length > letters.length) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length > 0.85 && t.split(/\s+/).length <= 12;
}

/** A heading in Title Case on a line of its own: "Purpose", "Application to the Police Department". */
export function isTitleHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 70 || /[.;,:!?]$/.test(t) || /^[-•*(]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || !/^[A-Z]/.test(t)) return false;
  const small = /^(and|or|of|the|a|an|to|in|on|for|with|by|from|at|as|&|—|–|-)$/;
  return words.every((w) => small.test(w) || /^[A-Z0-9"'(]/.test(w));
}

/** The rest of a label line is its heading when it is short and reads like one. */
export function looksLikeTitle(rest: string, numberedSection = false): boolean {
  const t = rest.trim();
  if (!t || t.length > 80) return false;
  if (isCapsHeading(t) || isCapsHeading(t.replace(/\.$/, ''))) return true;
  // "(c) the Technology" / "Coordinator maintains …": a heading never opens on a small word.
  if (/^[a-z]/.test(t)) return false;
  const words = t.replace(/[:.]$/, '').split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
  const capitalised = words.filter((w) => /^["'(“]?[A-Z0-9]/.test(w) || /^(and|or|of|the|a|an|to|in|on|for|with|by|as|at|from|into|onto|per|via|vs|upon|under|within|without|after|before|during|over|off|nor|but|out|up|than|through|between|while)$/.test(w));
  // "Multi-Factor Authentication." and "Take-home vehicles." are headings; "Gambling is prohibited." is a sentence.
  const verb = /\b(?:shall|may|must|will|should|is|are|can|was|were|has|have|does|do)\b/i.test(t);
  // A list item ("(a) Photographs of themselves in uniform.") is content; a numbered section's short line is its heading.
  if (numberedSection && /\.$/.test(t) && !verb && /^[A-Z]/.test(t) && words.length <= 5) return true;
  return words.length <= 8 && capitalised.length === words.length && !(verb && /\.$/.test(t));
}
