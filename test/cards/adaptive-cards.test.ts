import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { citedSections, prefillFrom } from '../../src/app/follow-ups.js';
import type { FormState } from '../../src/app/file-report.js';
import { snapshotOf } from '../../src/app/report-view.js';
import { PolicyDesk } from '../../src/app/ask.js';
import { assigneeCard } from '../../src/cards/assignee-card.js';
import type { AdaptiveCard } from '../../src/cards/card.js';
import { followUpsCard } from '../../src/cards/follow-ups-card.js';
import { helpCard } from '../../src/cards/help-card.js';
import { noticeCard } from '../../src/cards/notice-card.js';
import { readonlyCard } from '../../src/cards/readonly-card.js';
import { reportFormCard } from '../../src/cards/report-form-card.js';
import { reportCard } from '../../src/cards/report-card.js';
import { reportListCard } from '../../src/cards/report-list-card.js';
import { reportCardView } from '../../src/cards/report-view.js';
import { statusCard } from '../../src/cards/status-card.js';
import { applyAction } from '../../src/routing/act.js';
import type { Directory } from '../../src/routing/directory.js';
import { submitReport } from '../../src/routing/submit.js';
import type { AuditEvent, Report } from '../../src/routing/types.js';
import { COMMANDS } from '../../src/teams/commands.js';
import { sampleDirectory } from '../support/samples.js';

/** Parses and validates with the Adaptive Cards SDK itself; any event or validation failure fails the test. */
function problems(card: AdaptiveCard): string[] {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as unknown as AC.PropertyBag, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const failures = parsed.validateProperties().validationEvents.map((e) => e.message);
  return [...events, ...failures];
}

const AT = new Date('2025-06-02T09:00:00Z');
const olivette = sampleDirectory('olivette');
const longBeach = sampleDirectory('long-beach');

function filed(dir: Directory, type: string, fields: Record<string, string>, reporter: string, subject: string | null = null) {
  const t = submitReport(dir, { reportId: 'VIO-250602-ABC123', commandId: 'c0', type, reporter, subject, fields }, AT);
  if (!t.ok) throw new Error(t.reason);
  return { report: t.report, trail: [...t.events] };
}

function then(dir: Directory, s: { report: Report; trail: AuditEvent[] }, actor: string, action: 'forward' | 'return' | 'hand_to_contractor', extra = {}) {
  const t = applyAction(dir, s.report, { action, actor, commandId: `c${s.trail.length}`, comment: 'Which car?', reference: 'IT-1', ...extra }, AT);
  if (!t.ok) throw new Error(t.reason);
  return { report: t.report, trail: [...s.trail, ...t.events] };
}

const viewer = (dir: Directory, id: string) => dir.byId.get(id)!;

function formState(dir: Directory, type: string, values: Record<string, string>, errors: Record<string, string> = {}): FormState {
  const t = dir.types.get(type)!;
  const subjects = type === 'violation' ? dir.config.members.map(({ id, name, title }) => ({ id, name, title })) : undefined;
  return { type: t, departmentName: dir.config.name, reportId: 'VIO-250602-ABC123', values, errors, ...(subjects ? { subjects } : {}), ...(Object.keys(errors).length ? { summary: 'Please fix' } : {}) };
}

describe('every card parses cleanly with the adaptivecards SDK', () => {
  const violation = filed(olivette, 'violation', { description: 'A photo of a suspect', platform: 'Instagram' }, 'ofc-lane', 'ofc-park');
  const repairAtDc = then(olivette, filed(olivette, 'repair', { equipment: 'MDT car 12', problem: 'Black screen' }, 'ofc-lane'), 'sgt-a', 'forward');
  const returned = then(olivette, violation, 'sgt-a', 'return');
  const cards: Record<string, AdaptiveCard> = {};
  for (const type of olivette.config.reportTypes.map((t) => t.id)) cards[`form ${type}`] = reportFormCard(formState(olivette, type, {}));
  cards['form obscene-access (Long Beach)'] = reportFormCard(formState(longBeach, 'obscene-access', { description: 'x' }));
  cards['form with errors and values'] = reportFormCard(formState(olivette, 'security', { kind: 'breach', description: 'y' }, { description: 'too long', subject: 'pick someone' }));
  cards['assignee (sergeant)'] = assigneeCard(reportCardView(snapshotOf(olivette, violation.report, violation.trail, viewer(olivette, 'sgt-a'), AT), { headline: 'A report needs your action' }));
  cards['assignee with contractor reference'] = assigneeCard(reportCardView(snapshotOf(olivette, repairAtDc.report, repairAtDc.trail, viewer(olivette, 'lt-patrol'), AT)));
  cards['reporter status'] = statusCard(reportCardView(snapshotOf(olivette, violation.report, violation.trail, viewer(olivette, 'ofc-lane'), AT), { notice: { text: 'Filed.', tone: 'good' } }));
  cards['reporter status, returned for information'] = statusCard(reportCardView(snapshotOf(olivette, returned.report, returned.trail, viewer(olivette, 'ofc-lane'), AT)));
  cards['read-only (chief)'] = readonlyCard(reportCardView(snapshotOf(olivette, violation.report, violation.trail, viewer(olivette, 'chief'), AT)));
  const late = new Date(AT.getTime() + 25 * 3600_000);
  const swept = applyAction(olivette, violation.report, { action: 'escalate', actor: 'system', commandId: 'deadline:x' }, late);
  if (!swept.ok) throw new Error(swept.reason);
  const escalated = { report: swept.report, trail: [...violation.trail, ...swept.events] };
  cards['escalated, with a Universal Actions refresh (reporter)'] = reportCard(snapshotOf(olivette, escalated.report, escalated.trail, viewer(olivette, 'ofc-lane'), late), { refreshFor: '29:lane' });
  cards['escalated, with a Universal Actions refresh (new assignee)'] = reportCard(snapshotOf(olivette, escalated.report, escalated.trail, viewer(olivette, 'lt-patrol'), late), { headline: 'A report needs your action', refreshFor: '29:lt' });
  const desk = new PolicyDesk();
  const answer = desk.ask('olivette', 'can I install zoom on my work laptop');
  if (!answer.ok) throw new Error('no answer');
  const approval = olivette.types.get('approval')!;
  cards['follow-ups'] = followUpsCard({ sections: citedSections(desk.engine('olivette')!.library, answer.answer.citations), approval: { type: 'approval', label: approval.label, prefill: prefillFrom(approval, 'install zoom') } });
  cards['follow-ups for someone not on the roster'] = followUpsCard({ sections: [], joinHint: 'Ask Morgan Ruiz to add you.' });
  cards.help = helpCard({ departmentName: 'Olivette Police Department', memberName: 'Avery Lane', commands: [...COMMANDS], forms: [{ type: 'violation', label: 'Violation report' }] });
  cards['report list'] = reportListCard({ title: 'My reports', empty: 'None', items: [{ reportId: 'VIO-250602-ABC123', typeLabel: 'Violation report', stateLabel: 'In review', updated: '2025-06-02 09:00 UTC' }] });
  cards['empty report list'] = reportListCard({ title: 'My inbox', empty: 'Nothing is waiting for you.', items: [] });
  cards.notice = noticeCard('Nothing was changed', 'Because.');

  for (const [name, card] of Object.entries(cards)) {
    it(name, () => {
      expect(problems(card)).toEqual([]);
      expect(card.version).toBe('1.5');
    });
  }

  it('the parser does catch a broken card (the check is real)', () => {
    expect(problems({ ...noticeCard('x', 'y'), actions: [{ type: 'Action.Nope' }] })).not.toEqual([]);
    const twoInputs = { type: 'Input.Text', id: 'same' };
    expect(problems({ ...noticeCard('x', 'y'), body: [twoInputs, twoInputs] })).not.toEqual([]);
  });
});

describe('what the cards show', () => {
  it('an escalation by the sweep: every copy says escalated, and the history says whose SLA was missed', () => {
    const s = filed(olivette, 'violation', { description: 'x' }, 'ofc-lane');
    const late = new Date(AT.getTime() + 25 * 3600_000);
    const t = applyAction(olivette, s.report, { action: 'escalate', actor: 'system', commandId: 'deadline:x' }, late);
    if (!t.ok) throw new Error(t.reason);
    const view = reportCardView(snapshotOf(olivette, t.report, [...s.trail, ...t.events], viewer(olivette, 'ofc-lane'), late));
    expect(view.stateLabel).toBe('In review · escalated');
    expect(view.history.at(-1)?.text).toBe('Escalated by the system: SLA of 24 h missed by Riley Chen');
  });

  it('the assignee sees only the buttons the lifecycle allows them now', () => {
    const s = filed(olivette, 'violation', { description: 'x' }, 'ofc-lane');
    const titles = (id: string) => (reportCardView(snapshotOf(olivette, s.report, s.trail, viewer(olivette, id), AT)).actions.map((a) => a.action));
    expect(titles('sgt-a')).toEqual(['forward', 'return']);
    expect(titles('lt-patrol')).toEqual(['forward', 'return', 'escalate']);
    expect(titles('ofc-lane')).toEqual(['withdraw']);
    expect(titles('ofc-ward')).toEqual([]);
  });

  it('a returned report asks its reporter for the missing information, with the fields to correct', () => {
    const s = then(olivette, filed(olivette, 'violation', { description: 'x' }, 'ofc-lane'), 'sgt-a', 'return');
    const view = reportCardView(snapshotOf(olivette, s.report, s.trail, viewer(olivette, 'ofc-lane'), AT));
    expect(view.actions.map((a) => a.action)).toEqual(['resubmit']);
    expect(view.resubmit?.values).toEqual({ description: 'x' });
    expect(view.history.at(-1)?.text).toContain('returned it for information — “Which car?”');
  });
});
