/**
 * The bot's commands, as the Teams manifest lists them (`bots[].commandLists[].commands`: title ≤ 32 characters,
 * description ≤ 128) and as people type them. The manifest mirrors COMMANDS; nothing else here depends on Teams.
 */
export type CommandId =
  | 'help' | 'report-violation' | 'report-problem' | 'report-security' | 'request-approval' | 'my-reports' | 'my-inbox' | 'my-chain' | 'delegate';

export interface Command {
  id: CommandId;
  title: string;
  description: string;
  /** The report type a form command opens. */
  formType?: string;
}

export const COMMANDS: readonly Command[] = [
  { id: 'help', title: 'help', description: 'What Policy Desk can do, and the forms you can file' },
  { id: 'report-violation', title: 'report a violation', description: 'Report a posting or web page that breaks the policy', formType: 'violation' },
  { id: 'report-problem', title: 'report a problem', description: 'Report an equipment or software problem for repair', formType: 'repair' },
  { id: 'report-security', title: 'report a security incident', description: 'Report a disclosed password, a compromised account or a breach', formType: 'security' },
  { id: 'request-approval', title: 'request approval', description: 'Ask to install software or post images in uniform or of City equipment', formType: 'approval' },
  { id: 'my-reports', title: 'my reports', description: 'The reports and requests you filed, and where each one is' },
  { id: 'my-inbox', title: 'my inbox', description: 'Reports waiting for you to act on them' },
  { id: 'my-chain', title: 'my chain of command', description: 'Who you report to, up to the Chief' },
  { id: 'delegate', title: 'delegate', description: 'Name an acting supervisor while you are away: delegate to NAME from YYYY-MM-DD to YYYY-MM-DD' },
];

/** `commandLists` entry for the Teams manifest: personal, team and group chat scopes. */
export function manifestCommandList(): { scopes: string[]; commands: Array<{ title: string; description: string }> } {
  return { scopes: ['personal', 'team', 'groupChat'], commands: COMMANDS.map(({ title, description }) => ({ title, description })) };
}

/** Other ways people say the same thing; matched on the whole message (or its start, for forms). */
const ALIASES: Record<CommandId, string[]> = {
  help: ['help', 'hi', 'hello', 'hey', 'start', 'menu', 'commands', 'what can you do'],
  'report-violation': ['report a violation', 'report violation', 'report a policy violation', 'file a violation report', 'violation report'],
  'report-problem': ['report a problem', 'report problem', 'report a repair', 'repair report', 'report a service problem', 'service report'],
  'report-security': ['report a security incident', 'report security incident', 'report a security problem', 'security incident', 'report a breach'],
  'request-approval': ['request approval', 'request an approval', 'ask for approval', 'approval request'],
  'my-reports': ['my reports', 'my requests', 'my report', 'status', 'my status'],
  'my-inbox': ['my inbox', 'inbox', 'my queue', 'my tasks', 'what needs my action'],
  'my-chain': ['my chain of command', 'chain of command', 'who is my supervisor', 'who do i report to', 'my supervisor'],
  delegate: ['delegate'],
};

/** "delegate" alone (for the usage), or "delegate to …"; a question that merely starts with the word is still a question. */
const DELEGATE = /^\s*delegate(?=\s*$|\s+to\b)\s*/i;

/** Forms a department may add beyond the command list, by words: "report obscene access". */
export interface FormWords {
  type: string;
  label: string;
}

export type Matched = { command: Command; rest: string } | { formType: string; rest: string };

const normalize = (s: string) => s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** "report a problem: the MDT in car 12 is dead" → the text after the colon or dash. */
function withDetails(message: string, alias: string): string | undefined {
  const words = alias.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const m = new RegExp(`^\\s*${words}\\s*[:\\-–—]\\s*([\\s\\S]+)$`, 'i').exec(message);
  return m?.[1]?.trim() || undefined;
}

/** A command when the whole message is one; a form command may carry details after a colon. Anything else is a question. */
export function matchCommand(message: string, extraForms: FormWords[] = []): Matched | undefined {
  const delegate = COMMANDS.find((c) => c.id === 'delegate')!;
  if (DELEGATE.test(message)) return { command: delegate, rest: message.replace(DELEGATE, '').trim() };
  const said = normalize(message) || (message.trim() === '?' ? 'help' : '');
  for (const command of COMMANDS) {
    for (const alias of ALIASES[command.id]) {
      if (said === alias) return { command, rest: '' };
      const rest = command.formType ? withDetails(message, alias) : undefined;
      if (rest) return { command, rest };
    }
  }
  const form = extraForms.find((f) => said === `report ${normalize(f.label)}` || said === normalize(f.label) || said === `report ${normalize(f.type)}`);
  return form ? { formType: form.type, rest: '' } : undefined;
}

export interface DelegationWords {
  delegate: string;
  start: string;
  end: string;
}

const DELEGATION = /^to\s+(.+?)\s+from\s+(\d{4}-\d{2}-\d{2})\s+(?:to|until|through|-)\s+(\d{4}-\d{2}-\d{2})\s*\.?$/i;

/** "to Sam Ortiz from 2025-07-01 to 2025-07-14" (what follows "delegate"). */
export function parseDelegationWords(rest: string): DelegationWords | undefined {
  const m = DELEGATION.exec(rest.trim());
  return m ? { delegate: m[1]!.trim(), start: m[2]!, end: m[3]! } : undefined;
}
