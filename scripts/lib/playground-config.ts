/** Agents Playground config files (.m365agentsplayground.yml) that sign you in as a sample department member. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { stableGuid } from './stable-guid.js';

interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  title: string;
}
interface RosterDepartment {
  id: string;
  name: string;
  tenantId: string;
  members: RosterMember[];
}

export const DEFAULT_DEPARTMENT = 'olivette';
export const DEFAULT_MEMBER = 'ofc-lane';
/** The playground's config schema asks for exactly five users besides the current one. */
const OTHER_USERS = 5;

export function readRoster(root: string): RosterDepartment[] {
  const roster = JSON.parse(readFileSync(join(root, 'sample-data', 'roster.json'), 'utf8')) as { departments: RosterDepartment[] };
  return roster.departments;
}

export type FindMember = { ok: true; department: RosterDepartment; member: RosterMember } | { ok: false; message: string };

export function findMember(departments: RosterDepartment[], departmentId: string, memberId: string): FindMember {
  const department = departments.find((d) => d.id === departmentId);
  if (!department) return { ok: false, message: `no sample department "${departmentId}" (known: ${departments.map((d) => d.id).join(', ')})` };
  const member = department.members.find((m) => m.id === memberId);
  if (!member) {
    const known = department.members.map((m) => m.id).join(', ');
    return { ok: false, message: `no member "${memberId}" in ${department.id} (known: ${known})` };
  }
  return { ok: true, department, member };
}

function user(department: RosterDepartment, member: RosterMember) {
  const [givenName = member.name, ...rest] = member.name.split(' ');
  const email = `${member.id}@${department.id}.example.org`;
  return {
    id: `29:${member.aadObjectId}`,
    name: member.name,
    userPrincipleName: email,
    aadObjectId: member.aadObjectId,
    givenName,
    surname: rest.join(' ') || givenName,
    email,
  };
}

/** The YAML text: the tenant is the department's, the current user the member, the others fill the group chat and team. */
export function playgroundConfigYaml(department: RosterDepartment, member: RosterMember): string {
  const others = department.members.filter((m) => m.id !== member.id).slice(0, OTHER_USERS);
  const config = {
    version: '0.1.1',
    tenantId: department.tenantId,
    bot: { id: '28:policy-desk', name: 'Policy Desk' },
    currentUser: user(department, member),
    users: others.map((m) => user(department, m)),
    personalChat: { id: `personal-chat-${member.id}` },
    groupChat: { id: `group-chat-${department.id}`, name: `${department.name} group chat` },
    team: {
      id: `team-${department.id}`,
      name: department.name,
      aadGroupId: stableGuid(department.id, 'team'),
      channels: [{ id: `channel-${department.id}-patrol`, name: 'Patrol' }],
    },
  };
  const header = [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    `# Agents Playground: chat as ${member.name} (${member.title}, ${department.name}).`,
    '# Written by scripts/start-local.ts from sample-data/roster.json; `npm start -- --as MEMBER` picks someone else.',
  ];
  return `${header.join('\n')}\n${stringify(config)}`;
}
