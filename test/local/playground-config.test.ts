import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findMember, playgroundConfigYaml, readRoster } from '../../scripts/lib/playground-config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const departments = readRoster(root);

function configFor(department: string, member: string) {
  const found = findMember(departments, department, member);
  if (!found.ok) throw new Error(found.message);
  return { text: playgroundConfigYaml(found.department, found.member), found };
}

describe('Agents Playground config', () => {
  it('signs you in as Avery Lane, an Olivette patrol officer, from the file at the repo root', () => {
    const committed = readFileSync(join(root, '.m365agentsplayground.yml'), 'utf8');
    expect(committed, 'the committed file is what npm start writes').toBe(configFor('olivette', 'ofc-lane').text);
    const config = parse(committed);
    expect(config.tenantId).toBe('84f6a51c-30f5-5a76-bb13-28a74bc9264f');
    expect(config.currentUser).toMatchObject({ name: 'Avery Lane', aadObjectId: '72116297-c33d-5fa8-949e-4bf0d33ce58f' });
  });

  it('can sign you in as the sergeant or the chief instead, with five colleagues in the chats', () => {
    for (const [member, name] of [['sgt-a', 'Riley Chen'], ['chief', 'Jordan Hale']]) {
      const config = parse(configFor('olivette', member!).text);
      expect(config.currentUser.name).toBe(name);
      expect(config.users).toHaveLength(5);
      const ids = [config.currentUser.id, ...config.users.map((u: { id: string }) => u.id)];
      expect(new Set(ids).size, 'user ids are unique').toBe(6);
    }
    expect(parse(configFor('long-beach', 'chief').text).tenantId).toBe('2b3f6f00-d364-5108-a738-9439db59a332');
  });

  it('names the members it knows when asked for someone else', () => {
    const missing = findMember(departments, 'olivette', 'sgt-z');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain('sgt-a');
  });

  it('npm start refuses an unknown member before starting anything', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const run = promisify(execFile)(process.execPath, [tsx, 'scripts/start-local.ts', '--as', 'nobody'], { cwd: root });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no member "nobody" in olivette') });
  });
});
