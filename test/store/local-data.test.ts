import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportDesk } from '../../src/app/reports.js';
import { connect } from '../../src/store/connect.js';
import { FakeClock, sequentialIds } from '../support/fakes.js';
import { aadOf, sampleConfig } from '../support/samples.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const clock = new FakeClock();
  const ids = sequentialIds(`r${dirs.length}-${Date.now()}`);
  const backend = await connect({ mode: 'embedded', database: 'policydesk', dataDir }, { clock, ids });
  const desk = new ReportDesk({ directory: backend.directory, reports: backend.reports, clock, ids });
  return { backend, desk };
}

describe('the embedded local server with a data folder (npm start)', () => {
  it('still has a report filed before a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'policydesk-local-'));
    dirs.push(dataDir);
    const olivette = sampleConfig('olivette');
    const first = await start(dataDir);
    const filed = await first.desk.file({
      departmentId: 'olivette',
      reporterAad: aadOf(olivette, 'ofc-lane'),
      type: 'repair',
      fields: { equipment: 'Keyboard', problem: 'Several keys stick on the MDT keyboard.' },
    });
    expect(filed.ok, JSON.stringify(filed)).toBe(true);
    await first.backend.close();
    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(['directory.json', 'reports.json']));

    const second = await start(dataDir);
    const id = filed.ok ? filed.report.id : '';
    const shown = await second.desk.show('olivette', id, aadOf(olivette, 'ofc-lane'));
    expect(shown.ok, JSON.stringify(shown)).toBe(true);
    await second.backend.close();
  });

  it('starts from the sample departments when the folder is empty, and without one keeps nothing on disk', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'policydesk-local-')), 'data');
    dirs.push(join(dataDir, '..'));
    const { backend } = await start(dataDir);
    expect((await backend.directory.directory('olivette'))).toBeTruthy();
    await backend.close();
    expect(existsSync(join(dataDir, 'directory.json'))).toBe(true);
  });
});
