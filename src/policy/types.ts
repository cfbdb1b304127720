/** The policy library format: one library per department, one JSON file per document. */

export const VERDICTS = [
  'allowed',
  'allowed_with_conditions',
  'needs_approval',
  'prohibited',
  'must_report',
  'info',
  'not_addressed',
] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What a single provision can say; `not_addressed` is only ever the absence of a provision. */
export type ProvisionVerdict = Exclude<Verdict, 'not_addressed'>;

export type DocumentStatus = 'in_force' | 'rescinded' | 'superseded';

export interface PolicyDocument {
  /** The document's own identifier, e.g. "OPD 4.1". */
  id: string;
  title: string;
  /** e.g. "Departmental General Order", "Special Order". */
  kind?: string;
  issuedBy: string;
  /** ISO dates (YYYY-MM-DD). */
  effective?: string;
  revised?: string[];
  status: DocumentStatus;
  /** Present when status is rescinded or superseded. */
  rescinded?: { date: string; by: string };
  /** Where the text came from, for reviewers. */
  source?: string;
  /** True until an admin has reviewed an imported document. */
  draft?: boolean;
  sections: Section[];
}

export interface Section {
  /** Id in the document's own numbering ("III.C.9.b.iii"), or the heading where it has none. */
  id: string;
  title: string;
  /** The verbatim text of this section itself, children excluded. */
  text: string;
  provisions?: Provision[];
  children?: Section[];
}

/**
 * What a sentence of the policy decides, tied to the vocabulary of the lexicon.
 * Concept names come from the lexicon (policies/lexicon.json) or the library's own additions.
 */
export interface Provision {
  /** The decisive sentence(s), a verbatim substring of the section text. */
  quote: string;
  /**
   * The part of the quote this provision states, when the quote states two rules of one subject ("… may be charged
   * from a wall outlet, but shall not be charged from … the USB port …"): a verbatim substring of the quote. The
   * provision is matched on its words.
   */
  clause?: string;
  verdict: ProvisionVerdict;
  /** Authority key (see Library.authorities) that approves, or receives the report. */
  authority?: string;
  actions?: string[];
  objects?: string[];
  /** A second object group that must also match: a picture *with* a uniform or City equipment. */
  with?: string[];
  contexts?: string[];
  /** Subjects a factual question may be about: "privacy", "backup", "usernames". */
  topics?: string[];
  /** Contexts the provision is limited to; a question that states a conflicting context skips it. */
  scope?: string[];
  /**
   * Roles the rule binds when it does not bind every member ("Telecommunicators shall not …", "Supervisors shall
   * approve …"): a question that names none of them is seldom about it.
   */
  actor?: string[];
  /** Conditions in plain words, shown with the answer. */
  conditions?: string[];
  exceptions?: ProvisionException[];
  /**
   * An `info` provision that owes an act ("All PCDs shall be set to silent mode"): a fact to whoever asks what is
   * required, a rule to whoever asks leave to do otherwise.
   */
  required?: boolean;
  /**
   * A permission confined to the purposes it names ("shall be strictly limited to department-related activities"):
   * a personal use is outside it.
   */
  limited?: boolean;
  /** Drafted by the importer from the document's wording, not yet reviewed. */
  drafted?: boolean;
}

export interface ProvisionException {
  /** All of these concepts must be in the question for the exception to apply. */
  when: string[];
  verdict: ProvisionVerdict;
  authority?: string;
  /** Verbatim substring of the same section's text. */
  quote: string;
  /** Plain statement of the exception, for the answer. */
  note: string;
}

export interface Authority {
  /** How the answer names it: "Chief of Police". */
  name: string;
  /** Phrases in a document that name it: "chief of police", "the chief". */
  phrases?: string[];
}

/** policies/<department>/library.json */
export interface LibraryManifest {
  department: string;
  name: string;
  documents: string[];
  authorities: Record<string, Authority>;
  /** Department-specific vocabulary, merged over the shared lexicon. */
  lexicon?: LexiconFile['concepts'];
}

export interface Library {
  department: string;
  name: string;
  documents: PolicyDocument[];
  authorities: Record<string, Authority>;
  lexicon: import('./lexicon.js').Lexicon;
}

/** `role`: whom a rule binds when that is not every member ("Telecommunicators shall not …"). */
export type ConceptKind = 'action' | 'object' | 'context' | 'topic' | 'role';

export interface ConceptEntry {
  kind: ConceptKind;
  /** Words and phrases, lower case; a trailing * matches any ending ("photo*"). */
  phrases: string[];
  /** Broader concepts this one implies ("instagram" → "social_media"). */
  implies?: string[];
  /** Concepts this one hints at without being one ("my mom" → "personal_use"): weaker evidence. */
  suggests?: string[];
  /** How an answer names it: "during work hours". */
  label?: string;
  /** Contexts that cannot hold at the same time ("off_duty" vs "work_hours"). */
  conflicts?: string[];
  /** Concepts whose matches inside this phrase do not count: "report room" is not "report". */
  suppresses?: string[];
  /**
   * A circumstance that confines a ban to itself: "shall not text while driving" forbids texting while
   * driving and leaves it allowed otherwise, so a question that does not say it is driving gets a permission
   * with that condition.
   */
  confines?: boolean;
  /**
   * A matter a question is about whenever it names it ("stipend", "overtime"): a provision that does not
   * speak of it does not answer the question, however much else it shares with it. `true`: a provision
   * speaks of it by naming it or anything it implies (a rule on hands-free devices speaks of earbuds);
   * `"itself"`: only by naming it or a kind of it, a concept that implies it (a rule on accounts does not
   * speak of fake ones; one on shared logins speaks of passwords).
   */
  focus?: boolean | 'itself';
  /** With `focus: "itself"`: other concepts a provision speaks of it by naming (a rule on accounts speaks of logins). */
  spokenOfBy?: string[];
  /** An object named as where something goes ("on my work phone"), not as the thing itself. */
  place?: boolean;
}

export interface LexiconFile {
  concepts: Record<string, ConceptEntry>;
}


export interface Citation {
  policy: string;
  section: string;
  title: string;
  quote: string;
  status: DocumentStatus;
}

export interface Answer {
  verdict: Verdict;
  approver?: string;
  reportTo?: string;
  citations: Citation[];
  conditions: string[];
  answer: string;
}
