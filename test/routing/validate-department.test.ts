import { describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/routing/parse-department.js';
import type { DepartmentConfig } from '../../src/routing/types.js';
import { validateDepartment } from '../../src/routing/validate-department.js';
import { sampleConfig } from '../support/samples.js';

function issuesAfter(edit: (c: DepartmentConfig) => void) {
  const c = sampleConfig('olivette');
  edit(c);
  return validateDepartment(c);
}
const member = (c: DepartmentConfig, id: string) => c.members.find((m) => m.id === id)!;

describe('import-time validation', () => {
  it('the sample departments are valid', () => {
    expect(validateDepartment(sampleConfig('olivette'))).toEqual([]);
    expect(validateDepartment(sampleConfig('long-beach'))).toEqual([]);
  });

  it('a cycle in the chain of command is refused, naming the members in the loop', () => {
    const issues = issuesAfter((c) => (member(c, 'deputy-chief').reportsTo = 'sgt-a'));
    expect(issues).toEqual([{ code: 'cycle', message: 'olivette: the chain of command loops: "deputy-chief" → "sgt-a" → "lt-patrol" → "deputy-chief"' }]);
  });

  it('a member reporting to themselves is a cycle too', () => {
    expect(issuesAfter((c) => (member(c, 'sgt-b').reportsTo = 'sgt-b'))).toMatchObject([{ code: 'cycle', message: expect.stringContaining('"sgt-b"') }]);
  });

  it('a supervisor who is not on the roster is refused, naming the member and the missing supervisor', () => {
    const issues = issuesAfter((c) => (member(c, 'ofc-park').reportsTo = 'sgt-z'));
    expect(issues).toEqual([{ code: 'missing_supervisor', message: 'olivette: member "ofc-park" reports to "sgt-z", who is not on the roster' }]);
  });

  it('a department without a chief is refused', () => {
    const issues = issuesAfter((c) => (member(c, 'chief').roles = []));
    expect(issues.map((i) => i.code)).toContain('no_chief');
    expect(issues.find((i) => i.code === 'missing_supervisor')?.message).toContain('"chief" reports to nobody but is not the chief');
  });

  it('a route whose destination role nobody holds is refused, naming the route', () => {
    const issues = issuesAfter((c) => (member(c, 'deputy-chief').roles = ['admin']));
    expect(issues).toEqual([{ code: 'no_role_holder', message: 'olivette: route "repair": nobody holds the destination role "deputy_chief"' }]);
  });

  it('a route naming an unknown report type is refused', () => {
    const issues = issuesAfter((c) => c.routes.push({ ...c.routes[0]!, type: 'parking' }));
    expect(issues).toEqual([{ code: 'unknown_type', message: 'olivette: route "parking" names an unknown report type "parking"' }]);
  });

  it('a report type without a route is refused', () => {
    expect(issuesAfter((c) => c.routes.splice(0, 1))).toEqual([{ code: 'no_route', message: 'olivette: report type "violation" has no route' }]);
  });

  it('duplicate member ids, AAD ids, report types and routes are refused by name', () => {
    const issues = issuesAfter((c) => {
      c.members.push({ ...member(c, 'sgt-a'), aadObjectId: 'other' });
      c.members.push({ ...member(c, 'ofc-lane'), id: 'ofc-lane-2' });
      c.reportTypes.push(c.reportTypes[0]!);
      c.routes.push(c.routes[1]!);
    });
    expect(issues.map((i) => i.message)).toEqual([
      'olivette: duplicate member id "sgt-a"',
      `olivette: duplicate AAD object id "${member(sampleConfig('olivette'), 'ofc-lane').aadObjectId}"`,
      'olivette: duplicate report type "violation"',
      'olivette: duplicate route for report type "repair"',
    ]);
  });

  it('a delegation to someone not on the roster, or to oneself, is refused', () => {
    const issues = issuesAfter((c) => {
      c.delegations.push({ id: 'a', member: 'sgt-a', delegate: 'sgt-q', start: '2025-01-01', end: '2025-01-31' });
      c.delegations.push({ id: 'b', member: 'sgt-a', delegate: 'sgt-a', start: '2025-01-01', end: '2025-01-31' });
      c.delegations.push({ id: 'c', member: 'sgt-a', delegate: 'sgt-b', start: '2025-02-01', end: '2025-01-31' });
    });
    expect(issues.map((i) => i.code)).toEqual(['unknown_member', 'invalid_delegation', 'invalid_delegation']);
    expect(issues[0]!.message).toContain('"sgt-q"');
  });

  it('an informed destination or a zero SLA is refused', () => {
    const issues = issuesAfter((c) => {
      c.routes[0]!.levels.destination = { mode: 'inform', slaHours: 0 };
    });
    expect(issues.map((i) => i.message)).toEqual([
      'olivette: route "violation": every SLA must be more than 0 hours',
      'olivette: route "violation": the destination level must act, not only be informed',
    ]);
  });
});

describe('reading an import file', () => {
  it('names the entry and the field that is wrong', () => {
    const doc = { id: 'x', name: 'X', tenantId: 't', members: [{ id: 'a', name: 'A', reportsTo: null }, 'nonsense'] };
    expect(parseDepartments(doc, 'x.yaml').issues.map((i) => i.message)).toEqual([
      'x.yaml ("x").members[0] ("a"): "aadObjectId" must be a non-empty string',
      'x.yaml ("x").members[1]: must be an object',
    ]);
  });

  it('reads the roster shape with a list of departments', () => {
    const { departments, issues } = parseDepartments({ departments: [{ id: 'a', members: [] }, { id: 'b' }] }, 'r.json');
    expect(issues).toEqual([]);
    expect(departments).toEqual([{ id: 'a', members: [] }, { id: 'b' }]);
  });

  it('refuses an outcome or a step mode it does not know', () => {
    const doc = {
      id: 'x',
      reportTypes: [{ id: 't', outcomes: ['resolve', 'shred'] }],
      routes: [{ type: 't', destination: { role: 'chief' }, levels: { default: { mode: 'ignore', slaHours: 1 } } }],
    };
    expect(parseDepartments(doc, 'f').issues.map((i) => i.message)).toEqual([
      'f ("x").reportTypes[0] ("t").outcomes[1]: must be one of resolve, approve, deny, close, hand_to_contractor',
      'f ("x").routes[0] ("t").levels.default: "mode" must be one of act, inform',
    ]);
  });
});
