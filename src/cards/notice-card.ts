import { adaptiveCard, text, type AdaptiveCard, type Tone } from './card.js';

/** A short message as a card: the answer to a card action that could not be carried out. */
export function noticeCard(title: string, message: string, tone: Tone = 'attention'): AdaptiveCard {
  return adaptiveCard([text(title, { weight: 'Bolder', color: tone }), text(message)]);
}
