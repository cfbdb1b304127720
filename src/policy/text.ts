/** Text helpers shared by the lexicon, the retriever and the importer. Pure. */

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bdon'?t\b/g, 'do not'],
  [/\bdoesn'?t\b/g, 'does not'],
  [/\bisn'?t\b/g, 'is not'],
  [/\baren'?t\b/g, 'are not'],
  [/\bdidn'?t\b/g, 'did not'],
  [/\bshouldn'?t\b/g, 'should not'],
  [/\bi'?m\b/g, 'i am'],
  [/\bim\b/g, 'i am'],
  [/\bwhos\b/g, 'who'],
  [/\b(\w+)'s\b/g, '$1'],
  [/\b(\w+)'(ve|ll|re|d)\b/g, '$1'],
];

/** Lower case, straight quotes, contractions expanded, "e-mail" → "email". */
export function normalize(text: string): string {
  let s = text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u201c\u201d]/g, '"');
  s = s.replace(/\be-(mail|mails|mailed|mailing)\b/g, 'e$1');
  s = s.replace(/\bdept\b\.?/g, 'department').replace(/\bdepts\b/g, 'departments');
  // "my 9yo", "my 12 y/o": a child's age.
  s = s.replace(/\b(\d{1,2})\s*(?:yo|y\/o|yr old|yrs old)\b/g, '$1 year old');
  // Chat shorthand for a message: "can i msg him", "long msgs".
  s = s.replace(/\bmsg(s)?\b/g, 'message$1');
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  return s;
}

/** Word tokens of normalized text: letters and digits, inner dots kept for numbers like 4.1. */
export function tokenize(text: string): string[] {
  return normalize(text).match(/[a-z0-9]+(?:\.[0-9]+)*/g) ?? [];
}

const SUFFIXES = ['ings', 'ing', 'ies', 'ied', 'ed', 'es', 's'];

/** A light stemmer: strips common endings so "posting", "posted", "posts" meet at "post". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const suf of SUFFIXES) {
    if (word.endsWith(suf) && word.length - suf.length >= 3) {
      let base = word.slice(0, -suf.length);
      if (suf === 'ies' || suf === 'ied') base += 'y';
      else if (/(.)\1$/.test(base) && !/(ll|ss|ff|zz)$/.test(base)) base = base.slice(0, -1);
      else if (suf === 'es' && !/(s|x|z|ch|sh)$/.test(base)) base = word.slice(0, -1);
      return base.endsWith('e') && base.length > 3 ? base.slice(0, -1) : base;
    }
  }
  return word.endsWith('e') && word.length > 4 ? word.slice(0, -1) : word;
}

/** "Personally owned" is a thing owned, not a thing personal: the vocabulary reads it as a whole. */
const KEEPS_LY = new Set(['personally']);

/**
 * A word's stem for matching a question's words against a provision's: as `stem`, and "publicly" meets "public",
 * "immediately" "immediate" ("family", "apply", "likely" and "personally" keep their ending).
 */
export function termStem(word: string): string {
  return word.endsWith('ly') && word.length >= 7 && !/[aiouy]ly$/.test(word) && !KEEPS_LY.has(word) ? stem(word.slice(0, -2)) : stem(word);
}

/** Damerau–Levenshtein distance (adjacent transpositions), bounded: returns max+1 when over. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** How many spaces a line stands in from the margin. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A list item joined to the next by "and": "(1) no Department device is reasonably available; and". */
export function joinedToNext(item: string): boolean {
  return /(?:^|[\s;,])and$/i.test(item.trim());
}

/** Splits prose into sentences and list lines, each a verbatim substring of the input. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    // Not after "Sec.", "No.", "e.g." or "Mr.", nor inside a reference: "situations covered under VI. (D) (1, 2, 3) …".
    for (const part of line.split(/(?<!\b(?:[Ss]ec|[Ss]ect|[Nn]o|[Nn]os|[Aa]rt|[Pp]ara|vs|e\.g|i\.e|Mr|Ms|Mrs|Dr|St|U\.S)\.)(?<!\b(?:[IVX]{1,5}|[A-Z])\.(?=\s+\())(?<=[.!?])\s+(?=[A-Z("'\u201c\u2022-])/)) {
      const trimmed = part.replace(/^\s*[-\u2022]\s*/, '').trim();
      if (trimmed) out.push(trimmed);
    }
  }
  return out;
}

export const STOPWORDS = new Set(
  ('a an the and or but if of to in on at by for with from into onto about as is are was were be been being am ' +
    'i me my mine we our us you your he she it its they them their this that these those there here ' +
    'do does did doing have has had having can could may might must shall should will would ' +
    'not no so than too very just also any all some such what which who whom whose when where why how ' +
    'ok okay allowed permitted let get got go going want wanted like please hey hi yo im guys').split(' '),
);
