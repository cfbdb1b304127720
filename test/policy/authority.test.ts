import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/policy/importer/deontic.js';
import { importPolicyText, type ImportResult } from '../../src/policy/importer/import.js';
import { flattenSections, readSharedLexicon } from '../../src/policy/library.js';
import type { Provision } from '../../src/policy/types.js';

const lexicon = readSharedLexicon();
const importText = (text: string) => importPolicyText(text, { lexicon });

/** The provisions drafted from a document, each with its authority's display name. */
function drafted(result: ImportResult): Array<Provision & { who?: string }> {
  return flattenSections(result.document.sections).flatMap((s) =>
    (s.provisions ?? []).map((p) => ({ ...p, who: p.authority ? result.authorities[p.authority]?.name : undefined })),
  );
}

const find = (result: ImportResult, quote: string) => drafted(result).find((p) => p.quote.includes(quote));

describe('naming the authority a sentence names', () => {
  it('reads a lowercase role with its modifiers, who holds it included ("on-duty")', () => {
    expect(classifySentence('After a shooting, an involved deputy shall not view the footage until authorized by the lead investigator of the outside agency.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'lead investigator',
    });
    expect(classifySentence('A deputy may enter the building with the verbal approval of the on-duty watch commander.').authority).toBe('on-duty watch commander');
  });

  it('reads "the Communications Supervisor may permit …" as that supervisor\'s approval, and a power to do something as no approval', () => {
    expect(classifySentence('The on-duty Communications Supervisor may permit a telecommunicator to keep a personal phone at the console during a family emergency.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'on-duty Communications Supervisor',
    });
    expect(classifySentence('Supervisors may review recordings at any time.').verdict).toBe('allowed');
  });

  it('does not take a device named before the role ("use of the MDT … to their supervisor") for the one to tell', () => {
    expect(classifySentence('Members shall immediately report unauthorized access or use of the MDT by another member to their supervisor.')).toMatchObject({
      verdict: 'must_report',
      authority: 'supervisor',
    });
  });

  it('owes the duty the sentence states first, to the role with all its words ("the on-duty shift supervisor, who shall notify ISU")', () => {
    expect(
      classifySentence('The loss or theft of any agency-issued cellular device shall be reported immediately to the on-duty shift supervisor, who shall notify ISU so that the device can be located.'),
    ).toMatchObject({ verdict: 'must_report', authority: 'on-duty shift supervisor' });
  });

  it('keeps a unit abbreviation that qualifies the role', () => {
    expect(classifySentence('The employee shall stop and immediately notify the EOC supervisor.')).toMatchObject({ verdict: 'must_report', authority: 'EOC supervisor' });
    // A pointer to another text names no one to tell.
    expect(classifySentence('Refer to the Personal Communication Devices Policy for guidelines regarding off-duty use.').verdict).toBe('info');
    expect(classifySentence('Members shall refer the request to the Records Manager.')).toMatchObject({ verdict: 'must_report', authority: 'Records Manager' });
  });

  it('reads "the member\'s sergeant" past an aside before the approval', () => {
    expect(classifySentence("Undercover contact requires, in addition to the approval under 4.2.1, the approval of the member's sergeant.")).toMatchObject({
      verdict: 'needs_approval',
      authority: 'sergeant',
    });
  });

  it('reads "calls are kept brief and shall not interfere with duties" as a permission with conditions', () => {
    expect(classifySentence('Personal calls and messages on duty are kept brief and shall not interfere with duties.').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Personal calls shall not interfere with duties and shall not be made while driving.').verdict).toBe('prohibited');
  });

  it('reads "only upon the written request of the user\'s Troop Commander" as an approval path', () => {
    expect(classifySentence("VPN access is provisioned by the Information Technology Bureau only upon the written request of the user's Troop Commander.")).toMatchObject({
      verdict: 'needs_approval',
      authority: 'Troop Commander',
    });
  });

  it('reads a capitalised approver with "of" in its name', () => {
    expect(classifySentence('Employees shall not appear in advertising unless the Deputy Director of Public Safety has approved it in advance.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'Deputy Director of Public Safety',
    });
  });

  it('reads a duty to report that ends a sentence of prohibitions beside them, and names whom after the verb', () => {
    expect(classifySentence('A member who finds such material shall not copy or forward it, and shall record the address and notify his or her supervisor.')).toMatchObject({
      verdict: 'prohibited',
      duty: { authority: 'supervisor' },
    });
    expect(classifySentence('A member who finds such material shall record the address and notify his or her supervisor.')).toMatchObject({
      verdict: 'must_report',
      authority: 'supervisor',
    });
    expect(classifySentence('The supervisor notifies the records custodian.')).toMatchObject({ verdict: 'must_report', authority: 'records custodian' });
  });

  it('reads a duty after an aside ("shall, by the next business day, deliver a copy to …")', () => {
    expect(classifySentence('An employee served with a subpoena shall, no later than the next business day, deliver a copy to the Records Custodian.')).toMatchObject({
      verdict: 'must_report',
      authority: 'Records Custodian',
    });
  });

  it('reads an act kept to one office as a ban on everyone else, and "no personal use … is permitted" as a ban', () => {
    expect(classifySentence('Only Technology Services Bureau (TSB) personnel may install software on County equipment.').verdict).toBe('prohibited');
    expect(classifySentence('Only DoIT staff may install software, plug-ins, or browser extensions on City computers.').verdict).toBe('prohibited');
    expect(classifySentence('Only approved software may be installed.').verdict).toBe('allowed_with_conditions');
    expect(classifySentence('Only authorized personnel may access CJI.').verdict).not.toBe('prohibited');
    expect(classifySentence('MDCs shall be used only for WPD business, and no personal use of any kind is permitted on an MDC.').verdict).toBe('prohibited');
    // A use allowed for what it names only, not a duty to use it.
    expect(classifySentence('Members shall query NCIC and driver and vehicle records only for an official criminal justice purpose.')).toMatchObject({ verdict: 'allowed_with_conditions', limited: true });
  });

  it('reads no approver where none is needed or none is named', () => {
    expect(classifySentence('Officers may view public profiles without supervisory approval when it relates to an assigned case.').verdict).not.toBe('needs_approval');
    expect(classifySentence('When leave is approved, the unit may issue a loaner radio.').verdict).not.toBe('needs_approval');
  });

  it.each([
    ['Deputies who wish to use a drone that is not on the fleet list, including a personal one, submit a request to the aviation sergeant for routing to the Undersheriff.', 'Undersheriff'],
    ['Employees who want something posted, such as a lost dog, should send it to the Administrative Sergeant, who approves all content before it is published.', 'Administrative Sergeant'],
    ['A user who needs software shall submit a request through the DoIT Service Desk, and the Chief Information Officer shall approve all new software.', 'Chief Information Officer'],
    ['A member who needs additional software for an assigned duty shall submit a request through the unit commander to TSB.', 'TSB'],
  ])('reads a request for permission routed to someone as an approval by whoever decides it: %s', (sentence, authority) => {
    expect(classifySentence(sentence)).toMatchObject({ verdict: 'needs_approval', authority });
  });

  it('reads an exemption granted by someone as an approval path', () => {
    expect(classifySentence('These restrictions do not apply when access is needed for a case and has been authorized by the Chief of Police.')).toMatchObject({
      verdict: 'needs_approval',
      authority: 'Chief of Police',
    });
  });
});

describe('registering the authorities of an imported document', () => {
  const result = importText(`Fleet and Radio Directive

Sec. 1. Definitions.

(a) "Division Chief" means the Chief of the Fleet Services Division.
(b) "Radio Shop" or "RS" means the unit that repairs radios.
(c) Commander of the Office of Internal Review (OIR) - the captain who leads internal investigations.

Sec. 2. Vehicles.

(a) Only vehicles approved by the Fleet Services Division may be driven off the lot.
(b) A member may not take a vehicle out of state without the prior written approval of the Division Chief. The member submits a Travel Request Form through the chain of command.

Sec. 3. Radios.

(a) A member whose radio fails shall notify the RS before the end of the shift. Radio failures include, among others:
- a radio that will not power on;
- a radio that may not transmit.

(b) A radio may be opened only with the written approval of the Commander of the Office of Internal Review. A supervisor who wants one opened submits the request to that Commander.
`);

  it('names the role the document defines as the head of an approving office', () => {
    expect(find(result, 'approved by the Fleet Services Division')?.who).toBe('Division Chief');
  });

  it('names an office its definitions give in full, whether a definition is a lettered line or was read as a heading', () => {
    const defined = importText(`III. DEFINITIONS
E. UISO – the University Information Security Office.
F. TAC – the Terminal Agency Coordinator, the Department employee responsible for CJIS compliance.
IV. PROCEDURES
A. Employees must obtain prior authorization from the UISO before installing software.
B. Misuse of NCIC shall be reported to the TAC.
`);
    expect(find(defined, 'prior authorization from the UISO')?.who).toBe('University Information Security Office (UISO)');
    expect(find(defined, 'reported to the TAC')?.who).toBe('Terminal Agency Coordinator (TAC)');
  });

  it('keeps the office of a deputy chief who has one ("Deputy Chief of Operations")', () => {
    const named = importText('Sec. 1. Accounts.\n(a) An undercover account may be created only with the written approval of the Deputy Chief of Operations.\n(b) Members shall not post crime scene photos without the approval of the Deputy Chief.\n');
    expect(find(named, 'undercover account')?.who).toBe('Deputy Chief of Operations');
    expect(find(named, 'crime scene photos')?.who).toBe('Deputy Chief');
  });

  it('names an abbreviated office in full, with its abbreviation', () => {
    expect(find(result, 'notify the RS')).toMatchObject({ verdict: 'must_report', who: 'Radio Shop (RS)' });
  });

  it('gives the instances a rule lists ("… include:") that rule and its authority, whatever their wording', () => {
    for (const item of ['will not power on', 'may not transmit']) expect(find(result, item)).toMatchObject({ verdict: 'must_report', who: 'Radio Shop (RS)' });
  });

  it('reads a request sent after an approval rule as the way to ask for that approval', () => {
    expect(find(result, 'Travel Request Form')).toMatchObject({ verdict: 'needs_approval', who: 'Division Chief' });
  });

  it('reads "that Commander" as the commander named before', () => {
    expect(find(result, 'to that Commander')?.who).toBe(find(result, 'A radio may be opened')?.who);
    expect(find(result, 'to that Commander')?.who).toMatch(/^Commander of the Office of Internal Review/);
  });
});
