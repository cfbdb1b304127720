/** Adaptive Card JSON, typed just enough to build it; Teams renders 1.5 with Universal Actions (Action.Execute). */
export type CardElement = { type: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  /** Universal Actions: Teams asks the bot for the card again, for these users, whenever they see it. */
  refresh?: { action: CardElement; userIds: string[] };
  msteams?: { width: 'Full' };
}

export type Tone = 'default' | 'good' | 'warning' | 'attention' | 'accent';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function text(value: string, opts: { weight?: 'Bolder'; size?: 'Small' | 'Medium' | 'Large'; color?: Tone; subtle?: boolean; spacing?: string } = {}): CardElement {
  const { subtle, color, ...rest } = opts;
  return { type: 'TextBlock', text: value, wrap: true, ...rest, ...(color && color !== 'default' ? { color } : {}), ...(subtle ? { isSubtle: true } : {}) };
}

export function heading(value: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return text(value, { weight: 'Bolder', size });
}

export function facts(pairs: Array<[string, string | undefined]>): CardElement {
  return { type: 'FactSet', facts: pairs.filter(([, v]) => v !== undefined && v !== '').map(([title, value]) => ({ title, value })) };
}

export function container(items: CardElement[], opts: { style?: 'emphasis' | 'good' | 'warning' | 'attention' | 'accent'; separator?: boolean } = {}): CardElement {
  return { type: 'Container', items, ...opts };
}

/** A Universal Action: the data goes to the bot with every input of the card. */
export function execute(title: string, verb: string, data: Record<string, unknown>, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Execute', title, verb, data, associatedInputs: 'auto', ...(style ? { style } : {}) };
}

export function showCard(title: string, body: CardElement[]): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body } };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A message under an input, in the error colour, when the bot refused its value. */
export function fieldError(message: string | undefined): CardElement[] {
  return message ? [text(message, { color: 'attention', size: 'Small', spacing: 'None' })] : [];
}
