import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { combineInputs, mergeDepartment, parseDepartments, type DepartmentInput } from '../routing/parse-department.js';
import type { ConfigIssue } from '../routing/result.js';
import type { DepartmentConfig } from '../routing/types.js';
import { validateDepartment } from '../routing/validate-department.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The sample departments the embedded server is seeded with: the roster plus its default routes. */
export const SAMPLE_FILES = [join(ROOT, 'sample-data', 'roster.json'), join(ROOT, 'sample-data', 'routes.json')];

function parseText(path: string, text: string): unknown {
  return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
}

/** Department inputs from JSON or YAML files, combined by department id; unreadable files become issues. */
export function readDepartmentFiles(paths: string[]): { inputs: DepartmentInput[]; issues: ConfigIssue[] } {
  const inputs: DepartmentInput[] = [];
  const issues: ConfigIssue[] = [];
  for (const path of paths) {
    let doc: unknown;
    try {
      doc = parseText(path, readFileSync(path, 'utf8'));
    } catch (e) {
      issues.push({ code: 'unreadable_file', message: `${path}: ${(e as Error).message}` });
      continue;
    }
    const parsed = parseDepartments(doc, path);
    inputs.push(...parsed.departments);
    issues.push(...parsed.issues);
  }
  return { inputs: combineInputs(inputs), issues };
}

/** Complete, validated configurations from files alone (no stored state to merge with). */
export function loadDepartmentFiles(paths: string[]): { departments: DepartmentConfig[]; issues: ConfigIssue[] } {
  const { inputs, issues } = readDepartmentFiles(paths);
  const departments: DepartmentConfig[] = [];
  for (const input of inputs) {
    const merged = mergeDepartment(undefined, input);
    if ('code' in merged) issues.push(merged);
    else {
      issues.push(...validateDepartment(merged));
      departments.push(merged);
    }
  }
  return { departments, issues };
}
