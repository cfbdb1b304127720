import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexicon } from './lexicon.js';
import type { ConceptEntry, Library, LibraryManifest, LexiconFile, PolicyDocument, Provision, Section } from './types.js';
import { VERDICTS } from './types.js';

/** The repository's policies/ folder, found relative to this file so it works from src/ and dist/. */
export function defaultPoliciesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'policies');
    if (existsSync(join(candidate, 'lexicon.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('policies/ folder with lexicon.json not found');
}

export function readSharedLexicon(policiesDir = defaultPoliciesDir()): Record<string, ConceptEntry> {
  return (JSON.parse(readFileSync(join(policiesDir, 'lexicon.json'), 'utf8')) as LexiconFile).concepts;
}

/** Department ids available in a policies folder. */
export function listDepartments(policiesDir = defaultPoliciesDir()): string[] {
  return readdirSync(policiesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(policiesDir, e.name, 'library.json')))
    .map((e) => e.name)
    .sort();
}

export function loadLibrary(department: string, policiesDir = defaultPoliciesDir()): Library {
  const dir = resolve(policiesDir, department);
  const manifest = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as LibraryManifest;
  const documents = manifest.documents.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as PolicyDocument);
  return buildLibrary(manifest, documents, readSharedLexicon(policiesDir));
}

/** Assembles and validates a library; throws with every problem listed. */
export function buildLibrary(
  manifest: Omit<LibraryManifest, 'documents'>,
  documents: PolicyDocument[],
  sharedLexicon: Record<string, ConceptEntry>,
): Library {
  const concepts = { ...sharedLexicon, ...(manifest.lexicon ?? {}) };
  const problems = documents.flatMap((doc) => validateDocument(doc, concepts, manifest.authorities));
  if (problems.length > 0) throw new Error(`policy library "${manifest.department}" is invalid:\n- ${problems.join('\n- ')}`);
  const knownText = documents.flatMap((d) => flattenSections(d.sections)).map((s) => `${s.title} ${s.text}`).join(' ');
  return {
    department: manifest.department,
    name: manifest.name,
    documents,
    authorities: manifest.authorities,
    lexicon: new Lexicon(concepts, knownText),
  };
}

export function flattenSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children ?? [])]);
}

/** The section a section is a child of, if any. */
export function parentSection(sections: Section[], child: Section): Section | undefined {
  for (const s of sections) {
    if (s.children?.includes(child)) return s;
    const found = parentSection(s.children ?? [], child);
    if (found) return found;
  }
  return undefined;
}

function validateDocument(doc: PolicyDocument, concepts: Record<string, ConceptEntry>, authorities: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const where = (s: Section) => `${doc.id} §${s.id}`;
  if (!doc.id || !doc.title) problems.push(`a document has no id or title`);
  if (doc.status !== 'in_force' && !doc.rescinded) problems.push(`${doc.id} is ${doc.status} but does not say when and by what`);
  const seen = new Set<string>();
  for (const section of flattenSections(doc.sections)) {
    if (seen.has(section.id)) problems.push(`${where(section)} appears twice`);
    seen.add(section.id);
    for (const p of section.provisions ?? []) problems.push(...provisionProblems(p, section, concepts, authorities).map((m) => `${where(section)}: ${m}`));
  }
  return problems;
}

/** What is wrong with one provision of a section, if anything. */
export function provisionProblems(p: Provision, section: Section, concepts: Record<string, ConceptEntry>, authorities: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!section.text.includes(p.quote)) problems.push(`quote is not in the section text: "${p.quote.slice(0, 60)}…"`);
  if (p.clause !== undefined && !p.quote.includes(p.clause)) problems.push(`clause is not in the quote: "${p.clause.slice(0, 60)}…"`);
  if (!VERDICTS.includes(p.verdict) || (p.verdict as string) === 'not_addressed') problems.push(`unknown verdict "${p.verdict}"`);
  if (p.authority && !authorities[p.authority]) problems.push(`unknown authority "${p.authority}"`);
  if (p.required !== undefined && (p.required !== true || p.verdict !== 'info')) problems.push('"required" is only for an info provision that owes an act, and is true');
  if (p.limited !== undefined && (p.limited !== true || p.verdict !== 'allowed_with_conditions')) problems.push('"limited" is only for an allowed_with_conditions provision, and is true');
  const named = [...(p.actions ?? []), ...(p.objects ?? []), ...(p.with ?? []), ...(p.contexts ?? []), ...(p.topics ?? []), ...(p.scope ?? [])];
  for (const c of p.actor ?? []) if (concepts[c] && concepts[c].kind !== 'role') problems.push(`actor "${c}" is not a role`);
  named.push(...(p.actor ?? []));
  for (const e of p.exceptions ?? []) {
    named.push(...e.when);
    if (!section.text.includes(e.quote)) problems.push(`exception quote is not in the section text: "${e.quote.slice(0, 60)}…"`);
    if (e.authority && !authorities[e.authority]) problems.push(`unknown authority "${e.authority}"`);
  }
  for (const c of named) if (!concepts[c]) problems.push(`unknown concept "${c}"`);
  return problems;
}
