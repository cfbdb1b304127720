import { describe, expect, it } from 'vitest';
import { applyAction } from '../../src/routing/act.js';
import { buildDirectory } from '../../src/routing/directory.js';
import { submitReport } from '../../src/routing/submit.js';
import type { Report } from '../../src/routing/types.js';
import { ACTIONS, COMMAND_EXTRAS, expectedAllowed, MATRIX_DEPARTMENT, memberFor, REPORTER, ROLES, STATES, SUBJECT } from '../support/matrix.js';

const dir = buildDirectory(MATRIX_DEPARTMENT);
const START = new Date('2025-06-02T09:00:00Z');

function reach(state: string): { report: Report; at: Date } {
  const spec = STATES[state]!;
  const t = submitReport(dir, { reportId: 'm', commandId: 'm0', type: 'all', reporter: REPORTER, subject: SUBJECT, fields: { text: 'x' } }, START);
  if (!t.ok) throw new Error(t.reason);
  let report = t.report;
  for (const [i, [actor, action]] of spec.steps.entries()) {
    const r = applyAction(dir, report, { action, actor, commandId: `m${i + 1}`, ...COMMAND_EXTRAS }, START);
    if (!r.ok) throw new Error(`${state}: ${r.reason}`);
    report = r.report;
  }
  return { report, at: new Date(START.getTime() + (spec.overdueHours ?? 0) * 3600 * 1000) };
}

describe('who may act: every role × action × state', () => {
  for (const state of Object.keys(STATES)) {
    const { report, at } = reach(state);
    it(`in state ${state}, only the allowed pass`, () => {
      const outcomes: string[] = [];
      for (const role of ROLES) {
        const actor = memberFor(report, role);
        if (actor === undefined) continue;
        for (const action of ACTIONS) {
          const r = applyAction(dir, report, { action, actor, commandId: 'x', ...COMMAND_EXTRAS }, at);
          outcomes.push(`${role} ${action}: ${r.ok ? 'allowed' : 'refused'}`);
        }
      }
      const expected = outcomes.map((o) => {
        const [role, action] = o.split(/[ :]/) as [never, never];
        return `${role} ${action}: ${expectedAllowed(state, action, role) ? 'allowed' : 'refused'}`;
      });
      expect(outcomes).toEqual(expected);
    });
  }
});
