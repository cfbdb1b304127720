/** `admin` command lines: words, then `--flag value` pairs; each command says which flags it takes. */
export interface Parsed {
  words: string[];
  flags: Record<string, string>;
}

const COMMANDS: Record<string, { words: [min: number, max: number]; required: string[]; optional: string[] }> = {
  import: { words: [1, Infinity], required: [], optional: [] },
  export: { words: [0, 0], required: ['department'], optional: [] },
  route: { words: [0, 0], required: ['department', 'type', 'from'], optional: ['subject', 'at'] },
  'report show': { words: [1, 1], required: ['department'], optional: ['as'] },
  sweep: { words: [0, 0], required: [], optional: ['at', 'department'] },
  outbox: { words: [0, 0], required: [], optional: ['department', 'state'] },
};

export const USAGE = `usage:
  npm run admin -- import FILE [FILE…]                     create or update departments from JSON/YAML (roster, report types, routes, delegations)
  npm run admin -- export --department ID                  print a department's configuration as JSON
  npm run admin -- route --department ID --type TYPE --from MEMBER [--subject MEMBER] [--at ISO-DATE]
                                                           print the route a report would take
  npm run admin -- report show ID --department ID [--as MEMBER]
                                                           print a report and its audit trail (--as: only if MEMBER may see it)
  npm run admin -- sweep [--at ISO-TIME] [--department ID] fire due deadlines (reminders, escalations, delegations) and send the
                                                           outbox, as of now or --at; prints what fired as JSON lines
  npm run admin -- outbox [--department ID] [--state dead|pending|sent]
                                                           list notifications not yet delivered (default: dead and pending) as JSON lines
MEMBER is a member id or an AAD object id. With no COSMOS_ENDPOINT set, an in-memory local server seeded with
sample-data/ is used and discarded on exit.`;

function split(argv: string[]): Parsed | string {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      words.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
    flags[a.slice(2)] = value;
  }
  return { words, flags };
}

/** The command name and its arguments, or what is wrong with the command line. */
export function parseAdminArgs(argv: string[]): { command: string; args: Parsed } | string {
  const parsed = split(argv);
  if (typeof parsed === 'string') return parsed;
  const [first, second] = parsed.words;
  const command = first === 'report' && second === 'show' ? 'report show' : (first ?? '');
  const spec = COMMANDS[command];
  if (!spec) return command ? `unknown command "${command}"` : 'give a command';
  const words = parsed.words.slice(command.split(' ').length);
  if (words.length < spec.words[0] || words.length > spec.words[1]) return `wrong number of arguments for ${command}`;
  const missing = spec.required.find((f) => parsed.flags[f] === undefined);
  if (missing) return `${command} needs --${missing}`;
  const unknown = Object.keys(parsed.flags).find((f) => !spec.required.includes(f) && !spec.optional.includes(f));
  if (unknown) return `${command} takes no --${unknown}`;
  return { command, args: { words, flags: parsed.flags } };
}
