import { Permission, ROLES, roleHasPermission, rolesWith } from './roles';

describe('role permissions', () => {
  it('gives the owner every permission', () => {
    for (const permission of Object.values(Permission)) expect(roleHasPermission('owner', permission)).toBe(true);
  });

  it('keeps team management and the audit log to owners', () => {
    for (const role of ROLES.filter((role) => role !== 'owner')) {
      expect(roleHasPermission(role, Permission.ManageTeam)).toBe(false);
      expect(roleHasPermission(role, Permission.ViewAuditLog)).toBe(false);
    }
  });

  it('never shows clinical records to an assistant', () => {
    expect(roleHasPermission('assistant', Permission.ViewClinicalRecords)).toBe(false);
    expect(roleHasPermission('assistant', Permission.ScheduleSessions)).toBe(true);
    expect(roleHasPermission('clinician', Permission.ViewClinicalRecords)).toBe(true);
  });

  it('lets clinicians see only their own cases, and keeps choosing clinicians to owners', () => {
    expect(rolesWith(Permission.ViewAllCases)).toEqual(['owner', 'assistant']);
    expect(rolesWith(Permission.AssignClinicians)).toEqual(['owner']);
    expect(rolesWith(Permission.TakeCases)).toEqual(['owner', 'clinician']);
    expect(rolesWith(Permission.ViewAllCases, Permission.ViewClinicalRecords)).toEqual(['owner']);
  });
});
