import type { ProvisionVerdict } from '../types.js';

/** What a sentence's wording decides, before any vocabulary is attached. */
export interface Deontic {
  verdict: ProvisionVerdict;
  /** Authority named by the approval or reporting clause, as written ("Chief of Police"). */
  authority?: string;
  /** True when the sentence introduces a list whose items take its verdict. */
  leadIn: boolean;
  /** An "except …" / "unless …" / "other than …" clause and what it decides. */
  exception?: { text: string; verdict: ProvisionVerdict; authority?: string };
  /** "… may release it, and shall inform the PIO": a duty to report joined to the rule, as its own provision. */
  duty?: { authority?: string };
  /** The sentence owes an act and neither forbids nor permits one: "All PCDs shall be set to silent mode". */
  required?: boolean;
  /** The sentence confines a use to the purposes it names: "Internet access shall be strictly limited to department-related activities". */
  limited?: boolean;
}

const AUTHORITY =
  /\b(?:the |their |his or her |your |an? |the employee's |the member's )?((?:(?:immediate|direct|on-duty|on duty|watch|shift|first-line)\s+)*supervisor(?:y)?|(?:deputy |assistant |bureau |police )?chief(?: of police)?|sheriff|undersheriff|(?:(?:on-duty|on duty|acting|immediate) )?(?:(?:division|bureau|district|precinct|unit|watch|shift|section|troop|area|patrol|investigations?|criminal investigations|support services|technology) )?(?:commander|captain|lieutenant|sergeant)|commanding officer|(?:it|information technology|information services|technology|network) (?:director|manager|department|division|unit|administrator|services|staff|help desk)|director of [a-z ]+|public information officer|pio|media relations(?: detail| unit| office)?|city manager|department head|appointing authority|internal affairs|professional standards(?: unit)?|records (?:manager|unit|supervisor|custodian)|custodian of records|city administrator|human resources|designee)\b/i;

/** Where an approval clause ends: its match and an "of / from / by …" naming who grants it. */
function approvalEnd(sentence: string, m: RegExpMatchArray): number {
  const end = m.index! + m[0].length;
  const tail = sentence.slice(end);
  const by = /\b(?:by|of|from)$/i.test(m[0]) ? tail.match(/^[^,;.]*/) : tail.match(/^,?\s*(?:(?:in writing|in advance|first)\s+)?(?:of|from|by)\s+[^,;.]*/i);
  return end + (by?.[0].length ?? 0);
}

const WORDS = String.raw`(?:\s+[\w'-]+){0,4}?`;
const GRANT = String.raw`\s+(?:approval|authori[sz]ation|permission|consent|clearance)\b`;
/** "… to the Administrative Sergeant, who approves", "… to the Deputy Chief of Operations, who may approve": the one something goes to, who decides. */
const TO_WHO = String.raw`\s+to\s+(?:the|your|an?)\s+[^,.;]{2,60}?,?\s+who\s+(?:(?:may|can|will|must|shall)\s+)?`;
/** "… only when the person is wanted and the Criminal Investigations Lieutenant has approved the post". */
const NAMED_APPROVER =
  /\b(?:only|unless|until|after|once|when)\b[^.;]*?\b((?:[A-Z][A-Za-z'-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][A-Za-z'-]*)(?<!'s)\s+(?:has\s+|have\s+)?(?:approved|approves|authori[sz]es|authori[sz]ed)\b/;

/** "… until the investigating agency authorizes the viewing", "… after the ISO approves a request". Not "the Department's approved application", nor a name "the Department Approved Software List". */
const APPROVER_FIRST =
  /\b(?:[Uu]ntil|[Uu]nless|[Aa]fter|[Oo]nce|[Ww]hen|[Oo]nly when|[Oo]nly after)\s+(?:the\s+|his or her\s+|their\s+|a\s+|an\s+)?((?:[A-Za-z'-]+\s+){0,4}?[A-Za-z'-]+)\s+(?:has\s+|have\s+)?(?:approved|approves|authori[sz]es|authori[sz]ed|signs off on|signed off on|consents to)\b/;

/** "Refrain from making statements about guilt …, nor post … without express written permission": the grant is the last ban's only. */
const SEVERAL_BANS = /,\s*nor\b|;\s*(?:nor|or)\b/i;

/** "without such authorization", "without prior approval": a grant that names no one. */
const UNNAMED_GRANT =
  /^(?:without|absent|unless|except with|only with|only after|only upon)\s+(?:(?:such|prior|proper|written|express|advance|appropriate|required|necessary|official|supervisory|department(?:al)?|the)\s+)*(?:approval|authori[sz]ation|permission)\b/i;

/** Nouns that end the name of a person who can give leave: "the on-duty Communications Supervisor". */
const GRANTING_ROLE = 'supervisor|commander|sergeant|lieutenant|captain|chief|sheriff|undersheriff|manager|director|administrator|coordinator|custodian|officer';
/** A role whose sentence gives it the power to let someone do something: "The Watch Commander may authorize …". */
const GRANTS = new RegExp(
  String.raw`^(?:the |an? |each |any |only the )?((?:[\w-]+ ){0,4}?(?:${GRANTING_ROLE}))s? (?:may|can)(?: in (?:his|her|their) discretion)?(?: temporarily)? (?:permit|authori[sz]e|allow|approve|grant|excuse|exempt)\b`,
  'i',
);

const APPROVAL = [
  new RegExp(String.raw`\b(?:without|absent|unless(?: they)?(?: have| receive| obtain)?|except with|only with|only after|only upon|upon|subject to|requires?|required|requiring|with)\b` + WORDS + GRANT, 'i'),
  new RegExp(String.raw`\b(?:must|shall|will|should|are required to|is required to)(?: first)? (?:receive|obtain|get|secure|have|request|seek)\b` + WORDS + GRANT, 'i'),
  // "… unless the post has the prior written approval of the Sheriff": the thing done holds the approval.
  /\b(?:unless|only when|only if|except when|until)\b[^.;]{0,60}?\b(?:has|have|receives?|obtains?)\s+(?:the\s+)?(?:(?:prior|written|advance|express)\s+)*(?:approval|authori[sz]ation|permission|consent)\s+of\b/i,
  /\b(?:unless|only when|only if|except when|except as|until)(?: first| previously| specifically| expressly)? (?:approved|authori[sz]ed|permitted|cleared|directed)(?: in writing| in advance)? by\b/i,
  /\b(?:must|shall|will) be (?:first |pre-?)?(?:approved|authori[sz]ed|cleared)(?: in advance| in writing)? by\b/i,
  // "… unless it has been approved and installed by the IT Manager".
  /\b(?:only|unless|except)\b[^.;]{0,80}?\b(?:approved|authori[sz]ed|permitted|cleared|signed off)(?: and (?:installed|issued|configured|provided|enrolled|registered))?(?: in writing| in advance)? by\b/i,
  // "Access to recorded inmate calls is limited to members authorized in writing by the Jail Commander".
  /\b(?:limited|restricted|confined)\s+to\s+(?:[\w-]+\s+){0,4}?(?:authori[sz]ed|approved|designated|permitted)(?:\s+in writing|\s+in advance)?\s+by\b/i,
  // "… unless prior written approval has been obtained from the Information Security Officer".
  /\b(?:unless|only if|only when|if|once|after|provided(?: that)?)\b[^.;]{0,80}?\b(?:approval|authori[sz]ation|permission|consent)\s+(?:has|have|is|was)\s+(?:first\s+|previously\s+)?(?:been\s+)?(?:obtained|received|granted|given|secured)\s+(?:from|by)\b/i,
  // "… do not apply when access is necessary for an investigation and has been authorized by the Chief of Police".
  /\b(?:when|if|once|after|provided)\b[^.;]{0,100}?\b(?:has|have) (?:first |previously )?been (?:approved|authori[sz]ed|cleared)(?: in writing| in advance)? by\b/i,
  /\b(?:approval|authori[sz]ation|permission|consent|sign-off)\s+(?:of|from|by)\s+[^.;]{2,80}?\s+(?:is|are)\s+(?:required|needed|necessary|mandatory)\b/i,
  // "… requires, in addition to the approval under 612.4.1, the approval of the member's sergeant": asides before the grant.
  /\b(?:requires?|required|requiring)\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:approval|authori[sz]ation|permission|consent)\s+(?:of|from|by)\b/i,
  /\b(?:may|must|shall|should|can)\s+(?:ask|request|apply|submit a (?:written )?request|seek (?:permission|approval))\b[^.;]{0,120}?\bwho (?:decides|approves|determines|may approve)\b/i,
  // "You need your shift sergeant's approval before taking …": the approval named as what the member needs.
  /\b(?:you|members?|employees?|officers?|deputies|troopers?|personnel)\s+(?:will\s+|must\s+|first\s+|also\s+)*need(?:s)?\s+(?:the\s+|your\s+|their\s+|his or her\s+|an?\s+)?(?:(?:prior|written|advance|express)\s+)*(?:[\w-]+\s+){0,3}?[\w-]+(?:'s|’s)\s+(?:(?:prior|written|advance|express)\s+)*(?:approval|authori[sz]ation|permission|sign-off|consent)\b/i,
  // "… call your shift sergeant, who may authorize you to use your personal phone": the one to ask decides.
  /\b(?:call|ask|contact|notify|consult|see|check with)\s+(?:the|your|a|an)\s+[^,.;]{2,60}?,?\s+who\s+(?:may|can|will|must)\s+(?:then\s+)?(?:authori[sz]e|approve|permit|allow|decide)\b/i,
  // "Employees who want something posted … should send it to the Administrative Sergeant, who approves all content".
  new RegExp(String.raw`\b(?:send|submit|forward|give|bring|route|email|e-mail)\s+(?:it|them|the (?:request|content|item|post|material))${TO_WHO}(?:approves?|authori[sz]es?|decides?|reviews? and approves?)\b`, 'i'),
  // "A request to delete a recording … shall be submitted in writing to the Deputy Chief of Operations, who may approve or
  // deny the deletion": the one the request goes to decides.
  new RegExp(String.raw`\b(?:submitted|sent|forwarded|routed|directed|made|request|application)(?:\s+in writing)?${TO_WHO}(?:approves?|authori[sz]es?|decides?|grants?)\b`, 'i'),
  // "VPN access is provisioned … only upon the written request of the user's Troop Commander".
  /\bonly (?:upon|on|at|after|with)\s+(?:the\s+)?(?:written\s+|formal\s+|signed\s+)?(?:request|recommendation|direction|order|sign-off)\s+of\b/i,
];

/** "Members who wish to use a tool not on the list submit a request to …": how to ask for permission. */
const REQUEST_PATH = /\b(?:submits?|sends?|makes?|files?|routes?|directs?)\s+(?:a|an|the|their|his or her)\s+(?:[\w-]+\s+){0,3}?request\b/i;
/** What makes a request one for permission: someone wanting to do something, approval sought, or a request one may make. */
const WANTS =
  /\bwho (?:wish|wishes|want|wants|need|needs|intend|intends) to\b|\bwho (?:needs|requires|wants) (?!to\b)[a-z]+|\bfor (?:approval|permission|authori[sz]ation)\b|\bfor routing to\b|\bmay (?:submit|make|file|send) (?:a|an)\b/i;
/** "… a request through the unit commander to TSB": the one a request is routed through is not the one who decides it. */
const ROUTED_THROUGH = /\bthrough\s+(?:the\s+|his or her\s+|their\s+|an?\s+)?(?:[\w'-]+\s+){0,4}?to\s+(?=\S)/i;

/** Rules written as what members do: "A member reports a security incident to the NOC immediately". */
const SUBJECT = String.raw`(?:^|\b)(?:a|the|each|any|every)?\s*(?:member|members|employee|employees|officer|officers|deputy|deputies|user|users|personnel|staff|trooper|troopers|supervisor|supervisors)\s+(?:who\s+[^,.;]{1,80}?\s+)?`;
const PRESENT_REPORT = new RegExp(SUBJECT + String.raw`(?:immediately |promptly |first |then |also )?(?<verb>reports|notifies|informs|contacts|calls|alerts|advises|tells|refers|forwards|submits)\b`, 'i');
const PRESENT_PROHIBIT = new RegExp(SUBJECT + String.raw`(?:does|do) not\s+\w+`, 'i');

/** "If you learn that someone is misusing NCIC, report it …": a condition written before an imperative. */
const IF_CLAUSE = String.raw`(?:if|when|whenever|once|after|should|where|in the event)\b[^;:]{0,200}?,\s*`;

const REPORT = [
  new RegExp(
    String.raw`^(?:${IF_CLAUSE})?(?:(?:immediately|promptly|always|then|first)\s+)?(?:report|notify|inform|contact|call|tell|alert|refer|email|e-mail|text)\s+(?:the|your|a|an|any|all|every|each|it|them|him|her|to|immediately|promptly|suspected|lost|stolen)\b`,
    'i',
  ),
  // "shall, no later than the next business day, deliver a copy to the Records Custodian": an aside may come first.
  /\b(?:shall|must|will|should|are required to|is required to|is to|are to|needs? to|have to|has to)(?:,[^,.;]{1,60},)?(?: immediately| promptly| also| then)?(?: verbally)? (?<verb>report|notify|inform|advise|contact|alert|tell|forward|refer|direct|route|submit|turn over|provide|deliver|call|telephone|phone|email|e-mail)\b/i,
  // "… shall not download … it, and shall immediately stop, record the URL, and notify his or her supervisor", "… shall
  // immediately disconnect the device …, and notify the Technology Service Center": the duty ends the sentence.
  /\b(?:shall|must|are required to|is required to)\b[^.;:]{0,240}?(?:,\s*|\s)and\s+(?:shall\s+|must\s+)?(?:immediately\s+|promptly\s+|then\s+|also\s+)?(?<verb>notify|inform|advise|alert|contact|report|call)\b/i,
  /\b(?:shall|must|will|should) (?:also |then |first )?be (?:immediately |promptly |also )?(?:reported|brought to the attention of|forwarded|referred|turned (?:in|over) to|handed (?:in|over) to)\b/i,
  /\bimmediately (?:report|notify|inform)\b/i,
];

const ALLOWED_NEGATED = /\b(?:approval|permission|authori[sz]ation)\b[^;]{0,60}?\b(?:is|are) not (?:required|needed|necessary)\b|\bdoes not (?:require|need) (?:prior )?(?:approval|permission|authori[sz]ation)\b|\bno (?:prior )?(?:approval|permission|authori[sz]ation) is (?:required|needed)\b|\b(?:is|are) not (?:prohibited|forbidden|restricted)\b|\bnothing in this (?:policy|order|general order|section|chapter|article|part|regulation|directive|manual|rule|standard|procedure) (?:prohibits|restricts|shall be construed|is intended to|precludes|limits)\b|\b(?:does|do|shall|will) not (?:prohibit|apply to|restrict|limit|preclude|prevent)\b/i;

const PROHIBITED =
  /\b(?:prohibit(?:s|ed)?|forbid(?:den|s)?|not (?:be )?(?:allowed|permitted|authori[sz]ed|acceptable|tolerated)|shall not|shall never|must not|must never|may not|will not|cannot|can not|should not|should never|are not to|is not to|not to be|never|no (?:other |outside |unauthori[sz]ed )?(?:[a-z]+, (?:[a-z]+, )*(?:or )?|[a-z]+ or )?(?:employee|member|user|person|one|personnel|officer|deputy|department member|staff member|supervisor|sergeant|commander|lieutenant|captain|detective|dispatcher|telecommunicator|unit|division|squad|troop)s? (?:shall|may|will|should|is|can)|(?:^|[;:]\s*|^(?:if|when|whenever|once|after|while|where|in the event)\b[^;:]{0,200}?,\s*)(?:do not|don't|never)|no [a-z ,]{1,60} (?:shall|may|will) be|unauthori[sz]ed|refrain from|(?:is|are|constitutes?) (?:a )?violations? of|it is a violation|(?:is|are) unacceptable|unacceptable uses?|(?:is|are) not acceptable|(?:is|are) inappropriate|misuse of|(?:is|are) (?:strictly )?(?:prohibited|banned)|not permissible|impermissible)\b/i;

/** "no personal use of any kind is permitted", "no exceptions are allowed". */
const NONE_PERMITTED = /\bno\s+(?:[\w-]+\s+){0,6}?(?:is|are|shall be|will be)\s+(?:permitted|allowed|authori[sz]ed)\b/i;
/** "Only DoIT staff may install …", "Only Technology Services Bureau (TSB) personnel may …": an act kept to one office. */
const ONLY_ROLE =
  /^\s*only\s+(?:the\s+)?(?!(?:authori[sz]ed|designated|trained|assigned|approved|certified|qualified|sworn)\b)(?:[A-Z(][\w&()-]*\s+){1,6}(?:staff|personnel|employees|members|technicians|administrators?|unit|section|division|bureau|office|team)\s+(?:may|can|are (?:authori[sz]ed|permitted|allowed) to)\s+(?!approve|authori[sz]e|permit|grant|allow)[a-z]/i;
const ALLOWED = /\b(?:(?:is|are) (?:(?:also|generally|hereby) )?(?:permitted|allowed|authori[sz]ed|acceptable|free to|welcome)|(?:members?|employees?|users?|personnel|deputies|deputy|officers?|supervisors?|sergeants?|detectives?|investigators?|troopers?|dispatchers?|commanders?|lieutenants?|captains?|staff|workers|you|they|he or she|he\/she)\s+(?:may|can)\s+(?!not\b|be\b|also be\b|result\b|lead\b|face\b|subject\b)(?:only\s+)?[a-z]+|(?:may|can) be (?:used|accessed|installed|connected|posted|shared|taken|brought|charged|viewed|recorded|stored|kept|saved|copied|sent|transmitted|released|printed|disclosed|downloaded|turned (?:off|on)|deactivated|muted|paused|stopped|activated|worn|carried|operated|played|uploaded|displayed|watched|utili[sz]ed|forwarded|shown|made|received|placed|answered)|are free|(?:do|does|shall|will) not (?:require|need) (?:any |prior |advance |written |further |supervisory )*(?:approval|authori[sz]ation|permission)|permissible|acceptable uses?|(?:is|are) allowed|(?:have|has|retain|retains|keep|keeps) (?:the|their|his or her|her|his) right to|(?:is|are) not restricted)\b/i;

/** "No personal browsing …", "No photographs of victims …": what a list forbids, named without a verb. */
const VERBLESS_BAN = /^\s*no\s+(?!later\b|sooner\b|more\b|less\b|fewer\b|longer\b|one\b|matter\b)[a-z]/i;
const FINITE = /\b(?:shall|may|must|will|would|is|are|was|were|has|have|had|can|could|should|does|do|did|needs?|exists?|applies|apply|requires?)\b/i;

/** Words that open the conditions of what a sentence lets through. */
const PROVISO = /\b(?:provided(?: that)?|as long as|so long as|on (?:the )?condition that)\b/i;

/** A prohibition that only keeps an allowed act within bounds: "… shall not interfere with the member's duties". */
const KEEPS_WITHIN_SOURCE = String.raw`\b(?:shall|must|may|will|should|does|do) not (?:unreasonably |unduly |adversely |materially )?(?:interfere|impede|disrupt|conflict|distract|detract|delay|hinder|compromise the performance)\b`;
const KEEPS_WITHIN = new RegExp(KEEPS_WITHIN_SOURCE, 'i');
const KEEPS_WITHIN_ALL = new RegExp(KEEPS_WITHIN_SOURCE, 'gi');

const CONDITION = /\b(?:provided (?:that)?|as long as|so long as|only if|if it|if such|if the|when (?:it|they|the use|such use) (?:is|are)|unless|to the (?:degree|extent)|limited|minimal|occasional|incidental|de minimis|reasonable|brief|infrequent|does not (?:interfere|impede|result)|do not (?:interfere|impede)|subject to|in accordance with|restrictions)\b/i;

/**
 * Leave given in a case or with a duty attached: "… may deactivate the BWC … when no member of the public is present,
 * and shall reactivate it before resuming contact".
 */
const PERMIT_TERMS = /\b(?:when|if|once|except|in the presence of|any ?time (?:a|an|the))\b|\b(?:and|but)\s+(?:(?:the|a|an)\s+[\w-]+\s+)?(?:shall|must|will)\b/i;

/** A lead-in to the cases a permission holds in: "… is permitted when:", "… only if:". */
export const CONDITIONS_FOLLOW = /\b(?:when|if|where|while|provided(?: that)?|as long as|so long as)(?:\s+(?:the|such|its|their|this|that|each|any)\s+[\w-]+)?\s*:\s*$/i;
/** A use allowed only in measure: "Limited personal use", "Incidental use". */
const QUALIFIED_USE = /\b(?:limited|incidental|de minimis|occasional|minimal|reasonable|brief|infrequent)\s+(?:personal\s+)?use\b/i;

/** Advice to take care, with no rule: "exercise caution before …", "use discretion when …". */
const ADVISORY =
  /\b(?:exercise|use)\s+(?:the\s+)?(?:utmost\s+|extreme\s+|great\s+|sound\s+|good\s+)?(?:caution|care|discretion|judg(?:e)?ment)\b|\b(?:are|is)\s+(?:strongly\s+)?(?:cautioned|urged|advised|discouraged)\s+(?:not\s+)?(?:to|from)\b/i;

const EXCEPTION = /[,;]?\s*\b(?:except (?:in|when|for|as|where|with|that|by|during|to)|, except (?!that\b|after\b|before\b|following\b|upon\b|on\b|at\b|if\b|while\b|once\b)(?=[a-z])|unless|other than|with the exception of|excluding)\b,?[^.;:,]*(?:,\s*(?:(?:or|and|such as|including|that|which|except|unless)\b[^.;:,]*|[^.;:,]{1,40}(?=,\s*(?:or|and)\b)|(?:[^\s.;:,]+\s+){0,3}[^\s.;:,]+\s+(?:or|and)\s[^.;:,]*))*/i;

/** A leading concession, up to the subject of the main clause: "While employees are not restricted from …, ". */
const CONCESSION =
  /^\s*(?:while|although|though|even though|whereas)\b[^,;.]{0,240},\s*(?=(?:the |an? |all |any |no |such )?(?:employees?|members?|officers?|personnel|users?|staff|deputies|they|he or she)\b)/i;

/** "… in accordance with the Overtime Compensation Requests Policy": done as another text says. */
const PER_OTHER_TEXT = /\b(?:in accordance with|pursuant to|as (?:provided|set out|described|required) (?:in|by)|per)\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}?(?:policy|order|procedure|manual|directive|regulations?|rules?)\b/i;

/** "refer to the … Policy", "refer to Section 4.2": what is referred to is a text. */
export const CROSS_REFERENCE =
  /^(?:refer|referred|refers)\s+to\s+(?:the\s+)?(?:[\w'-]+\s+){0,6}?(?:policy|policies|order|orders|procedure|procedures|section|sections|chapter|manual|guidelines?|directive|rules?|regulations?|statutes?|act|code|appendix|attachment|form)\b/i;

/** A verb of duty, leave or ban: what makes a clause a rule. */
const MODAL = /\b(?:shall|must|may|will|should|is required to|are required to|is prohibited|are prohibited|is permitted|are permitted)\b/i;

/** Classifies one sentence of policy by its wording. */
export function classifySentence(whole: string): Deontic {
  const leadIn = /:\s*$/.test(whole.trim());
  // "While employees are not restricted from …, employees may not represent the Department …": the main clause decides.
  const sentence = whole.replace(CONCESSION, '');
  const joined = joinedDuty(sentence);
  if (joined) return { ...joined, leadIn };
  // "A deputy shall state the reason on the recording before deactivating a BWC and may deactivate it … only:": the
  // cases listed are leave, on the duty that comes with it.
  if (leadIn && DUTY_THEN_LEAVE.test(sentence) && !APPROVAL.some((re) => re.test(sentence))) return { verdict: 'allowed_with_conditions', leadIn };
  const found = sentence.match(EXCEPTION);
  if (!found) return { ...classifyWording(sentence), leadIn };
  // "…, except that after an officer-involved shooting, review requires the approval of the Undersheriff": "except that"
  // opens a clause of its own, to the sentence's end.
  // "… any phone other than the ITS, including a department-issued phone, and shall not place …": what follows
  // "including" widens the ban, and a clause with a verb of its own is no part of the exception.
  const cut = (t: string) => (/^[,;]?\s*other than\b/i.test(t) ? t.replace(/,\s*(?:including|such as)\b.*$/i, '') : t).replace(/,\s*and\s+(?:shall|must|will|may not)\b.*$/i, '').replace(/,\s*and\s+(?:then\s+)?only\s+(?!with\b|upon\b|after\b|by\b|if approved\b|when approved\b).*$/i, '');
  const clauseText = /^[,;]?\s*except that\b/i.test(found[0]) ? sentence.slice(found.index).replace(/[.;]\s*$/, '') : cut(found[0]);
  const text = clauseText.replace(/^[,;\s]+/, '');
  const rest = sentence.replace(clauseText, ' ');
  // "A member who becomes aware that another member has queried CJI for a purpose other than law enforcement shall report
  // it to the TAC": "other than" names the purpose; the sentence's own verb is not in an exception.
  if (MODAL.test(text) && !MODAL.test(rest)) return { ...classifyWording(sentence), leadIn };
  const main = classifyWording(rest);
  const clause = classifyWording(text);
  // "…may not … unless authorized by the Chief of Police": the exception is only the approval path.
  // "Except as expressly authorized by the Chief of Police, employees shall not engage in any of the following conduct:":
  // a reservation over a list of bans, which stay bans; the Chief's leave is their exception.
  const reservation = leadIn && main.verdict === 'prohibited' && /^\s*except as (?:otherwise |expressly |specifically )*(?:authori[sz]ed|approved|permitted)\b/i.test(sentence);
  if (!reservation && clause.verdict === 'needs_approval' && (main.verdict === 'prohibited' || main.verdict === 'info') && isPureApproval(text, clause.authority)) {
    return { verdict: 'needs_approval', authority: clause.authority, leadIn };
  }
  // "… other than updates pushed by the Patrol, unless the ISO has approved it": past what the ban leaves out, the way
  // through is the approval.
  const unlessTail = /,\s*(unless\b[^,;]*)$/i.exec(text)?.[1];
  const tail = unlessTail ? classifyWording(unlessTail) : undefined;
  if (!reservation && tail?.verdict === 'needs_approval' && main.verdict === 'prohibited' && isPureApproval(unlessTail!, tail.authority)) {
    return { verdict: 'needs_approval', authority: tail.authority, leadIn };
  }
  // "Laptops shall remain at the station unless the shift supervisor approves their removal for court": doing otherwise takes that approval.
  if (clause.verdict === 'needs_approval' && clause.authority && main.verdict === 'info' && main.required && /^unless\b/i.test(text)) {
    return { verdict: 'needs_approval', authority: clause.authority, leadIn };
  }
  // "The BWC may be turned off … unless the officer has reason to believe …": the cases a permission leaves out are not allowed.
  const permits = main.verdict === 'allowed' || main.verdict === 'allowed_with_conditions';
  // "… except photographs of ceremonies, …, that have been publicly released": what the exception lets through, it lets through on its terms.
  // "… except in exigent circumstances when the radio is unavailable and the use is necessary and can be done safely": so too.
  const conditional = CONDITION.test(text) || /,\s*(?:that|which|if|when|provided)\b/i.test(text) || /\b(?:and|when|if)\b[^,;]*\b(?:necessary|safely|safe|practical|brief|briefly)\b/i.test(text);
  const verdict = clause.verdict === 'needs_approval' ? 'needs_approval' : permits ? 'prohibited' : conditional ? 'allowed_with_conditions' : 'allowed';
  return { ...main, leadIn, exception: { text, verdict, authority: clause.authority } };
}

/** A duty, then leave joined to it: "… shall state the reason … and may deactivate it …". */
const DUTY_THEN_LEAVE = /^[^.;:]*?\b(?:shall|must)\s+(?!not\b|never\b)[^.;:]*?\s+and\s+(?:(?:he or she|they|the (?:member|deputy|officer|employee))\s+)?may\s+(?!not\b|be\b|also be\b|result\b)[a-z]/i;

/** A rule clause a reporting duty can be joined to: "shall not respond to it", "may release the information". */
const JOINED_RULE = /\b(?:shall not|shall never|must not|may not|will not|is prohibited from|are prohibited from|(?:may|can|is permitted to|are permitted to|is allowed to|are allowed to)(?!\s+(?:not|be|also be|result|lead|face|subject)\b))\s+[a-z]/i;
/** The duty's clause starts after a coordination: ", and shall inform …", "; and notify …". */
const JOINED_REPORT = /(?:,?\s+and|;)\s+(?:(?:he or she|they|the (?:member|employee|officer|deputy))\s+)?(?:shall|must|will)?\s*(?:also\s+|immediately\s+|promptly\s+|then\s+)?(?:report|notify|inform|advise|contact|alert|tell)\b/i;

/**
 * "The shift supervisor may release the information …, and shall inform the PIO": a permission or a
 * prohibition with a duty to report joined to it. The first clause is the sentence's verdict; the
 * duty stands beside it, so a question about the act and one about what to do next both find theirs.
 */
function joinedDuty(sentence: string): Omit<Deontic, 'leadIn'> | undefined {
  const duty = sentence.match(JOINED_REPORT);
  if (!duty) return undefined;
  const before = sentence.slice(0, duty.index);
  const rule = before.match(JOINED_RULE);
  // An approval clause decides the sentence on its own terms; so does a duty that comes first.
  if (!rule || APPROVAL.some((re) => re.test(before)) || REPORT.some((re) => re.test(before))) return undefined;
  // Permission that owes a report afterwards is permission with a condition.
  const verdict = /\b(?:not|never|prohibited)\b/i.test(rule[0]) ? 'prohibited' : 'allowed_with_conditions';
  return { verdict, duty: { authority: authorityAfter(sentence, duty.index!) } };
}

/** "unless the transfer has been approved …", "unless the post has the prior written approval of …": the act the rule names, named again. */
export const ACT_NAMED_AGAIN = /^(\s*(?:unless|except(?:\s+(?:when|if))?|only\s+(?:when|if)|if|when))\s+(?:the|such|this|that)\s+[a-z-]+(?=\s+(?:has|have|had|is|are|was|were)\b)/i;

function isPureApproval(clause: string, authority: string | undefined): boolean {
  const rest = clause
    .replace(authority ?? '', ' ')
    // "(TAC)" after the name; "unless the transfer has been approved": the act itself, named again.
    .replace(/\([A-Z]{2,6}\)/g, ' ')
    .replace(ACT_NAMED_AGAIN, '$1')
    .replace(/\b(?:unless|except|only|with|without|when|if|in writing|written|prior|advance|first|the|a|an|by|of|from|or|his|her|their|designee|approved|authori[sz]ed|approval|authori[sz]ation|permission|consent|express|specifically|expressly|has|have|had|been|is|are|was|were|be|received|obtained|given|granted)\b/gi, ' ');
  return rest.split(/[^A-Za-z]+/).filter((w) => w.length > 2).length <= 1;
}

/** "Members may share that content without supervisory approval": a permission that says no approval is needed. */
const WITHOUT_NEED =
  /^((?:(?!\b(?:no|not|never|only)\b)(?:[^.;]|\.(?=\S|\s+[a-z0-9])))*?\b(?:may|can)\s+(?:(?!\b(?:no|not|never|only)\b)(?:[^.;]|\.(?=\S|\s+[a-z0-9])))*?)\s*\bwithout\s+(?:(?:any|further|additional|prior|separate|supervisory|written)\s+)*(?:approval|permission|authori[sz]ation|consent)\b/i;

/**
 * A duty in the sentence's own modal: "shall be set to silent", "are mandated to record", "must log off". Not "shall
 * endeavor to" (an aim), nor "shall mean / include / apply" (what the text itself covers).
 */
const REQUIRED =
  /\b(?:shall|must)\s+(?:(?:at all times|always|immediately|promptly|only)\s+)?(?!(?:not|endeavou?r|strive|attempt|try|mean|means|include|includes|apply|applies|refer|be (?:considered|deemed|defined|construed|interpreted|subject|responsible for (?:the )?(?:content|overall))))[a-z]+|\b(?:are|is) (?:required|mandated|obligated|directed|expected) to\b/i;

/** "shall be strictly limited to", "is restricted to", "shall only be used for", "for official use only". */
const LIMITED =
  /\b(?:shall|must)\s+(?!not\b)[a-z]+\s+(?:[\w,-]+\s+){0,16}?only\s+(?:for|when|if)\s+(?:an?\s+)?(?:official|legitimate|authori[sz]ed|assigned|law enforcement|criminal justice|department(?:al)?|agency|business|work)\b|\b(?:is|are)\s+(?:intended\s+|provided\s+|to be used\s+)?(?:solely\s+|only\s+|exclusively\s+|strictly\s+)?for\s+(?:[\w-]+\s+){0,3}?(?:business|work|purposes?|use|duties|matters)\s+only\b|\b(?:is|are)\s+(?:solely|only|exclusively|strictly)\s+for\s+(?:official|department(?:al)?|agency|police|law enforcement|business|work)\b|\b(?:shall|must|will|should|may)\s+(?:only\s+be|be\s+only|be\s+[a-z]+ed\s+only)\s+(?:[a-z]+ed\s+)?(?:for|in|to|by|when|if|where|with|on|from)\b|\b(?:shall|must|will)\s+(?:only\s+use|use\s+only)\b|\b(?:shall|must|will|is|are|should)\s+(?:be\s+)?(?:strictly\s+|solely\s+)?(?:limited|restricted|confined)\s+to\b|\b(?:shall|must|will|should|may)\s+(?:be\s+)?only\s+(?:be\s+)?used\s+(?:for|in|to|by)\b|\b(?:shall|must|will|should)\s+(?:be\s+)?used\s+(?:solely|only|exclusively)\s+for\b|\bfor\s+(?:official|department(?:al)?|business|work)(?:[- ]related)?\s+(?:use|purposes?|business)\s+only\b/i;

type Wording = { verdict: ProvisionVerdict; authority?: string; required?: boolean; limited?: boolean };

function classifyWording(sentence: string): Wording {
  const unneeded = sentence.match(WITHOUT_NEED);
  if (unneeded) return classifyWording(sentence.replace(unneeded[0], unneeded[1]!));
  // "The on-duty Communications Supervisor may permit a telecommunicator to keep …": leave the role named may give.
  const grants = sentence.match(GRANTS);
  if (grants) return { verdict: 'needs_approval', authority: grants[1]!.trim() };
  let unnamed = false;
  for (const re of APPROVAL) {
    const m = sentence.match(re);
    // The approver is named with the approval ("… without the approval of the Chief"); an office named
    // further on ("… posted without permission, shall notify the Watch Commander") is not one.
    const authority = m ? authorityAfter(sentence.slice(0, approvalEnd(sentence, m)), m.index!) : undefined;
    if (authority) return { verdict: 'needs_approval', authority };
    if (m && re === APPROVAL[0] && UNNAMED_GRANT.test(m[0])) unnamed = true;
  }
  const approver = sentence.match(NAMED_APPROVER) ?? sentence.match(APPROVER_FIRST);
  // "When travel is approved …" is passive: it names what is approved, not who approves it.
  // Nor "unless the recording is part of an authorized investigation": an adjective after a clause, not someone approving.
  const passive = approver && /\b(?:is|are|was|were|be|been|being)$|\b(?:is|are|was|were)\b.*\b(?:a|an|the|of|for|to|by)$/i.test(approver[1]!.trim());
  if (approver && !passive && !/^(?:person|member|employee|officer|user|request|it|he|she|they|this|that)$/i.test(approver[1]!.trim())) {
    return { verdict: 'needs_approval', authority: approver[1]!.trim() };
  }
  const request = sentence.match(REQUEST_PATH);
  if (request && WANTS.test(sentence)) {
    // "… submit a request to the CIU supervisor for routing to the Chief of Police": the one it is routed to decides.
    const tail = sentence.slice(request.index!);
    // "… submit a request through the DoIT Service Desk, and the Chief Information Officer shall approve …": named as the one who approves.
    const decider = tail.match(/\bthe\s+((?:[A-Z][\w'()-]*\s+){0,5}[A-Z][\w'()-]*)\s+(?:shall|will|must)\s+(?:review and\s+)?approve\b/);
    if (decider) return { verdict: 'needs_approval', authority: decider[1]! };
    const through = tail.match(ROUTED_THROUGH);
    // "… may submit a written deletion request through the shift sergeant": the one it passes through does not decide it.
    const passesThrough = !through && /^[^.;]*?\brequest\s+through\b/i.test(tail);
    const routed = through ? through.index! + through[0].search(/to\s+$/) : tail.search(/\bfor (?:routing|forwarding|approval|decision)\b/i);
    const authority = passesThrough ? undefined : authorityAfter(sentence, request.index! + Math.max(0, routed));
    if (authority) return { verdict: 'needs_approval', authority };
  }
  // The duty the sentence states first is its own: "… shall be reported immediately to the on-duty shift supervisor, who
  // shall notify ISU" is owed to the shift supervisor.
  // Whom to tell is named after the reporting verb, not in what comes before it ("The supervisor notifies the
  // coordinator", "…, and notify the TSC").
  const duties = /\bno (?:need|requirement)\b/i.test(sentence)
    ? []
    : [...REPORT, PRESENT_REPORT]
        .map((re) => sentence.match(re))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => (m.groups?.verb ? m.index! + m[0].lastIndexOf(m.groups.verb) : m.index!))
        .sort((a, b) => a - b);
  for (const from of duties) {
    // "Refer to the Personal Communication Devices Policy for guidelines": a reference to another text, not a duty to tell anyone.
    if (CROSS_REFERENCE.test(sentence.slice(from))) continue;
    // "… shall be reported in accordance with the Overtime Compensation Requests Policy": reported as another text says, to no one named here.
    if (!authorityAfter(sentence, from) && PER_OTHER_TEXT.test(sentence.slice(from))) continue;
    return { verdict: 'must_report', authority: authorityAfter(sentence, from) };
  }
  // Whichever of permission and prohibition the sentence states first is its main clause:
  // "personal use is permitted as long as … does not post content prohibited by …" permits, and so does
  // "members may use … provided that the member does not post …".
  // "No personal browsing, streaming, games or shopping on the MDT at any time": a ban with no verb.
  if (VERBLESS_BAN.test(sentence) && !FINITE.test(sentence)) return { verdict: 'prohibited' };
  // "Only Technology Services Bureau (TSB) personnel may install software": everyone else may not.
  if (ONLY_ROLE.test(sentence)) return { verdict: 'prohibited' };
  const negated = sentence.search(ALLOWED_NEGATED);
  const present = negated < 0 ? sentence.search(PRESENT_PROHIBIT) : -1;
  // "… and no personal use of any kind is permitted on an MDC": a ban, whatever "permitted" says alone.
  const prohibited = Math.min(...[sentence.search(PROHIBITED), present, sentence.search(NONE_PERMITTED)].map((i) => (i < 0 ? Infinity : i)));
  const allowed = sentence.search(ALLOWED);
  const first = Math.min(...[negated, prohibited, allowed].filter((i) => i >= 0 && Number.isFinite(i)));
  // "… are urged to exercise the utmost caution before disclosing their employment": allowed, with care.
  // "Internet access shall be strictly limited to department-related activities": a use allowed for what it names only.
  if (LIMITED.test(sentence) && (!Number.isFinite(first) || first === allowed)) return { verdict: 'allowed_with_conditions', limited: true };
  if (!Number.isFinite(first)) return ADVISORY.test(sentence) ? { verdict: 'allowed_with_conditions' } : { verdict: 'info', ...(REQUIRED.test(sentence) ? { required: true } : {}) };
  // "… does not apply to X, provided that …": an exemption with conditions.
  if (first === negated) return { verdict: CONDITION.test(sentence.slice(negated)) ? 'allowed_with_conditions' : 'allowed' };
  // "Speaking as a private citizen …, provided the member does not identify …": the ban is the proviso of what is let through.
  if (first === prohibited && PROVISO.test(sentence.slice(0, prohibited))) return { verdict: 'allowed_with_conditions' };
  if (first === prohibited) {
    // "Personal calls are kept brief and shall not interfere with duties": a limit on what is allowed, not a ban.
    const limitOnly = KEEPS_WITHIN.test(sentence) && sentence.replace(KEEPS_WITHIN_ALL, ' ').search(PROHIBITED) < 0;
    // "… shall not create any account … without such authorization": an approval path whose approver the sentence before names.
    if (unnamed && !limitOnly && !SEVERAL_BANS.test(sentence)) return { verdict: 'needs_approval' };
    return { verdict: limitOnly ? 'allowed_with_conditions' : 'prohibited' };
  }
  // "Limited personal use is permitted when:" over the cases that let it through: a permission on its terms.
  const onTerms =
    CONDITION.test(sentence.slice(allowed)) || /\bonly\b/i.test(sentence) || CONDITIONS_FOLLOW.test(sentence) || QUALIFIED_USE.test(sentence.slice(0, allowed)) || PERMIT_TERMS.test(sentence.slice(allowed));
  return { verdict: onTerms ? 'allowed_with_conditions' : 'allowed' };
}

/** Generic single words that are not an authority on their own. */
const NOT_AUTHORITY =
  /^(?:Department|City|County|Agency|Employee|Member|Members|Employees|Internet|The|This|Any|All|Policy|Order|Section|Office|(?:MDT|MDC|RMS|CAD|BWC|NCIC|LEADS|CJIS|VPN|USB|PC|PCD|MVR|ICV|GPS|ALPR|LPR|DVR|SMS|MMS|FOIA|PDF|CD|DVD)s?)$/;
const NAMED = /\b(?:of|from|by|to|notify|notifies|inform|contact|advise|alert|telephone|telephones|call|calls|phone|phones|email|emails|page|pages)\s+(?:the\s+|his or her\s+|their\s+|an?\s+|your\s+|its\s+)?(?:(?:on-duty|on duty|acting|assigned)\s+)?((?:[A-Z][A-Za-z'-]*|[A-Z]{2,})(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?(?:[A-Z][A-Za-z'-]*|[A-Z]{2,}))*)/;

/** Nouns that end the name of a role or an office: "the lead investigator", "the Records Section". */
const ROLE_HEAD = String.raw`supervisor|commander|sergeant|lieutenant|captain|chief|sheriff|undersheriff|manager|director|administrator|coordinator|custodian|designee|officer|investigator|attorney|clerk|center|centre|desk|unit|bureau|office|section|division|team`;
/** Heads that name nobody in particular on their own ("the officer", "the unit"), only with a modifier. */
const NEEDS_MODIFIER = /^(?:officer|investigator|attorney|clerk|center|centre|desk|unit|bureau|office|section|division|team)$/i;
/**
 * Words that cannot be part of a role's name: articles, prepositions, approval wording, the member's own possessives,
 * and qualifiers of who happens to hold the role ("the appropriate supervisor", "the on-duty Watch Commander").
 */
const NOT_MODIFIER = String.raw`(?:the|a|an|his|her|their|its|your|or|and|of|to|from|by|for|with|in|on|at|as|any|all|each|every|this|that|these|those|such|other|another|prior|written|verbal|express|expressly|advance|approval|authori[sz]ation|permission|consent|appropriate|designated|assigned|responsible|relevant|concerned|next|on-duty|member's|employee's|user's|officer's|deputy's|trooper's|requester's|requestor's|own|is|are|be|been|shall|must|may|will|who|which|when|if|not|no|before|after|until|unless|immediately|promptly|also|then|first|either|both)`;
/** A role named after the word that introduces it: "notify the CIU supervisor", "authorized by the lead investigator". */
const ROLE = new RegExp(
  String.raw`\b(?:to|of|from|by|notify|notifies|notifying|inform|informs|contact|contacts|advise|advises|alert|alerts|call|calls|telephone|telephones|tell|tells|page|pages|email|emails|e-mail)\s+(?:(?:the member's|the employee's|a member's|his or her|the|a|an|his|her|their|your|its)\s+)?((?:(?!${NOT_MODIFIER}(?![\w'-]))[a-z][\w'-]*\s+){0,3}(?:${ROLE_HEAD}))\b`,
  'gi',
);
/** "… Chief of Police", "Office of Professional Standards": a capitalised role goes on with "of" and a capitalised name. */
const OF_NAME = /^\s+of\s+(?:the\s+)?((?:[A-Z][A-Za-z'-]*)(?:\s+(?:and\s+)?[A-Z][A-Za-z'-]*)*)/;

interface Named {
  start: number;
  text: string;
}

/** The first role named with a generic role noun, with its modifiers: "lead investigator", "CIU supervisor". */
function roleAfter(tail: string): Named | undefined {
  for (const m of tail.matchAll(ROLE)) {
    const words = m[1]!.trim().split(/\s+/);
    const head = words[words.length - 1]!;
    const start = m.index! + m[0].length - m[1]!.length;
    const of = /^[A-Z]/.test(head) ? tail.slice(m.index! + m[0].length).match(OF_NAME) : null;
    if (words.length === 1 && NEEDS_MODIFIER.test(head) && !of) continue;
    return { start, text: of ? `${m[1]} of ${of[1]}` : m[1]! };
  }
  return undefined;
}

/** The first authority named after a position, e.g. after "approval of": a role or a capitalised office. */
export function authorityAfter(sentence: string, from: number): string | undefined {
  const tail = sentence.slice(Math.max(0, from));
  const candidates: Named[] = [];
  const known = tail.match(AUTHORITY);
  if (known) candidates.push({ start: known.index! + known[0].length - known[1]!.length, text: known[1]! });
  const named = tail.match(NAMED);
  const namedText = named?.[1]?.replace(/\s+(?:of|for|and)$/, '').trim();
  if (namedText && !NOT_AUTHORITY.test(namedText) && !/^(?:I|A)$/.test(namedText)) {
    candidates.push({ start: named!.index! + named![0].length - named![1]!.length, text: namedText });
  }
  const role = roleAfter(tail);
  if (role) candidates.push(role);
  // The role named first is the one the clause names; of two starting together, the longer says more ("CIU supervisor", not "CIU").
  const first = candidates.sort((a, b) => a.start - b.start || b.text.length - a.text.length)[0];
  if (!first) return undefined;
  // "the Communications Director for National Public Safety Telecommunicators Week": what the approval is for is no part of the name.
  const name = first.text.replace(/\s+/g, ' ').trim().replace(/\s+for\s+(?:\S+\s+){0,6}?(?:Week|Day|Month|Year|Events?|Purposes?|Programs?|Campaigns?|Training)\b.*$/, '');
  return /^supervisory$/i.test(name) ? 'supervisor' : name;
}

/** Authorities named anywhere in a text, in order. */
export function authoritiesIn(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(AUTHORITY.source, 'gi');
  for (const m of text.matchAll(re)) out.push(m[1]!.trim());
  return out;
}
