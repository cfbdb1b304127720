import { adaptiveCard, execute, heading, text, type AdaptiveCard } from './card.js';
import { VERBS } from './verbs.js';

export interface HelpView {
  departmentName: string;
  memberName?: string;
  commands: Array<{ title: string; description: string }>;
  forms: Array<{ type: string; label: string }>;
  joinHint?: string;
}

/** What Policy Desk does, the commands it understands, and a button for each form. */
export function helpCard(v: HelpView): AdaptiveCard {
  const hello = v.memberName ? `Hello ${v.memberName}.` : 'Hello.';
  const body = [
    heading('Policy Desk'),
    text(`${hello} Ask me whether you may post, install or send something, and I'll answer from the ${v.departmentName} policies with the sections that decide it.`),
    text(v.commands.map((c) => `**${c.title}** — ${c.description}`).join('\n\n'), { size: 'Small' }),
    ...(v.joinHint ? [text(v.joinHint, { color: 'warning' })] : []),
  ];
  const actions = v.joinHint ? [] : v.forms.map((f) => execute(f.label, VERBS.openForm, { type: f.type }));
  return adaptiveCard(body, actions);
}
