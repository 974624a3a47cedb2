/** A team member's role inside one practice. */
export const Role = {
  Owner: 'owner',
  Clinician: 'clinician',
  Assistant: 'assistant',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  assistant: 'Assistant',
};

/**
 * What each role may do. The API's permission guard and the dashboard (to hide
 * what a role may not do) both read this one map.
 */
export const Permission = {
  ManageTeam: 'team:manage',
  ViewTeam: 'team:view',
  ViewAuditLog: 'audit:view',
  ManageSettings: 'practice:manage',
  ViewAllCases: 'cases:view-all',
  ViewClinicalRecords: 'clinical:view',
  ScheduleSessions: 'sessions:schedule',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: Object.values(Permission),
  clinician: [Permission.ViewTeam, Permission.ViewClinicalRecords, Permission.ScheduleSessions],
  assistant: [Permission.ViewTeam, Permission.ScheduleSessions],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
