import { PolicyEngine } from '../policy/engine.js';
import { listDepartments, loadLibrary } from '../policy/library.js';
import type { Answer, Library } from '../policy/types.js';

export const MAX_QUESTION_LENGTH = 2000;

export type AskError = { code: 'empty_question' | 'question_too_long' | 'unknown_department' | 'missing_department'; message: string };
export type AskResult = { ok: true; answer: Answer } | { ok: false; error: AskError };

/** Answers questions against each department's own policy library; libraries load on first use. */
export class PolicyDesk {
  private readonly engines = new Map<string, PolicyEngine>();
  private readonly known: Set<string>;

  constructor(
    private readonly load: (department: string) => Library = (d) => loadLibrary(d),
    departments: string[] = listDepartments(),
  ) {
    this.known = new Set(departments);
  }

  /** Serves one fixed library, e.g. a manual imported on the fly, whatever department is asked for. */
  static forLibrary(library: Library): PolicyDesk {
    const desk = new PolicyDesk(() => library, [library.department]);
    desk.fixed = library.department;
    return desk;
  }

  private fixed: string | undefined;

  departments(): string[] {
    return [...this.known];
  }

  engine(department: string): PolicyEngine | undefined {
    const id = this.fixed ?? department;
    if (!this.known.has(id)) return undefined;
    let engine = this.engines.get(id);
    if (!engine) {
      engine = new PolicyEngine(this.load(id));
      this.engines.set(id, engine);
    }
    return engine;
  }

  ask(department: string | undefined, question: unknown): AskResult {
    if (!this.fixed && (typeof department !== 'string' || department.trim() === '')) {
      return fail('missing_department', `no department given; known departments: ${this.departments().join(', ')}`);
    }
    if (typeof question !== 'string' || question.trim() === '') return fail('empty_question', 'the question is empty');
    if (question.length > MAX_QUESTION_LENGTH) {
      return fail('question_too_long', `the question is ${question.length} characters long; the limit is ${MAX_QUESTION_LENGTH}`);
    }
    const engine = this.engine(department ?? '');
    if (!engine) return fail('unknown_department', `unknown department "${department}"; known departments: ${this.departments().join(', ')}`);
    return { ok: true, answer: engine.ask(question) };
  }
}

function fail(code: AskError['code'], message: string): AskResult {
  return { ok: false, error: { code, message } };
}
