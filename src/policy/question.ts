import { positions, type ConceptMatch, type Lexicon } from './lexicon.js';
import { normalize, STOPWORDS, termStem, tokenize } from './text.js';

/**
 * What the asker wants: permission for an act, what to do about something that happened,
 * or a fact about the rules and systems.
 */
export type Intent = 'permission' | 'procedure' | 'fact';

export interface AnalyzedQuestion {
  text: string;
  tokens: string[];
  /** Stems of the content words, for text similarity. */
  terms: string[];
  /** Stems of content words no lexicon phrase covers ("pimeyes", "deconfliction"): counted once, not twice. */
  unknown: Set<string>;
  /** Concepts found, with everything they imply. */
  concepts: Set<string>;
  /** Concepts named directly by the question's words. */
  direct: Set<string>;
  /** Concepts the question denies: "not posting anything". */
  negated: Set<string>;
  /** Concepts only hinted at ("my mom" → personal use): in `concepts`, but weaker evidence. */
  hinted: Set<string>;
  intent: Intent;
  /** "how do I get that", "how do I request…": asks for the way to get permission. */
  seeksProcess: boolean;
  /** "How long are emails kept?", "how many hours…": asks for an amount, which only a text that states one answers. */
  asksAmount: boolean;
  /** Asks leave in so many words ("can I", "is it ok to"), not a permission question only by default. */
  asksLeave: boolean;
  /** "whats dems", "what is a PCD", "what does CJI mean": asks what a term means, which a definition answers. */
  asksDefinition: boolean;
  /** Roles the asker says they hold: "im a dispatcher", "as the FTO". */
  roles: Set<string>;
  /** "who do I call?", "who needs to know": asks for a person, whom only a duty that names one answers. */
  asksWhom: boolean;
}

/** What comes before a role the asker says they hold: "im a", "as the", "i work as an". */
const ASKER_ROLE = /(?:^|\b)(?:(?:i ?m|i am|i work as|i m working as)(?: an?| the| one of the)?|as (?:an?|the))(?: [a-z]+){0,2}$/;

const PERMISSION = [
  /\b(can|could|may|might) (i|we|you|officers?|employees?|members?|staff|deputies|a deputy|an officer|an employee|someone|somebody|anyone|one|u)\b/,
  /\b(am i|are we|are officers|are employees|is it|is anyone|are you) (allowed|permitted|authori[sz]ed|ok|okay|fine|cool|legal|against|a violation|prohibited|banned|forbidden|illegal)/,
  /\b(allowed|permitted|ok|okay|fine|alright) (to|if|for)\b/,
  // "can he just use my login", "can my wife borrow it": leave asked for someone else's use.
  /\b(can|could|may) (he|she|my [a-z]+|our [a-z]+) (just |still |also )?(use|borrow|log|have|get|take|keep|see|look|watch|post|share|send|ride|sign)\b/,
  // "… so i recorded it on my phone instead. thats fine right?"
  /\b(that s|thats|that is|this is|that was) (fine|ok|okay|allowed|cool|alright|legit|good)\b/,
  /\b(is|are) (it|that|this) (allowed|ok|okay|fine|permitted|cool|legit|against)/,
  /\bagainst (the )?(policy|rules?|order)\b/,
  /\b(should|shall) (i|we)\b/,
  /\b(do|would) (i|we) (need|have) (to get |to ask )?(permission|approval|authori[sz]ation|ok|sign off)/,
  /\bwhat (are|is) the rules?\b/,
  /\bwhats the (deal|rules?|policy) (w|with|on|about)\b/,
  /\b(any|is there a) (problem|issue|rule)\b/,
  /\bam i (able|good|in trouble|going to get in trouble)\b/,
  /\b(what is|whats|what s) the harm\b/,
  /\b(any|is there (a|any)) (harm|problem|issue) (in|with)\b/,
  /\banything wrong with\b/,
  /\bwould (it|that) be\b/,
  /\bi (want|wanna|would like|plan|am planning|am thinking about|was thinking about|was going) to\b/,
  /\b(gonna|going to|about to|planning to) (dl|download|install|post|put|send|share|upload|use|add|plug|forward|email|text|tweet)\b/,
  /\bhow do i (get )?(permission|approval)\b/,
  // "want to write a blog post about …, cool?": the plan with its "I" left out, or leave asked in one word at the end.
  /^(want|wanna|gonna|planning|hoping|trying|thinking about|thinking of) (to )?[a-z]/,
  /\b(cool|ok|okay|fine|alright|allowed|legit|good to go)$/,
  // "can that clip get deleted", "can the video be released to channel 5": whether it may be done.
  /\b(can|could|may) (it|that|this|the|my|our|a|an)\b[a-z0-9' ]{0,40}? (be|get|got) [a-z]+(ed|en)\b/,
  // "sgt says he needs my pw, do i just give it to him": whether to do it.
  /\bdo (i|we) (just |still |also )?(give|hand|let|send|share|post|use|delete|reply|respond|forward|put|accept|download|install|plug)\b/,
];

const PROCEDURE = [
  /\bwhat (should|do|must|can) (i|we) do\b/,
  /\bwhat (am i|are we|was i|were we) (supposed|meant|required|expected) to do\b(?! with\b)/,
  /\bwho (do|should|must|can) (i|we) (tell|report|notify|contact|call|inform|talk to|go to|let know|send)/,
  /\bwho (should|do) (i|we) report\b/,
  /\bwho (am i|are we|was i|were we) (supposed|meant|required|expected) to (tell|report|notify|contact|call|inform)/,
  /\b(report|tell|notify) (it|this|that) to\b/,
  /\bwhere do i report\b/,
  /\bhow do i report\b/,
  /\bdo i (have|need) to (report|tell|notify|let|say|do|speak|call|inform|turn)/,
  /\b(say|do) something\b/,
  /\b(tell|let) (someone|somebody|anyone|anybody)\b/,
  /\bwho (do|should|can) i (go to|turn to|ask)\b/,
  /\bi (saw|found|noticed|came across|ran across|stumbled|just saw|spotted|heard)\b/,
  /\b(somebody|someone|a coworker|an officer|my partner|a guy) (is|has been|was) (posting|sharing|selling)/,
  /\bwhat now\b/,
  /\bnow what\b/,
  /\bwhat happens now\b/,
];

/** "can IA go through my email", "does the office look at our pages": about what others may do to you. */
const AUTHORITY_SUBJECT =
  /(?:^|[,;.]\s*|\b(?:then|so)\s+)(?:can|could|may|will|would|do|does|is|are)\s+(?:my |the |our |a |an )?(?:boss|bosses|supervisors?|sergeant|sarge|sgt|lieutenant|lt|captain|chief|sheriff|sheriffs office|sheriff s office|police department|pd|ia|internal affairs|hr|human resources|management|admin|command staff|brass|department|city|office|agency|county|employer|the it|it department|public|media|press|reporters?|a judge|court|prosecutors?)\b(?!\s+(?:i|we)\b)/;

/** "who notifies the state …", "who decides if …", "who handles records requests": whose duty something is. */
const ANOTHERS_DUTY =
  /^(?:(?:if|when|once|after) [^?]*? )?(?:and |so )?who (?:notifies|reports|tells|informs|contacts|decides|determines|handles|audits|reviews|runs|maintains|is responsible|s responsible|resets|unlocks|issues|assigns|keeps track|tracks|manages|administers|monitors|sets up|trains|fixes|repairs)\b(?! (?:me|us)\b)/;

/** What others can do to you or your words: "can the public get ahold of it", "can they make me…". */
const ABOUT_OTHERS = [
  /\b(can|could|will|would|do|does) (the public|anyone|anybody|the media|reporters|people|the press|citizens|outsiders) (see|get|read|request|access|find|view|look)/,
  /\b(can|could|will|would) (they|he|she|ia|internal affairs|my \w+|the \w+) (make|force|require|order|compel) me\b/,
  /\bdo i have to (give|hand|show|tell them|open|unlock)\b/,
  // "if i put outlook on my phone can the city see my pics", "can the defense use my posts against me".
  /\b(can|could|will|would|do|does) (my |the |our )?(boss|supervisors?|sergeant|sarge|sgt|lieutenant|lt|chief|sheriff|ia|internal affairs|it|itd|tech|techs|tech folks|it guys|it people|they|anyone|anybody|someone|somebody|hr|department|dept|city|county|office|agency|employer|admin|management|defense|defense attorneys?|lawyers?|prosecutors?|da|court|judge) (see|read|look at|look through|access|monitor|view|track|check|wipe|erase|go through|use|get|pull|search|find|subpoena)\b/,
  // "can that get pulled in a records request", "can it be used against me".
  /\b(can|could|will|would) (that|it|this|they|those|these|my \w+) (get|be) (pulled|subpoenaed|requested|disclosed|released|used|seen|read|monitored|searched|made public|turned over)\b/,
];

const FACT = [
  // "are comments people leave on the PD facebook page foia-able / public?": a property of something, not leave to act.
  /^(is|are|does|do|will|would|can|could) (?!(i|we|you|u)\b)([a-z]+ ){0,10}(private|public|monitored|recorded|saved|logged|stored|archived|kept|secure|encrypted|confidential|foia|discoverable|subject to|considered|count as|counts as)\b/,
  /\b(is|are) (it|stuff|everything|my \w+|the \w+|our \w+) (actually |really |even |still |ever )?(backed up|saved|private|monitored|kept|stored|archived|recorded|logged|public)\b/,
  /\bdo i lose\b/,
  AUTHORITY_SUBJECT,
  /^(who|what|whats|when|where|which|how|why)\b/,
  /^(is|are|does|do|did|will|has|have) (the|my|our|this|it|there|a|an|any|department|city|email|emails|internet)\b/,
  /^(do|does) (i|we|employees|officers|users) (still |really |actually |even )?have\b/,
  /\b(who|what|whats|when|how often|how long)\b/,
];

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'my', 'some', 'these', 'those', 'our']);
/** Words before a noun, not a verb: "my email", "personal email", "the work email". */
const NOUN_BEFORE = new Set([...DETERMINERS, 'his', 'her', 'their', 'your', 'personal', 'work', 'dept', 'department', 'city', 'county', 'official', 'agency', 'office', 'patrol', 'private', 'own']);

/**
 * "can i install waze on my laptop": what is installed or downloaded, named by a word nothing else knows, is an app.
 * Only when the question names no object of its own beyond the device it goes onto.
 */
function namesUnknownApp(tokens: string[], matches: ConceptMatch[], covered: Set<number>, direct: Set<string>, lexicon: Lexicon): boolean {
  // An object named as what is installed ("a dashcam") is the thing; a device named as where ("on my work phone") is not.
  if (!lexicon.kind('software') || [...direct].some((c) => lexicon.kind(c) === 'object' && !lexicon.concepts[c]?.place)) return false;
  const unknownAt = (i: number) => {
    const word = tokens[i];
    return word !== undefined && !covered.has(i) && !STOPWORDS.has(word) && word.length >= 3 && /^[a-z]/.test(word);
  };
  return matches.some((m) => {
    if (m.concept !== 'install' && m.concept !== 'download') return false;
    // "can i get notepad++ put on my desktop": the app named before the act, after "get" or "have".
    if (unknownAt(m.start - 1) && /^(?:get|have|got)$/.test(tokens[m.start - 2] ?? '')) return true;
    let i = m.end;
    while (i < tokens.length && DETERMINERS.has(tokens[i]!)) i++;
    return unknownAt(i);
  });
}

/** A message and what introduces what it says: "an email about", "a text saying", "a popup claiming". */
const MESSAGE = /^(?:e?mails?|texts?|messages?|msgs?|links?|popups?|pop ups?|calls?|voicemails?|dms?)$/;
const SAYS = /^(?:about|saying|says|said|claiming|claims|regarding|re|telling)$/;

/** Whether the word at `at` is within a few words after "an email about …": part of what a message says. */
function saidInMessage(tokens: string[], at: number): boolean {
  for (let i = Math.max(1, at - 5); i < at; i++) if (SAYS.test(tokens[i]!) && MESSAGE.test(tokens[i - 1]!)) return true;
  return false;
}

/**
 * "check my personal email": a word that names both an act and a thing, after "my" or "personal", is the thing. ("My
 * login" still speaks of getting in.)
 */
function actNamedAsThing(m: ConceptMatch, all: ConceptMatch[], tokens: string[], lexicon: Lexicon): boolean {
  if (lexicon.kind(m.concept) !== 'action' || m.concept === 'access' || !NOUN_BEFORE.has(tokens[m.start - 1] ?? '')) return false;
  return all.some((o) => o.start === m.start && o.end === m.end && lexicon.kind(o.concept) === 'object');
}

/** Reads a question: tokens (typos mended), concepts and intent. */
export function analyzeQuestion(text: string, lexicon: Lexicon): AnalyzedQuestion {
  const tokens = lexicon.correct(tokenize(text));
  const concepts = new Set<string>();
  const direct = new Set<string>();
  const denied = new Set<string>();
  const all = lexicon.match(tokens);
  // "an email saying my paycheck was on hold": what a message says is not what the question is about.
  const matches = all.filter((m) => !actNamedAsThing(m, all, tokens, lexicon) && !(lexicon.kind(m.concept) === 'topic' && saidInMessage(tokens, m.start)));
  for (const m of matches) {
    if (negated(tokens, m.start)) {
      denied.add(m.concept);
      continue;
    }
    direct.add(m.concept);
    for (const c of lexicon.implied(m.concept)) concepts.add(c);
  }
  const hinted = new Set<string>();
  for (const c of [...concepts]) {
    for (const h of lexicon.suggested(c)) {
      if (!concepts.has(h)) hinted.add(h);
    }
  }
  // Token positions some lexicon phrase covers: what is left is words the vocabulary does not know. Whom the asker
  // says they are, or names, tells who a rule binds, not what it is about.
  const covered = new Set(matches.filter((m) => lexicon.kind(m.concept) !== 'role').flatMap(positions));
  if (namesUnknownApp(tokens, matches, covered, direct, lexicon)) hinted.add('software');
  for (const h of hinted) concepts.add(h);
  // "the dashcam is wild. youtube?": naming a platform and no act means posting there; "have a personal insta" is having one.
  if (concepts.has('social_media') && !direct.has('account') && ![...concepts].some((c) => lexicon.kind(c) === 'action')) {
    for (const c of lexicon.implied('post')) concepts.add(c);
  }
  const terms = tokens.filter((t) => !STOPWORDS.has(t) && t.length > 1).map(termStem);
  const unknown = new Set(tokens.filter((t, i) => !covered.has(i) && !STOPWORDS.has(t) && !EVERYDAY.has(t) && t.length > 2).map(termStem));
  const normalized = normalize(tokens.join(' '));
  const seeksProcess = SEEKS_PROCESS.some((re) => re.test(normalized));
  const asksAmount = ASKS_AMOUNT.test(normalized);
  const asksDefinition = ASKS_DEFINITION.test(normalized);
  const inSoManyWords = PERMISSION.some((re) => re.test(normalized));
  const intent = detectIntent(normalized, concepts, lexicon, inSoManyWords);
  const asksLeave = intent === 'permission' && inSoManyWords;
  // "im a dispatcher", "dispatcher here, …": the asker says what they are.
  const asker = (m: ConceptMatch) => ASKER_ROLE.test(tokens.slice(Math.max(0, m.start - 5), m.start).join(' ')) || tokens[m.end] === 'here';
  const roles = new Set(matches.filter((m) => lexicon.kind(m.concept) === 'role' && asker(m)).map((m) => m.concept));
  const asksWhom = /\bwho(?:m)?\b/.test(normalized);
  return { text, tokens, terms, unknown, concepts, direct, negated: denied, hinted, intent, seeksProcess, asksAmount, asksLeave, asksDefinition, roles, asksWhom };
}

/**
 * Everyday words no lexicon phrase covers that say nothing of what a question is about: "taking my laptop to …" is not
 * about "taking enforcement action". They count as words, not as the unknown names ("pimeyes") a question turns on.
 */
const EVERYDAY = new Set(
  'take taking took taken put putting bring bringing brought thing things stuff lol dude guy guys sure thanks really real'.split(' '),
);

/** "how long", "how many", "how much", "how often": a question after an amount or a period. */
const ASKS_AMOUNT = /\bhow (?:long|many|much|often)\b/;
/** A term asked about on its own: "whats dems", "what is a pcd", "what does cji stand for". */
const ASKS_DEFINITION = /^(?:what(?: s|s| is| are)?|define|meaning of)\s+(?:an?\s+|the\s+)?[a-z0-9-]+(?:\s+[a-z0-9-]+)?\s*$|^what (?:does|do)\s+(?:an?\s+|the\s+)?[a-z0-9-]+(?:\s+[a-z0-9-]+)?\s+(?:mean|stand for)\s*$/;

/** "How do I get that", "who do I ask", "who can ok it", "get it ok'd by": asks for the way to get permission. */
const SEEKS_PROCESS = [
  /\bhow (do|can|would|should) (i|we) (get|request|obtain|apply for|set up|go about|ask for)\b/,
  /\b(who|where) (do|can|should) (i|we) (ask|request|apply)\b/,
  /\bwho (approves|can approve|has to approve|needs to approve|oks|okays|signs off|authorizes|can authorize|gives permission|decides)\b/,
  /\bwho (ok|okay|oks|okays|gives the ok for|gives the okay for|green ?lights)\b/,
  /\bwhose (approval|permission|sign off|ok|okay)\b/,
  /\bapproval from who\b/,
  /\bwho do i (need|get) (approval|permission)/,
  /\bwho (do|should|would|must|can) (i|we) (need to |have to |got to |gotta )?(ask|(?:ok|okay|clear|run|check) (?:it|that|this) (?:with|by|past)|check with|get (it |this |that )?(approved|ok|okay|okd|okayed|signed off|cleared))\b/,
  /\bwho do (i|we) need to (ok|okay|clear)\b/,
  /\bwho (can|could|would|will|has to|needs to|must|should|gets to|is able to|is allowed to) (ok|okay|approve|authorize|sign off|green ?light|clear|allow|permit|give (me )?(the )?(ok|okay|go ahead|permission|approval))\b/,
  /\b(ok d|okd|okayed|approved|signed off|authorized|cleared) by\b/,
];

const NEGATORS = new Set(['not', 'never', 'no', 'without', 'nothing']);
const FILLERS = new Set(['be', 'being', 'even', 'really', 'actually', 'to', 'ever', 'been']);

/** "not posting anything", "without his permission": the phrase is denied, not asked about. */
function negated(tokens: string[], start: number): boolean {
  if (NEGATORS.has(tokens[start - 1] ?? '')) return true;
  return FILLERS.has(tokens[start - 1] ?? '') && NEGATORS.has(tokens[start - 2] ?? '');
}

/** Something seen or found, asked about with no plan of one's own: what to do about it. */
const WITNESSED = /^(found|saw|noticed|spotted|came across|just saw|just found)\b/;
const PLANNING = /\b(gonna|going to|planning to|plan to|want to|wanna|about to|thinking about|thinking of)\b/;

/** `asksLeave`: the question matches a PERMISSION pattern. */
function detectIntent(s: string, concepts: Set<string>, lexicon: Lexicon, asksLeave: boolean): Intent {
  if (PROCEDURE.some((re) => re.test(s))) return 'procedure';
  if (WITNESSED.test(s) && !PLANNING.test(s)) return 'procedure';
  if (ABOUT_OTHERS.some((re) => re.test(s))) return 'fact';
  // "who notifies the state if cji gets exposed in a breach": someone else's duty, asked about, not the asker's.
  if (ANOTHERS_DUTY.test(s)) return 'fact';
  if (AUTHORITY_SUBJECT.test(s)) return 'fact';
  const asksAboutATopic = [...concepts].some((c) => lexicon.kind(c) === 'topic' && c !== 'off_topic');
  // "want to set up a fake insta to catch a guy selling stolen guns": a plan of one's own, not something gone wrong.
  if ((concepts.has('malfunction') || concepts.has('breach')) && !asksAboutATopic && !PLANNING.test(s)) {
    // Something went wrong and "should I…?" asks what to do about it.
    if (!asksLeave || /\bshould (i|we)\b/.test(s)) return 'procedure';
  }
  if (asksLeave) return 'permission';
  if (FACT.some((re) => re.test(s))) return 'fact';
  return 'permission';
}
