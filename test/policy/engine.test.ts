import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyDesk } from '../../src/app/ask.js';
import { Lexicon } from '../../src/policy/lexicon.js';
import { buildLibrary, readSharedLexicon } from '../../src/policy/library.js';
import { analyzeQuestion } from '../../src/policy/question.js';
import { PolicyEngine } from '../../src/policy/engine.js';
import { termStem } from '../../src/policy/text.js';
import { importPolicyText } from '../../src/policy/importer/import.js';

const desk = new PolicyDesk();
const ask = (department: string, question: string) => {
  const r = desk.ask(department, question);
  if (!r.ok) throw new Error(r.error.message);
  return r.answer;
};

describe('policy answers', () => {
  it('a picture of a patrol car needs the Chief of Police', () => {
    const a = ask('olivette', 'can i post a pic of my cruiser on insta?');
    expect(a.verdict).toBe('needs_approval');
    expect(a.approver).toBe('Chief of Police');
    expect(a.citations[0]).toMatchObject({ policy: 'OPD 4.1', section: 'III.C.4', status: 'in_force' });
  });

  it('a question the policy does not cover is not_addressed, with no citation', () => {
    const a = ask('olivette', 'What is the vacation accrual rate?');
    expect(a.verdict).toBe('not_addressed');
    expect(a.citations).toEqual([]);
  });

  it('Long Beach citations are flagged rescinded and the answer says when and by what', () => {
    const a = ask('long-beach', 'Can I post employee work schedules on social media?');
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) expect(c.status).toBe('rescinded');
    expect(a.answer).toMatch(/rescinded on 2021-07-22 by LBPD Manual §3\.51/);
  });
});

describe('bad input', () => {
  it('refuses an empty question, an unknown department and an oversize question', () => {
    expect(desk.ask('olivette', '  ')).toMatchObject({ ok: false, error: { code: 'empty_question' } });
    expect(desk.ask('atlantis', 'can I post?')).toMatchObject({ ok: false, error: { code: 'unknown_department' } });
    expect(desk.ask('olivette', 'x'.repeat(100_000))).toMatchObject({ ok: false, error: { code: 'question_too_long' } });
  });
});

describe('reading questions', () => {
  const lexicon = new Lexicon(readSharedLexicon());
  it('takes a word nothing knows, installed or downloaded, for an app', () => {
    expect(analyzeQuestion('can i install waze on my patrol laptop', lexicon).concepts).toContain('software');
    expect(analyzeQuestion('ok to download the blorpify thing on my work phone?', lexicon).concepts).toContain('software');
    expect(analyzeQuestion('can i get notepad++ put on my desktop at the station', lexicon).concepts).toContain('software');
  });

  it('matches a phrase with words between its parts ("take ~ home"), but not too many', () => {
    const gap = new Lexicon({ take_off_site: { kind: 'action', phrases: ['take ~ home'] } });
    expect(gap.conceptsOf('can i take my county laptop home tonight')).toContain('take_off_site');
    expect(gap.conceptsOf('take home')).toContain('take_off_site');
    expect(gap.conceptsOf('can i take a picture of the house and post it at home')).not.toContain('take_off_site');
    expect(analyzeQuestion('can i take the lidar home overnight', lexicon).concepts).toContain('take_off_site');
  });

  it('hears "are calls to lawyers recorded" as a question of fact, and "who am i supposed to tell" as one of whom to tell', () => {
    expect(analyzeQuestion('are calls to lawyers recorded on the inmate phones', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('my own LT posted case details on his fb. who am i supposed to tell', lexicon).intent).toBe('procedure');
    expect(analyzeQuestion('new dispatcher hasnt done CAD training yet, can she log on and start taking calls', lexicon).concepts).not.toContain('password');
    expect(analyzeQuestion('is it ok to have an onlyfans on the side if i never mention where i work', lexicon).concepts).not.toContain('represent');
  });

  it('answers "whats dems" from the definition of the term, not from a rule that mentions it', () => {
    expect(analyzeQuestion('whats dems', lexicon).asksDefinition).toBe(true);
    expect(analyzeQuestion('whats the deal w texting my sgt while driving', lexicon).intent).toBe('permission');
    const engine = engineFor(`SOP 12.2 Definitions
A.  Digital Evidence Management System (DEMS) - The secured storage system to which all BWC recordings are uploaded.
B.  Mobile Video Recorder (MVR) - The in-car camera system.
SOP 12.4 In-Car Video
D.  Recordings shall be uploaded to DEMS by wireless transfer at the end of each shift.
SOP 12.5 Release
D.  The request and the decision shall be kept in DEMS.
`);
    const answer = engine.ask('whats dems');
    expect(answer.verdict).toBe('info');
    expect(answer.citations[0]?.section).toBe('12.2.A');
  });

  it('hears "who notifies the state" as asking whose duty it is, not whom the asker must tell', () => {
    expect(analyzeQuestion('who notifies the state if cji gets exposed in a breach', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('who resets passwords for the rms', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('who keeps track of which phones and laptops are issued to who', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('who handles public records requests', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('who do i tell if cji gets exposed', lexicon).intent).toBe('procedure');
    const answer = engineForFixture('blind32/tri-valley-transit.txt').ask('who notifies the state if cji gets exposed in a breach');
    expect(answer.verdict).toBe('info');
    expect(answer.citations[0]?.section).toBe('1040.10.2');
  });

  it('hears "can that clip get deleted" as asking whether it may be done, not what the policy says', () => {
    expect(analyzeQuestion('forgot my bodycam was on when i used the bathroom lol, can that clip get deleted', lexicon).intent).toBe('permission');
    expect(analyzeQuestion('can the video be released to channel 5', lexicon).intent).toBe('permission');
    expect(analyzeQuestion('how long is the video kept', lexicon).intent).toBe('fact');
  });

  it('mends a typo against the vocabulary, but not a word the library itself uses in another form', () => {
    const airport = new Lexicon(readSharedLexicon(), 'Members posted at the Airport shall not record the checkpoint.');
    expect(airport.correct(['airports', 'airpds'])).toEqual(['airports', 'airpods']);
    // A slip of the fingers or of spelling, not another word: "snowing" is no "slowing", "emergancy" is "emergency".
    const plain = new Lexicon(readSharedLexicon());
    expect(plain.correct(['snowing'])).toEqual(['snowing']);
    expect(plain.correct(['emergancy'])).toEqual(['emergency']);
  });

  it('hears an insurance company asking for a copy as a request, not a question about insurance benefits', () => {
    const q = analyzeQuestion('an insurance company wants a copy of my bwc vid from a fender bender, can i just send it to them', lexicon);
    expect(q.concepts).not.toContain('compensation');
    expect(q.concepts).toContain('inquiry');
    expect(analyzeQuestion('ok to pay my phone bill online on the station computer while im on break', lexicon).concepts).not.toContain('compensation');
    expect(analyzeQuestion('does the city pay my phone bill', lexicon).concepts).toContain('compensation');
  });

  it('hears "take the scene pics" and "snap the burglary scene pics" as taking pictures', () => {
    expect(analyzeQuestion('squad camera is dead, can i take the scene pics on my own phone', lexicon).concepts).toContain('capture');
    expect(analyzeQuestion('can i just snap the burglary scene pics on my cell', lexicon).concepts).toContain('capture');
  });

  it('hears firearms, pepper spray, CPR, shift swaps and radar calibration as other policies\' matters', () => {
    for (const q of ['can i carry my duty gun on a commercial flight when im off duty', 'are security officers allowed to carry pepper spray', 'whats the protocol for giving cpr instructions over the phone', 'can i swap shifts with another dispatcher without asking anyone', 'how often does the radar unit need to be calibrated']) {
      expect(analyzeQuestion(q, lexicon).concepts, q).toContain('off_topic');
    }
    expect(analyzeQuestion('want to make a fake insta to get into a group selling ghost guns', lexicon).concepts).not.toContain('off_topic');
  });

  it('hears a question about who pays the phone bill as one about pay', () => {
    expect(analyzeQuestion('does the county pay any of my cell bill if i use it for work stuff', lexicon).concepts).toContain('compensation');
  });

  it('does not take a neighbour parking his truck for a question about parking', () => {
    expect(analyzeQuestion('neighbor keeps parking his junk truck in front of my house, can i run his plate on the mdc', lexicon).concepts).not.toContain('off_topic');
    expect(analyzeQuestion('where can i park my personal car at the station', lexicon).concepts).toContain('off_topic');
  });

  it('hears "can they see it" and "can itd see" ask what others can do, not leave', () => {
    expect(analyzeQuestion('if i check my gmail on a patrol computer can they see it', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('can the sheriffs office go thru the texts on my county phone or is that private', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('can itd see what websites i go on from work', lexicon).intent).toBe('fact');
    expect(analyzeQuestion('can i check my gmail on a patrol computer', lexicon).intent).toBe('permission');
  });

  it('hears "what am i supposed to do" ask what to do', () => {
    expect(analyzeQuestion('a porn popup came up by accident on my screen, what am i supposed to do', lexicon).intent).toBe('procedure');
  });

  it('hears "who do i gotta clear that with" ask for the approval path', () => {
    expect(analyzeQuestion('a podcast wants me on to talk about dept recruiting, who do i gotta clear that with', lexicon).seeksProcess).toBe(true);
  });

  it('hears leave asked for someone else\'s use, or after the fact, though something went wrong', () => {
    expect(analyzeQuestion("my fto's rms account is locked, can he just use my login until IT fixes it", lexicon).intent).toBe('permission');
    expect(analyzeQuestion('bwc battery died on a call so i recorded the statement on my phone instead. thats fine right?', lexicon).intent).toBe('permission');
    expect(analyzeQuestion('my work phone got stolen, who do i tell', lexicon).intent).toBe('procedure');
  });

  it('reads a word for an act and a thing ("email") as the thing after "my" or "personal"', () => {
    expect(analyzeQuestion('can i check my personal email on the desk computer at lunch', lexicon).concepts).not.toContain('send');
    expect(analyzeQuestion('can i email the report to my sgt', lexicon).concepts).toContain('send');
  });

  it('does not take what a message says ("an email saying my paycheck was on hold") for what the question is about', () => {
    expect(analyzeQuestion('clicked a link in an email saying my paycheck was on hold and now my pc is acting weird', lexicon).concepts).not.toContain('off_topic');
    expect(analyzeQuestion('who do i ask about my paycheck', lexicon).concepts).toContain('off_topic');
  });

  it('hears a plan of one\'s own that mentions something stolen as asking leave, not as something gone wrong', () => {
    expect(analyzeQuestion('detective here, thinking of making a fake fb profile to catch a guy fencing stolen tools', lexicon).intent).toBe('permission');
    expect(analyzeQuestion('someone stole my county laptop out of my car', lexicon).intent).toBe('procedure');
  });

  it('hears a break-in as a theft, not as something broken', () => {
    const q = analyzeQuestion('someone broke into my car overnight and took my county laptop', lexicon);
    expect(q.concepts).toContain('lost_device');
    expect(q.concepts).not.toContain('malfunction');
  });

  it('hears "whos our tac" ask who, as "who\'s" does', () => {
    expect(analyzeQuestion('whos our tac for leads stuff', lexicon).intent).toBe('fact');
  });

  it('hears "do we still have to …" ask what the rule is', () => {
    expect(analyzeQuestion('do we still have to change passwords every 90 days', lexicon).intent).toBe('fact');
  });

  it('hears turning the camera off as stopping a recording', () => {
    expect(analyzeQuestion('SA victim at the ER asked me to turn my camera off, can i?', lexicon).concepts).toContain('stop_recording');
    expect(analyzeQuestion('ok to kill the camera when were talking tactics', lexicon).concepts).toContain('stop_recording');
  });

  it('reads "have a personal insta" as having an account, not as posting', () => {
    const q = analyzeQuestion('am i even allowed to have a personal insta', lexicon);
    expect(q.concepts).toContain('account');
    expect(q.concepts).not.toContain('post');
    expect(analyzeQuestion('the dashcam vid is wild. youtube?', lexicon).concepts).toContain('post');
  });

  it('hears the asker say which role they hold ("im a dispatcher", "dispatcher here"), not a role they only name', () => {
    expect(analyzeQuestion('dispatcher here, can i keep my phone at the console', lexicon).roles).toContain('role_dispatcher');
    expect(analyzeQuestion('im a dispatcher, can i check my gmail on a break', lexicon).roles).toContain('role_dispatcher');
    expect(analyzeQuestion('can i call dispatch or my sgt on my cell', lexicon).roles.size).toBe(0);
    expect(analyzeQuestion('as soon as my sgt gets here can i leave the mdt logged in', lexicon).roles.size).toBe(0);
    expect(analyzeQuestion('as a dispatcher can i keep my phone at the console', lexicon).roles).toContain('role_dispatcher');
  });

  it('hears an emergency and equipment that is down in officers\' words', () => {
    const q = analyzeQuestion('running code 3 to an officer needs help call, radio is jammed, can i call the other unit on my cell', lexicon);
    expect(q.concepts).toContain('exigent');
    expect(q.concepts).toContain('equipment_unavailable');
  });

  it('hears content the Department has already released, in a rule and in a question alike', () => {
    expect(analyzeQuestion('PIO already put the crash photos up on the SO page, am i ok to share that post to my own fb', lexicon).concepts).toContain('official_release');
    expect(lexicon.conceptsOf('unless the material has been released by the Public Information Officer (PIO)')).toContain('official_release');
    expect(lexicon.conceptsOf('unless the material has been released by the Public Information Officer (PIO)')).not.toContain('media_relations');
  });

  it('not when the question names what is installed', () => {
    expect(analyzeQuestion('can i install a dashcam in my patrol car', lexicon).hinted).not.toContain('software');
  });

  it('reads what others can see or do with one\'s data as a question of fact', () => {
    for (const q of [
      'if i put outlook on my own phone can the city see my pics',
      'if my insta is set to private is it actually private from the dept?',
      'if i text my partner about a case on my personal phone can that get pulled in a records request',
    ]) {
      expect(analyzeQuestion(q, lexicon).intent, q).toBe('fact');
    }
    expect(analyzeQuestion('can i put outlook on my own phone', lexicon).intent).toBe('permission');
  });

  it('reads a property of something as a fact and a plan with its "I" left out as asking leave', () => {
    for (const q of ['are comments people leave on the PD facebook page foia-able / public?', 'is stuff we send over the internal IM private?']) {
      expect(analyzeQuestion(q, lexicon).intent, q).toBe('fact');
    }
    for (const q of ['want to write a blog post about how/when we do prisoner transports, cool?', 'posting a vid of when we did range day, ok?']) {
      const read = analyzeQuestion(q, lexicon);
      expect([read.intent, read.asksLeave], q).toEqual(['permission', true]);
    }
  });

  it('reads the ways officers ask who approves something', () => {
    for (const q of [
      'who do i need to ok taking my laptop overseas',
      'who can ok putting the video out to the media',
      'supplement company wants to pay me for posts, who do i need to get that ok\'d by',
      'want to start a page for our K9 unit, who do i ask',
      'who has to sign off on a new account',
    ]) {
      expect(analyzeQuestion(q, lexicon).seeksProcess, q).toBe(true);
    }
    expect(analyzeQuestion('who do i tell about a lost laptop', lexicon).seeksProcess).toBe(false);
  });

  it('reads a lost radio or a cracked camera as something to report, not a streaming question', () => {
    const radio = analyzeQuestion('lost my portable radio somewhere on my beat', lexicon);
    expect(radio.concepts).not.toContain('streaming');
    expect(radio.intent).toBe('procedure');
    expect(analyzeQuestion('cracked my bodycam during a foot chase', lexicon).intent).toBe('procedure');
  });

  it('reads bluetooth and speakerphone as hands-free, and a call for service as no phone call', () => {
    const q = analyzeQuestion('ok to take a call on bluetooth while driving', lexicon);
    expect([...q.concepts]).toEqual(expect.arrayContaining(['hands_free', 'phone_call', 'driving']));
    expect(analyzeQuestion('bwc died mid call, can i record on my phone', lexicon).concepts).not.toContain('phone_call');
  });

  it('does not take a County-owned device for a personal one', () => {
    const concepts = lexicon.conceptsOf('The following are prohibited on County-owned devices:');
    expect(concepts).toContain('department_device');
    expect(concepts).not.toContain('personal_device');
    expect(lexicon.conceptsOf('Remote access from a personally owned computer is prohibited.')).not.toContain('department_device');
  });

  it('does not mend a word a wildcard phrase knows ("tweeting" is not "texting")', () => {
    expect(analyzeQuestion('tweeting about the game tonight', lexicon).concepts).toContain('social_media');
  });

  it('does not mend a real word into another ("candy crush" is not a crash)', () => {
    expect(analyzeQuestion('can i download candy crush on my work phone', lexicon).concepts).not.toContain('malfunction');
  });
});

/** An engine over a plain-text policy imported with no review, as `ask --policy` builds it. */
function engineFor(text: string): PolicyEngine {
  const lex = readSharedLexicon();
  const imported = importPolicyText(text, { lexicon: lex });
  return new PolicyEngine(buildLibrary({ department: 'imported', name: 'Imported', authorities: imported.authorities }, [imported.document], lex));
}

/** The same, over a policy document kept in test/fixtures. */
function engineForFixture(path: string): PolicyEngine {
  return engineFor(readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8'));
}

describe('answers against an imported document', () => {
  it('reads a unit wanting "its own insta page" as creating an account, K9 or not', () => {
    const answer = engineForFixture('blind27/tamarack-county.txt').ask('our k9 unit wants its own insta page, who do we ask');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/Public Information Officer/);
  });

  it('answers how long something the vocabulary does not name is kept by a word of it, not by "the system"', () => {
    const engine = engineForFixture('blind27/calder-springs.txt');
    // "Car-to-car and car-to-dispatch messages are recorded by the computer-aided dispatch system, retained for two years …".
    const kept = engine.ask('how long do they keep the car to car msgs from the mdc');
    expect(kept.verdict).toBe('info');
    expect(kept.citations[0]?.section).toBe('10.3.3');
    expect(engine.ask('how long does the flock system hang on to plate reads').verdict).toBe('not_addressed');
  });

  it('finds nothing for earbuds, drones or pay where the policy never speaks of them, and a hands-free rule where it does', () => {
    const town = engineForFixture('blind26/tillman-creek.txt');
    expect(town.ask('can i wear airpods in the cruiser while on patrol').verdict).toBe('not_addressed');
    expect(town.ask('does the town pay anything if i use my personal cell for work calls').verdict).toBe('not_addressed');
    expect(engineForFixture('blind23/ostrander-county.txt').ask('is there any rule about flying the office drone to get overhead shots of a scene').verdict).toBe('not_addressed');
    // "… while operating a vehicle only with a hands-free device": earbuds are one.
    const patrol = engineForFixture('blind17/state-patrol-directive-19-07.txt');
    expect(patrol.ask('can i take personal calls on my cell while im driving the cruiser if im using earbuds').verdict).toBe('allowed_with_conditions');
  });

  it('answers a fake profile for a case from the rule on fictitious identities, not one on personal accounts that shares its words', () => {
    // 12.5 bans friend requests to suspects from personal accounts; 12.6 puts a fictitious identity behind the Division Commander.
    const answer = engineForFixture('blind24/halvorsen-falls.txt').ask('wanna make a fake insta profile to get into a suspects friend list for my burglary case');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/Investigations Division Commander/);
    // "Approval is valid for 180 days", under the heading "Fictitious Online Personas", is about fake profiles too.
    const kept = engineForFixture('blind4/calder-springs.txt').ask('how long is an approval for an undercover persona acct good for');
    expect(kept.verdict).toBe('info');
    expect(kept.citations[0]?.section).toMatch(/^200\.14\.11/);
  });

  it('answers handing over a login from the password rule, and taking a device abroad from the travel rule', () => {
    // 10.8.2 forbids sharing passwords; 10.7.2, on leave for the asker, shares more of the question's other words.
    const login = engineForFixture('blind27/calder-springs.txt').ask('sgt wants my rms login so he can finish approving my reports while im on vacay, ok to just give it to him?');
    expect(login.verdict).toBe('prohibited');
    expect(login.citations.slice(0, 3).map((c) => c.section)).toContain('10.8.2');
    const abroad = engineForFixture('fresh/kessling-county-so-electronic-communications.txt').ask('taking my work phone to cancun on vacay, is that ok');
    expect(abroad.verdict).toBe('needs_approval');
    expect(abroad.approver).toMatch(/Undersheriff/);
  });

  it('reads bringing a phone into a jail\'s secure areas as carrying it there, and "say I\'ll be late" as no disclosure', () => {
    // "A staff member who needs a cellular telephone to operate a medical device … may carry that telephone in a secure area only with …".
    const medical = engineForFixture('blind29/calder-county.txt').ask('my dexcom runs off my phone, can i bring the phone into booking with me');
    expect(medical.verdict).toBe('needs_approval');
    expect(medical.approver).toMatch(/Jail Administrator/);
    expect(medical.citations[0]?.section).toBe('Personal Devices in Secure Areas');
    // "A PCD may not be used to conduct personal business while on-duty, except for brief personal communications".
    const late = engineForFixture('blind8/lisle-pcd.txt').ask('can i call my wife on shift to say ill be late');
    expect(late.verdict).toBe('allowed_with_conditions');
  });

  it('lets an officer share what the department itself posted, as the rule on official content says', () => {
    // 3.04(2): "An employee may share or repost content published on an official Department account without further approval."
    const answer = engineForFixture('blind23/carrow-bend.txt').ask('the dept fb page posted a pic of me at the toy drive, can i share it on my own page');
    expect(answer.verdict).toBe('allowed');
    expect(answer.citations[0]?.section).toBe('Section 3.04.2');
  });

  it('reads "do i just give it to him" as asking leave, and checking a bank account at lunch as personal use, not an online account', () => {
    const pw = engineForFixture('blind13/tamarack_state_police_ap_9_14.txt').ask('sgt says he needs my pw to fix my rms account, do i just give it to him');
    expect(pw.verdict).toBe('prohibited');
    // 4.1.1: "Limited personal use is permitted when it is brief, takes place during the user's own break or meal period, …"
    const bank = engineForFixture('blind18/wexford-city-it-policy-4.txt').ask('is it ok to check my bank account on my station computer during lunch');
    expect(bank.verdict).toBe('allowed_with_conditions');
    expect(bank.citations[0]?.section).toBe('4.1.1');
    // Nothing in the policy speaks of pay for using one's own phone.
    expect(engineForFixture('validation/redwood-state-patrol-info-security.txt').ask('do we get a stipend if i use my own cell for patrol email?').verdict).toBe('not_addressed');
  });

  it('takes a bodycam or dashcam clip for the video it is, as policies speak of recordings and footage', () => {
    const answer = engineForFixture('blind30/harlan-field.txt').ask('can the bodycam from the use of force at gate b12 be released to channel 5');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/Deputy Chief/);
  });

  it('answers whether an accidental bathroom clip can be deleted from who approves deleting recordings', () => {
    // 25: "No recording shall be deleted without the written approval of the Deputy Chief of Operations."
    const answer = engineForFixture('blind29/brennan-falls.txt').ask('forgot my bodycam was on when i used the bathroom lol, can that clip get deleted');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/Deputy Chief/);
  });

  it('sends a clicked phishing link to whoever takes security incidents, not to the rule on lost or stolen devices', () => {
    // 7-37: "A member who suspects a security incident shall immediately notify the Technology Coordinator …"
    const answer = engineForFixture('blind28/cascade-ridge-su.txt').ask('i clicked a link in a sketchy email on the dispatch pc, who do i tell');
    expect(answer.verdict).toBe('must_report');
    expect(answer.reportTo).toMatch(/Technology Coordinator/);
  });

  it('hears "say i work for the pd on my linkedin" as identifying oneself as an employee, as the policy words it', () => {
    // 1040.9.1: "Members may identify themselves as employees of the Department on personal social media accounts, …"
    const answer = engineForFixture('blind32/tri-valley-transit.txt').ask('can i say i work for tri valley transit pd on my linkedin');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('1040.9.1');
  });

  it('meets "public" in "publicly", but keeps "personally owned" apart from "personal"', () => {
    expect(termStem('publicly')).toBe(termStem('public'));
    expect(termStem('immediately')).toBe(termStem('immediate'));
    // "Members may view and record publicly available social media content for a legitimate investigative purpose …".
    expect(termStem('family')).toBe('family');
    expect(termStem('personally')).not.toBe(termStem('personal'));
    const engine = engineForFixture('blind24/halvorsen-falls.txt');
    expect(engine.ask('can i look at a suspects public fb page for my case').citations[0]?.section).toBe('12.6');
  });

  it('reads "may …, but shall not …" as a permission and a ban of the same subject, the ban deciding what only it names', () => {
    const engine = engineFor(`706.4.2 Hardware and Peripheral Devices
Personally owned hardware, including printers and scanners, shall not be connected to any Office computer. A
personally owned phone may be charged from a wall outlet or a vehicle power port, but shall
not be charged from or connected to the USB port of an Office computer or MDC.

706.4.3 Portable Storage Media
CJI shall not be copied to portable storage media unless approved by the Terminal Agency Coordinator.
`);
    const usb = engine.ask('can i charge my phone off the usb on the mdc');
    expect(usb.verdict).toBe('prohibited');
    expect(usb.citations[0]?.quote).toContain('but shall not be charged from or connected to the USB port');
    expect(engine.ask('can i charge my phone from the wall outlet at my desk').verdict).toBe('allowed_with_conditions');
  });

  it('does not lose a rule whose sentence names a context in passing that the question rules out', () => {
    const engine = engineForFixture('unseen/riverton-it-acceptable-use.txt');
    const answer = engine.ask('can i check my gmail on my work pc during lunch');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('5.3');
  });

  it('weighs a sentence that names many concepts as a long one, so it does not answer everything', () => {
    const engine = engineForFixture('blind12/riverton_pd_mobile_devices.txt');
    const answer = engine.ask('lt asked for my dept phone passcode during my IA interview, am i allowed to give it to him');
    expect(answer.citations[0]?.section).toMatch(/^615\.7\.1/);
  });

  it('prefers a ban that fits to an outright permission about the same kind of act', () => {
    const engine = engineForFixture('blind12/riverton_pd_mobile_devices.txt');
    const answer = engine.ask('can i download the insta app on my work phone');
    expect(answer.verdict).toBe('prohibited');
    expect(answer.citations[0]?.section).toMatch(/^615\.5\.1/);
  });

  it('takes the approval path beside a ban in its own section as the way through it, unless the ban says more of the question', () => {
    const engine = engineForFixture('blind15/ossary-falls-pd-310.txt');
    const answer = engine.ask('can i download waze on the work phone');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/IT Coordinator/);
    expect(answer.citations[0]?.section).toBe('5.1.3');
    // "Members shall not install personal copies of any software …" beside an approval path for investigations.
    const other = engineForFixture('blind9/lagrange-it-use.txt');
    expect(other.ask('can i put my own copy of photoshop on the report room pc').verdict).toBe('prohibited');
  });

  it('answers a long, chatty question whose fit is spread over many words, and still finds nothing for a short one it does not cover', () => {
    const engine = engineForFixture('blind16/harlan-pd-policy-702.txt');
    const answer = engine.ask('i think my sgt is retaliating against me. can i record our next sit down on my phone w/o telling him, just to cover myself');
    expect(answer.verdict).toBe('prohibited');
    expect(answer.citations[0]?.section).toMatch(/^702\.6\.1/);
    expect(engine.ask('can i wear my uniform to a political rally').verdict).toBe('not_addressed');
  });

  it('answers a member with the rule on members, not the one on another role, unless the asker is in that role', () => {
    const engine = engineForFixture('blind12/esu_pd_acceptable_use_it.txt');
    const answer = engine.ask('can i shop on amazon on the office pc during my lunch');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toMatch(/^IV\.B\.1/);
    expect(engine.ask('im a dispatcher, can i check my gmail on the console during my break').verdict).toBe('prohibited');
  });

  it('gives the approval path to "who do I ask" even when it fits less well than the permission beside it', () => {
    const engine = engineForFixture('blind13/tamarack_state_police_ap_9_14.txt');
    const answer = engine.ask('want to put a different pdf app on my work laptop, who do i ask');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.citations[0]?.section).toBe('14.4.3.1');
  });

  it('decides by a ban listed under a permission when the question names what the ban names', () => {
    const engine = engineForFixture('blind13/merritt_county_so_policy_460.txt');
    const answer = engine.ask('can i stream netflix on the mdc at lunch if im parked n clear for calls');
    expect(answer.verdict).toBe('prohibited');
    expect(answer.citations[0]?.section).toMatch(/3\.02\.B\.i$/);
    expect(engine.ask('can i check my bank account on the mdc at lunch if im parked n clear for calls').verdict).toBe('allowed_with_conditions');
  });

  it('takes a word the vocabulary does not know, used by a provision, as naming what the question is about', () => {
    // "TCSO-All" is no word of the vocabulary; the rule on agency-wide e-mail names it.
    const engine = engineForFixture('blind12/tillman_county_so_electronic_comms.txt');
    const answer = engine.ask('need to send a training reminder to TCSO-All, who has to sign off on that');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.citations[0]?.section).toMatch(/4\.b\.3$/);
  });

  it('answers leave with a rule that fits nearly as well as the best fact', () => {
    const engine = engineForFixture('blind11/urbana-mdc.txt');
    expect(engine.ask('running into the gas station for 2 min, can i leave the MDT logged in?').verdict).toBe('prohibited');
  });

  it('gives a ban\'s approval for a need of the job, without saying the same sentence twice', () => {
    const engine = engineForFixture('blind9/lagrange-it-use.txt');
    const answer = engine.ask('working vice, need to get on escort/adult sites from a dept computer, allowed?');
    expect(answer).toMatchObject({ verdict: 'needs_approval', approver: 'supervisor' });
    expect(answer.answer.split('Certain exceptions may be permitted').length).toBe(2);
  });

  it('lets a member do what a duty is owed on ("members who review a recording … shall note it"), on that condition', () => {
    const engine = engineForFixture('blind11/urbana-bodycams.txt');
    const answer = engine.ask('ok to watch my bwc footage before i write up the report?');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('421.7');
  });

  it('does not answer leave to post with the duty owed on becoming aware of someone else\'s post', () => {
    const engine = engineForFixture('blind11/hanoverpark-socialmedia.txt');
    expect(engine.ask('can i put the FOP meeting announcement on the dept fb page').verdict).not.toBe('must_report');
    expect(engine.ask('guy on our shift has a blog where he is posting stuff in violation of this order, am i supposed to say something').verdict).toBe('must_report');
  });

  it('reads a ban confined to driving as a permission with that condition when the question does not say it is driving', () => {
    const engine = engineFor(`6. EMAIL
6.1 Department email is for Department business. Incidental personal use is permitted.
6.2 Members shall not forward Department email to a personal account.
7. PERSONAL PHONES
7.1 Members may carry a personal cell phone on duty.
7.2 Members shall not send text messages on any phone while operating a Department vehicle.
8. SOFTWARE
8.1 Members shall not install software on a Department computer without the approval of the IT Manager.
8.2 Members shall report a lost or stolen Department laptop to their supervisor at once.
9. SOCIAL MEDIA
9.1 Members shall not post photographs of crime scenes on social media.
`);
    const asked = engine.ask('can i text my wife from my phone on shift');
    expect(asked.verdict).toBe('allowed_with_conditions');
    expect(asked.citations[0]?.section).toBe('7.2');
    expect(asked.answer).toMatch(/Not while driving/);
    expect(engine.ask('can i text my wife while driving the cruiser').verdict).toBe('prohibited');
  });
});

describe('lists', () => {
  it('lets a ban\'s exception through on conditions when its cases hold only together, and says the lead-in and the other case', () => {
    // 7-16(b): "… shall not be used to photograph … except when: (1) no Department device is reasonably available; and (2) the image is needed to preserve evidence …".
    const answer = engineForFixture('blind28/cascade-ridge-su.txt').ask('no dept camera in my unit and the footprints in the snow are melting, can i snap pics with my own phone');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('7-16.b.1');
    expect(answer.answer).toContain('§7-16.b (Department and Personal Devices): "Personal devices shall not be used to photograph');
    expect(answer.conditions).toContain('the image is needed to preserve evidence that would otherwise be lost.');
  });
});

describe('matters other policies cover', () => {
  it('does not answer a question about pay from a rule that only shares its device', () => {
    const engine = engineFor(`1. PERSONAL PHONES
1.1 Members may use a personal cell phone for work calls and other work.
1.2 Members shall not use a personal cell phone to photograph a crime scene.
1.3 Members shall not send text messages while operating a Department vehicle.
2. EMAIL
2.1 Members shall not forward Department email to a personal account.
2.2 Members shall not install software without the approval of the IT Manager.
`);
    expect(engine.ask('do we get a stipend if we use our personal cell for work stuff?').verdict).toBe('not_addressed');
    expect(engine.ask('can i use my personal cell to take pics of a crime scene').verdict).toBe('prohibited');
  });
});

describe('questions after an amount', () => {
  it('answers "how long" with a period or a length about what the question names, not with another amount', () => {
    // The town policy keeps no body-camera retention period; its other figures ("within 24 hours") do not answer it.
    expect(engineForFixture('blind15/ossary-falls-pd-310.txt').ask('how long do we keep bodycam vids').verdict).toBe('not_addressed');
    const riverton = engineForFixture('blind14/riverton_ar_3_12.txt').ask('how long does my pw need to be and how often do i have to change it');
    expect(riverton.verdict).toBe('info');
    expect(riverton.citations[0]?.section).toMatch(/^3\.12\.080\.A/);
  });

  it('answers "how long" from the provision that states a period, and not at all when none does', () => {
    const text = `1. EMAIL
1.1 Department email is a public record and is monitored.
1.2 Members shall not forward Department email to a personal account.
2. BODY-WORN CAMERAS
2.1 Members shall not delete body-worn camera recordings.
2.2 Recordings that are not evidence are retained for 180 days.
3. SOFTWARE
3.1 Members shall not install software without the approval of the IT Manager.
`;
    const engine = engineFor(text);
    const kept = engine.ask('how long do we keep bodycam videos that arent evidence');
    expect(kept.verdict).toBe('info');
    expect(kept.citations[0]?.section).toBe('2.2');
    expect(engine.ask('how long do we keep emails before they get purged').verdict).toBe('not_addressed');
  });
});

describe('how long things are kept', () => {
  const text = `1. BODY-WORN CAMERAS
1.1 Members shall activate the BWC at the start of every contact, and it shall remain on until the contact ends.
1.2 Members shall not copy, download or delete BWC recordings.
1.3 Members shall complete BWC training every two years.
2. TEXT MESSAGES
2.1 Text messages on Department phones concerning Department business are public records and shall not be deleted.
3. RETENTION
3.1 Recordings that are not tagged as evidence are retained for one year and then purged; recordings tagged as evidence are retained until final disposition of the case.
4. PASSWORDS
4.1 Passwords shall be at least fifteen characters long.
`;
  const engine = engineFor(text);

  it('is answered by the provision that keeps what the question names for a period, however far down it fits', () => {
    const kept = engineForFixture('blind11/urbana-bodycams.txt').ask('how long is footage kept if i used force on the guy');
    expect(kept.verdict).toBe('info');
    expect(kept.citations[0]?.section).toBe('421.9.1');
    expect(engine.ask('how long do bwc videos stick around').citations[0]?.section).toBe('3.1');
  });

  it('is not addressed when no provision keeps what the question names, whatever else states a period', () => {
    expect(engine.ask('how long are text msgs on the agency phones kept').verdict).toBe('not_addressed');
    expect(engine.ask('how long do we keep alpr hits').verdict).toBe('not_addressed');
  });
});

describe('duties and limits', () => {
  const text = `1. PHONES
1.1 All personal communication devices in the workplace shall be set to silent or vibrate mode.
1.2 Members shall not use a personal cell phone to photograph a crime scene.
2. INTERNET
2.1 Internet access provided by the Department shall be strictly limited to department-related activities.
2.2 Members shall not install software without the approval of the IT Manager.
3. RECORDS
3.1 Members shall report a lost Department laptop to their supervisor.
3.2 Department email is a public record and is monitored.
4. SOCIAL MEDIA
4.1 Members shall not post photographs of crime scenes on social media.
4.2 Members shall not post pictures of themselves in uniform without the approval of the Chief of Police.
4.3 Members may express personal opinions on matters of public concern as private citizens.
`;

  it('reads leave to do otherwise than a duty as asking to break it, and a question about the duty as a fact', () => {
    const engine = engineFor(text);
    const ringer = engine.ask('can i keep the ringer on instead of silent at work');
    expect(ringer.verdict).toBe('prohibited');
    expect(ringer.citations[0]?.section).toBe('1.1');
    // How the engine read the duty is said as such, not as an exception of the rule.
    expect(ringer.answer).toMatch(/requires this/);
    expect(ringer.answer).not.toMatch(/Exception:/);
    expect(engine.ask('what mode does my phone have to be in at work, silent or vibrate?').verdict).toBe('info');
  });

  it('reads a personal use against a use limited to department purposes as prohibited, and a work use as allowed with conditions', () => {
    const engine = engineFor(text);
    const shopping = engine.ask('can i do some online shopping on the internet at work');
    expect(shopping.verdict).toBe('prohibited');
    expect(shopping.citations[0]?.section).toBe('2.1');
    expect(engine.ask('can i use the internet at work to look up a statute for a report').verdict).toBe('allowed_with_conditions');
  });
});

describe('exceptions in answers', () => {
  it('says a drafted exception once', () => {
    const engine = engineFor(`1. PHONES
1.1 Members shall not use personal phones on duty, except during authorized breaks.
1.2 Members shall not post photographs of crime scenes on social media.
2. EMAIL
2.1 Department email is a public record and is monitored.
2.2 Members shall not install software without the approval of the IT Manager.
`);
    const answer = engine.ask('can i use my personal phone during my lunch break on duty');
    // Leave that only the exception's circumstances give holds on them.
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.answer).toMatch(/Exception: except during authorized breaks/);
    expect(answer.answer).not.toMatch(/Exception: Exception/);
  });
});

describe('other policies\' matters asked with an act the policy names', () => {
  it('are not addressed when the rule speaks of nothing the question is about: "carry my own backup gun" against "may carry a personally owned device"', () => {
    const engine = engineFor(`7. DEVICES
7.1 Office-issued devices remain the property of the Office and shall be carried and kept charged while on duty.
7.2 Members may carry a personally owned device while on duty, provided it is silenced during briefings.
7.3 Members shall not post photographs of crime scenes on social media.
`);
    expect(engine.ask('can i carry my own backup gun on duty').verdict).toBe('not_addressed');
    expect(engine.ask('can i carry my own phone on duty').verdict).not.toBe('not_addressed');
  });
});

describe('an exception drafted with the words around its case', () => {
  it('is claimed by a question stating its setting: "working a vice case" against "except in the course of an authorized investigation and with the prior approval of a division commander"', () => {
    const engine = engineFor(`4. INTERNET
4.1 Members shall not access web sites containing sexually explicit material, gambling or hate content, except in the course of an authorized investigation and with the prior approval of a division commander.
4.2 Members shall not post photographs of crime scenes on social media.
4.3 Members shall report lost devices to a supervisor.
`);
    const answer = engine.ask('working a vice case and need to look at online gambling sites from my work pc, is that ok');
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toMatch(/division commander/i);
  });
});

describe('a duty that names no one to tell', () => {
  it('gives way to the one in its section that does', () => {
    const engine = engineFor(`9. SECURITY INCIDENTS
9.1 Any member who knows of or suspects a security incident shall immediately notify the on-duty Watch Commander and shall, before the end of the shift, send a written account of the incident to the IT Manager. Members shall not attempt to investigate the incident on their own. A member who receives a suspicious e-mail shall not open its attachments or links and shall report the message using the phishing report button in the e-mail client.
9.2 Members shall lock their workstations.
9.3 Members shall not share passwords.
`);
    const answer = engine.ask('i clicked a link in a weird email and now my pc is acting up, who do i call rn');
    expect(answer.verdict).toBe('must_report');
    expect(answer.reportTo).toMatch(/Watch Commander/);
  });
});

describe('a rule whose exception the question states', () => {
  it('is the rule the question is about: "a call on bluetooth while driving" against "shall not use a PCD while driving unless … hands-free"', () => {
    const engine = engineFor(`6. PERSONAL COMMUNICATION DEVICES
6.1 Members may make limited personal calls and send personal text messages on a department-issued PCD, provided the use is brief and does not interfere with duties.
6.2 Members shall keep department-issued PCDs charged and carry them while on duty.
6.3 Members shall not use a PCD while operating a department vehicle unless the device is used in hands-free mode, or unless the use is necessary to respond to an emergency and it is safe to do so. Members shall not read, compose or send text messages while the vehicle is in motion.
6.4 Members shall report a lost or stolen PCD to the on-duty Watch Commander immediately.
6.5 Members shall not install applications on a department-issued PCD without the approval of the IT Manager.
6.6 Members shall not photograph crime scenes with a personally owned PCD.
`);
    const answer = engine.ask('can i take a call on bluetooth while im driving the cruiser');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('6.3');
  });
});

describe('an exception for evidence about to be lost', () => {
  it('is claimed by "dept camera died … rain is about to wash out the footprints"', () => {
    const engine = engineFor(`702.5 PERSONALLY OWNED PCD
702.5.a Members may carry a personally owned PCD while on duty.
702.5.e A personally owned PCD shall not be used to photograph or record crime scenes, evidence, victims, suspects or persons in custody unless no Office-issued recording device is available and the delay would result in the loss of evidence. Any such image shall be uploaded to the digital evidence system before the end of the shift.
702.6 Members shall not post photographs of crime scenes on social media.
702.7 Members shall report a lost PCD to the shift supervisor.
`);
    const answer = engine.ask('dept camera died on scene and the rain is about to wash out the footprints, can i take pics with my own phone');
    expect(answer.verdict).toBe('allowed_with_conditions');
    expect(answer.citations[0]?.section).toBe('702.5.e');
  });
});

describe('what a leave\'s terms leave out', () => {
  it('is not let through: streaming against "permitted … provided the use … does not involve streaming video or music"', () => {
    const engine = engineFor(`1. DEPARTMENT COMPUTERS
1.1 Use Department computers and MDTs for official business only.
1.2 Limited personal use of an MDT is permitted during a meal period or an authorized break, provided the use is brief, does not involve streaming video or music, gaming, or online wagering, and does not interfere with Department operations.
1.3 Do not share passwords with anyone.
1.4 Report a lost MDT to the desk officer.
`);
    expect(engine.ask('can i stream netflix on the mdt if im on my meal break').verdict).toBe('prohibited');
  });

  it('hears "my 9yo" as a child of the family', () => {
    expect(analyzeQuestion('my 9yo wants to play roblox on my work ipad', new Lexicon(readSharedLexicon())).concepts).toContain('family');
  });
});

describe('a question the vocabulary knows nothing of', () => {
  it('is not addressed when it meets a provision in one word only', () => {
    const engine = engineFor(`7. DEVICES
7.1 Personal use shall be brief and shall not interfere with patrol, calls for service or dispatch duties.
7.2 Members shall not post photographs of crime scenes on social media.
7.3 Members shall report a lost device to the shift supervisor.
`);
    expect(engine.ask('can we ride the patrol bikes when its snowing').verdict).toBe('not_addressed');
  });
});

describe('"who do I call?" after a security incident', () => {
  it('is the duty to report an incident, whatever the incident was about', () => {
    const a = engineForFixture('blind49/tamarack-county.txt').ask('got a text from someone claiming to be it asking for my password and i answered it, who do i call');
    expect(a.verdict).toBe('must_report');
    expect(a.reportTo).toBe('Information Systems Manager');
  });
  it('is answered by a duty that names someone, not by a button', () => {
    const a = engineForFixture('blind50/brenton-ridge.txt').ask('i clicked a link in a sketchy email and now my pc is acting weird, who do i call');
    expect(a.reportTo).toBe('IT Manager');
  });
});

describe('a permission beside the approval its section requires in a case of its own', () => {
  it('gives way to it when the question names that case: "after the ois … can i watch my bodycam"', () => {
    const a = engineForFixture('blind49/tamarack-county.txt').ask('after the ois last night can i watch my bodycam before i give my statement');
    expect(a.verdict).toBe('needs_approval');
    expect(a.approver).toBe('Undersheriff');
    expect(engineForFixture('blind49/tamarack-county.txt').ask('can i rewatch my bwc before i write my report on a dui arrest').verdict).not.toBe('needs_approval');
  });
});

describe('what a leave\'s terms leave out, against what it grants', () => {
  it('is not what it grants: "Limited personal use of department internet access is allowed …, provided the use does not involve a site … prohibited"', () => {
    expect(engineForFixture('blind49/marlow-creek.txt').ask('ok to check my bank acct on the station pc during lunch?').verdict).toBe('allowed_with_conditions');
  });
});

describe('a rule "whether the employee is on or off duty"', () => {
  it('holds on duty too: watching tiktok while driving the squad', () => {
    const concepts = new Lexicon(readSharedLexicon()).conceptsOf('the following is prohibited on social media, whether the employee is on or off duty:');
    expect(concepts).toContain('duty_either');
    expect(concepts).not.toContain('off_duty');
    const a = engineForFixture('blind52/harlow-springs.txt').ask('can i watch tiktok while im driving the squad around on patrol');
    expect(a.verdict).toBe('prohibited');
    expect(a.citations[0]?.section).toBe('1040.5.i');
  });
});

describe('leave "provided the use … does not violate 41.2.3"', () => {
  it('gives way to a ban of that section on what the question names', () => {
    const a = engineForFixture('blind51/castleford.txt').ask('can i watch netflix on the mdt during my lunch break');
    expect(a.verdict).toBe('prohibited');
    expect(a.citations[0]?.section).toBe('41.2.3.d');
  });
});

describe('everyday verbs', () => {
  it('do not count as words the vocabulary does not know: "taking my work laptop to …" is not "taking enforcement action"', () => {
    const q = analyzeQuestion('taking my work laptop to a conference in toronto, is that ok', new Lexicon(readSharedLexicon()));
    expect(q.unknown.has(termStem('taking'))).toBe(false);
    expect(engineForFixture('blind53/larkspur-university.txt').ask('taking my work laptop to a conference in toronto, is that ok').citations[0]?.section).toBe('4.3.4');
  });
});

describe('a call for service', () => {
  it('is the circumstance a ban on recording lets through: "got dispatched to the health center"', () => {
    const a = engineForFixture('blind53/larkspur-university.txt').ask('got dispatched to the health center on campus, can my bwc be recording inside');
    expect(a.verdict).toBe('allowed_with_conditions');
    expect(a.citations[0]?.section).toBe('4.4.2');
  });
});

describe('a list of the cases leave covers, after a duty', () => {
  it('is leave, and the case the question names is the item cited: "… shall state the reason … and may deactivate it … only: c. When a crime victim … declines"', () => {
    const a = engineForFixture('blind53/quillan-county.txt').ask('victim wont talk w the camera on, can i shut off my bwc');
    expect(a.verdict).toBe('allowed_with_conditions');
    expect(a.citations[0]?.section).toBe('IV.E.2.c');
  });
  it('and so is an item of a list of bans', () => {
    expect(engineForFixture('blind53/quillan-county.txt').ask('can i post a walkthrough video of the jail on tiktok').citations[0]?.section).toBe('IV.F.1.a');
  });
});

describe('"how long do we keep …?" answered by an exception', () => {
  it('counts what the exception keeps: "… except in accordance with the … retention schedule, which requires that text messages … be kept for three years"', () => {
    const a = engineForFixture('blind50/calder-shp.txt').ask('how long do we have to keep work texts on the patrol phone');
    expect(a.verdict).toBe('info');
    expect(a.citations[0]?.section).toBe('3.6');
  });
});

describe('"if … who reports it to the state"', () => {
  it('asks whose duty it is, after the circumstance: a fact, not the asker\'s report', () => {
    expect(analyzeQuestion('if ncic data gets leaked who reports it to the state', new Lexicon(readSharedLexicon())).intent).toBe('fact');
    expect(engineForFixture('blind50/brenton-ridge.txt').ask('if a breach involves cjis data who reports it to the state').verdict).toBe('info');
  });
});

describe('taking a device out of the state', () => {
  it('is what "shall not be taken outside the State without the prior approval of …" is about: "taking the work laptop on vacation to florida"', () => {
    const a = engineForFixture('blind51/wexbury.txt').ask('taking the work laptop on vacation to florida next week, is that ok');
    expect(a.verdict).toBe('needs_approval');
    expect(a.approver).toMatch(/operations lieutenant/i);
  });
});

describe('an inmate talking to his lawyer', () => {
  it('is the attorney-client communication the duty speaks of', () => {
    const a = engineForFixture('blind51/tamarack-county.txt').ask('was reviewing calls and realized im listening to an inmate talking to his lawyer, what now');
    expect(a.verdict).toBe('must_report');
    expect(a.reportTo).toMatch(/jail commander/i);
  });
});

describe('a real word the vocabulary does not know', () => {
  it('is not "corrected" into one it does: "stabbing" is no mistyped "starting", "bragging" no "blogging"', () => {
    const lexicon = new Lexicon(readSharedLexicon());
    expect(lexicon.correct(['stabbing', 'bragging', 'overhead'])).toEqual(['stabbing', 'bragging', 'overhead']);
    expect(lexicon.correct(['instagarm', 'pasword'])).toEqual(['instagram', 'password']);
  });
});

describe('a recording shown in a class', () => {
  it('is its use for training, which the policy gives an approver of its own', () => {
    const a = engineForFixture('blind35/tri-valley-transit.txt').ask('want to show a bwc vid of a fare evasion fight in the academy class i teach, who do i ask');
    expect(a.verdict).toBe('needs_approval');
    expect(a.approver).toMatch(/training lieutenant/i);
  });
});

describe('other policies\' matters', () => {
  it('are not addressed by an IT and records policy: an off-duty security detail, comp hours, taking the squad home', () => {
    const engine = engineForFixture('blind51/wexbury.txt');
    for (const q of ['can i work an off duty security detail at the mall', 'how many comp hours can i bank', 'can i take the squad home after shift if i live in the county']) {
      expect(engine.ask(q).verdict).toBe('not_addressed');
    }
  });
});
