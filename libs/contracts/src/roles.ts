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
  /** Every case of the practice; without it, only the cases one is assigned to. */
  ViewAllCases: 'cases:view-all',
  /** Choose the clinicians of a case (one without it who opens a case is put on it). */
  AssignClinicians: 'cases:assign-clinicians',
  /** Be a case's clinician: listed where clinicians are chosen, and the clinician of the sessions one schedules. */
  TakeCases: 'cases:take',
  ViewClinicalRecords: 'clinical:view',
  ScheduleSessions: 'sessions:schedule',
  /** Write and edit the practice's own agreements (consent forms, its confidentiality wording). */
  ManageAgreements: 'agreements:manage',
  /** Fees, charges, invoices, payments, statements and superbills (never notes: billing needs no clinical record). */
  ManageBilling: 'billing:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: Object.values(Permission),
  clinician: [Permission.ViewTeam, Permission.TakeCases, Permission.ViewClinicalRecords, Permission.ScheduleSessions],
  assistant: [Permission.ViewTeam, Permission.ViewAllCases, Permission.ScheduleSessions, Permission.ManageBilling],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The roles granted all of these permissions, e.g. to choose recipients in SQL (`role = ANY($1)`). */
export function rolesWith(...permissions: Permission[]): Role[] {
  return ROLES.filter((role) => permissions.every((permission) => roleHasPermission(role, permission)));
}
