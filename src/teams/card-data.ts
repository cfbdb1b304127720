import { CARD_ACTIONS, type ReportAction } from '../routing/allowed-actions.js';
import type { ActRequest } from '../app/act-on-report.js';
import { FIELD_PREFIX, INPUTS } from '../cards/verbs.js';

/**
 * Reading what a card sent back. Card data is whatever the client posts, so every value is checked for shape
 * here; whether it is allowed is for the use cases. Nothing here names the actor: that is the activity's.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

type Data = Record<string, unknown>;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Prefilled text is the user's own question: cut to the longest a field takes. */
const PREFILL_MAX = 4000;

const bad = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function idOf(data: Data, key: string, what: string): Parsed<string> {
  const v = data[key];
  if (v === undefined || v === null || v === '') return bad(`This card did not say which ${what} it is for. Open it again from "my reports" or "my inbox".`);
  if (typeof v !== 'string' || !ID.test(v)) return bad(`This card's ${what} is not valid. Open it again from "my reports" or "my inbox".`);
  return { ok: true, value: v };
}

/** Optional free text: absent or blank is undefined; anything but text is refused. */
function optionalText(data: Data, key: string, label: string): Parsed<string | undefined> {
  const v = data[key];
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (typeof v !== 'string') return bad(`The ${label} must be text.`);
  return { ok: true, value: v.trim() === '' ? undefined : v };
}

/** `field_<id>` inputs, values as sent (the use case says what is wrong with them). */
function fieldsOf(data: Data): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k.startsWith(FIELD_PREFIX)).map(([k, v]) => [k.slice(FIELD_PREFIX.length), v]));
}

export function asData(raw: unknown): Data {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Data) : {};
}

export function parseOpenForm(data: Data): Parsed<{ type: string; prefill: Record<string, string> }> {
  const type = idOf(data, 'type', 'form');
  if (!type.ok) return type;
  const raw = asData(data.prefill);
  const prefill = Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, PREFILL_MAX)]] : [])));
  return { ok: true, value: { type: type.value, prefill } };
}

export function parseSubmit(data: Data): Parsed<{ typeId: string; reportId: unknown; values: Record<string, unknown>; subject: unknown }> {
  const type = idOf(data, 'type', 'form');
  if (!type.ok) return type;
  return { ok: true, value: { typeId: type.value, reportId: data.reportId, values: fieldsOf(data), subject: data[INPUTS.subject] } };
}

/** A click on a report card, as the use case takes it. */
export type ActData = ActRequest;

export function parseAct(data: Data): Parsed<ActData> {
  const reportId = idOf(data, 'reportId', 'report');
  if (!reportId.ok) return reportId;
  const action = data.action;
  if (typeof action !== 'string' || !(CARD_ACTIONS as readonly string[]).includes(action)) return bad('This button asks for an action Policy Desk does not know.');
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return bad('This card does not say which version of the report it shows. Refresh it and try again.');
  const comment = optionalText(data, INPUTS.comment, 'comment');
  if (!comment.ok) return comment;
  const reference = optionalText(data, INPUTS.reference, 'reference');
  if (!reference.ok) return reference;
  const fields = fieldsOf(data);
  return {
    ok: true,
    value: {
      reportId: reportId.value, action: action as ReportAction, version,
      ...(comment.value ? { comment: comment.value } : {}), ...(reference.value ? { reference: reference.value } : {}),
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
    },
  };
}

export function parseView(data: Data): Parsed<{ reportId: string }> {
  const reportId = idOf(data, 'reportId', 'report');
  return reportId.ok ? { ok: true, value: { reportId: reportId.value } } : reportId;
}
