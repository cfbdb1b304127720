import { buildDirectory, type Directory } from '../../src/routing/directory.js';
import type { DepartmentConfig } from '../../src/routing/types.js';
import { loadDepartmentFiles, SAMPLE_FILES } from '../../src/store/department-files.js';

const loaded = loadDepartmentFiles(SAMPLE_FILES);
if (loaded.issues.length > 0) throw new Error(loaded.issues.map((i) => i.message).join('\n'));

export function sampleConfig(id: 'olivette' | 'long-beach'): DepartmentConfig {
  return structuredClone(loaded.departments.find((d) => d.id === id)!);
}

export function sampleDirectory(id: 'olivette' | 'long-beach', edit?: (c: DepartmentConfig) => void): Directory {
  const config = sampleConfig(id);
  edit?.(config);
  return buildDirectory(config);
}

/** AAD object id of a sample member, as Teams would hand it to us. */
export function aadOf(config: DepartmentConfig, member: string): string {
  const m = config.members.find((x) => x.id === member);
  if (!m) throw new Error(`no member ${member}`);
  return m.aadObjectId;
}
