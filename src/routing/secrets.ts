/**
 * Spotting a password typed into a report. A security incident is about passwords, so "my password
 * was phished" must pass while "password: hunter2" and "my password is hunter2" must not.
 */
const WORD = String.raw`(?:password|passwd|passcode|passphrase|pwd|pw)`;

/** `password: x`, `pw=x`, `PIN: 1234`, `password "x"`. */
const ASSIGNED = new RegExp(String.raw`\b${WORD}\s*[:=]\s*\S|\bpin\s*[:=]\s*\d|\b${WORD}\s+["'“‘][^"'”’\s]+`, 'i');

/** `password is x` / `password was x`: the word after decides. */
const STATED = new RegExp(String.raw`\b${WORD}\s+(?:is|was|are|were)\s+(?:now\s+|still\s+)?([^\s.,;!?]+)`, 'gi');

/** Words that describe a password rather than spell it. */
const DESCRIBING = new Set(
  (
    'not no never compromised expired exposed leaked stolen known locked wrong incorrect invalid disclosed shared ' +
    'phished reset changed weak strong too being the same also written on in taped visible saved stored blank empty ' +
    'missing lost hacked breached required needed a an my his her their our your correct right old new different ' +
    'given sent posted printed displayed guessed revealed seen unknown forgotten working accepted rejected case ' +
    'set used'
  ).split(' '),
);

export function looksLikePassword(text: string): boolean {
  if (ASSIGNED.test(text)) return true;
  for (const m of text.matchAll(STATED)) {
    if (!DESCRIBING.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}

export const PASSWORD_REFUSAL =
  'looks like it contains a password. Never put a password into a report: describe what happened without it, and change the password.';
