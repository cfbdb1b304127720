import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.js';
import { openTestBackend } from '../support/cosmos.js';

/** No COSMOS_* settings: the CLI starts its own embedded server, seeded with sample-data/. */
const EMBEDDED = {};

async function admin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, EMBEDDED);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function routeMembers(type: string, from: string, subject?: string) {
  const r = await admin('route', '--department', 'olivette', '--type', type, '--from', from, ...(subject ? ['--subject', subject] : []));
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as { steps: { member: string; mode: string; slaHours: number }[]; notify: string[] };
}

const members = async (type: string, from: string, subject?: string) => (await routeMembers(type, from, subject)).steps.map((s) => s.member);

const withoutCosmosEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('COSMOS_')));

function npmAdmin(...argv: string[]) {
  return promisify(execFile)('npm', ['run', '--silent', 'admin', '--', ...argv], { cwd: process.cwd(), env: withoutCosmosEnv() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('admin route prints the route a report would take', () => {
  it('Olivette, from ofc-lane and clerk-fox', async () => {
    expect(await members('violation', 'ofc-lane')).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief', 'chief']);
    expect(await members('repair', 'ofc-lane')).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief']);
    expect(await routeMembers('security', 'ofc-lane')).toEqual({ steps: [{ member: 'sgt-a', mode: 'act', slaHours: 4 }], notify: ['chief'] });
    expect((await members('approval', 'ofc-lane')).at(-1)).toBe('chief');
    expect(await members('violation', 'ofc-lane', 'sgt-a')).toEqual(['lt-patrol', 'deputy-chief', 'chief']);
    expect(await members('repair', 'clerk-fox')).toEqual(['deputy-chief']);
  });

  it('takes a member by AAD object id too', async () => {
    expect(await members('repair', '72116297-c33d-5fa8-949e-4bf0d33ce58f')).toEqual(['sgt-a', 'lt-patrol', 'deputy-chief']);
  });

  it('as a real command line: npm run --silent admin -- route …', async () => {
    const r = await npmAdmin('route', '--department', 'olivette', '--type', 'security', '--from', 'ofc-lane');
    expect(JSON.parse(r.stdout)).toEqual({ steps: [{ member: 'sgt-a', mode: 'act', slaHours: 4 }], notify: ['chief'] });
  });

  it('an unknown type is an error with exit code 1', async () => {
    expect(await admin('route', '--department', 'olivette', '--type', 'parking', '--from', 'ofc-lane')).toMatchObject({ code: 1, err: expect.stringContaining('no report type "parking"') });
  });
});

describe('admin import', () => {
  it('refuses a roster with a cycle, a missing supervisor and no chief, naming each member', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policydesk-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'id: springfield',
        'name: Springfield PD',
        'tenantId: 0b6c2a52-0000-4000-8000-000000000001',
        'members:',
        '  - { id: cpt-a, aadObjectId: aad-1, name: A, reportsTo: cpt-b }',
        '  - { id: cpt-b, aadObjectId: aad-2, name: B, reportsTo: cpt-a }',
        '  - { id: ofc-c, aadObjectId: aad-3, name: C, reportsTo: sgt-ghost }',
      ].join('\n'),
    );
    const r = await npmAdmin('import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('member "ofc-c" reports to "sgt-ghost", who is not on the roster');
    expect(r.stderr).toContain('the chain of command loops: "cpt-a" → "cpt-b" → "cpt-a"');
    expect(r.stderr).toContain('springfield: no member holds the "chief" role');
  });

  it('accepts the sample roster with its routes', async () => {
    const r = await admin('import', 'sample-data/roster.json', 'sample-data/routes.json');
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^updated olivette: 11 members, 4 report types, 4 routes/) });
  });

  it('names a file it cannot read', async () => {
    expect(await admin('import', 'no-such-file.json')).toMatchObject({ code: 1, err: expect.stringContaining('no-such-file.json') });
  });
});

describe('admin export and report show', () => {
  it('exports a department as JSON', async () => {
    const r = await admin('export', '--department', 'long-beach');
    expect(JSON.parse(r.out)).toMatchObject({ id: 'long-beach', reportTypes: expect.arrayContaining([expect.objectContaining({ id: 'obscene-access' })]) });
  });

  it('says so when a report does not exist', async () => {
    expect(await admin('report', 'show', 'r-404', '--department', 'olivette')).toMatchObject({ code: 1, err: expect.stringContaining('not_found') });
  });
});

describe('configuration', () => {
  it('a key without an endpoint is refused before anything starts', async () => {
    const r = await runAdmin(['export', '--department', 'olivette'], { out: () => {}, err: () => {} }, { COSMOS_KEY: 'x' });
    expect(r).toBe(2);
  });
});

describe('admin sweep and admin outbox', () => {
  it('on a Cosmos DB account given by COSMOS_ENDPOINT/COSMOS_KEY: bad arguments are named, a quiet sweep prints its outbox pass', async () => {
    const b = await openTestBackend();
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, b.env);
      return { code, out, err: err.join('\n') };
    };
    expect(await run('sweep', '--at', 'next tuesday')).toMatchObject({ code: 1, err: expect.stringContaining('--at "next tuesday" is not a date and time') });
    expect(await run('sweep', '--department', 'springfield')).toMatchObject({ code: 1, err: expect.stringContaining('no department "springfield"') });
    expect(await run('outbox', '--state', 'lost')).toMatchObject({ code: 1, err: expect.stringContaining('--state must be one of dead, pending, sent') });
    const swept = await run('sweep', '--at', '2025-06-02T09:00:00Z');
    expect(swept.out.map((l) => JSON.parse(l))).toEqual([
      { department: 'long-beach', outbox: { sent: 0, retrying: 0, dead: 0 } },
      { department: 'olivette', outbox: { sent: 0, retrying: 0, dead: 0 } },
    ]);
    expect(await run('outbox')).toEqual({ code: 0, out: [], err: '' });
    b.close();
  });
});

