/**
 * A synthetic policy manual in plain text: chapters ("Section 12. …") of numbered paragraphs
 * ("12.5 …") written from varied rule sentences, so the importer and engine see realistic prose.
 * Deterministic for a given size.
 */

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['Employees', 'Members', 'Officers', 'Deputies', 'Personnel', 'Users', 'Staff members', 'Dispatchers', 'Civilian employees'];
/** [base form, past participle] */
const ACTIONS: Array<[string, string]> = [
  ['post', 'posted'], ['share', 'shared'], ['upload', 'uploaded'], ['install', 'installed'], ['download', 'downloaded'],
  ['send', 'sent'], ['forward', 'forwarded'], ['access', 'accessed'], ['stream', 'streamed'], ['connect', 'connected'],
  ['store', 'stored'], ['copy', 'copied'], ['publish', 'published'], ['distribute', 'distributed'], ['use', 'used'],
];
const OBJECTS = [
  'photographs of crime scenes', 'images of the department badge', 'video from body-worn cameras', 'personal software',
  'music streaming applications', 'USB drives', 'external hard drives', 'confidential records', 'criminal justice information',
  'booking photos', 'evidence photos', 'pictures of officers in uniform', 'images of patrol cars', 'gaming software',
  'chain letters', 'political messages', 'jokes and memes', 'passwords', 'usernames', 'personal blogs', 'incident reports',
  'dispatch recordings', 'training materials', 'employee schedules', 'inmate transport schedules', 'home addresses of employees',
  'sexually explicit material', 'offensive content', 'commercial advertisements', 'cloud storage services', 'AI chat tools',
  'remote access software', 'shared logins', 'personnel records', 'medical information about a coworker',
];
const CONTEXTS = [
  'on social media', 'on the internet', 'during work hours', 'while on duty', 'while off duty', 'on department computers',
  'on the City network', 'in a public forum', 'through City email', 'on personal devices', 'on a personal account', 'from home',
];
const AUTHORITIES = [
  'Chief of Police', 'Deputy Chief', 'Division Commander', 'IT Manager', 'Records Supervisor', 'Public Information Officer',
  'immediate supervisor', 'Professional Standards Unit', 'Watch Commander', 'Director of Technology Services',
];
const EVENTS = [
  'any security breach', 'a lost or stolen device', 'a virus or malware infection', 'a compromised password',
  'equipment failures', 'software problems', 'postings that violate this policy', 'unintended access to obscene material',
  'threats received online', 'damage to City equipment', 'a suspected phishing email',
];
const TOPICS = ['Mobile Devices', 'Social Media', 'Electronic Mail', 'Internet Use', 'Software', 'Records', 'Cameras', 'Network Security', 'Personal Use', 'Public Statements', 'Evidence', 'Accounts'];

type Pick = <T>(list: readonly T[]) => T;

function ruleSentence(pick: Pick, rnd: () => number): string {
  const subject = pick(SUBJECTS);
  const [verb, participle] = pick(ACTIONS);
  const object = pick(OBJECTS);
  const context = pick(CONTEXTS);
  const authority = pick(AUTHORITIES);
  const forms = [
    () => `${subject} shall not ${verb} ${object} ${context}.`,
    () => `${subject} are prohibited from attempting to ${verb} ${object} ${context}.`,
    () => `No ${object} may be ${participle} ${context} without the approval of the ${authority}.`,
    () => `${subject} may ${verb} ${object} ${context} only with the written authorization of the ${authority}.`,
    () => `${subject} shall immediately report ${pick(EVENTS)} to the ${authority}.`,
    () => `${cap(pick(EVENTS))} must be reported promptly to the ${authority} through the chain of command.`,
    () => `${subject} may ${verb} ${object} ${context} as long as it does not interfere with their duties.`,
    () => `${subject} are permitted to ${verb} ${object} ${context} during breaks.`,
    () => `Except in the course of an investigation, ${subject.toLowerCase()} shall not ${verb} ${object} ${context}.`,
    () => `${subject} have no expectation of privacy in ${object} stored ${context}.`,
    () => `The ${authority} will review access to ${object} every ${pick(['month', 'quarter', 'year'])}.`,
  ];
  return forms[Math.floor(rnd() * forms.length)]!();
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** "AB", "AC"…: chapter headings must differ in more than their numbers, or the importer drops them as running headers. */
function letters(n: number): string {
  let s = '';
  for (let k = n + 26; k > 0; k = Math.floor(k / 26)) s = String.fromCharCode(65 + (k % 26)) + s;
  return s;
}

/**
 * A manual with about `sections` sections: one chapter heading per `perChapter` numbered paragraphs.
 * Some paragraphs are list lead-ins followed by bulleted items.
 */
export function syntheticPolicyText(sections: number, perChapter = 24): string {
  const rnd = random(sections);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)]!;
  const out = ['City of Synthetic Falls Police Department', `Policy ${sections}`, 'SYNTHETIC POLICY MANUAL', ''];
  const chapters = Math.ceil(sections / (perChapter + 1));
  let made = 0;
  for (let c = 1; c <= chapters && made < sections; c++) {
    out.push(`Section ${c}. ${pick(TOPICS)} Part ${letters(c)}`, '');
    made++;
    for (let p = 1; p <= perChapter && made < sections; p++, made++) {
      if (rnd() < 0.2) {
        out.push(`${c}.${p} ${pick(SUBJECTS)} shall not do the following ${pick(CONTEXTS)} without the approval of the ${pick(AUTHORITIES)}:`);
        for (let k = 0; k < 3; k++) out.push(`- ${cap(pick(ACTIONS)[0])} ${pick(OBJECTS)}.`);
      } else {
        const n = 1 + Math.floor(rnd() * 3);
        out.push(`${c}.${p} ${Array.from({ length: n }, () => ruleSentence(pick, rnd)).join(' ')}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
