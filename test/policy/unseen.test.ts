import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyDesk } from '../../src/app/ask.js';
import { importPolicyText } from '../../src/policy/importer/import.js';
import { buildLibrary, readSharedLexicon } from '../../src/policy/library.js';
import { answerWith, formatSummary, mergeSummaries, readCases, scoreAll, type Summary } from '../support/scoring.js';

/**
 * Shares of the questions that must be fully right, all documents of a set together: `unseen` is the
 * set the engine was developed against, `validation` a later set written without sight of the engine, `holdout`
 * a third, written later still, by someone who never saw the engine or the other sets. `fresh` and `blind` were
 * written the same way in the third session; `fresh` was then worked against, `blind` was only scored (its
 * import was looked at once, which added "Rule 8-4" numbering) until the fourth session read its misses. `blind3` and
 * `blind4` were written at the start of the fourth session; their first scores (44/90, 42/90) are the honest figures
 * for a new document, and their READMEs say what was changed after reading them. In the fifth session `blind5` (three
 * invented documents, first score 50/90) and `blind6` and `blind7` (real Illinois policies released under FOIA,
 * first scores 25/84 and 38/113) were written the same way, and late in the session `blind8` (three more real Illinois
 * orders, first score 34/87); the real documents are the hard ones. `blind9` (three real social-media and IT-use
 * policies) was written at the start of the sixth session; first score 34/94. In the seventh, `blind10` (a real body-worn
 * camera directive; its import first failed outright and, with the header number and the flags mended, scored 10/33)
 * and `blind11` (three more real Illinois policies: social media, body-worn cameras, mobile computers; first score
 * 35/98) were written the same way, and `blind12` (three invented orders laid out as a sheriff's general order, a
 * Lexipol-style policy and a university directive; first score 40/90). In the eighth, `blind13` (three invented orders:
 * a state police procedure numbered to four levels, a sheriff's policy in articles and sections, a plain-language SOP
 * whose parts are cited by their headings; first score 50/90) and, later, `blind14` (a city administrative regulation
 * with a table of contents, a CALEA-style directive with a two-column header, a special order with an attachment; first
 * score 45/90, the same as the session's starting code scored it), and last `blind15` (a sheriff's rules chapter
 * numbered "R4.07", a university order in roman SECTIONs, a town policy; first score 25/90: two of its documents
 * did not import usefully until "R4.07" and "SECTION III" were read as the document numbers them). In the ninth,
 * `blind16` (a Lexipol-style chapter, a county administrative regulation, a memo-style special order cited by its
 * headings; first score 44/90) and `blind17` (a state patrol directive to six levels, a county manual numbered
 * "3-07/210.05", a general order in articles and sections; first score 41/90), then, after two sets of numbering layouts
 * had been read right, `blind18` (an SOP with "PROCEDURE:" steps, a city IT policy, a campus outline under a
 * "Chapter 8" header field; first score 31/90, 15/90 with the session's starting code) and last `blind19` (a manual
 * chapter "11.04.B.2", a sheriff's policy in plain numbered paragraphs, a transit directive with an appendix; first
 * score 54/90, 50/90 with the session's starting code). In the tenth, `blind20` (a city administrative regulation
 * "4.2.1(b)", a state patrol's rules "7-4(3)(b)", a town policy cited by ALL-CAPS heading and item; first score 49/90),
 * `blind21` (a Lexipol-style chapter, a county general order with a roles table, a campus directive with an
 * attachment; first score 59/90) and, written late, `blind22` (a CALEA-style SOP, a sheriff's rules "R-17.06(B)", a
 * general order whose numbers stand alone on their lines; first score 56/90, 54/90 with the session's starting code).
 * In the eleventh, `blind23` (a sheriff's policy manual "706.3.2(b)", a written directive in articles and sections
 * "3.04(2)", a campus order in parts "B-3.a"; first score 50/90), `blind24` (a city-wide administrative policy "5.3.2",
 * a manual of rules "14.2(a)", a sheriff's general order "4.A.1.a"; first score 43/90), `blind25` (the layouts of
 * blind23 written afresh; first score 57/90) and `blind26` (a town SOG in roman sections, a patrol manual "OM 12-3.4(b)",
 * a jail post order "5.120.04(A)"; first score 41/90), and last `blind27` (a city directive "10.2.3.B", a sheriff's
 * general order in roman outline, a transit policy cited by its unnumbered headings; first score 51/90, 50/90 with the
 * session's starting code). In the twelfth, `blind28` (a university directive "7-14(b)", a Lexipol-style policy
 * "342.4.2(c)", a town SOG in numbered SECTIONs; first score 58/90), `blind29` (a general order of plain numbered
 * paragraphs, a dispatch manual "12.03.02.B", a detention post order cited by stacked Title Case headings; first score
 * 51/90) and `blind30` (a rules chapter "Rule 9.12", a highway patrol procedure in roman outline, a memo-style special
 * order cited by ALL-CAPS headings; first score 55/90), all three scored the same by the session's starting code; and,
 * late in that session, `blind31` (a CALEA-style directive "5-21.2.3(b)", a manual in "§ 18.4.2(B)", a campus SOP whose
 * lists start again at 1 under each lettered part; first score 52/90), `blind32` (a roman-outline general order, a
 * Lexipol-style transit policy, a 911 center guideline cited by headings grouped in parts; first score 56/90) and
 * `blind33` (a directive with run-in titles, a sheriff's rules "R6-4.2", a campus memo in numbered sections; first
 * score 41/90), scored by the code of that moment before anything was changed for them (50, 56 and 42 by the
 * session's starting code); and at its end `blind34` (a sheriff's general order "GO 7-04.2", a manual in parts "3-B",
 * a university policy of Title Case headings run into their text with a colon; first score 26/90), `blind35` (a
 * directive four levels deep, a special order of plain numbered paragraphs, a jail policy in roman sections; first
 * score 62/90) and `blind36` (a Lexipol chapter, a sheriff's SOP "SOP 12.1", a police department's rules of conduct;
 * first score 35/90), scored the same way (23, 60 and 38 by the session's starting code). In the thirteenth,
 * `blind37` (a sheriff's general order "1 - GENERAL" over "3-4.b", a city manual set with side headings, an SOP lettered
 * "D.4.a"; first score 46/90), `blind38` (a patrol-guide procedure of roles beside numbered steps, a municipal code
 * "2-147(b)(2)", a state police order with accreditation references; 48/90) and `blind39` (a directive in "SECTION VI –",
 * a sheriff's policy "(3)(b)(ii)", a 911 rules manual "117."; 65/90), all three as with the session's starting code;
 * then `blind40` (a Lexipol chapter "327.5.2(b)", a sheriff's policy in articles and "Section 4.03", an SOG "4.2.1";
 * 63/90), `blind41` (a roman-outline general order, a campus policy whose lists run into its paragraphs, a sheriff's
 * policy "5.3.2.7.a"; 54/90), `blind42` (a written directive opening with a table of contents, a jail chapter
 * "J-210.05(b)", ALL-CAPS headings over run-in lead-ins; 62/90), `blind43` (a general order "312.04(B)(2)", a university
 * regulation five levels deep, an FAQ "Q7" with rules "R-3"; 63/90), `blind44` (a sheriff's policy in lettered parts
 * "B-3.a", a memo special order "3a(2)", a campus manual "§ 7.3(2)(A)"; 37/90), `blind45` (a Lexipol chapter, a directive
 * "6.3.2.b" under "1.0 PURPOSE", Title Case headings closed by a colon; 42/90), `blind46` (a Lexipol chapter
 * "1020.4.1(c)", a sheriff's roman-outline order, a state police manual in "Section 4 –"; 57/90) and `blind47` (a Lexipol
 * chapter "804.6.2(b)", an accreditation-numbered order "41.3.4.2.B", a transit memo of numbered paragraphs; 56/90) and
 * `blind48` (a chapter of rules "Rule 7.22", a policy of ALL-CAPS headings, county personnel rules in articles cited
 * "IV-3"; 47/90), each scored by the code of its moment before anything was changed for it (53, 63, 60, 35, 42, 53, 55
 * and 46 by the session's starting code). In the fourteenth, written in the layouts departments use most, `blind49` (a
 * Lexipol chapter "321.4.2(b)", a sheriff's SOP "5-08.04.B", a campus directive "IV.C.3"; first score 68/90), `blind50`
 * (a roman-outline general order, a state patrol policy of bare decimals "2.3.1", a Lexipol recorder chapter; 56/90),
 * `blind51` (a CALEA-style directive "41.2.3.b", rules of conduct "RULE 14 –", a sheriff's general order; 59/90) and
 * `blind52` (a Lexipol chapter "1040.5(d)", an administrative order "4.2.1", a transit directive "V.C.2.a"; 57/90), all
 * four as the session's starting code scored them, then `blind53` (a Lexipol chapter, a roman-outline general order, a
 * campus SOP "4.2.1"; 64/90, 63 by the session's starting code).
 */
const SETS = [
  { folder: 'unseen', min: 0.83 },
  { folder: 'validation', min: 0.73 },
  { folder: 'holdout', min: 0.65 },
  { folder: 'fresh', min: 0.77 },
  { folder: 'blind', min: 0.7 },
  { folder: 'blind3', min: 0.83 },
  { folder: 'blind4', min: 0.7 },
  { folder: 'blind5', min: 0.74 },
  { folder: 'blind6', min: 0.59 },
  { folder: 'blind7', min: 0.48 },
  { folder: 'blind8', min: 0.52 },
  { folder: 'blind9', min: 0.57 },
  { folder: 'blind10', min: 0.39 },
  { folder: 'blind11', min: 0.52 },
  { folder: 'blind12', min: 0.67 },
  { folder: 'blind13', min: 0.77 },
  { folder: 'blind14', min: 0.65 },
  { folder: 'blind15', min: 0.8 },
  { folder: 'blind16', min: 0.62 },
  { folder: 'blind17', min: 0.74 },
  { folder: 'blind18', min: 0.63 },
  { folder: 'blind19', min: 0.72 },
  { folder: 'blind20', min: 0.64 },
  { folder: 'blind21', min: 0.74 },
  { folder: 'blind22', min: 0.73 },
  { folder: 'blind23', min: 0.7 },
  { folder: 'blind24', min: 0.71 },
  { folder: 'blind25', min: 0.68 },
  { folder: 'blind26', min: 0.8 },
  { folder: 'blind27', min: 0.67 },
  { folder: 'blind28', min: 0.67 },
  { folder: 'blind29', min: 0.65 },
  { folder: 'blind30', min: 0.73 },
  { folder: 'blind31', min: 0.76 },
  { folder: 'blind32', min: 0.73 },
  { folder: 'blind33', min: 0.76 },
  { folder: 'blind34', min: 0.75 },
  { folder: 'blind35', min: 0.74 },
  { folder: 'blind36', min: 0.58 },
  { folder: 'blind37', min: 0.76 },
  { folder: 'blind38', min: 0.73 },
  { folder: 'blind39', min: 0.76 },
  { folder: 'blind40', min: 0.82 },
  { folder: 'blind41', min: 0.68 },
  { folder: 'blind42', min: 0.76 },
  { folder: 'blind43', min: 0.71 },
  { folder: 'blind44', min: 0.66 },
  { folder: 'blind45', min: 0.7 },
  { folder: 'blind46', min: 0.68 },
  { folder: 'blind47', min: 0.7 },
  { folder: 'blind48', min: 0.73 },
  { folder: 'blind49', min: 0.83 },
  { folder: 'blind50', min: 0.71 },
  { folder: 'blind51', min: 0.73 },
  { folder: 'blind52', min: 0.71 },
  { folder: 'blind53', min: 0.78 },
];

function documentsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.questions.jsonl'))))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

/** Imports a plain-text policy with no review, the way `ask --policy FILE` does, and answers its questions. */
function scoreDocument(dir: string, name: string): Summary {
  const lexicon = readSharedLexicon();
  const file = join(dir, `${name}.txt`);
  const imported = importPolicyText(readFileSync(file, 'utf8'), { source: file, lexicon });
  const library = buildLibrary({ department: name, name: imported.document.title, authorities: imported.authorities }, [imported.document], lexicon);
  const desk = PolicyDesk.forLibrary(library);
  return scoreAll(readCases(join(dir, `${name}.questions.jsonl`)), (c) => answerWith(desk, c));
}

describe.each(SETS)('policy documents the engine has never seen ($folder), imported on the fly', ({ folder, min }) => {
  const dir = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
  const names = documentsIn(dir);

  it('has documents with questions to score', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it(`gets at least ${min * 100}% of their questions fully right`, () => {
    const perDocument = names.map((name) => ({ name, summary: scoreDocument(dir, name) }));
    const all = mergeSummaries(perDocument.map((d) => d.summary));
    const width = Math.max(...names.map((n) => n.length));
    const lines = perDocument.map(({ name, summary }) => `  ${name.padEnd(width)}  ${formatSummary(summary)}`);
    console.log(`${folder} documents:\n${lines.join('\n')}\n  ${'all'.padEnd(width)}  ${formatSummary(all)}`);
    if (all.share < min) console.log(`misses:\n  ${all.misses.join('\n  ')}`);
    expect(all.share, `fully right ${all.passed}/${all.total}, below ${min}`).toBeGreaterThanOrEqual(min);
  });
});
