import { describe, expect, it } from 'vitest';
import { buildDirectory } from '../../src/routing/directory.js';
import { resolveRoute } from '../../src/routing/resolve-route.js';
import type { DepartmentConfig } from '../../src/routing/types.js';
import { sampleConfig, sampleDirectory } from '../support/samples.js';

const AT = new Date('2025-06-02T09:00:00Z');
const olivette = sampleDirectory('olivette');

function route(type: string, reporter: string, subject?: string, dir = olivette, at = AT) {
  const r = resolveRoute(dir, { type, reporter, subject, at });
  if (!r.ok) throw new Error(r.reason);
  return r.route;
}
const members = (type: string, reporter: string, subject?: string) => route(type, reporter, subject).steps.map((s) => s.member);

describe('routes of the Olivette sample', () => {
  it('a violation from an officer climbs the chain of command to the chief (OPD 4.1 §IV)', () => {
    expect(members('violation', 'ofc-lane')).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief', 'chief']);
  });

  it('a repair from an officer stops at the deputy chief (§V)', () => {
    expect(members('repair', 'ofc-lane')).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief']);
  });

  it('a security incident goes to the direct supervisor, who acts, and the chief is told at once (§II.A.3)', () => {
    expect(route('security', 'ofc-lane')).toEqual({ steps: [{ member: 'sgt-a', mode: 'act', slaHours: 4 }], notify: ['chief'] });
  });

  it('an approval request climbs to the chief (§III.B.7, §III.C.4)', () => {
    const r = route('approval', 'ofc-lane');
    expect(r.steps.map((s) => s.member)).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief', 'chief']);
    expect(r.steps.every((s) => s.mode === 'act')).toBe(true);
  });

  it('a violation naming the sergeant skips the sergeant', () => {
    expect(members('violation', 'ofc-lane', 'sgt-a')).toEqual(['lt-patrol', 'deputy-chief', 'chief']);
  });

  it("a repair from the records clerk goes straight to the deputy chief, the clerk's supervisor", () => {
    expect(members('repair', 'clerk-fox')).toEqual(['deputy-chief']);
  });

  it('every level carries the SLA of the route, the destination its own', () => {
    expect(route('violation', 'ofc-lane').steps.map((s) => s.slaHours)).toEqual([24, 24, 24, 72]);
  });
});

describe('edges of the chain', () => {
  it('a repair filed by the chief still reaches the deputy chief the policy names', () => {
    expect(members('repair', 'chief')).toEqual(['deputy-chief']);
  });

  it('a violation filed by the chief has nobody to go to', () => {
    const r = resolveRoute(olivette, { type: 'violation', reporter: 'chief', at: AT });
    expect(r).toMatchObject({ ok: false, code: 'no_route' });
  });

  it('a repair naming the deputy chief goes past them to the chief', () => {
    expect(members('repair', 'ofc-lane', 'deputy-chief')).toEqual(['sgt-a', 'lt-patrol', 'chief']);
  });

  it('the Long Beach obscene-access report goes to the direct supervisor only', () => {
    expect(route('obscene-access', 'ofc-vega', undefined, sampleDirectory('long-beach')).steps.map((s) => s.member)).toEqual(['sgt-west']);
  });

  it('Olivette has no obscene-access report type', () => {
    expect(resolveRoute(olivette, { type: 'obscene-access', reporter: 'ofc-lane', at: AT })).toMatchObject({ ok: false, code: 'unknown_type' });
  });

  it('an unknown reporter or subject is refused by name', () => {
    expect(resolveRoute(olivette, { type: 'repair', reporter: 'nobody', at: AT })).toMatchObject({ ok: false, code: 'unknown_member', reason: expect.stringContaining('nobody') });
    expect(resolveRoute(olivette, { type: 'repair', reporter: 'ofc-lane', subject: 'ghost', at: AT })).toMatchObject({ ok: false, code: 'unknown_member' });
  });

  it('a loop that slipped into the stored roster is refused, not followed forever', () => {
    const dir = sampleDirectory('olivette', (c) => {
      c.members.find((m) => m.id === 'deputy-chief')!.reportsTo = 'sgt-a';
    });
    expect(resolveRoute(dir, { type: 'violation', reporter: 'ofc-lane', at: AT })).toMatchObject({ ok: false, code: 'broken_chain' });
  });
});

describe('levels and delegations', () => {
  const withDelegation = (edit: (c: DepartmentConfig) => void) => {
    const c = sampleConfig('olivette');
    edit(c);
    return buildDirectory(c);
  };

  it('a level whose rank is only informed passes the report on; the destination always acts', () => {
    const dir = withDelegation((c) => {
      c.routes.find((r) => r.type === 'violation')!.levels.byRank = { lieutenant: { mode: 'inform', slaHours: 8 }, chief: { mode: 'inform', slaHours: 8 } };
    });
    const r = resolveRoute(dir, { type: 'violation', reporter: 'ofc-lane', at: AT });
    expect(r.ok && r.route.steps.map((s) => `${s.member}:${s.mode}`)).toEqual(['sgt-a:act', 'lt-patrol:inform', 'deputy-chief:act', 'chief:act']);
  });

  it('an acting supervisor stands in for a delegated sergeant during the delegation', () => {
    const dir = withDelegation((c) => c.delegations.push({ id: 'vac', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-01', end: '2025-06-02' }));
    expect(route('repair', 'ofc-lane', undefined, dir).steps[0]).toEqual({ member: 'sgt-a', mode: 'act', slaHours: 24, delegate: 'sgt-b' });
    expect(route('repair', 'ofc-lane', undefined, dir, new Date('2025-06-03T00:00:00Z')).steps[0]).not.toHaveProperty('delegate');
    expect(route('repair', 'ofc-lane', undefined, dir, new Date('2025-05-31T23:59:59Z')).steps[0]).not.toHaveProperty('delegate');
  });

  it('a delegate who is the subject of the report is not put in charge of it', () => {
    const dir = withDelegation((c) => c.delegations.push({ id: 'vac', member: 'sgt-a', delegate: 'sgt-b', start: '2025-06-01', end: '2025-06-30' }));
    expect(route('violation', 'ofc-lane', 'sgt-b', dir).steps[0]).not.toHaveProperty('delegate');
  });
});
