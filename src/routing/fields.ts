import { refuse, type Refusal, type Result } from './result.js';
import { looksLikePassword, PASSWORD_REFUSAL } from './secrets.js';
import type { ReportType } from './types.js';

export type FieldRefusalCode = 'invalid_fields' | 'password_in_field';

/** Upper bound for any free text, comments included, whatever the type says. */
export const MAX_TEXT_LENGTH = 4000;

/** Refuses free text (a comment, a reference) carrying a password or too long. */
export function checkText(label: string, text: string | undefined): Refusal<FieldRefusalCode> | undefined {
  if (text === undefined) return undefined;
  if (text.length > MAX_TEXT_LENGTH) return refuse('invalid_fields', `The ${label} is longer than ${MAX_TEXT_LENGTH} characters.`);
  if (looksLikePassword(text)) return refuse('password_in_field', `The ${label} ${PASSWORD_REFUSAL}`);
  return undefined;
}

function checkOne(type: ReportType, id: string, value: unknown): Refusal<FieldRefusalCode> | undefined {
  const def = type.fields.find((f) => f.id === id);
  if (!def) return refuse('invalid_fields', `A ${type.label} has no field "${id}".`);
  if (typeof value !== 'string') return refuse('invalid_fields', `"${def.label}" must be text.`);
  const max = Math.min(def.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
  if (value.length > max) return refuse('invalid_fields', `"${def.label}" is longer than ${max} characters.`);
  if (def.choices && value !== '' && !def.choices.includes(value)) {
    return refuse('invalid_fields', `"${def.label}" must be one of: ${def.choices.join(', ')}.`);
  }
  return checkText(`"${def.label}" field`, value);
}

/** The submitted fields, trimmed, or the first reason to refuse them. */
export function checkFields(type: ReportType, fields: Record<string, unknown>): Result<{ fields: Record<string, string> }, FieldRefusalCode> {
  const clean: Record<string, string> = {};
  for (const [id, raw] of Object.entries(fields)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const bad = checkOne(type, id, value);
    if (bad) return bad;
    if (value !== '') clean[id] = value as string;
  }
  const missing = type.fields.find((f) => f.required && clean[f.id] === undefined);
  if (missing) return refuse('invalid_fields', `"${missing.label}" is required.`);
  return { ok: true, fields: clean };
}

/** Every problem with submitted fields, by field id, so a form can show each next to its input. */
export function fieldErrors(type: ReportType, fields: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [id, raw] of Object.entries(fields)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const bad = checkOne(type, id, value);
    if (bad) errors[id] = bad.reason;
  }
  for (const f of type.fields) {
    const value = fields[f.id];
    if (f.required && !errors[f.id] && (typeof value !== 'string' || value.trim() === '')) errors[f.id] = `"${f.label}" is required.`;
  }
  return errors;
}
