import { loadDepartmentFiles, SAMPLE_FILES } from './department-files.js';
import type { DirectoryStore } from './directory-store.js';

/** Loads the sample departments; the repo's own data failing validation is a bug, so it throws. */
export async function seedSampleDepartments(directory: DirectoryStore): Promise<string[]> {
  const { departments, issues } = loadDepartmentFiles(SAMPLE_FILES);
  if (issues.length > 0) throw new Error(`sample data is invalid:\n${issues.map((i) => i.message).join('\n')}`);
  for (const d of departments) {
    const r = await directory.import(d);
    if (!r.ok) throw new Error(`cannot seed ${d.id}:\n${r.issues.map((i) => i.message).join('\n')}`);
  }
  return departments.map((d) => d.id);
}
