import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/cli/sheriff-social-media.txt', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`npm run ask` without npm's start-up cost). */
function ask(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** One line of `ask` output: an answer, or an error for a bad input line. */
interface OutLine {
  id: string | null;
  verdict: string | null;
  approver?: string;
  reportTo?: string;
  citations: Array<{ policy: string; section: string; title: string; quote: string; status: string }>;
  error?: { code: string; message: string };
  line?: number;
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OutLine);

describe.concurrent('ask command line', () => {
  it('answers one question for a department with one JSON answer', async () => {
    const r = await ask(['--department', 'olivette', 'can i post a pic of my cruiser on insta?']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as OutLine;
    expect(answer.verdict).toBe('needs_approval');
    expect(answer.approver).toBe('Chief of Police');
    expect(answer.citations[0]).toMatchObject({ policy: 'OPD 4.1', section: 'III.C.4', status: 'in_force' });
    expect(answer.citations[0]!.quote.length).toBeGreaterThan(0);
  });

  it('answers a batch with one line per question, in order, and an error line for each bad one', async () => {
    const good1 = { id: 'g1', department: 'olivette', question: 'Can I install Spotify on my work computer?' };
    const good2 = { id: 'g2', department: 'long-beach', question: 'Can I post employee work schedules on social media?' };
    const input = [
      JSON.stringify(good1),
      '',
      JSON.stringify({ id: 'empty', department: 'olivette', question: '   ' }),
      JSON.stringify({ id: 'nowhere', department: 'atlantis', question: 'can I post a selfie?' }),
      JSON.stringify({ id: 'huge', department: 'olivette', question: 'can I post '.repeat(10_000) }),
      'this line is not JSON',
      JSON.stringify({ department: 'olivette', question: 'can I post a selfie?' }),
      JSON.stringify({ id: 'nodept', question: 'can I post a selfie?' }),
      '   ',
      JSON.stringify(good2),
    ].join('\n');
    const r = await ask(['--batch'], input + '\n');
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['g1', 'empty', 'nowhere', 'huge', null, null, 'nodept', 'g2']);
    expect(out.map((o) => o.error?.code ?? 'answered')).toEqual([
      'answered',
      'empty_question',
      'unknown_department',
      'question_too_long',
      'invalid_json',
      'missing_id',
      'missing_department',
      'answered',
    ]);
    for (const bad of out.filter((o) => o.error)) {
      expect(bad.verdict).toBeNull();
      expect(bad.error!.message).toEqual(expect.any(String));
    }
    expect(out[0]).toMatchObject({ verdict: 'needs_approval', approver: 'Chief of Police' });
    expect(out[0]!.citations[0]!.section).toBe('III.B.7');
    expect(out[7]!.citations.length).toBeGreaterThan(0);
    expect(out[7]!.citations.every((c) => c.status === 'rescinded')).toBe(true);
    expect(out[4]).toMatchObject({ line: 6 });
  });

  it('answers a batch against a plain-text policy given with --policy', async () => {
    const input = [
      JSON.stringify({ id: 'photo', question: 'Can I post a photo of myself in uniform on Facebook?' }),
      JSON.stringify({ id: 'report', department: 'anything', question: 'I saw a coworker posting something that breaks the guideline, who do I tell?' }),
    ].join('\n');
    const r = await ask(['--policy', fixture, '--batch'], input);
    expect(r.code).toBe(0);
    const [photo, report] = jsonLines(r.stdout);
    expect(photo).toMatchObject({ id: 'photo', verdict: 'needs_approval', approver: 'Sheriff' });
    expect(photo!.citations[0]).toMatchObject({ section: 'PHOTOGRAPHS, UNIFORMS AND INSIGNIA', status: 'in_force' });
    expect(report).toMatchObject({ id: 'report', verdict: 'must_report' });
    expect(report!.reportTo).toMatch(/supervisor/i);
  });

  it.each([
    ['no question and no --batch', []],
    ['an unknown option', ['--verbose', 'can I post?']],
    ['a question with no department or policy', ['can I post?']],
  ])('exits with code 2 and a message on stderr for %s', async (_name, args) => {
    const r = await ask(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .+\nusage:/);
  });

  it('exits with code 2 when the --policy file cannot be read', async () => {
    const r = await ask(['--policy', 'test/fixtures/cli/no-such-policy.txt', 'can I post?']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*no-such-policy/);
  });
});
