import type { ClientCitation } from '@microsoft/teams-ai/lib/types/ClientCitation.js';
import type { Activity } from 'botbuilder';
import { verdictLabel } from '../cards/labels.js';
import type { Answer, Citation } from '../policy/types.js';

/** Teams' limits on a citation's appearance. */
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;
const KEYWORD_MAX = 28;

/** The message entity Teams reads citations from. No `additionalType: ['AIGeneratedContent']`: the built-in engine is not an LLM. */
export interface CitationEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  citation: ClientCitation[];
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

const label = (c: Citation) => `${c.policy} §${c.section}`;

/** The pop-up a hover shows: the quote verbatim, and whether the document is still in force. */
function popup(c: Citation): string {
  const body = [
    { type: 'TextBlock', text: `${label(c)} — ${c.title}`, weight: 'Bolder', wrap: true },
    ...(c.status === 'in_force' ? [] : [{ type: 'TextBlock', text: `${c.status.toUpperCase()}: not current policy`, color: 'attention', wrap: true }]),
    { type: 'TextBlock', text: c.quote, wrap: true },
  ];
  return JSON.stringify({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body });
}

export function clientCitation(c: Citation, position: number): ClientCitation {
  const rescinded = c.status !== 'in_force';
  return {
    '@type': 'Claim',
    position,
    appearance: {
      '@type': 'DigitalDocument',
      name: clip(label(c), NAME_MAX),
      abstract: clip(`${rescinded ? `${c.status.toUpperCase()} — ` : ''}${c.quote}`, ABSTRACT_MAX),
      text: popup(c),
      encodingFormat: 'application/vnd.microsoft.card.adaptive',
      image: { '@type': 'ImageObject', name: 'Text' },
      keywords: [clip(c.title, KEYWORD_MAX), ...(rescinded ? [c.status] : [])].slice(0, 3),
    },
  };
}

/** The engine's answer with a [n] marker after each section it names; sections it does not name are listed after it. */
function markedText(answer: Answer): string {
  let text = answer.answer;
  const seeAlso: string[] = [];
  answer.citations.forEach((c, i) => {
    const named = `${label(c)} (${c.title})`;
    const at = text.indexOf(named);
    if (at >= 0) text = `${text.slice(0, at + named.length)} [${i + 1}]${text.slice(at + named.length)}`;
    else seeAlso.push(`${named} [${i + 1}]`);
  });
  return seeAlso.length > 0 ? `${text}\n\nSee also: ${seeAlso.join('; ')}` : text;
}

/** A policy answer as a Teams message: verdict in words, the answer with [n] markers, native citations and feedback buttons. */
export function citedMessage(answer: Answer): Partial<Activity> {
  const verdict = verdictLabel(answer.verdict, answer.approver ?? answer.reportTo);
  const entities: CitationEntity[] =
    answer.citations.length > 0
      ? [{ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '', citation: answer.citations.map((c, i) => clientCitation(c, i + 1)) }]
      : [];
  return {
    type: 'message',
    text: `**${verdict}.** ${markedText(answer)}`,
    textFormat: 'markdown',
    entities: entities as unknown as Activity['entities'],
    channelData: { feedbackLoopEnabled: true },
  };
}
