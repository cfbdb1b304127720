import type { ConceptEntry, ConceptKind } from './types.js';
import { editDistance, stem, STOPWORDS, tokenize } from './text.js';

interface PhraseToken {
  /** Stem to compare with, the prefix when `prefix` is set, or the exact word when `exact` is. */
  key: string;
  prefix: boolean;
  exact: boolean;
  /** "~": up to GAP words of any kind ("take ~ home" matches "take my county laptop home"). */
  gap?: boolean;
}

/** How many words a "~" in a phrase may stand for. */
const GAP = 3;

interface CompiledPhrase {
  concept: string;
  tokens: PhraseToken[];
}

export interface ConceptMatch {
  concept: string;
  start: number;
  end: number;
}

/** The token positions a match covers. */
export function positions(m: ConceptMatch): number[] {
  return Array.from({ length: m.end - m.start }, (_, k) => m.start + k);
}

/** A compiled vocabulary: phrase index, implication closure and a spelling dictionary. */
export class Lexicon {
  readonly concepts: Record<string, ConceptEntry>;
  private readonly byStem = new Map<string, CompiledPhrase[]>();
  private readonly byPrefix = new Map<string, CompiledPhrase[]>();
  private readonly closure = new Map<string, string[]>();
  private readonly kinds = new Map<string, string[]>();
  private readonly spelling = new Map<string, string[]>();
  private readonly knownWords = new Set<string>();
  /** Stems of the library's own words: "airports" is no typo where the text says "airport". */
  private readonly knownStems = new Set<string>();

  constructor(concepts: Record<string, ConceptEntry>, knownText = '') {
    this.concepts = concepts;
    for (const [name, entry] of Object.entries(concepts)) {
      for (const phrase of entry.phrases) this.addPhrase(name, phrase);
    }
    for (const name of Object.keys(concepts)) this.closure.set(name, this.expand(name));
    for (const [name, implied] of this.closure) for (const c of implied) this.kinds.set(c, [...(this.kinds.get(c) ?? []), name]);
    for (const w of tokenize(knownText)) {
      this.knownWords.add(w);
      this.knownStems.add(stem(w));
    }
  }

  kind(concept: string): ConceptKind | undefined {
    return this.concepts[concept]?.kind;
  }

  label(concept: string): string {
    return this.concepts[concept]?.label ?? concept.replace(/_/g, ' ');
  }

  conflicts(a: string, b: string): boolean {
    return Boolean(this.concepts[a]?.conflicts?.includes(b) || this.concepts[b]?.conflicts?.includes(a));
  }

  /** The concept and everything it implies, transitively. */
  implied(concept: string): string[] {
    return this.closure.get(concept) ?? [concept];
  }

  /** The concept and every concept that implies it: its kinds ("shared logins" are passwords). */
  narrower(concept: string): string[] {
    return this.kinds.get(concept) ?? [concept];
  }

  /** What a concept hints at (and what that implies), beyond what it implies. */
  suggested(concept: string): string[] {
    return (this.concepts[concept]?.suggests ?? []).flatMap((c) => this.implied(c));
  }

  /** Tokens with likely typos mended against the vocabulary ("instagarm" → "instagram"). */
  correct(tokens: string[]): string[] {
    return tokens.map((t) => this.correctToken(t));
  }

  /** Every phrase occurrence in the tokens; overlapping matches are kept unless a phrase suppresses them. */
  match(tokens: string[]): ConceptMatch[] {
    const stems = tokens.map(stem);
    const out: ConceptMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = [...(this.byStem.get(stems[i]!) ?? []), ...(this.byPrefix.get(tokens[i]!.slice(0, 2)) ?? [])];
      for (const phrase of candidates) {
        const end = this.matchAt(phrase, tokens, stems, i);
        if (end > 0) out.push({ concept: phrase.concept, start: i, end });
      }
    }
    // A longer phrase overrides what it contains when it says so, or when the two cannot both hold:
    // "report room" is not "report"; "my personal laptop" is not a Department "laptop".
    return out.filter((m) => !out.some((s) => s !== m && s.start <= m.start && m.end <= s.end && this.overrides(s, m)));
  }

  /** Concepts found in a text, with their implications. */
  conceptsOf(text: string): Set<string> {
    const found = new Set<string>();
    for (const m of this.match(this.correct(tokenize(text)))) for (const c of this.implied(m.concept)) found.add(c);
    return found;
  }

  private overrides(outer: ConceptMatch, inner: ConceptMatch): boolean {
    if (this.concepts[outer.concept]?.suppresses?.includes(inner.concept)) return true;
    return outer.end - outer.start > inner.end - inner.start && this.conflicts(outer.concept, inner.concept);
  }

  private matchAt(phrase: CompiledPhrase, tokens: string[], stems: string[], start: number, from = 0): number {
    let at = start;
    for (let k = from; k < phrase.tokens.length; k++) {
      const p = phrase.tokens[k]!;
      if (p.gap) {
        // The shortest gap after which the rest of the phrase matches.
        for (let skip = 0; skip <= GAP && at + skip < tokens.length; skip++) {
          const end = this.matchAt(phrase, tokens, stems, at + skip, k + 1);
          if (end > 0) return end;
        }
        return 0;
      }
      if (at >= tokens.length) return 0;
      const ok = p.prefix ? tokens[at]!.startsWith(p.key) : p.exact ? tokens[at] === p.key : stems[at] === p.key;
      if (!ok) return 0;
      at++;
    }
    return at;
  }

  private addPhrase(concept: string, phrase: string): void {
    const tokens: PhraseToken[] = [];
    for (const raw of phrase.trim().split(/\s+/)) {
      if (raw === '~') {
        // A gap can neither open nor close a phrase: it only joins words.
        if (tokens.length > 0) tokens.push({ key: '', prefix: false, exact: false, gap: true });
        continue;
      }
      // "=follow" matches that word only, not "following"; "photo*" matches any ending.
      const exact = raw.startsWith('=');
      const words = tokenize(raw.replace(/^=/, '').replace(/\*$/, ''));
      words.forEach((word, k) => {
        const prefix = raw.endsWith('*') && k === words.length - 1;
        tokens.push({ key: prefix || exact ? word : stem(word), prefix, exact });
        this.addSpelling(word);
      });
    }
    while (tokens[tokens.length - 1]?.gap) tokens.pop();
    if (tokens.length === 0) return;
    const first = tokens[0]!;
    const index = first.prefix ? this.byPrefix : this.byStem;
    const key = first.prefix ? first.key.slice(0, 2) : first.exact ? stem(first.key) : first.key;
    if (!index.has(key)) index.set(key, []);
    index.get(key)!.push({ concept, tokens });
  }

  private addSpelling(word: string): void {
    if (word.length < 4) return;
    const key = word[0]!;
    const list = this.spelling.get(key) ?? [];
    if (!list.includes(word)) list.push(word);
    this.spelling.set(key, list);
  }

  private correctToken(token: string): string {
    if (token.length < 6 || STOPWORDS.has(token) || this.knownWords.has(token) || /\d/.test(token)) return token;
    const s = stem(token);
    if (this.knownStems.has(s) || this.byStem.has(s) || this.isVocabulary(token) || this.hasKnownStart(token)) return token;
    const max = token.length >= 8 ? 2 : 1;
    let best = token;
    let bestDistance = max + 1;
    for (const word of this.spelling.get(token[0]!) ?? []) {
      const d = editDistance(token, word, max);
      if (d < bestDistance && plausibleTypo(token, word)) {
        best = word;
        bestDistance = d;
      }
    }
    return best;
  }

  /** "tweeting" is spelled right when "tweet*" is a phrase: it is not "texting" mistyped. */
  private hasKnownStart(token: string): boolean {
    return (this.byPrefix.get(token.slice(0, 2)) ?? []).some((p) => p.tokens[0]!.prefix && p.tokens[0]!.key.length >= 4 && token.startsWith(p.tokens[0]!.key));
  }

  private isVocabulary(token: string): boolean {
    return (this.spelling.get(token[0]!) ?? []).includes(token);
  }

  private expand(name: string, seen = new Set<string>()): string[] {
    if (seen.has(name)) return [];
    seen.add(name);
    const out = [name];
    for (const parent of this.concepts[name]?.implies ?? []) out.push(...this.expand(parent, seen));
    return [...new Set(out)];
  }
}

/** Each letter's neighbours on a QWERTY keyboard. */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(a: string, b: string): boolean {
  const at = (c: string) => {
    for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
      const i = KEYBOARD_ROWS[r]!.indexOf(c);
      if (i >= 0) return [r, i + r * 0.5] as const;
    }
    return undefined;
  };
  const pa = at(a);
  const pb = at(b);
  return !!pa && !!pb && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/**
 * Whether `word` is what `token` was meant to be: a letter left out, doubled or swapped, a key next to the one meant,
 * or one vowel for another.
 * "shaving" is no slip for "sharing", nor "snowing" for "slowing": the letters that differ are far apart on the keys.
 */
function plausibleTypo(token: string, word: string): boolean {
  if (token.length !== word.length) return true;
  const differ = [...token].map((c, i) => (c === word[i] ? -1 : i)).filter((i) => i >= 0);
  // "recieve": two letters swapped.
  if (differ.length === 2 && differ[1] === differ[0]! + 1 && token[differ[0]!] === word[differ[1]!] && token[differ[1]!] === word[differ[0]!]) return true;
  // "emergancy": a vowel written for another is a slip of spelling, not of the fingers. "stabbing" is no "starting"
  // mistyped: every letter that differs must be one a finger or a speller slips to.
  const slip = (i: number) => neighbours(token[i]!, word[i]!) || (/[aeiouy]/.test(token[i]!) && /[aeiouy]/.test(word[i]!));
  return differ.every(slip);
}
