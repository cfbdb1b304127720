import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/policy/text.js';
import { classifySentence } from '../../src/policy/importer/deontic.js';
import { importPolicyText, type ImportResult } from '../../src/policy/importer/import.js';
import { buildLibrary, flattenSections, readSharedLexicon } from '../../src/policy/library.js';
import type { Section } from '../../src/policy/types.js';

const lexicon = readSharedLexicon();
const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const seed = (name: string) => fixture(`seed/${name}`);
const importText = (text: string) => importPolicyText(text, { lexicon });
/** Every provision drafted from a document, in order. */
const provisionsOf = (text: string) => flattenSections(importText(text).document.sections).flatMap((s) => s.provisions ?? []);

function sectionOf(result: ImportResult, id: string): Section {
  const found = flattenSections(result.document.sections).find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}; have ${flattenSections(result.document.sections).map((s) => s.id).join(' ')}`);
  return found;
}

const authorityName = (result: ImportResult, key: string | undefined) => (key ? result.authorities[key]?.name : undefined);

describe('importing the Olivette general order (OPD 4.1)', () => {
  const result = importText(seed('olivette-opd-4.1.txt'));
  const ids = flattenSections(result.document.sections).map((s) => s.id);

  it('keeps the document’s own numbering as section ids', () => {
    expect(ids).toEqual(expect.arrayContaining(['I', 'I.A', 'II.A.1', 'III.B.7', 'III.C.4', 'IV', 'V']));
    expect(sectionOf(result, 'III.C.4').title).toBe('Social Media');
    expect(sectionOf(result, 'V').title).toBe('Computer Service or Repairs');
  });

  // The lettered and roman items of III.C.1 and III.C.9 are written "- b." and "- iii." in the text.
  it('numbers the lettered items of a bulleted list down to III.C.9.b.iii', () => {
    expect(ids).toEqual(expect.arrayContaining(['III.C.9.b', 'III.C.9.b.iii']));
  });

  it('drops the "OPD – 4.1" page headers and says so in the import report', () => {
    for (const s of flattenSections(result.document.sections)) expect(s.text).not.toMatch(/OPD\s*[-–]\s*4\.1/);
    expect(result.report.length).toBeGreaterThan(0);
    expect(result.report.join('\n')).toMatch(/dropped \d+ page header\/footer line\(s\), e\.g\. "OPD – 4\.1"/);
  });

  it('drafts a needs_approval provision naming the Chief of Police for installing software (III.B.7)', () => {
    const p = sectionOf(result, 'III.B.7').provisions?.find((x) => x.verdict === 'needs_approval');
    expect(p).toBeDefined();
    expect(p!.quote).toContain('without the authorization of the Chief of Police');
    expect(authorityName(result, p!.authority)).toBe('Chief of Police');
  });

  it('drafts a must_report provision naming the Deputy Chief for repairs (V)', () => {
    const p = sectionOf(result, 'V').provisions?.find((x) => x.verdict === 'must_report');
    expect(p).toBeDefined();
    expect(p!.quote).toMatch(/^Problems with equipment or software will be reported promptly to the Deputy Chief/);
    expect(authorityName(result, p!.authority)).toBe('Deputy Chief');
  });

  it('marks the document as a draft whose every drafted quote is verbatim and which loads as a library', () => {
    expect(result.document.draft).toBe(true);
    for (const s of flattenSections(result.document.sections)) {
      for (const p of s.provisions ?? []) {
        expect(p.drafted).toBe(true);
        expect(s.text).toContain(p.quote);
      }
    }
    expect(() => buildLibrary({ department: 'olivette', name: 'Olivette', authorities: result.authorities }, [result.document], lexicon)).not.toThrow();
  });

  // The id is only on the running header "OPD – 4.1", which is also dropped as page furniture.
  it('takes the document id from its "OPD – 4.1" header', () => {
    expect(result.document.id).toMatch(/^OPD\s*[-–]?\s*4\.1$/);
  });

  it('drafts no provision from the signature block after the last section', () => {
    const quotes = (sectionOf(result, 'V').provisions ?? []).map((p) => p.quote);
    expect(quotes.filter((q) => /^(Signature on File|Chief of Police|Effective Date)/.test(q))).toEqual([]);
  });
});

describe('importing the rescinded Long Beach special order', () => {
  it('marks it rescinded and says when and by what', () => {
    const { document } = importText(seed('long-beach-special-order-social-media-2019.txt'));
    expect(document.status).toBe('rescinded');
    expect(document.rescinded?.date).toBe('2021-07-22');
    expect(document.rescinded?.by).toContain('3.51');
  });
});

describe('numbering styles', () => {
  it('nests Lexipol-style decimal sections by their depth, with (a) items under the nearest section', () => {
    const result = importText(`Maplewood Police Department
Policy 1058
SOCIAL MEDIA

1058.1 PURPOSE AND SCOPE
This policy provides guidelines for the regulation of speech by members of this department.

1058.4 PROHIBITED SPEECH
Members are prohibited from the following:
(a) Speech that could compromise the safety of any member.
(b) Speech that is sexual or obscene.

1058.4.1 UNAUTHORIZED DISPLAYS
Members shall not post the following without the approval of the Chief of Police:
(a) Photographs of themselves in uniform.
(b) Images of the department badge or patch.

1058.5 PRIVACY EXPECTATION
Members have no expectation of privacy on department systems.
`);
    expect(result.document.sections.map((s) => s.id)).toEqual(['1058.1', '1058.4', '1058.5']);
    const prohibited = sectionOf(result, '1058.4');
    expect(prohibited.title).toBe('Prohibited Speech');
    expect(prohibited.children?.map((c) => c.text)).toEqual([
      'Speech that could compromise the safety of any member.',
      'Speech that is sexual or obscene.',
      expect.stringContaining('Members shall not post the following'),
    ]);
    const displays = sectionOf(result, '1058.4.1');
    expect(displays.title).toBe('Unauthorized Displays');
    expect(displays.children?.map((c) => c.text)).toEqual(['Photographs of themselves in uniform.', 'Images of the department badge or patch.']);
    for (const item of displays.children ?? []) {
      expect(item.id.startsWith('1058.4.1')).toBe(true);
      expect(item.provisions?.[0]).toMatchObject({ verdict: 'needs_approval' });
      expect(authorityName(result, item.provisions?.[0]?.authority)).toBe('Chief of Police');
    }
  });

  it('reads "Section 5. Personal Use" with numbered paragraphs 5.1, 5.2 under it', () => {
    const result = importText(`Riverton Information Technology
Acceptable Use Policy

Section 5. Personal Use
5.1 Employees may make limited personal use of City computers during breaks.
5.2 Employees shall not stream video or music on City computers.

Section 6. Reporting
6.1 Employees shall report lost or stolen devices to the IT Manager immediately.
`);
    expect(result.document.sections.map((s) => [s.id, s.title])).toEqual([
      ['Section 5', 'Personal Use'],
      ['Section 6', 'Reporting'],
    ]);
    expect(sectionOf(result, 'Section 5').children?.map((c) => c.id)).toEqual(['5.1', '5.2']);
    expect(sectionOf(result, '5.1').provisions?.[0]?.verdict).toBe('allowed_with_conditions');
    expect(sectionOf(result, '5.2').provisions?.[0]?.verdict).toBe('prohibited');
    const report = sectionOf(result, '6.1').provisions?.[0];
    expect(report?.verdict).toBe('must_report');
    expect(authorityName(result, report?.authority)).toMatch(/IT Manager/i);
  });

  it('reads county-code "Sec. 12-4." sections with their (a), (b) subsections under them', () => {
    const result = importText(`Chapter 12. Public Information

Sec. 12-4. Public Information Officer.

(a) The Sheriff appoints a Public Information Officer.
(b) Employees shall refer media inquiries to the Public Information Officer.

Sec. 12-5. Release of records.

(a) Employees shall not release records without the approval of the Records Custodian.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['Sec. 12-4', 'Sec. 12-4.a', 'Sec. 12-4.b', 'Sec. 12-5', 'Sec. 12-5.a']));
    expect(sectionOf(result, 'Sec. 12-5.a').provisions?.[0]?.verdict).toBe('needs_approval');
  });

  it('takes a number that wraps to the start of a line mid-sentence for a reference, not a new section', () => {
    const result = importText(`612.4 DEACTIVATION
The unit deactivates the account and preserves its data as required by
612.15. Members shall not delete a covert account on their own.

612.5 EQUIPMENT
Covert accounts shall be accessed only from unit equipment.

612.15 AUDITS AND RETENTION
The unit audits covert accounts every year.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['612.4', '612.5', '612.15']);
    expect(sectionOf(result, '612.4').text).toContain('as required by 612.15. Members shall not delete');
  });

  it('drops a running header whose columns are padded apart with spaces', () => {
    const header = `Ridgeland DPS — Highway Patrol Division${' '.repeat(34)}Effective 10/01/2023`;
    const rules = ['PASSWORDS', 'EMAIL', 'SOFTWARE'];
    const result = importText(rules.map((r, n) => `${header}\n\n${n + 1}. ${r}\nEmployees shall not misuse ${r.toLowerCase()}.\n`).join('\n'));
    expect(flattenSections(result.document.sections).every((s) => !s.text.includes('Highway Patrol Division'))).toBe(true);
    expect(result.report.join(' ')).toMatch(/dropped 3 page header/);
  });

  it('reads "Rule 8-4   MOBILE DATA COMPUTERS" as a section with its lettered paragraphs under it', () => {
    const text = 'Rule 8-4   MOBILE DATA COMPUTERS\nA. The MDC is for official use.\nB. Members shall not type on the MDC while driving.\nRule 8-5   NCIC QUERIES\nA. Queries shall be conducted only for official purposes.';
    const sections = importText(text).document.sections;
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      ['Rule 8-4', 'Mobile Data Computers'],
      ['Rule 8-5', 'NCIC Queries'],
    ]);
    expect(sections[0]?.children?.map((c) => c.id)).toEqual(['Rule 8-4.A', 'Rule 8-4.B']);
  });

  it('nests "§ 9-6.1" under "§ 9-6. SOFTWARE AND HARDWARE." and gives it that heading', () => {
    const text = '§ 9-5.  PROHIBITED USES.\n§ 9-5.1  Employees shall not gamble.\n§ 9-6.  SOFTWARE AND HARDWARE.\n§ 9-6.1  Employees may not install any software without the approval of the IT Director.\n§ 9-6.2  Employees shall not connect personal printers.';
    const sections = importText(text).document.sections;
    expect(sections.map((s) => s.id)).toEqual(['Section 9-5', 'Section 9-6']);
    expect(sections[1]?.title).toBe('Software and Hardware');
    expect(sections[1]?.children?.map((c) => [c.id, c.title])).toEqual([
      ['Section 9-6.1', 'Software and Hardware'],
      ['Section 9-6.2', 'Software and Hardware'],
    ]);
  });

  it('joins a sentence that runs on across a page break, dropping the running header between its halves', () => {
    const page = (n: number) => `\nKCSO General Order 410          Page ${n} of 3          Eff. 07/01/2025\n\n`;
    const text = `I. ISSUANCE\nAgency-issued phones are assigned to members holding the rank of sergeant or\n${page(1)}above, detectives and K-9 handlers.\n${page(2)}II. USE\nMembers shall not install games on agency-issued phones.\n${page(3)}`;
    const [first] = importText(text).document.sections;
    expect(first?.text).toBe('Agency-issued phones are assigned to members holding the rank of sergeant or above, detectives and K-9 handlers.');
  });

  it('joins a sentence whose next word across the page break is a name ("… by the Public" / "Information Officer.")', () => {
    const page = (n: number) => `\n\nDO 41-7   Information Technology          Page ${n} of 3\nHalvorsen State University Police Department\n\f\n`;
    const text = `C-2   Personal Accounts\n      a.  Members shall not post images in uniform unless the post has been approved by the Public\n${page(1)}          Information Officer.\n      b.  Members shall not friend a victim.\n${page(2)}C-3   Prohibited Posts\n      Members shall not post CJI.\n${page(3)}`;
    const result = importText(text);
    expect(sectionOf(result, 'C-2.a').text).toBe('Members shall not post images in uniform unless the post has been approved by the Public Information Officer.');
    expect(sectionOf(result, 'C-2').text).toBe('');
  });

  it('reads "Sec. 2-102. Multi-Factor Authentication." and "14.2.3 Take-home vehicles." as headings', () => {
    const sec = importText(`Sec. 2-101. Passwords.\n\n(1) Passwords expire yearly.\n\nSec. 2-102. Multi-Factor Authentication.\n\n(1) MFA is required for remote access.\n`);
    expect(sec.document.sections.map((s) => s.title)).toEqual(['Passwords', 'Multi-Factor Authentication']);
    const decimal = importText(`14.2.3 Take-home vehicles.\n\n(a) A take-home vehicle shall be used only for commuting.\n\n14.2.4 Fuel.\n\n(a) Members shall fuel at the Borough yard.\n`);
    expect(decimal.document.sections.map((s) => s.title)).toEqual(['Take-home vehicles', 'Fuel']);
  });

  it('takes a number that wraps onto a line reading on in lower case ("200.14.07 and 200.14.08.") for a reference', () => {
    const text = `200.14.06 MEDIA\nA member may speak as a private citizen, subject to\n200.14.07 and 200.14.08.\n\n200.14.07 PERSONAL USE\nMembers may maintain personal accounts.\n`;
    const sections = importText(text).document.sections;
    expect(sections.map((s) => s.id)).toEqual(['200.14.06', '200.14.07']);
    expect(sections[0]?.text).toBe('A member may speak as a private citizen, subject to 200.14.07 and 200.14.08.');
  });

  it('puts a label that extraction left on a line of its own back in front of its text', () => {
    const text = `I.\n\nPURPOSE\n\nThis procedure governs computers.\n\nII.\n\nSOFTWARE\n\nA.\n\nNo software shall be installed without\nthe approval of the IT Division.\n\nB.\n\nMembers shall not connect personal devices,\nas set out in Sec.\n6.09.\n`;
    const sections = importText(text).document.sections;
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      ['I', 'Purpose'],
      ['II', 'Software'],
    ]);
    expect(sections[1]?.children?.map((c) => c.id)).toEqual(['II.A', 'II.B']);
    expect(sections[1]?.children?.[0]?.text).toBe('No software shall be installed without the approval of the IT Division.');
  });

  it('keeps a paragraph after a list apart from the lead-in that opened the list', () => {
    const text = `1060.4.2 UNIFORM IMAGES\nMembers shall not post images of themselves in uniform without the approval of the Chief of Police.\nThe following are permitted without prior approval:\n(a) Sharing a photograph the Department has released.\n(b) Posting a photograph taken at a public ceremony.\nA member in an undercover assignment shall not post any image of himself in uniform.\n`;
    const [first] = importText(text).document.sections;
    expect(first?.text).toMatch(/without prior approval:\n\nA member in an undercover/);
    expect(first?.children?.map((c) => c.provisions?.[0]?.verdict)).toEqual(['allowed', 'allowed']);
  });

  it('keeps a run-in list that wraps onto a line starting "(3)" in its paragraph', () => {
    const text = `§ 7.04 Personal Use.\n(a) Incidental personal use is permitted, provided that it (1) is brief, (2) does\nnot interfere with the user's duties,\n(3) results in no cost to the County.\n(b) Gambling is prohibited.\n`;
    const [first] = importText(text).document.sections;
    expect(first?.children?.map((c) => c.id)).toEqual(['Section 7.04.a', 'Section 7.04.b']);
    expect(first?.children?.[0]?.text).toMatch(/\(3\) results in no cost to the County\.$/);
  });

  it('drops a publisher\'s long copyright footer and joins the sentence it splits', () => {
    const footer = (n: number) =>
      `\nCopyright Lexipol, LLC 2025/03/14, All Rights Reserved.     Employee Speech - ${n}\nPublished with permission by Ashby Police Department\n\n`;
    const text = `1060.1 ACCOUNTS\nNo member shall create an account that represents${footer(1)}the Department without the approval of the Chief of Police.\n${footer(2)}1060.2 USE\nMembers shall not post on duty.\n${footer(3)}`;
    const [first] = importText(text).document.sections;
    expect(first?.text).toBe('No member shall create an account that represents the Department without the approval of the Chief of Police.');
    expect(first?.provisions?.map((p) => p.verdict)).toEqual(['needs_approval']);
  });

  it('takes a run-in heading for the paragraph\'s title and drafts nothing from it', () => {
    const result = importText(`ARTICLE 3. MOBILE DATA COMPUTERS

(f) Damage and malfunction. A member whose MDC is damaged shall report the problem to the Technology Service Center.
`);
    const f = sectionOf(result, 'Article 3.f');
    expect(f.title).toBe('Damage and malfunction');
    expect(f.text).toMatch(/^Damage and malfunction\. A member/);
    expect(f.provisions?.map((p) => p.verdict)).toEqual(['must_report']);
  });

  it('never loses an import to a number used twice: the later one is set apart and reported', () => {
    const result = importText(`1. PURPOSE
This policy covers email.

2. RULES
Employees shall not forward email to personal accounts.

2. RULES
Employees shall not use email for personal business.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['1', '2', '2 (2)']);
    expect(result.report).toEqual(expect.arrayContaining([expect.stringMatching(/§2 appears more than once/)]));
    expect(() => buildLibrary({ department: 'x', name: 'X', authorities: result.authorities }, [result.document], lexicon)).not.toThrow();
  });

  it('splits a document with no numbering at its ALL-CAPS headings, using the heading as the id', () => {
    const result = importText(`Harbor County Sheriff's Office
Social Media Guidelines

PURPOSE
This guideline sets out how deputies may use social media.

PHOTOGRAPHS, UNIFORMS AND INSIGNIA
Deputies shall not post photographs of themselves in uniform without the approval of the Sheriff.

REPORTING VIOLATIONS
Deputies who see a posting that violates this guideline shall notify their supervisor.
`);
    expect(result.document.sections.map((s) => [s.id, s.title])).toEqual([
      ['PURPOSE', 'Purpose'],
      ['PHOTOGRAPHS, UNIFORMS AND INSIGNIA', 'Photographs, Uniforms and Insignia'],
      ['REPORTING VIOLATIONS', 'Reporting Violations'],
    ]);
    const photos = sectionOf(result, 'PHOTOGRAPHS, UNIFORMS AND INSIGNIA').provisions?.[0];
    expect(photos?.verdict).toBe('needs_approval');
    expect(authorityName(result, photos?.authority)).toBe('Sheriff');
    const reporting = sectionOf(result, 'REPORTING VIOLATIONS').provisions?.[0];
    expect(reporting?.verdict).toBe('must_report');
    expect(authorityName(result, reporting?.authority)).toMatch(/supervisor/i);
  });

  it('reads a group heading stacked over a section heading as two headings, not as the previous section\'s text', () => {
    const result = importText(`Calder County Detention Center
Post Order D-214

Definitions
  •  Secure area: any area inside the main sally port.

Electronic Devices
Personal Devices in Secure Areas
Staff shall not carry a personal device in any secure area.

Smart Watches
Fitness trackers that display only the time may be worn.
`);
    expect(result.document.sections.map((s) => s.id)).toEqual(['Definitions', 'Electronic Devices', 'Personal Devices in Secure Areas', 'Smart Watches']);
    expect(sectionOf(result, 'Definitions').text).not.toMatch(/Staff shall not/);
    expect(sectionOf(result, 'Personal Devices in Secure Areas').provisions?.[0]?.verdict).toBe('prohibited');
  });

  it('nests the numbered lists of ALL-CAPS headings under their heading when each list starts again at 1', () => {
    const result = importText(`SOCIAL MEDIA

PURPOSE
This procedure sets out how employees use social media.

DEPARTMENT SANCTIONED EMPLOYEE USE
Personnel representing the department via social media shall do the following:
    1. Identify themselves as a member of the department.
    2. Not conduct political activities or private business.

DEPARTMENTAL INVESTIGATIVE USES
    1. Information from social media used in a criminal case is kept as evidence.
    2. Off duty officers are prohibited from creating undercover accounts.

PERSONAL USE
Department personnel shall abide by the following when using social media.
    1. Department personnel are free to express themselves as private citizens.
    2. Department personnel shall not post information gained through their employment.
           a. Display department logos on personal sites.

REPORTING VIOLATIONS
Any employee aware of a posting in violation of this policy shall notify his or her supervisor.
`);
    const ids = flattenSections(result.document.sections).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['PURPOSE', 'DEPARTMENT SANCTIONED EMPLOYEE USE 1', 'PERSONAL USE', 'PERSONAL USE 2', 'PERSONAL USE 2.a', 'REPORTING VIOLATIONS']));
    expect(sectionOf(result, 'PERSONAL USE 2').title).toBe('Personal Use');
    expect(sectionOf(result, 'PERSONAL USE 2').provisions?.[0]?.verdict).toBe('prohibited');
    expect(sectionOf(result, 'REPORTING VIOLATIONS').text).toMatch(/^Any employee aware/);
  });

  it('titles numbered rules with the heading line above them, until the next heading', () => {
    const result = importText(`Article 5 - COMMUNICATIONS
Correspondence
5.3 Members shall not use the department as a mailing address for personal purposes.
5.4 Members shall not use departmental letterhead for personal correspondence.
Telephones and Use of Other Communications Facilities
5.5 Except in an emergency, department telephones shall not be used for personal long distance calls.
Article 6 - TRANSMISSION OF INFORMATION
Press Relations
6.1 No member shall use the press as a means of personal publicity.
`);
    expect(['5.3', '5.4', '5.5', '6.1'].map((id) => sectionOf(result, id).title)).toEqual([
      'Correspondence',
      'Correspondence',
      'Telephones and Use of Other Communications Facilities',
      'Press Relations',
    ]);
  });

  it('reads a series code in front of decimal numbers ("OPER.11.5   VIEWING DIGITALLY RECORDED DATA") as a section', () => {
    const result = importText(`OPER.11           POLICY
The Department is committed to the safety of the public.
OPER.11.5         VIEWING DIGITALLY RECORDED DATA
A. Officers shall not copy or record BWC video with any other device.
B. Officers may view their own recordings before writing a report.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['OPER.11', 'OPER.11.5', 'OPER.11.5.A', 'OPER.11.5.B']);
    expect(sectionOf(result, 'OPER.11.5').title).toBe('Viewing Digitally Recorded Data');
  });

  it('keeps a text with no numbering and no headings as one section, and says so', () => {
    const result = importText('Employees shall not post photographs of crime scenes on social media. Personal use of email is allowed.');
    expect(result.document.sections).toHaveLength(1);
    expect(result.report.join('\n')).toMatch(/no numbered sections or headings found/);
  });
});

describe('splitting sentences', () => {
  it('does not split inside "under VI. (D) (1, 2, 3)" or after "Sec."', () => {
    expect(sentences('Recording in situations covered under VI. (D) (1, 2, 3) should be stated. See Sec. 4 for more. Members shall not post.')).toEqual([
      'Recording in situations covered under VI. (D) (1, 2, 3) should be stated.',
      'See Sec. 4 for more.',
      'Members shall not post.',
    ]);
  });
});

describe('drafting permissions and their limits', () => {
  it('reads what needs no approval, a ban that is only a proviso, and "no other member shall" by their wording', () => {
    expect(classifySentence('No other member shall post to, comment from, or send messages from an official Department account.').verdict).toBe('prohibited');
    expect(classifySentence('The following do not require prior authorization, provided the content does not otherwise violate this policy:').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Limited personal use is permitted when:').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Incidental personal use is permitted.').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Speaking as a private citizen on matters of public concern, provided the member does not identify himself as a member.').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Voice calls may be made or received while driving only in hands-free mode.').verdict).toBe('allowed_with_conditions');
  });

  it('owes no report to anyone when a sentence says only to report as another policy says', () => {
    expect(classifySentence('Such time is compensable and shall be reported in accordance with the Overtime Compensation Requests Policy.').verdict).not.toBe('must_report');
    expect(classifySentence('Members shall report any loss to their supervisor in accordance with the Property Policy.')).toMatchObject({ verdict: 'must_report', authority: 'supervisor' });
  });

  it('reads a right kept and a limit disclaimed as permissions', () => {
    expect(classifySentence('Employees retain their right to vote as they choose and to support candidates of their choice.').verdict).toBe('allowed');
    expect(classifySentence('This policy does not limit an employee from speaking as a private citizen.').verdict).toBe('allowed');
  });

  it('reads "the recording officer and his supervisor may access …" as a permission', () => {
    expect(classifySentence('The recording officer and his supervisor may access and review recordings prior to completing incident reports.').verdict).toBe('allowed');
  });

  it('reads "may be turned off … unless …" as a permission whose exception is not allowed, and "shall use only" as a limit', () => {
    const [off] = provisionsOf('B. RECORDING\nThe BWC may be turned off when the officer is engaged in a community caretaking function unless the officer has reason to believe the person has committed a crime.');
    // Leave in a case ("when the officer is engaged in …") holds on it.
    expect(off?.verdict).toBe('allowed_with_conditions');
    expect(off?.exceptions?.[0]?.verdict).toBe('prohibited');
    expect(classifySentence('Data stored on department computer systems shall only be accessed by authorized members who are engaged in an active investigation.')).toMatchObject({ verdict: 'allowed_with_conditions', limited: true });
    const [only] = provisionsOf('A. EQUIPMENT\nDepartment members shall use only department-issued video recording equipment.');
    expect(only).toMatchObject({ verdict: 'allowed_with_conditions', limited: true });
  });
});

describe('drafting verdicts from wording', () => {
  it('reads "Members are encouraged to …" as advice, not as leave for anything', () => {
    expect(classifySentence('Members are encouraged to keep their profiles private.').verdict).toBe('info');
  });

  it('reads a verbless "No personal browsing …" as a ban and "is for police work only" as a use confined to it', () => {
    expect(classifySentence('No personal browsing, streaming, games or shopping on the MDT at any time, including on your meal break.').verdict).toBe('prohibited');
    expect(classifySentence('No expectation of privacy exists.').verdict).toBe('info');
    expect(classifySentence('The MDT is for police work only.')).toMatchObject({ verdict: 'allowed_with_conditions', limited: true });
  });

  it('reads an item "Not make statements …" under a lead-in that says "shall do the following:" as a ban', () => {
    const found = provisionsOf(`1. DEPARTMENT USE
Personnel representing the department via social media shall do the following:
    a. Identify themselves as a member of the department.
    b. Not make statements about the guilt or innocence of any suspect or arrestee.
2. PERSONAL USE
Personnel are free to express themselves as private citizens.
`);
    expect(found.find((p) => /guilt/.test(p.quote))?.verdict).toBe('prohibited');
    expect(found.find((p) => /Identify/.test(p.quote))?.verdict).toBe('info');
  });

  it('reads advice to exercise caution, and the list it opens, as permission with conditions', () => {
    const found = provisionsOf(`4. PERSONAL USE
It is recommended that department personnel exercise caution before they do the following:
    a. Display department logos or uniforms on personal social media sites.
5. OTHER
Members shall not post crime scene photographs.
`);
    expect(found.find((p) => /logos/.test(p.quote))?.verdict).toBe('allowed_with_conditions');
  });

  it('reads a caution against an act ("are cautioned not to publish …") as permission with conditions', () => {
    const [p] = provisionsOf('1. PHOTOS\nFor safety reasons, personnel are cautioned not to publish photos of themselves in department uniforms.');
    expect(p?.verdict).toBe('allowed_with_conditions');
  });

  it('gives a permission joined to a duty to report two provisions: the permission with a condition, and the duty', () => {
    const found = provisionsOf(
      '1. MEDIA\nAt a scene where the PIO is absent, the shift supervisor may release the type of incident to the news media, and shall inform the Public Information Officer before the end of the shift.',
    );
    expect(found.map((p) => p.verdict).sort()).toEqual(['allowed_with_conditions', 'must_report']);
    expect(found.find((p) => p.verdict === 'must_report')?.authority).toBe('public_information_officer');
  });

  it('gives a prohibition joined to a duty to report the prohibition and the duty', () => {
    const found = provisionsOf('1. REQUESTS\nA member who receives such a friend request on a personal account shall not respond to it and shall inform his or her supervisor.');
    expect(found.map((p) => p.verdict).sort()).toEqual(['must_report', 'prohibited']);
  });

  it('reads "Nothing in this chapter prohibits …, provided …" as a permission with conditions', () => {
    const found = provisionsOf('1. SPEECH\nNothing in this chapter prohibits an employee who is off duty from posting as a private citizen on political issues, provided the employee does not imply endorsement.');
    expect(found[0]?.verdict).toBe('allowed_with_conditions');
  });
});

describe('drafting permissions', () => {
  it('reads "may … without supervisory approval" as a permission, not an approval path', () => {
    const [p] = provisionsOf('1. RESEARCH\nMembers may conduct open-source research on social media without supervisory approval when it is related to an assigned case.');
    expect(p?.verdict).toBe('allowed_with_conditions');
  });

  it('keeps a permission whose proviso says what the member does not do', () => {
    const [p] = provisionsOf(
      '1. BREAKS\nMembers may use personal social media on a personal device during a meal break, provided that the member does not post content while in uniform.',
    );
    expect(p?.verdict).toBe('allowed_with_conditions');
  });
});

describe('drafting duties to report', () => {
  it('finds the report after another duty ("shall disconnect …, and notify the Service Center") and whom it goes to', () => {
    const [p] = provisionsOf('1. INCIDENTS\nA member who suspects a security incident shall immediately disconnect the laptop from the network, and notify the Technology Service Center.');
    expect(p?.verdict).toBe('must_report');
    expect(p?.authority).toBe('technology_service_center');
  });

  it('reads "shall be turned in to the IT Systems Administrator" as a duty owed to that administrator', () => {
    expect(classifySentence('A USB drive that is found shall be turned in to the IT Systems Administrator without being connected to any computer.')).toMatchObject({
      verdict: 'must_report',
      authority: 'IT Systems Administrator',
    });
  });

  it('reads "shall, no later than the next business day, deliver a copy to the Records Custodian" as a duty to report', () => {
    const [p] = provisionsOf('1. SUBPOENAS\nAn employee who is served with a subpoena for records shall, no later than the next business day, deliver a copy to the Records Custodian.');
    expect(p?.verdict).toBe('must_report');
  });

  it('puts the items a lead-in lists ("Security incidents include:") under the rule it spells out', () => {
    const found = provisionsOf(
      '1. INCIDENTS\nA member who suspects a security incident shall notify the Technology Service Center. The TSC notifies the Information Security Officer. Security incidents include, among others:\n(a) clicking a link or opening an attachment in a suspicious e-mail message;\n(b) a lost laptop.',
    );
    const item = found.find((p) => p.quote.startsWith('clicking a link'));
    expect(item?.verdict).toBe('must_report');
    expect(item?.authority).toBe('technology_service_center');
  });
});

describe('drafting duties that refer elsewhere', () => {
  it('gives "report it as a security incident under Sec. 6-101" whom Sec. 6-101 names', () => {
    const found = provisionsOf(
      'Sec. 2-102. Multi-Factor Authentication.\n(3) A user who receives an MFA prompt that he or she did not initiate shall deny the prompt and report it as a security incident under Sec. 6-101.\n\nSec. 6-101. Security Incidents.\n(1) A user shall report any security incident immediately to the Information Security Officer.',
    );
    const mfa = found.find((p) => p.quote.startsWith('A user who receives'));
    expect(mfa?.verdict).toBe('must_report');
    expect(mfa?.authority).toBe(found.find((p) => p.quote.startsWith('A user shall report'))?.authority);
    expect(mfa?.authority).toBeTruthy();
  });
});

describe('drafting lists of exceptions', () => {
  it('lets through the items of "shall not be used …, except:" and keeps "the following are prohibited …, unless …:" items prohibited', () => {
    const excepted = provisionsOf(
      '14.1.4 Use off duty. Department equipment shall not be used for personal purposes or while off duty, except:\n(a) uniform items worn while commuting to or from a tour of duty;\n(b) a take-home vehicle assigned under 14.2.3.',
    );
    expect(excepted.find((p) => p.quote.startsWith('uniform items'))?.verdict).toBe('allowed');
    const prohibited = provisionsOf(
      '1060.4 PROHIBITED SPEECH\nThe following are prohibited, whether the member is on or off duty, unless the speech is otherwise protected by law:\n(a) Speech that is obscene or threatening.\n(b) Photographs of crime scenes.',
    );
    expect(prohibited.find((p) => p.quote.startsWith('Photographs'))?.verdict).toBe('prohibited');
  });
});

describe('drafting exceptions with alternatives', () => {
  it('gives each alternative of "unless …, or while on an authorized break" an exception of its own', () => {
    const [rule] = provisionsOf(
      '4. SOCIAL MEDIA\nAll personnel are prohibited from using any social media while on duty unless for investigative purposes or in the performance of their duties, or while on an authorized break.',
    );
    expect(rule?.verdict).toBe('prohibited');
    const whens = (rule?.exceptions ?? []).map((e) => e.when);
    expect(whens).toContainEqual(['break_time']);
    expect(whens.length).toBeGreaterThan(1);
  });
  it('reads "… unless the vehicle is parked, except when responding to an emergency and radio is not practical" as two cases', () => {
    const [rule] = provisionsOf(
      '615.8 USE WHILE DRIVING\nMembers operating a department vehicle shall not use a handheld mobile device to make calls unless the vehicle is lawfully parked, except when the member is responding to an emergency and radio communication is not practical, and then only to the extent necessary.',
    );
    expect(rule?.verdict).toBe('prohibited');
    expect((rule?.exceptions ?? []).map((e) => e.when)).toContainEqual(expect.arrayContaining(['exigent', 'equipment_unavailable']));
  });

  it('reads an exception that lists its cases ("about the work schedule, overtime, or an emergency") as one case per item, each with what the list is said of', () => {
    const [rule] = provisionsOf(
      "7-6 ELECTRONIC MAIL\nPersonal use of Patrol e-mail is prohibited, except for brief messages to a member's immediate family about the member's work schedule, overtime, or an emergency.",
    );
    expect(rule?.verdict).toBe('prohibited');
    const whens = (rule?.exceptions ?? []).map((e) => [...e.when].sort());
    expect(whens).toEqual([
      ['family', 'schedules'],
      ['compensation', 'family'],
      ['exigent', 'family'],
    ]);
  });

  it('reads "shall not be copied … unless the transfer has been approved in advance by the TAC" as that approval path', () => {
    const d = classifySentence('CJI shall not be copied to portable storage media unless the transfer has been approved in advance by the Terminal Agency Coordinator (TAC).');
    expect(d).toMatchObject({ verdict: 'needs_approval', authority: 'Terminal Agency Coordinator' });
  });

  it('reads a condition of a permission that something not be so ("the use does not take place on a console") as a ban of it', () => {
    const provisions = provisionsOf(`B-2   Personal Use
      Members may make limited personal use of Department computers when:
      a.  the use takes place during a meal or rest break;
      b.  the use does not take place on a Communications Center console.
`);
    expect(provisions.map((p) => [p.quote.slice(0, 30), p.verdict])).toEqual([
      ['Members may make limited perso', 'allowed_with_conditions'],
      ['the use takes place during a m', 'allowed_with_conditions'],
      ['the use does not take place on', 'prohibited'],
    ]);
  });

  it('reads "…, provided that the use:" as a lead-in of conditions, and "does not involve streaming" under it as a ban', () => {
    const provisions = provisionsOf(`Section 4.02 Personal Use.
    (1)  Incidental personal use of department desktop computers is permitted during a meal period or break, provided that the use:
         (i)   is brief and does not interfere with department business;
         (ii)  does not involve streaming video or music, online gaming or the downloading of large files.
`);
    expect(provisions.find((p) => p.quote.startsWith('does not involve'))?.verdict).toBe('prohibited');
  });

  it('makes "Exception: a Field Training Officer may allow …" after a ban an exception of it, not a permission of its own', () => {
    const provisions = provisionsOf(`3.  It is a violation of this guideline to log in with another member's credentials. Exception: a Field
        Training Officer may allow a recruit officer to operate the FTO's logged-in MDT while the FTO is present in the vehicle.
`);
    expect(provisions).toHaveLength(1);
    expect(provisions[0]?.verdict).toBe('prohibited');
    expect(provisions[0]?.exceptions?.[0]?.when).not.toContain('exception_request');
  });

  it('reads "a request … shall be submitted in writing to the Deputy Chief of Operations, who may approve or deny" as that approval path', () => {
    const d = classifySentence('A request to delete a recording made by accident shall be submitted in writing to the Deputy Chief of Operations, who may approve or deny the deletion.');
    expect(d).toMatchObject({ verdict: 'needs_approval', authority: 'Deputy Chief of Operations' });
  });

  it('reads "No supervisor may direct …" and "No troop, unit, or employee may create …" as bans', () => {
    expect(classifySentence('No supervisor may direct an employee to disclose a password.').verdict).toBe('prohibited');
    expect(classifySentence('No troop, unit, or employee may create a social media account that represents the Patrol.').verdict).toBe('prohibited');
  });

  it('reads "unless the post has the prior written approval of the Sheriff" as that approval path', () => {
    const d = classifySentence('Photographs of the member in uniform, unless the post has the prior written approval of the Sheriff.');
    expect(d).toMatchObject({ verdict: 'needs_approval', authority: 'Sheriff' });
  });

  it('gives the items of "may maintain accounts but shall not post any of the following:" the ban, and keeps the permission', () => {
    const provisions = provisionsOf(`342.8.1 PERSONAL SOCIAL MEDIA
Members may maintain personal social media accounts but shall not post, transmit or share any of the following:

(a) Images, recordings or information obtained in the course of employment, including crime scenes and BWC video.
(b) Comments about pending cases.
`);
    expect(provisions.map((p) => p.verdict)).toEqual(['prohibited', 'allowed_with_conditions', 'prohibited', 'prohibited']);
    expect(provisions[0]?.clause).toBe('but shall not post, transmit or share any of the following:');
    expect(provisions[1]?.clause).toBe('Members may maintain personal social media accounts');
  });

  it('reads "a purpose other than law enforcement shall report it to the TAC" as a duty to report, not an exception', () => {
    const d = classifySentence('A member who becomes aware that another member has queried or disclosed CJI for a purpose other than law enforcement shall report it to the Terminal Agency Coordinator.');
    expect(d.verdict).toBe('must_report');
    expect(d.authority).toBe('Terminal Agency Coordinator');
    expect(d.exception).toBeUndefined();
  });

  it('reads ", except that after a shooting, review requires the approval of the Undersheriff" as a permission with that approval path', () => {
    const d = classifySentence('Members may review their own recordings before completing a report, except that after an officer-involved shooting or an in-custody death, review requires the approval of the Undersheriff.');
    expect(d.verdict).toBe('allowed');
    expect(d.exception).toMatchObject({ verdict: 'needs_approval', authority: 'Undersheriff' });
  });

  it('lets an emergency through on its terms when the exception says the use must be necessary and safe', () => {
    expect(
      classifySentence('Members shall not use a handheld phone while operating a Department vehicle, except in exigent circumstances when the radio is unavailable and the use is necessary and can be done safely.').exception?.verdict,
    ).toBe('allowed_with_conditions');
  });

  it('reads ", except photographs of official ceremonies, such as …, that have been publicly released" as a conditional exception', () => {
    const [rule] = provisionsOf(
      '14.8 PERSONAL USE\nMembers shall not post images of themselves in the Division uniform on any personal account, except photographs of official ceremonies, such as Academy graduation or an awards ceremony, that have been publicly released by the Division.',
    );
    expect(rule?.verdict).toBe('prohibited');
    expect(rule?.exceptions).toContainEqual(expect.objectContaining({ when: expect.arrayContaining(['ceremony']), verdict: 'allowed_with_conditions' }));
  });
});

describe('permissions over their cases', () => {
  it('reads each case under "may deactivate … only in the following circumstances:" as that permission, whatever its own wording', () => {
    const found = provisionsOf(
      'B. Activation and Deactivation\nOfficers may deactivate or mute the BWC only in the following circumstances, and shall state the reason on the recording:\na. when a victim of sexual assault asks not to be recorded;\nb. during tactical planning among officers with no member of the public present.',
    );
    const victim = found.find((p) => p.quote.startsWith('when a victim'));
    expect(victim?.verdict).toBe('allowed_with_conditions');
    expect(victim?.actions).toContain('stop_recording');
  });

  it('does not read the limits a permission is "subject to" as its cases', () => {
    const found = provisionsOf(
      '(B) A deputy may use the MDC for personal internet access only while on a meal period, subject to the following:\n(i) streaming of video on the MDC is prohibited at all times; and\n(ii) personal use shall end immediately upon dispatch.',
    );
    expect(found.find((p) => p.quote.startsWith('streaming'))?.verdict).toBe('prohibited');
  });
});

describe('drafting approval paths', () => {
  it('lets "Certain exceptions may be permitted with the approval of a supervisor" through the ban before it for a need of the job', () => {
    const [ban] = provisionsOf(
      '321.4.3 INTERNET USE\nInternet sites containing sexually explicit material shall not be intentionally accessed. Certain exceptions may be permitted with the express approval of a supervisor as a function of a member\'s assignment.',
    );
    expect(ban?.verdict).toBe('prohibited');
    expect(ban?.exceptions).toContainEqual(expect.objectContaining({ when: ['investigation_ctx'], verdict: 'needs_approval', authority: 'supervisor' }));
  });

  it('reads "without such authorization" as the approval path the sentence before names, and a person\'s consent as no approval', () => {
    const found = provisionsOf(
      '8.1 DEPARTMENT ACCOUNTS\nOnly members authorized by the Chief of Police may create a social media account for the Department. No member shall create any account or page that uses the Department name without such authorization. Members shall not post the home address of any other member without that member\'s express consent.',
    );
    expect(found.find((p) => p.quote.startsWith('No member shall create'))).toMatchObject({ verdict: 'needs_approval', authority: 'chief' });
    expect(found.find((p) => p.quote.startsWith('Members shall not post'))?.verdict).toBe('prohibited');
  });

  it('keeps a list of bans a ban when only its last one closes "without express written permission"', () => {
    expect(
      classifySentence('Refrain from making statements concerning the guilt or innocence of any suspect or arrestee, nor post, transmit, or otherwise disseminate confidential information without express written permission.').verdict,
    ).toBe('prohibited');
  });

  it('reads "may be deleted only upon written request to the Patrol Division Commander, who shall approve or deny the request" as that approval path', () => {
    const d = classifySentence('A recording made by accident, such as during a restroom visit, may be deleted only upon written request to the Patrol Division Commander, who shall approve or deny the request.');
    expect(d.verdict).toBe('needs_approval');
    expect(d.authority).toBe('Patrol Division Commander');
  });

  it('reads an exception "upon written approval of the Deputy Chief" as an approval path', () => {
    const [rule] = provisionsOf(
      '4.D RETENTION\nA recording shall not be deleted before the end of its retention period, except that the BWC Administrator may delete an accidental recording containing no law enforcement content, such as a recording made in a restroom, upon written approval of the Deputy Chief.',
    );
    expect(rule?.verdict).toBe('prohibited');
    expect(rule?.exceptions).toContainEqual(expect.objectContaining({ verdict: 'needs_approval', authority: 'deputy_chief' }));
  });

  it('makes a prohibition followed by "Any other … may be installed only with the approval of …" an approval path', () => {
    const [rule] = provisionsOf(
      '1. PHONES\nMembers shall not install any application on a department-issued phone other than those offered in the managed app catalog. Any other application may be installed only with the approval of the TSU Manager.',
    );
    expect(rule?.verdict).toBe('needs_approval');
    expect(rule?.authority).toBe('tsu_manager');
  });
});

describe('drafting duties and limits', () => {
  it('marks a sentence that owes an act as required, and one that only aims at it as not', () => {
    const found = provisionsOf('1. PHONES\nAll PCDs in the workplace shall be set to silent or vibrate mode. Members shall endeavor to limit their use of PCDs to authorized break times.');
    expect(found.find((p) => /silent/.test(p.quote))).toMatchObject({ verdict: 'info', required: true });
    expect(found.find((p) => /endeavor/.test(p.quote))?.required).toBeUndefined();
  });

  it('reads a use confined to the purposes it names as a limited permission', () => {
    const [p] = provisionsOf('1. INTERNET\nInternet access provided by the Department shall be strictly limited to department-related activities.');
    expect(p).toMatchObject({ verdict: 'allowed_with_conditions', limited: true });
  });
});

describe('drafting sentences that open with a concession', () => {
  it('reads the main clause after "While employees are not restricted from …," and gives its verdict to the list it opens', () => {
    const found = provisionsOf(`1. ENDORSEMENTS
While employees are not restricted from engaging in the following activities as private citizens, employees may not represent the Department in order to do any of the following, unless specifically authorized by the Chief of Police:
    (a) Endorse, support or oppose any product, service, company or other commercial entity.
`);
    expect(found.find((p) => /commercial entity/.test(p.quote))).toMatchObject({ verdict: 'needs_approval', authority: 'chief' });
  });
});

describe('a table of contents and unnumbered opening headings', () => {
  it('takes a decimal entry the body repeats for a contents line, and PURPOSE / DEFINITIONS before the numbering for headings of their own', () => {
    const result = importText(`ELGIN POLICE DEPARTMENT
STANDARD OPERATING PROCEDURE
Policy Sections:
                                   16.3.1 Department Use of Social Media
                                   16.3.2 Off-Duty Use of Social Media
PURPOSE
This policy establishes the department's position on the management of social media.
DEFINITIONS
Social Media: A category of internet based resources that integrate user generated content.
16.3.1 DEPARTMENT USE OF SOCIAL MEDIA
A. All department social media pages shall be approved by the chief of police.
16.3.2 OFF-DUTY USE OF SOCIAL MEDIA
A. Personnel shall not post photographs of crime scenes.
`);
    const ids = flattenSections(result.document.sections).map((s) => s.id);
    expect(ids).toEqual(['PURPOSE', 'DEFINITIONS', '16.3.1', '16.3.1.A', '16.3.2', '16.3.2.A']);
    const purpose = result.document.sections.find((s) => s.id === 'PURPOSE');
    expect(purpose?.text).toMatch(/management of social media/);
  });
});

describe('a publisher\'s footer', () => {
  it('is dropped even on the one page where it is laid out differently', () => {
    const result = importText(`421.5 ACTIVATION
Members shall activate the recorder at every stop.
Copyright Lexipol, LLC 2019/01/11, All Rights Reserved.
Published with permission by Urbana Police Department                     Cameras) - 1
421.6 PROHIBITED USE
Members are prohibited from using department-issued recorders for personal use.
`);
    const text = flattenSections(result.document.sections).map((s) => s.text).join('\n');
    expect(text).not.toMatch(/Copyright|Published with permission/);
  });
});

describe('running headers', () => {
  it('drops a header of labelled fields that ends in a colon, and a padded "Page 3 of 7" footer', () => {
    const page = (n: number, body: string) =>
      `Dir.#: 126-A      Issued: 01/03/2013   Eff: 12/31/2012      Rescinds:\nRev: 10/19/2020                                             Auth:\n${body}\nWPD General Orders Manual                     OPER.11 - Body Worn Camera Program                                   Page ${n} of 7\n`;
    const result = importText(
      page(1, 'I. SOCIAL MEDIA\nA. Members shall not post photographs of crime scenes.') +
        page(2, 'B. Members shall not post the home address of another member.') +
        page(3, 'II. EMAIL\nA. Members shall not forward email to a personal account.'),
    );
    const text = flattenSections(result.document.sections).map((s) => s.text).join('\n');
    expect(text).not.toMatch(/Dir\.#|Rev:|Page \d of 7/);
  });

  it('drops the department\'s and the manual\'s names heading the two pages of a short policy', () => {
    const header = '                                               Urbana Police Department\n                                                          Urbana PD Policy Manual\n';
    const result = importText(`420.1 PURPOSE\nThis policy covers the mobile digital computer.\n${header}420.2 USE\nMembers shall not send personal messages on the MDC.\n${header}420.3 LOGIN\nMembers shall log off when leaving the vehicle.\n`);
    const text = flattenSections(result.document.sections).map((s) => s.text).join('\n');
    expect(text).not.toMatch(/Policy Manual|Urbana Police Department/);
  });
});

describe('section numbers alone on their lines', () => {
  it('reads "2" and "2.1" over their headings as sections, not as page numbers or running furniture', () => {
    const page = (n: number, body: string) => `PORT ELLISON POLICE DEPARTMENT                 GENERAL ORDER GO 23-06\n\n${body}\n\n                    Page ${n} of 3\n`;
    const result = importText(
      [
        page(1, '1\n        General Provisions\n\n1.1\n        Purpose\n        This order governs department technology.\n\n1.2\n        Scope\n        This order applies to all members, including reserves.'),
        page(2, '2\n        Social Media\n\n2.1\n        Personal Accounts\n2.1.1   Members shall not post photographs of crime scenes.\n2.1.2   Members shall not identify themselves as officers.'),
        page(3, '3\n        Recordings\n\n3.1\n        Retention\n        Recordings are kept for at least 120 days.'),
      ].join('\f'),
    );
    const ids = flattenSections(result.document.sections).map((s) => s.id);
    expect(ids).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.1.1', '2.1.2', '3', '3.1']);
    const scope = flattenSections(result.document.sections).find((s) => s.id === '1.2');
    expect(scope?.title).toBe('Scope');
    expect(scope?.text).toContain('including reserves');
  });
});

describe('a citation ending a lead-in', () => {
  it('is no heading: "… responsible for (50 / ILCS 706/10-20):" keeps its items under the section', () => {
    const result = importText(`421.8 BODY-WORN CAMERA COORDINATOR
The Chief of Police should designate a coordinator responsible for (50
ILCS 706/10-20):
         (a)      Identifying members who are assigned body-worn cameras.
         (b)      Identifying members permitted to access recordings.
421.9 RETENTION
After the 90-day storage period, recordings must be destroyed unless any of the following occur
(50 ILCS 706/10-20):
         (a)      A formal or informal complaint has been filed
         (b)      The officer discharged his/her firearm
421.10 RELEASE
Recordings shall be released only as follows (50
ILCS 706/10-20):
         (a)      To the member who made the recording.
         (b)      To a prosecutor.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['421.8', '421.8.a', '421.8.b', '421.9', '421.9.a', '421.9.b', '421.10', '421.10.a', '421.10.b']);
  });
});

describe('a table of contents in roman numerals', () => {
  it('is skipped, so the body\'s sections keep their own ids', () => {
    const result = importText(`This Order is comprised of the following numbered sections:
   I.      ILLINOIS STATUTORY RESTRICTIONS
   II.     PROCEDURES
   III.    RECORDED MEDIA RETENTION
   IV.     LOADING OF RECORDER
   V.      EFFECTIVE DATE
I.    ILLINOIS STATUTORY RESTRICTIONS:
      The Illinois eavesdropping law is outlined in the statutes.
II.   PROCEDURES:
      A. Officers shall not erase any recording.
III.  RECORDED MEDIA RETENTION:
      A. Recordings are kept for 90 days.
IV.   LOADING OF RECORDER:
      A. Officers shall load the recorder at the start of the shift.
V.    EFFECTIVE DATE:
      This order is effective at once.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['I', 'II', 'II.A', 'III', 'III.A', 'IV', 'IV.A', 'V']);
  });
});

describe('the document number in the header', () => {
  it('reads "DIRECTIVE NUMBER: 3.07" as "Directive 3.07" and keeps the letter of "126-A"', () => {
    const body = '\nI. PURPOSE\nThis directive governs computer use.\nII. RULES\nA. Members shall not share passwords.\nB. Members shall not install software.\n';
    expect(importText(`WRITTEN DIRECTIVE\nSUBJECT: ACCEPTABLE USE\nDIRECTIVE NUMBER: 3.07          EFFECTIVE DATE: January 8, 2024\n${body}`).document.id).toBe('Directive 3.07');
    expect(importText(`POLICE OPERATIONS MANUAL\nDirective 126-A\nSUBJECT: SOCIAL MEDIA\n${body}`).document.id).toBe('Directive 126-A');
    expect(importText(`TAMARACK STATE POLICE\nADMINISTRATIVE PROCEDURE\n\nAP 9-14    INFORMATION TECHNOLOGY AND SOCIAL MEDIA\n${body}`).document).toMatchObject({
      id: 'AP 9-14',
      title: 'Information Technology And Social Media',
    });
  });
});

describe('rules numbered with a letter run into their number, and roman sections', () => {
  it('reads "R4.07 Use of Personal Electronic Devices." as rule R4.07 with R4.07.2 under it', () => {
    const text = `CHAPTER 4 – CONDUCT AND COMMUNICATIONS

R4.01 Purpose and Scope. This chapter establishes the rules governing communications.

R4.07 Use of Personal Electronic Devices.
R4.07.1 Members may carry a personal cell phone on duty.
R4.07.2 Members shall not photograph crime scenes with a personal device.
`;
    const result = importText(text);
    const ids = flattenSections(result.document.sections).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['R4.01', 'R4.07', 'R4.07.1', 'R4.07.2']));
    expect(sectionOf(result, 'R4.01').title).toBe('Purpose and Scope');
  });

  it('reads "R6-3  USE OF OFFICE SYSTEMS" as rule R6-3 with R6-3.2 and its items under it', () => {
    const text = `CHAPTER 6 - INFORMATION SYSTEMS

R6-3    USE OF OFFICE SYSTEMS
R6-3.1  Office systems are provided for official business.
R6-3.2  Members shall not use Office systems to:
        (a) gamble or play games;
        (b) operate a private business.

R6-4    ACCOUNTS AND PASSWORDS
R6-4.2  Members shall not disclose their passwords to any person.
`;
    const result = importText(text);
    const ids = flattenSections(result.document.sections).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['R6-3', 'R6-3.1', 'R6-3.2', 'R6-3.2.a', 'R6-4', 'R6-4.2']));
    expect(sectionOf(result, 'R6-4').title).toBe('Accounts and Passwords');
    expect(sectionOf(result, 'R6-4.2').provisions?.[0]?.verdict).toBe('prohibited');
  });

  it('reads numbers that start again at 1 under a lettered part of "4. Body-Worn Cameras" as that part\'s list', () => {
    const text = `STANDARD OPERATING PROCEDURE 300-07

3. Definitions
   A. Body-Worn Camera (BWC): A camera worn on the uniform.

4. Body-Worn Cameras
   A. Issuance and Inspection
      1. Each sworn officer assigned to patrol shall be issued a BWC.
      2. Officers shall test the BWC at the start of each shift.
   B. Activation
      1. Officers shall activate the BWC upon being dispatched to any call.
      2. Officers shall not record in a sensitive location.

5. Campus Video
   A. Members shall not secretly record conversations with other members.
`;
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(['3', '3.A', '4', '4.A', '4.A.1', '4.A.2', '4.B', '4.B.1', '4.B.2', '5', '5.A']);
  });

  it('reads chapter-article-section numbers "14-3-2" and numbers closed by a colon, "3: ACCEPTABLE USE" / "3.1:"', () => {
    const dashed = importText(`CHAPTER 14 – INFORMATION SYSTEMS

14-3-1 Purpose.
    This article establishes rules for personal communication devices.

14-3-3 Use of Personal Devices.
    (A) Members may carry a personally owned device while on duty only with the approval of their division commander.
    (B) Members shall not use a personally owned device to photograph crime scenes.
`);
    expect(flattenSections(dashed.document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['14-3-1', '14-3-3', '14-3-3.A', '14-3-3.B']));
    const colons = importText(`WESTBROOK POLICE DEPARTMENT

3: ACCEPTABLE USE

3.1: Computer systems are provided for official Department business.
3.2: Users shall lock any workstation before leaving it unattended.

4: PROHIBITED USES

4.1: Users shall not install software except with the approval of the Information Technology Manager.
4.2: Users shall not access sexually explicit material.

5: VIOLATIONS

5.1: Violations of Sections
      4.2 or 4.3 of this order shall be forwarded to the Professional Standards Unit.
`);
    const ids = flattenSections(colons.document.sections).map((s) => s.id);
    expect(ids).toEqual(['3', '3.1', '3.2', '4', '4.1', '4.2', '5', '5.1']);
    expect(sectionOf(colons, '4.1').text).not.toMatch(/sexually/);
  });

  it('reads "7.3a The recording shall begin …" as item 7.3.a, and a memo\'s "MEMO NO.: 2025-014" as its number', () => {
    const items = importText(`CHAPTER 7 – INVESTIGATIONS

7.3  Recording of Interviews
      7.3a The recording shall begin before the advisement of rights.
      7.3b Members shall not stop the recording during the interview.
`);
    expect(flattenSections(items.document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['7.3', '7.3.a', '7.3.b']));
    const memo = importText(`OAK HOLLOW POLICE DEPARTMENT

TO:         All Personnel
SUBJECT:    Personal Cell Phones
MEMO NO.:   2025-014

Department-issued phones remain governed by Policy 702.

1. Personal Use. Members may carry a personal cell phone on duty.
2. Recordings. Members shall not record crime scenes on a personal phone.
`);
    expect(memo.document.id).toBe('Memo 2025-014');
  });

  it('reads "SOP 12.1 Purpose and Scope", "Part 1" over "1-A   Purpose. …", and Title Case headings run into their text with a colon', () => {
    const sop = importText(`KESSLER COUNTY SHERIFF'S OFFICE

SOP 12.1 Purpose and Scope

A.  This procedure establishes guidelines for recordings.

SOP 12.2 Body-Worn Cameras

A.  Deputies shall activate the BWC on every call for service.
B.  Deputies shall not record in restrooms.
`);
    expect(flattenSections(sop.document.sections).map((s) => s.id)).toEqual(['12.1', '12.1.A', '12.2', '12.2.A', '12.2.B']);
    const parts = importText(`CITY OF MARLOW POLICE DEPARTMENT

Part 1  GENERAL PROVISIONS

1-A   Purpose. This chapter governs how members use technology.
1-B   Applicability. This chapter applies to all sworn officers.

Part 2  DEPARTMENT COMPUTERS

2-A   Personal Use. Members may make occasional personal use of department computers.
`);
    expect(flattenSections(parts.document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['1-A', '1-B', '2-A']));
    const colons = importText(`EASTMOOR STATE UNIVERSITY POLICE DEPARTMENT
Policy 410: Technology, Recordings, and Records

Approved by: Chief of Police Anita L. Brandvold
Related: University Acceptable Use Policy

Purpose and Scope: This policy governs the use of University and Department information systems.

Incidental Personal Use: Members may use Department computers for brief personal matters during breaks.

Software and Peripherals: Members shall not install software without the approval of the IT Manager.

Body-Worn Camera Activation: Officers shall activate their BWC when responding to calls for service.
`);
    expect(flattenSections(colons.document.sections).map((s) => s.id)).toEqual(['Purpose and Scope', 'Incidental Personal Use', 'Software and Peripherals', 'Body-Worn Camera Activation']);
    expect(sectionOf(colons, 'Software and Peripherals').provisions?.[0]?.verdict).toBe('needs_approval');
  });

  it('reads an outline written out in full on each line ("I.A  Personal devices …", "A.1  This policy …"), but not a wrapped reference to one', () => {
    const roman = importText(`GENERAL ORDER 24-07

I.   DEFINITIONS
    I.A  Personal devices include any privately owned cellular telephone.
    I.B  Department devices are those issued by the Department.
II.  RULES
    II.A  Members shall not photograph evidence with a personal device.
    II.B  Members may carry a personal device on duty, except as limited under Section
    II.A. When on a secure post, members shall lock their devices away.
`);
    const ids = flattenSections(roman.document.sections).map((s) => s.id);
    expect(ids).toEqual(['I', 'I.A', 'I.B', 'II', 'II.A', 'II.B']);
    expect(sectionOf(roman, 'II.B').text).toMatch(/When on a secure post/);
    const parts = importText(`RECORDS RELEASE POLICY 6.5

Part A – General
A.1  This policy governs the release of Department records.
A.2  Members shall not release records except through the Records Unit.
Part B – Requests
B.1  Requests shall be submitted in writing to the Records Supervisor.
`);
    expect(flattenSections(parts.document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['Part A.1', 'Part A.2', 'Part B.1']));
  });

  it('cites "SECTION III – DEFINITIONS" by its numeral, as III.B', () => {
    const text = `SECTION I – PURPOSE
A. This order governs social media.
SECTION II – POLICY
A. Members shall use technology lawfully.
SECTION III – DEFINITIONS
A. "Device" means any University computer.
B. "Social media" means any platform where users share content.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(expect.arrayContaining(['I', 'II.A', 'III', 'III.B']));
  });
});

describe('more ways of numbering', () => {
  it('reads "OM 12-3.4   Personal Accounts. …" as a paragraph of a manual\'s chapter section, with its lettered items', () => {
    const text = `SECTION 12-3    SOCIAL MEDIA

OM 12-3.1   Personal Accounts. Employees may take part in social media in a personal capacity.

OM 12-3.2   Restricted Content. Employees are prohibited from posting:

            (a) CJI, or information from any Patrol report;
            (b) photographs of crash scenes.
`;
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(['Section 12-3', 'OM 12-3.1', 'OM 12-3.2', 'OM 12-3.2.a', 'OM 12-3.2.b']);
  });

  it('reads a whole outline path, "4.A." / "4.A.1." / "4.A.1.a.", with an item after "; and" its own', () => {
    const text = `§ 4   PROCEDURE

4.A.   AGENCY INFORMATION SYSTEMS
       4.A.1.   Incidental personal use. Members may make incidental personal use of them only when all
                of the following conditions are met:
                4.A.1.a.  the use occurs during an authorized break or meal period;
                4.A.1.b.  the use does not involve streaming video; and
                4.A.1.c.  the use is not prohibited by 4.A.2.
       4.A.2.   Prohibited uses. Members shall not use Agency information systems to:
                4.A.2.a.  conduct a personal business; or
                4.A.2.b.  connect a personally owned device to an Agency computer.
`;
    const result = importText(text);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['Section 4', '4.A', '4.A.1', '4.A.1.a', '4.A.1.b', '4.A.1.c', '4.A.2', '4.A.2.a', '4.A.2.b']);
    expect(sectionOf(result, '4.A.1.b').text).toBe('the use does not involve streaming video; and');
  });

  it('reads "Sec 4" without its dot, "Art. 5" and a one-letter series "P-4.2" as sections', () => {
    const ids = (text: string) => flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids('Sec 4 Personal Devices\nMembers may carry a phone.\nSec 5 Email\nMembers shall not forward email.\nSec 6 Internet\nMembers shall not gamble online.\n')).toEqual(['Sec. 4', 'Sec. 5', 'Sec. 6']);
    expect(ids('Art. 5 Social Media\nMembers shall not post crime scene photos.\nArt. 6 Devices\nMembers shall lock devices.\nArt. 7 Email\nMembers shall not forward email.\n')).toEqual(['Art. 5', 'Art. 6', 'Art. 7']);
    expect(ids('P-4.1 Purpose\nThis policy governs devices.\nP-4.2 Personal Use\nMembers may make brief personal calls.\nP-4.3 Email\nMembers shall not forward email.\n')).toEqual(['P-4.1', 'P-4.2', 'P-4.3']);
  });
});

describe('a numbering the importer cannot read', () => {
  it('is reported when most of a long text lands in one section, and not for a document read well', () => {
    const rules = Array.from({ length: 45 }, (_, i) => `Q${i + 1}/a Members shall not post photographs of crime scenes, victims or evidence on any personal social media account.`);
    const unread = importText(`CHAPTER 4 – CONDUCT\n\n${rules.join('\n')}\n`);
    expect(unread.report.join('\n')).toMatch(/holds \d+% of the text: the importer may not have read how this document numbers its sections/);
    expect(importText(seed('olivette-opd-4.1.txt')).report.join('\n')).not.toMatch(/may not have read how this document numbers/);
  });
});

describe('a plain-language SOP', () => {
  const text = `BELLHAVEN POLICE DEPARTMENT
STANDARD OPERATING PROCEDURE

SOP 22 - Technology, Devices and Online Conduct
Issued: August 19, 2024

Purpose

This SOP tells officers and staff what they can and cannot do with department computers and phones.

Key Terms

- TAC: the Terminal Agency Coordinator, currently the Records Supervisor.
- Personal device: any phone, tablet or computer that you own.

DEPARTMENT DEVICES

Rule 1 - Squad Car Computers (MDT)

The MDT is for police work only.
• Lock the MDT whenever you leave the squad car.

Rule 2 - Department Phones

• Short personal calls on your department phone are fine if they do not add charges.

Use of Personal Devices

You may carry your own phone on duty. When you do:
• Do not take photos of crime scenes with your own phone. If your body camera is not working and evidence will be
  lost, call your shift sergeant, who may authorize you to use your personal phone.

SOCIAL MEDIA

Rule 3 - Your Personal Accounts

You may have personal social media accounts.

Reporting Lost Equipment

If a department phone or laptop is lost or stolen:
- Notify the on-duty sergeant immediately, even if you are off duty.
- If you learn that someone is misusing NCIC, report it to the TAC.
`;
  const result = importText(text);
  const sections = flattenSections(result.document.sections);

  it('names the document from its number\'s line and cites a heading with no number by the heading', () => {
    expect(result.document).toMatchObject({ id: 'SOP 22', title: 'Technology, Devices and Online Conduct' });
    expect(sections.map((s) => s.id)).toEqual(['Purpose', 'Key Terms', 'Rule 1', 'Rule 2', 'Use of Personal Devices', 'Rule 3', 'Reporting Lost Equipment']);
    expect(sectionOf(result, 'Rule 1').title).toBe('Squad Car Computers (MDT)');
    // A part heading ("SOCIAL MEDIA") groups the rules below it; it is no text of the rule before.
    expect(sectionOf(result, 'Use of Personal Devices').text).not.toMatch(/SOCIAL MEDIA/);
  });

  it('reads imperatives after a condition, and the one to call who may authorize, as the document means them', () => {
    const provisions = sectionOf(result, 'Reporting Lost Equipment').provisions ?? [];
    expect(provisions.find((p) => p.quote.startsWith('Notify'))).toMatchObject({ verdict: 'must_report' });
    expect(authorityName(result, provisions.find((p) => p.quote.startsWith('Notify'))?.authority)).toMatch(/on-duty sergeant/i);
    const misuse = provisions.find((p) => p.quote.startsWith('If you learn'));
    expect(misuse?.verdict).toBe('must_report');
    expect(authorityName(result, misuse?.authority)).toBe('Terminal Agency Coordinator (TAC)');
    const phone = (sectionOf(result, 'Use of Personal Devices').provisions ?? []).find((p) => p.quote.startsWith('If your body camera'));
    expect(phone?.verdict).toBe('needs_approval');
    expect(authorityName(result, phone?.authority)).toMatch(/shift sergeant/i);
  });
});

describe('a header block of labelled fields', () => {
  it('reads the number and title from fields in two columns, a title that wraps in its column, and names a bare number by its kind', () => {
    const body = '\n41.3.1 PURPOSE\na) This directive governs computer use.\n41.3.2 RULES\na) Members shall not share passwords.\nb) Members shall not install software.\n';
    const twoColumns = `PELL HARBOR POLICE DEPARTMENT\nWRITTEN DIRECTIVE\n\nSubject:   Information Technology, Recording       Number:    WD 41.3\n           Devices and Social Media\nEffective: February 12, 2024                       Rescinds:  WD 41.3 (06/01/2020)\n${body}`;
    expect(importText(twoColumns).document).toMatchObject({ id: 'WD 41.3', title: 'Information Technology, Recording Devices and Social Media' });
    expect(importText(`ROCKFORD POLICE DEPARTMENT\nGENERAL ORDER\nNUMBER: 2.27\nTITLE: MOBILE VIDEO RECORDING SYSTEMS\n${body}`).document).toMatchObject({
      id: 'General Order 2.27',
      title: 'Mobile Video Recording Systems',
    });
  });
});

describe('a table of contents listing every section', () => {
  it('ends where the body repeats its first entry, so the first section keeps its number', () => {
    const text = `TABLE OF CONTENTS

    3.12.010  Purpose
    3.12.020  Applicability
    3.12.030  Definitions

3.12.010  Purpose

A. This regulation establishes the rules for City technology.

3.12.020  Applicability

A. This regulation applies to all City employees.

3.12.030  Definitions

A. "Device" means any City computer.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(['3.12.010', '3.12.010.A', '3.12.020', '3.12.020.A', '3.12.030', '3.12.030.A']);
  });
});

describe('an attachment to an order', () => {
  it('is no part of the last numbered paragraph, and its headings over bullets are sections cited by heading', () => {
    const text = `SPECIAL ORDER 24-07

1. PURPOSE. This Special Order sets interim rules for social media.

2. DEVICES. Members shall not install software on Department computers.

3. VIOLATIONS. Violations may result in discipline.

ATTACHMENT A – GUIDELINES FOR PERSONAL SOCIAL MEDIA

These guidelines apply to members' personal accounts on any platform.

Photos in Uniform
• Do not post photos of yourself in uniform without the approval of the Public Information Officer.
`;
    const result = importText(text);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['1', '2', '3', 'ATTACHMENT A', 'Photos in Uniform']);
    expect(sectionOf(result, 'ATTACHMENT A').title).toBe('Guidelines for Personal Social Media');
    expect(sectionOf(result, '3').text).not.toMatch(/ATTACHMENT/);
  });
});

describe('a Lexipol policy headed "Policy" over its number and title', () => {
  it('takes "Policy" / "318   Portable Audio/Video Recorders" for Policy 318 and its title', () => {
    const result = importText(`Granite Ridge Police Department
Granite Ridge PD Policy Manual

Policy
318                                                         Portable Audio/Video Recorders

318.1 PURPOSE AND SCOPE
This policy provides guidelines for the use of portable recorders.

318.2 POLICY
Members shall not record other members without their knowledge.

318.3 MEMBER PRIVACY EXPECTATION
All recordings made by members on any Department-issued device are the property of the Department.
`);
    expect(result.document.id).toBe('Policy 318');
    expect(result.document.title).toBe('Portable Audio/Video Recorders');
  });
});

describe('a Lexipol manual\'s page head', () => {
  it('gives the policy number as its id, the running title as its title and the department as its issuer', () => {
    const { document } = importText(fixture('blind11/urbana-bodycams.txt'));
    expect(document).toMatchObject({ id: 'Policy 421', title: 'Portable Audio/Video Recorders (Body Worn Cameras)', issuedBy: 'Urbana Police Department' });
  });
});

describe('a title laid out in columns', () => {
  it('reads with single spaces, so answers cite it cleanly', () => {
    const result = importText(`         Policy                                           Urbana Police Department
        421                                                    Urbana PD Policy Manual

421.1 PURPOSE AND SCOPE
This policy provides guidelines for the use of portable recorders.
421.2 POLICY
Members shall not use personally owned recorders.
421.3 REVIEW
Members may review their own recordings.
`);
    expect(result.document.title).not.toMatch(/\s{2}/);
    expect(result.document.id).not.toMatch(/\s{2}/);
  });
});

describe('a directive number in the header block', () => {
  it('is the document\'s number, not a section over the whole order', () => {
    const result = importText(`SPRINGFIELD POLICE DEPARTMENT
                                        DIRECTIVE NUMBER
                                                   20-062            OPS-09
  SUBJECT:      BODY WORN CAMERA PROGRAM
  I.       PURPOSE
           This policy is intended to provide officers with instructions on the body-worn cameras.
 II.       PROCEDURES
           A.       Officers shall not use personally owned recording devices.
           B.       Officers shall activate the BWC at the start of every call.
III.       RETENTION
           A.       Recordings shall be kept for 90 days.
`);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['I', 'II', 'II.A', 'II.B', 'III', 'III.A']);
  });
});

describe('flags of a drafted provision', () => {
  it('stand only on the verdict they qualify, whatever changed it later (a Purpose section reads as facts)', () => {
    const found = provisionsOf(`V. PURPOSE
Officers shall return their cameras at the end of shift. This feature should only be used in circumstances where immediate upload is needed.
`);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      if (p.limited) expect(p.verdict).toBe('allowed_with_conditions');
      if (p.required) expect(p.verdict).toBe('info');
    }
  });
});

describe('a Responsibilities section', () => {
  it('holds duties, not descriptions', () => {
    const found = provisionsOf('III. SCOPE\nA. This order covers body-worn cameras.\nIV. RETENTION\nA. Recordings are kept for 90 days.\nV. RESPONSIBILITIES\nA. Malfunctions, damage, loss or theft of the BWC shall be reported to an immediate supervisor.\n');
    expect(found.find((p) => /theft/.test(p.quote))?.verdict).toBe('must_report');
  });
});

describe('definitions', () => {
  it('reads what a Definitions section says as facts, whatever its wording', () => {
    const found = provisionsOf(`1. DEFINITIONS
Social Networks: Online platforms where users can create profiles, share information, and socialize with others.
2. RULES
Members shall not post photographs of crime scenes.
`);
    expect(found.find((p) => /Online platforms/.test(p.quote))?.verdict).toBe('info');
  });
});

describe('lists of exceptions', () => {
  it('gives an exception item that names only a circumstance what its lead-in speaks of', () => {
    const found = provisionsOf(`1025.4 PROHIBITED CONDUCT
The following are prohibited:
(h) Accessing social media web sites for non-authorized purposes, or use of any game device for personal purposes while on-duty, except in the following circumstances:
    1. During authorized breaks; such usage should be limited to areas out of sight of the public.
`);
    const item = found.find((p) => p.quote.startsWith('During authorized breaks'));
    expect(item?.verdict).toBe('allowed_with_conditions');
    expect(item?.objects).toContain('social_media');
  });


  it('lets an exception item through on its own terms even when its wording limits the use', () => {
    const found = provisionsOf(`701.4 ON DUTY
Use of any personal communication device for personal purposes while on-duty is prohibited, except in the following circumstances:
    1. When brief personal communication may be warranted by the circumstances.
    2. During authorized breaks; such usage shall not be disruptive to the work environment.
`);
    expect(found.find((p) => /authorized breaks/.test(p.quote))?.verdict).toBe('allowed_with_conditions');
  });
});

describe('whom a rule binds', () => {
  const text = `IV. PROCEDURES
A. Members may make limited personal use of Department computers during meal breaks.
B. Telecommunicators shall not make personal use of any dispatch console at any time, including during breaks.
C. The on-duty Watch Commander shall review every evidence photograph taken with a personal phone.
V. RESPONSIBILITIES
A. Supervisors
1. Review the internet use reports of their members each month.
2. Members shall report misuse they see to a supervisor.
`;
  const found = provisionsOf(text);
  const actorOf = (start: string) => found.find((p) => p.quote.startsWith(start))?.actor;

  it('is the role heading the sentence\'s subject, or the one its section is about, and no one for a rule on members', () => {
    expect(actorOf('Members may make')).toBeUndefined();
    expect(actorOf('Telecommunicators shall not')).toEqual(['role_dispatcher']);
    expect(actorOf('The on-duty Watch Commander')).toEqual(['role_supervisor']);
    expect(actorOf('Review the internet use')).toEqual(['role_supervisor']);
    expect(actorOf('Members shall report')).toBeUndefined();
  });

  it('is no role for a section headed by what a role looks after ("Use of City Information Systems")', () => {
    const [p] = provisionsOf('4.1 Use of City Information Systems\nDe minimis personal use is permitted provided that the use takes place during a meal break.');
    expect(p?.actor).toBeUndefined();
    // "Agency Information Systems" too: one word beside the office's name, and the office is what the section is about.
    const items = provisionsOf('4.A.   AGENCY INFORMATION SYSTEMS\n4.A.2.   Prohibited uses. Members shall not use Agency information systems to:\n4.A.2.a.  install software not supplied by the Office;\n');
    expect(items.map((i) => i.actor)).toEqual(items.map(() => undefined));
    expect(items.length).toBeGreaterThan(0);
  });

  it('must be a role when a department reviews it', () => {
    const result = importText(text);
    const build = () => buildLibrary({ department: 'x', name: 'X', authorities: result.authorities }, [result.document], lexicon);
    expect(build).not.toThrow();
    flattenSections(result.document.sections).flatMap((s) => s.provisions ?? []).find((p) => p.actor)!.actor = ['social_media'];
    expect(build).toThrow(/actor "social_media" is not a role/);
  });
});

describe('loading a reviewed library', () => {
  it('refuses a duty mark on a provision that is not a fact, and a limit mark on one that is not a conditional permission', () => {
    const result = importText('1. PHONES\nAll PCDs in the workplace shall be set to silent or vibrate mode.\n2. INTERNET\nInternet access shall be strictly limited to department-related activities.\n');
    const build = () => buildLibrary({ department: 'x', name: 'X', authorities: result.authorities }, [result.document], lexicon);
    expect(build).not.toThrow();
    const [duty, limit] = flattenSections(result.document.sections).flatMap((s) => s.provisions ?? []);
    duty!.verdict = 'prohibited';
    limit!.verdict = 'allowed';
    expect(build).toThrow(/"required" is only for an info provision[\s\S]*"limited" is only for an allowed_with_conditions provision/);
  });
});

describe('numbering of county manuals and regulations', () => {
  const ids = (text: string) => flattenSections(importText(text).document.sections).map((s) => s.id);

  it('reads "3-07/210.05 Software Installation" as a section cited by its full number', () => {
    const text = `3-07/210.00 PERSONAL USE OF COUNTY EQUIPMENT

County equipment is provided for County business.

3-07/210.05 Software Installation

Members shall not install software on County equipment.

3-07/220.00 SOCIAL MEDIA

Members shall not post photographs of crime scenes.
`;
    const result = importText(text);
    expect(ids(text)).toEqual(['3-07/210.00', '3-07/210.05', '3-07/220.00']);
    expect(sectionOf(result, '3-07/210.05').title).toBe('Software Installation');
  });

  it('keeps "2.   SCOPE" a heading of its own after the paragraph "1.1", not an item of it', () => {
    const text = `1.   PURPOSE

     1.1   This regulation establishes rules for the use of County technology.

2.   SCOPE

     2.1   This regulation applies to all County employees.

     2.2   Employees of the Sheriff's Office are also subject to Section 9.

3.   DEFINITIONS

     3.1   "County IT resources" means all computers owned by the County.
`;
    expect(ids(text)).toEqual(['1', '1.1', '2', '2.1', '2.2', '3', '3.1']);
  });

  it('splits a memo at its headings when its only numbers are a list after a lead-in', () => {
    const text = `QUARRY LAKE POLICE DEPARTMENT

SPECIAL ORDER 19-04

TO:       All Personnel
RE:       Social Media

Personal Social Media

Employees shall not post photographs of crime scenes.

Reporting

Employees shall report the following as listed:

  1.  A post by another employee that appears to violate this order: to the employee's shift supervisor, before the end of the shift.
  2.  Any threat against an employee made online: to the Administrative Sergeant, immediately.
  3.  Contact from the news media about something an employee posted: to the Chief, before the employee responds.

Violations

Violations of this order may result in discipline.

DRW/kl
`;
    const result = importText(text);
    const top = result.document.sections.map((s) => s.id);
    expect(top).toEqual(['Personal Social Media', 'Reporting', 'Violations']);
    expect(result.document.id).toBe('Special Order 19-04');
    const reports = flattenSections(result.document.sections)
      .filter((s) => s.id.startsWith('Reporting'))
      .flatMap((s) => s.provisions ?? [])
      .filter((p) => p.verdict === 'must_report' && !p.quote.startsWith('Employees shall report'));
    expect(reports.map((p) => authorityName(result, p.authority))).toEqual(['Shift Supervisor', 'Administrative Sergeant', 'Chief of Police']);
  });
});

describe('approval paths that read as something else', () => {
  it('reads a duty to keep equipment in place "unless the shift supervisor approves" as the supervisor\'s approval', () => {
    const d = classifySentence('Department laptops shall remain at the station unless the employee\'s shift supervisor approves their removal for a specific purpose, such as court.');
    expect(d).toMatchObject({ verdict: 'needs_approval' });
    expect(d.authority).toMatch(/shift supervisor/);
  });

  it('binds no role to "Only the Town IT Coordinator may approve and install software": the role approves, the member asks', () => {
    const found = provisionsOf('5.1 Department Devices\nEmployees shall not install software on Department devices. Only the Town IT Coordinator may approve and install software.\n5.2 Radios\nTelecommunicators shall not use personal radios.\n');
    expect(found.find((p) => p.quote.startsWith('Only the Town'))).toMatchObject({ verdict: 'needs_approval' });
    expect(found.find((p) => p.quote.startsWith('Only the Town'))!.actor).toBeUndefined();
    expect(found.find((p) => p.quote.startsWith('Telecommunicators'))!.actor).toEqual(['role_dispatcher']);
  });
});

describe('a ban whose only way through is an approval', () => {
  it('is that approval path, in a list item or a sentence, but stays a ban when the approval is for a circumstance of its own', () => {
    const result = importText(`6.2   Software and Hardware. Users shall not:
   (a)  download or install software on County equipment unless the item appears on the approved software list or has been approved in advance by the IT Director;
   (b)  connect any personally owned device to a County computer.
6.3   Photographs. Members shall not post photographs of themselves in uniform unless the content has been approved in advance by the PIO.
6.4   Recording. Members shall not covertly record conversations with other members unless authorized by the Office of Professional Standards as part of an internal investigation.
`);
    const found = flattenSections(result.document.sections).flatMap((s) => s.provisions ?? []);
    const of = (start: string) => found.find((p) => p.quote.startsWith(start))!;
    expect(of('download or install')).toMatchObject({ verdict: 'needs_approval' });
    expect(authorityName(result, of('download or install').authority)).toMatch(/IT Director/);
    expect(of('connect any personally')).toMatchObject({ verdict: 'prohibited' });
    expect(of('Members shall not post')).toMatchObject({ verdict: 'needs_approval' });
    expect(of('Members shall not covertly')).toMatchObject({ verdict: 'prohibited' });
    expect(of('Members shall not covertly').exceptions?.[0]).toMatchObject({ verdict: 'needs_approval' });
  });
});

describe.each(['layouts', 'layouts2', 'layouts3', 'layouts4'])('numbering layouts written blind (test/fixtures/%s)', (folder) => {
  const dir = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
  // "2-1" and "2.1" are cited alike, as the scorer reads them.
  const cited = (id: string) => id.toUpperCase().replace(/^(?:SECTION|SEC\.?|§)\s*/, '').replace(/[^A-Z0-9./ -]/g, '').replace(/\s+/g, ' ').trim().replace(/(?<=\d)-(?=\d)/g, '.');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`reads ${file} as it numbers itself`, () => {
      const expected = JSON.parse(readFileSync(`${dir}${file.replace(/\.txt$/, '.expected.json')}`, 'utf8')) as { labels: string[]; rules: { label: string; starts: string }[] };
      const sections = flattenSections(importText(readFileSync(`${dir}${file}`, 'utf8')).document.sections);
      expect(sections.map((s) => cited(s.id))).toEqual(expected.labels.map(cited));
      for (const rule of expected.rules) {
        const section = sections.find((s) => cited(s.id) === cited(rule.label));
        expect(section?.text.replace(/\s+/g, ' ')).toContain(rule.starts);
      }
    });
  }
});

describe('a header field naming the chapter a policy is filed in', () => {
  it('is the document\'s, not a chapter over its outline: "Chapter 8     Evidence, Records …" over "I. PURPOSE"', () => {
    const text = `LINDEN UNIVERSITY POLICE DEPARTMENT

Policy 8.4                    Body-Worn Cameras and Digital Media
Chapter 8                     Evidence, Records, and Information Systems
Effective Date                January 8, 2024

I.   PURPOSE
     This policy governs body-worn cameras.
II.  POLICY AND SCOPE
     A.  This policy applies to all sworn police officers.
III. PROCEDURES
     A.  Officers shall activate the camera on every call for service.
     B.  Officers shall not record in restrooms.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(['I', 'II', 'II.A', 'III', 'III.A', 'III.B']);
  });
});

describe('an appendix to an order', () => {
  it('is cited by its own name, "APPENDIX A", and its items as "APPENDIX A 3"', () => {
    const text = `Section IV – Procedures
A.  Members shall not share passwords.
B.  Members shall lock their workstations.
C.  Members shall report lost devices to the shift supervisor.

APPENDIX A – Social Media Guidelines

Members who use social media should keep the following in mind.
1.  Members may list the Authority as their employer.
2.  Members shall not post photographs taken on duty.
3.  Members shall not comment on pending cases.
`;
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['APPENDIX A', 'APPENDIX A.3']));
    expect(sectionOf(importText(text), 'APPENDIX A').title).toBe('Social Media Guidelines');
  });
});

describe('paragraphs numbered on through a document under headings of their own', () => {
  it('reads zero-padded "001" paragraphs, each titled by the heading over it', () => {
    const text = `Purpose

001  This procedure governs digital evidence.

Collection of Digital Evidence

002  Members shall upload all digital evidence before the end of their shift.

003  Members shall not search a seized phone without a warrant.

Storage and Access

004  Access to digital evidence is limited to members with an investigative need.
`;
    const sections = flattenSections(importText(text).document.sections);
    expect(sections.map((s) => s.id)).toEqual(['001', '002', '003', '004']);
    expect(sections.map((s) => s.title)).toEqual(['Purpose', 'Collection of Digital Evidence', 'Collection of Digital Evidence', 'Storage and Access']);
  });

  it('reads "[4]" paragraphs under headings in capitals, each titled by its heading', () => {
    const text = `PURPOSE
[1] This procedure establishes requirements for body-worn cameras.

EQUIPMENT
[2] Members shall use only Department-issued cameras.
[3] Members shall inspect the camera at the start of each shift.

ACTIVATION
[4] Members shall activate the camera before arriving at any call for service.
`;
    const sections = flattenSections(importText(text).document.sections).filter((s) => s.text);
    expect(sections.map((s) => s.id)).toEqual(['1', '2', '3', '4']);
    expect(sections.slice(1).map((s) => s.title)).toEqual(['Equipment', 'Equipment', 'Activation']);
  });

  it('reads "1 - GENERAL" as the part over its paragraphs "1-1", "1-2"', () => {
    const text = `1 - GENERAL

1-1  This order establishes procedures for body-worn cameras.

1-2  Only trained members may operate a camera.

2 - ACTIVATION

2-1  Members shall activate the camera at every call for service.
`;
    const sections = flattenSections(importText(text).document.sections);
    expect(sections.map((s) => s.id)).toEqual(['1', '1-1', '1-2', '2', '2-1']);
    expect(sectionOf(importText(text), '2').title).toBe('Activation');
  });
});

describe('a title block laid out as a table', () => {
  it('reads its values as fields, so "3-12" is the order\'s number and no section', () => {
    const text = `WESTBROOK POLICE DEPARTMENT
GENERAL ORDER

Order Number      Subject                                  Effective Date
3-12              Body-Worn Camera Systems                 09/01/2024

1 - GENERAL

1-1  This order establishes procedures for body-worn cameras.

1-2  Only trained members may operate a camera.

2 - ACTIVATION

2-1  Members shall activate the camera at every call for service.
`;
    const result = importText(text);
    expect(flattenSections(result.document.sections).map((s) => s.id)).toEqual(['1', '1-1', '1-2', '2', '2-1']);
    expect(result.document.id).toMatch(/3-12$/);
    expect(result.document.title).toBe('Body-Worn Camera Systems');
  });
});

describe('a manual set with side headings', () => {
  it('reads each heading in the margin as a section over the text beside and below it', () => {
    const text = `Policy 1040
Social Media and Communication Devices

PURPOSE

Scope                   This policy provides guidelines for the use of social media
                        by members of the Department.

POLICY

Privacy                 Members have no expectation of privacy in any data, message, image
Expectation             or application on a department-issued device.

PROCEDURES

Personal Social         Members may maintain personal social media accounts. Members may
Media Use               access them on a personally owned device during meal periods.

Device Passcodes        Department-issued devices shall be secured with a passcode of at
                        least six digits.
`;
    const sections = flattenSections(importText(text).document.sections).filter((s) => s.text);
    expect(sections.map((s) => s.id)).toEqual(['Scope', 'Privacy Expectation', 'Personal Social Media Use', 'Device Passcodes']);
    expect(sectionOf(importText(text), 'Privacy Expectation').text).toBe(
      'Members have no expectation of privacy in any data, message, image or application on a department-issued device.',
    );
  });

  it('leaves a numbered heading beside its title alone: "OPER.11.1         EQUIPMENT"', () => {
    const text = `OPER.11.1         EQUIPMENT
The program will use the following:
         A.       A body worn camera.

OPER.11.2         GENERAL INFORMATION
         A.       The program will include both visual and audio recording.

         B.       There is no expectation of privacy for officers in recordings.

OPER.11.3         RECORDING GUIDELINES
         A.       Officers shall record every call for service.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(['OPER.11.1', 'OPER.11.1.A', 'OPER.11.2', 'OPER.11.2.A', 'OPER.11.2.B', 'OPER.11.3', 'OPER.11.3.A']);
  });
});

describe('the part of a manual named in its title block', () => {
  it('is the document, not a section over its rules: "PART 1 - TECHNOLOGY …" over "101.", "102." …', () => {
    const rules = Array.from({ length: 6 }, (_, k) => `${101 + k}. Rule ${k + 1}. Members shall follow rule ${k + 1} of this part.\n`).join('\n');
    const text = `OKANEE COUNTY POLICE DEPARTMENT

                                 RULES MANUAL
               PART 1 - TECHNOLOGY, SOCIAL MEDIA AND RECORDINGS

GENERAL

${rules}`;
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(['101', '102', '103', '104', '105', '106']);
  });
});

describe('a ban followed by the way to ask past it', () => {
  it('is an approval path: "… other than those provided by IT. A member who requires additional software shall submit a written request to the ISO, whose approval is required"', () => {
    const text = `5. DEVICES
5.1 Members shall not install software or applications on a Department-issued device other than those provided by the Information Technology Division. A member who requires additional software shall submit a written request to the Information Security Officer, whose approval is required before installation.
5.2 Members shall lock their devices.
5.3 Members shall report lost devices.
`;
    const result = importText(text);
    const ban = sectionOf(result, '5.1').provisions?.find((p) => p.quote.startsWith('Members shall not install'));
    expect(ban?.verdict).toBe('needs_approval');
    expect(authorityName(result, ban?.authority)).toBe('Information Security Officer');
  });

  it('names who approves, not whose list it is: "only through the Department\'s approved mobile application, and only after the IT Division Commander has approved the device"', () => {
    const text = `4. PERSONAL DEVICES
4.1 Members shall lock their devices.
4.2 A member may access Department e-mail on a personal device only through the Department's approved mobile application, and only after the Information Technology Division Commander has approved the device.
4.3 Members shall report lost devices.
`;
    const result = importText(text);
    const p = sectionOf(result, '4.2').provisions?.find((x) => x.verdict === 'needs_approval');
    expect(authorityName(result, p?.authority)).toBe('Information Technology Division Commander');
  });
});

describe('an approval obtained, in the passive', () => {
  it('"unless prior written approval has been obtained from the Information Security Officer" is that officer\'s approval', () => {
    expect(classifySentence('Do not install any software unless prior written approval has been obtained from the Information Security Officer.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'Information Security Officer',
    });
  });

  it('"unless the item appears on the Department Approved Software List" names a list, not an approver', () => {
    const d = classifySentence('Do not install any application unless the item appears on the Department Approved Software List or prior written approval has been obtained from the Information Security Officer.');
    expect(d.exception).toMatchObject({ verdict: 'needs_approval', authority: 'Information Security Officer' });
  });
});

describe('leave given in a case or with a duty attached', () => {
  it('is leave with conditions', () => {
    expect(classifySentence('Officers may deactivate the BWC to discuss tactics with other officers when no member of the public is present, and shall reactivate it before resuming contact.').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Recordings may be viewed by officers in the presence of a training instructor.').verdict).toBe('allowed_with_conditions');
  });

  it('but a setting is no condition: "Members may complete training modules on department computers while on duty"', () => {
    expect(classifySentence('Members may complete University-assigned online training modules on department computers while on duty.').verdict).toBe('allowed');
  });
});

describe('a ban whose way through is an approval or a case of its own', () => {
  it('is the approval path, with the case let through on its terms', () => {
    const [p] = provisionsOf(
      '5. RECORDINGS\nEmployees shall not covertly record conversations with other employees, including supervisors, unless authorized in advance by the Sheriff or conducted as part of an authorized criminal investigation.',
    );
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'sheriff' });
    expect(p?.exceptions?.[0]).toMatchObject({ verdict: 'allowed_with_conditions' });
    expect(p?.exceptions?.[0]?.when).toContain('investigation_ctx');
  });
});

describe('an adjective after a clause', () => {
  it('names no approver: "unless the recording is part of an authorized criminal or administrative investigation"', () => {
    const d = classifySentence('Members shall not record a conversation with another member without that member\'s knowledge, unless the recording is part of an authorized criminal or administrative investigation.');
    expect(d.exception?.authority).toBeUndefined();
    expect(d.exception?.verdict).not.toBe('needs_approval');
  });
});

describe('the end of an exception', () => {
  it('comes before what "including" adds to the ban and before a clause of its own', () => {
    expect(classifySentence('Detention staff shall not permit an inmate to use any phone other than the ITS, including a department-issued phone, and shall not place or relay a call on behalf of an inmate.').exception?.text).toBe(
      'other than the ITS',
    );
  });
});

describe('a list run into its paragraph', () => {
  const text = `4.0  Devices

4.1  Department Devices. Department Devices remain the property of the University.

4.2  Personal Devices. Members may carry Personal Devices while on duty, subject to the
     following: (a) a member may use a Personal Device for brief personal communication
     while on a break; (b) a member shall not use a Personal Device to photograph a crime
     scene; and (c) a member may access University e-mail on a Personal Device only with
     the approval of the Deputy Chief, as provided in section
     4.3. A member who loses a device shall notify the shift sergeant.

4.3  Loss or Theft. The loss of a Department Device shall be reported at once.
`;
  it('has each item cited by its letter, and a number a reference word asks for is no section', () => {
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(['4.0', '4.1', '4.2', '4.2.a', '4.2.b', '4.2.c', '4.3']);
    expect(sectionOf(importText(text), '4.2.b').text).toBe('a member shall not use a Personal Device to photograph a crime scene; and');
  });

  it('but a header field\'s references are no list: "REF:       (a) General Order 5-3"', () => {
    const memo = `TO:        All Sworn Personnel
SUBJECT:   Interview Room Recording
REF:       (a) General Order 5-3, Interviews and Interrogations
           (b) State Criminal Procedure Code

1.  Members shall record every custodial interview.

2.  Members shall not turn off the recorder during an interview.

3.  Members shall report a failed recording to the shift supervisor.
`;
    expect(flattenSections(importText(memo).document.sections).map((s) => s.id)).toEqual(['1', '2', '3']);
  });
});

describe('a role named after "on-duty"', () => {
  it('keeps its whole name: "notify the on-duty Classification Sergeant"', () => {
    expect(classifySentence('A member who learns that a relative has been booked into the Detention Center shall notify the on-duty Classification Sergeant.')).toMatchObject({
      verdict: 'must_report',
      authority: 'Classification Sergeant',
    });
  });
});

describe('a use limited to those someone authorizes', () => {
  it('is that one\'s approval path: "limited to members authorized in writing by the Jail Commander"', () => {
    expect(classifySentence('Access to recorded inmate calls is limited to members authorized in writing by the Jail Commander for investigative or security purposes.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'Jail Commander',
    });
  });
});

describe('paragraphs lettered after their number in lower case', () => {
  it('reads "3b." under "3." and "3b(1)" under "3b"', () => {
    const text = `1.  PURPOSE. This order governs social media.

2.  DEFINITIONS.
    2a. Recording – any audio or video file.
    2b. Social Media – any online platform.

3.  PERSONAL SOCIAL MEDIA.
    3a. Members may maintain personal social media accounts.
    3b. Members shall not post, share or transmit on personal social media:
        3b(1) any Recording, in whole or in part;
        3b(2) photographs of crime scenes.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(['1', '2', '2a', '2b', '3', '3a', '3b', '3b.1', '3b.2']);
  });
});

describe('a policy whose headings close on a colon, alone on their line', () => {
  it('reads each as a section over its paragraph', () => {
    const text = `POLICY 310  TECHNOLOGY AND RECORDED LINES

Purpose:
This policy sets rules for the use of Authority telephones and computers.

Personal Use:
A brief personal call on an administrative line is permitted when call volume allows.

Cell Phones on the Dispatch Floor:
Telecommunicators shall not use personal devices while assigned to a console.

Recorded Lines:
All 911 trunks are recorded.
`;
    expect(flattenSections(importText(text).document.sections).map((s) => s.id)).toEqual(['Purpose', 'Personal Use', 'Cell Phones on the Dispatch Floor', 'Recorded Lines']);
  });
});

describe('what an approval is for', () => {
  it('is no part of the approver\'s name: "approved by the Communications Director for National Public Safety Telecommunicators Week"', () => {
    const d = classifySentence('Members shall not post photographs taken on the dispatch floor, except photographs approved by the Communications Director for National Public Safety Telecommunicators Week or for recruiting.');
    expect(d.exception?.authority).toBe('Communications Director');
  });
});

describe('an approval given with the work done', () => {
  it('"unless it has been approved and installed by the IT Manager" is the IT Manager\'s approval', () => {
    expect(classifySentence('Members shall not install any software on a computer system unless it has been approved and installed by the IT Manager.').exception).toMatchObject({
      verdict: 'needs_approval',
      authority: 'IT Manager',
    });
    const [p] = provisionsOf('5. SOFTWARE\nMembers shall not install any software on a computer system unless it has been approved and installed by the IT Manager.');
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'it_manager' });
  });
});

describe('a reservation over a list of bans', () => {
  it('leaves them bans, with the leave as their exception: "Except as expressly authorized by the Chief of Police, employees shall not engage in any of the following conduct:"', () => {
    const d = classifySentence('Except as expressly authorized by the Chief of Police, employees shall not engage in any of the following conduct, whether on or off duty:');
    expect(d.verdict).toBe('prohibited');
    expect(d.exception).toMatchObject({ verdict: 'needs_approval', authority: 'Chief of Police' });
    expect(classifySentence('Except as authorized by the Chief of Police, employees shall not post photographs of crime scenes.').verdict).toBe('needs_approval');
  });
});

describe('an approval alongside what the law allows', () => {
  it('is the way through: "shall not be released … unless the release is authorized by statute and approved in advance by the Records Supervisor"', () => {
    const [p] = provisionsOf(
      '4. DISSEMINATION\nCHRI shall not be released to a non-criminal justice agency or person, such as a school district, an employer or a landlord, unless the release is authorized by statute and approved in advance by the Records Supervisor.',
    );
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'records_supervisor' });
  });
});

describe('sections numbered again from 1 in each article', () => {
  it('are cited with their article, "IV.3", and prose naming articles is no article', () => {
    const text = `PART TWO – CONDUCT

These Rules bind all County offices.
Article V (Outside Employment) and Articles I through III are published separately.

                               ARTICLE IV – TECHNOLOGY

Section 1. Applicability. This Article applies to all employees.

Section 2. Passwords. Employees shall not share passwords.

                               ARTICLE VI – SOCIAL MEDIA

Section 1. Applicability. This Article applies to all employees.

Section 2. Personal accounts. Employees may keep personal accounts.
`;
    const ids = flattenSections(importText(text).document.sections).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['IV', 'IV.1', 'IV.2', 'VI', 'VI.1', 'VI.2']));
    expect(ids).not.toContain('V');
  });
});

describe('a titled subsection after a list', () => {
  const text = `Policy 1040
Employee Use of Social Media

1040.5 PROHIBITED SPEECH, EXPRESSION AND CONDUCT
The following is prohibited on social media, whether the employee is on or off duty:
(a)   Content that is obscene or sexually explicit.
(b)   Photographs of crime scenes, evidence or victims.

1040.5.1 Identification as an Employee
Employees may identify themselves as employees of the Department on personal social media accounts.

1040.5.2 Department Insignia and Uniform Images
Employees shall not post photographs of themselves in Department uniform without the prior approval of the Public
Information Officer. Approval may be granted for ceremonies, graduations, promotions and community events.
`;
  const result = importText(text);
  it('keeps its title, small words and all: "Identification as an Employee"', () => {
    expect(sectionOf(result, '1040.5.1').title).toBe('Identification as an Employee');
  });
  it('is a rule of its own, not one more item the list\'s lead-in bans', () => {
    expect(sectionOf(result, '1040.5.b').provisions?.[0]?.verdict).toBe('prohibited');
    expect(sectionOf(result, '1040.5.1').provisions?.map((p) => p.verdict)).toEqual(['allowed']);
    expect(sectionOf(result, '1040.5.2').provisions?.find((p) => p.quote.startsWith('Approval may'))?.verdict).toBe('info');
  });
});

describe('an approval after what a ban leaves out', () => {
  it('is the way through: "… other than updates pushed by the Patrol, unless the ISO has approved it"', () => {
    expect(
      classifySentence('Members shall not install, download, or update any software or application on an MDC, laptop, or Patrol smartphone, other than updates pushed by the Patrol, unless the ISO has approved it.'),
    ).toMatchObject({ verdict: 'needs_approval', authority: 'ISO' });
  });
});

describe('an approval with terms of its own', () => {
  it('is the way through: "… except with the written approval of the Chief of Police, and then only for functions …"', () => {
    expect(
      classifySentence('Shared or group accounts shall not be created except with the written approval of the Chief of Police, and then only for functions that cannot be performed with individual accounts.'),
    ).toMatchObject({ verdict: 'needs_approval', authority: 'Chief of Police' });
  });
  it('and what the approver weighs is no circumstance of the asker\'s: "… unless approved in writing by the LASO after a security review"', () => {
    const [p] = provisionsOf('4.3 HARDWARE\n4.3.2 Personally owned devices, including USB drives, shall not be connected to any County computer unless approved in writing by the Local Agency Security Officer after a security review.');
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'local_agency_security_officer' });
  });
});

describe('a request one may make', () => {
  it('is an approval path to the one it is made to: "… may submit a written request for deletion to the Patrol Division Commander"', () => {
    expect(
      classifySentence('A member who accidentally records a private, non-business activity, such as a restroom visit, may submit a written request for deletion to the Patrol Division Commander.'),
    ).toMatchObject({ verdict: 'needs_approval', authority: 'Patrol Division Commander' });
  });
  it('but not to the one it passes through: "… may submit a written deletion request through the shift sergeant"', () => {
    expect(classifySentence('An officer who believes a recording was made accidentally may submit a written deletion request through the shift sergeant.').verdict).toBe('info');
  });
});

describe('a case in a list of leave, with a term of its own', () => {
  it('is leave with conditions: "(a) when a victim or witness declines …, provided the member states the reason"', () => {
    const text = `450.5.2 Cessation of Recording
A member may also deactivate or mute the recorder:
    (a) when a victim or witness declines to give a statement on camera, provided the member states the reason on the recording before deactivating;
    (b) during tactical planning discussions among members.
`;
    const result = importText(text);
    expect(sectionOf(result, '450.5.2.a').provisions?.[0]?.verdict).toBe('allowed_with_conditions');
    expect(sectionOf(result, '450.5.2.b').provisions?.[0]?.verdict).toBe('allowed');
  });
});

describe('an approval path and a flat ban joined by "and"', () => {
  it('are two rules, each of its own clause: "… without the prior approval of the division commander, and shall not be used by family members …"', () => {
    const provisions = provisionsOf('4.5 DEVICES\n4.5.4 County laptops, MDTs and smartphones shall not be taken outside the State without the prior approval of the employee\'s division commander, and shall not be used by family members or other unauthorized persons at any time.');
    expect(provisions.map((p) => p.verdict).sort()).toEqual(['needs_approval', 'prohibited']);
    expect(provisions.find((p) => p.verdict === 'needs_approval')?.objects ?? []).not.toContain('family');
    expect(provisions.find((p) => p.verdict === 'prohibited')?.objects).toContain('family');
  });
});

describe('a leave or an office limited to a list, and the way past it', () => {
  it('is the approval: "Only applications listed in the catalog may be installed … Any other application may be installed only with the prior approval of the IT Manager"', () => {
    const [p] = provisionsOf('702.4 DEVICES\n702.4.2 Only applications listed in the department application catalog may be installed on department-issued devices. Any other application may be installed only with the prior approval of the Information Technology Manager.');
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'information_technology_manager' });
  });
  it('and "Requests for additional software shall be submitted to the Technology Coordinator, who shall approve or deny each request"', () => {
    const [p] = provisionsOf('4.2 SOFTWARE\n4.2.3 Only Information Technology Services staff may install software on UPD computers. Requests for additional software shall be submitted to the Technology Coordinator, who shall approve or deny each request.');
    expect(p).toMatchObject({ verdict: 'needs_approval', authority: 'technology_coordinator' });
  });
});

describe('a lead-in giving leave after a duty', () => {
  it('is leave with conditions: "A deputy shall state the reason … and may deactivate it before the conclusion of a contact only:"', () => {
    expect(classifySentence('A deputy shall state the reason on the recording before deactivating a BWC and may deactivate it before the conclusion of a contact only:').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('An employee contacted by a reporter shall refer the request to the PIO and may give an interview only with the approval of the Public Information Officer.').verdict).toBe('needs_approval');
  });
});
