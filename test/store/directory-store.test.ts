import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/routing/parse-department.js';
import { DirectoryStore } from '../../src/store/directory-store.js';
import { countingQueries } from '../support/counting.js';
import { openTestBackend, type TestBackend } from '../support/cosmos.js';
import { CrashAfterWrites, InjectedCrash } from '../support/crash.js';
import { sampleConfig } from '../support/samples.js';

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
});
afterAll(() => b.close());

const partition = async (dept: string) => b.stores.directory.query<{ id: string; departmentId: string; generation?: string }>(dept, 'true');

describe('departments in Cosmos DB', () => {
  it('exports exactly what was imported', async () => {
    expect(await b.directory.config('olivette')).toEqual(sampleConfig('olivette'));
    expect(await b.directory.config('long-beach')).toEqual(sampleConfig('long-beach'));
  });

  it('finds the department of a Teams tenant, and lists departments', async () => {
    expect(await b.directory.departmentForTenant(sampleConfig('olivette').tenantId)).toBe('olivette');
    expect(await b.directory.departments()).toEqual(['long-beach', 'olivette']);
  });

  it('keeps a big department in several chunks and reads them back by id, with no query', async () => {
    const counting = countingQueries(b.stores.directory);
    const small = new DirectoryStore(counting.store, b.ids, b.clock, 1500);
    const config = sampleConfig('olivette');
    const big = { ...config, id: 'chunky', tenantId: 'tenant-chunky', members: [...config.members] };
    expect(await small.import(big)).toMatchObject({ ok: true, created: true });
    const docs = await partition('chunky');
    expect(docs.filter((d) => d.id.includes(':chunk:')).length).toBeGreaterThan(2);
    counting.reset();
    expect(await small.config('chunky')).toEqual(big);
    expect(await b.directory.config('chunky')).toEqual(big);
    expect(counting.queries()).toBe(0);
  });

  it('still reads a department stored before chunks (one document per member, route, …), and replaces it on import', async () => {
    const config = { ...sampleConfig('long-beach'), id: 'legacy', tenantId: 'tenant-legacy' };
    const lists = { member: config.members, reportType: config.reportTypes, route: config.routes, delegation: config.delegations };
    const writtenAt = b.clock.now().toISOString();
    for (const [kind, list] of Object.entries(lists)) {
      for (const [order, body] of (list as { id?: string; type?: string }[]).entries()) {
        await b.stores.directory.upsert({ id: `g0:${kind}:${body.id ?? body.type}`, departmentId: 'legacy', kind, generation: 'g0', order, writtenAt, body });
      }
    }
    await b.stores.directory.upsert({ id: 'department', departmentId: 'legacy', kind: 'department', name: config.name, tenantId: config.tenantId, generation: 'g0' });
    expect(await b.directory.config('legacy')).toEqual(config);
    expect(await b.directory.import({ id: 'legacy', name: 'Renamed' })).toMatchObject({ ok: true, created: false });
    expect(await b.directory.config('legacy')).toEqual({ ...config, name: 'Renamed' });
    expect((await partition('legacy')).filter((d) => d.generation === 'g0')).toEqual([]);
  });

  it('an update of the roster alone keeps the routes and leaves no old documents behind', async () => {
    const members = sampleConfig('long-beach').members.filter((m) => m.id !== 'det-cole');
    expect(await b.directory.import({ id: 'long-beach', members })).toMatchObject({ ok: true, created: false });
    const stored = await b.directory.config('long-beach');
    expect(stored?.members.map((m) => m.id)).not.toContain('det-cole');
    expect(stored?.routes).toEqual(sampleConfig('long-beach').routes);
    const generations = new Set((await partition('long-beach')).map((d) => d.generation));
    expect(generations.size).toBe(1);
  });

  it('an invalid update changes nothing and names the member at fault', async () => {
    const members = sampleConfig('olivette').members.map((m) => (m.id === 'sgt-b' ? { ...m, reportsTo: 'lt-nobody' } : m));
    const r = await b.directory.import({ id: 'olivette', members });
    expect(r).toEqual({ ok: false, issues: [{ code: 'missing_supervisor', message: 'olivette: member "sgt-b" reports to "lt-nobody", who is not on the roster' }] });
    expect(await b.directory.config('olivette')).toEqual(sampleConfig('olivette'));
  });

  it("a department cannot take another department's Teams tenant", async () => {
    const r = await b.directory.import({ ...sampleConfig('olivette'), id: 'copycat' });
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'tenant_taken', message: expect.stringContaining('"olivette"') }] });
  });

  it('of two imports at once, one wins and the department is wholly one or the other', async () => {
    const base = sampleConfig('olivette');
    const renamed = (name: string) => ({ id: 'olivette', name, members: base.members.map((m) => ({ ...m, title: `${m.title} (${name})` })) });
    const results = await Promise.all([b.directory.import(renamed('A')), b.directory.import(renamed('B'))]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ issues: [{ code: 'conflict' }] });
    const stored = await b.directory.config('olivette');
    const name = stored!.name;
    expect(stored!.members.every((m) => m.title.endsWith(`(${name})`))).toBe(true);
    await b.directory.import(base);
  });

  it('an import that crashes half way leaves the department as it was; its debris is swept later', async () => {
    // Small chunks, so the import has several to write and dies between two of them, before its switch.
    const crashy = new CrashAfterWrites(b.stores.directory, 2);
    const crashing = new DirectoryStore(crashy, b.ids, b.clock, 1500);
    const edited = { id: 'olivette', members: sampleConfig('olivette').members.filter((m) => m.id !== 'ofc-park') };
    await expect(crashing.import(edited)).rejects.toBeInstanceOf(InjectedCrash);
    await crashy.idle();
    expect(await b.directory.config('olivette')).toEqual(sampleConfig('olivette'));
    b.clock.advanceHours(2);
    expect(await b.directory.import(sampleConfig('olivette'))).toMatchObject({ ok: true });
    b.clock.advanceHours(-2);
    expect(new Set((await partition('olivette')).map((d) => d.generation)).size).toBe(1);
  });
});

describe('conversation references', () => {
  it('keeps the latest reference per member', async () => {
    const ref = { departmentId: 'olivette', aadObjectId: 'ABC', reference: { conversation: { id: 'a' } }, updatedAt: '2025-06-02T09:00:00Z' };
    await b.conversations.save(ref);
    await b.conversations.save({ ...ref, reference: { conversation: { id: 'b' } } });
    expect(await b.conversations.get('olivette', 'abc')).toEqual({ ...ref, reference: { conversation: { id: 'b' } } });
    expect(await b.conversations.get('long-beach', 'abc')).toBeUndefined();
  });
});

describe('a business-hours calendar and escalation targets in the department file', () => {
  it('are read, stored with the generation they belong to, and taken away again with calendar: null', async () => {
    const file = {
      id: 'long-beach',
      calendar: { timeZone: 'America/Los_Angeles', workingDays: ['Monday', 'tue', 'wed', 'thu', 'fri'], hours: { start: '07:00', end: '16:00' }, holidays: ['2025-07-04'] },
      routes: sampleConfig('long-beach').routes.map((r) => (r.type === 'violation' ? { ...r, escalateTo: { role: 'deputy_chief' } } : r)),
    };
    const parsed = parseDepartments(file, 'lb.yaml');
    expect(parsed.issues).toEqual([]);
    expect(await b.directory.import(parsed.departments[0]!)).toMatchObject({ ok: true });
    const stored = await b.directory.config('long-beach');
    expect(stored?.calendar).toEqual({ ...file.calendar, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] });
    expect(stored?.routes.find((r) => r.type === 'violation')?.escalateTo).toEqual({ role: 'deputy_chief' });
    expect(await b.directory.import({ id: 'long-beach', calendar: null })).toMatchObject({ ok: true });
    expect((await b.directory.config('long-beach'))?.calendar).toBeUndefined();
  });

  it('an escalation to a role nobody holds, or a calendar in an unknown zone, is refused at import', async () => {
    const routes = sampleConfig('long-beach').routes.map((r) => ({ ...r, escalateTo: { role: 'sheriff' } }));
    const calendar = { timeZone: 'Pacific/Atlantis', workingDays: ['mon' as const], hours: { start: '08:00', end: '17:00' }, holidays: [] };
    const r = await b.directory.import({ id: 'long-beach', routes, calendar });
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.issues.map((i) => i.message);
    expect(messages).toContain('long-beach: route "violation": nobody holds the role "sheriff" it escalates to');
    expect(messages).toContain('long-beach: calendar: "Pacific/Atlantis" is not a time zone (use an IANA name such as America/Chicago)');
  });
});

