import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card.js';

export function cardActivity(card: AdaptiveCard, summary?: string): Partial<Activity> {
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), ...(summary ? { summary } : {}) };
}
