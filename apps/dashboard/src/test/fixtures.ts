import { type AuthTokens, type CurrentUser, type TeamMember } from '@trustwork/contracts';

export const practice = {
  id: 'practice-1',
  name: 'Harbour Couples Therapy',
  timeZone: 'Europe/London',
  idleTimeoutMinutes: 15,
  requireTwoFactor: false,
  reminderLeadHours: 24,
  cancellationNoticeHours: 24,
  officeAddress: '12 Harbour Street, Bristol',
};

export const owner: CurrentUser = {
  id: 'user-owner',
  name: 'Dana Whitfield',
  email: 'dana@harbour.test',
  role: 'owner',
  practice,
  weeklyDigest: false,
  twoFactorEnabled: false,
  requiredAction: null,
  pendingEmail: null,
};

export const clinician: CurrentUser = {
  id: 'user-clinician',
  name: 'Sam Rivera',
  email: 'sam@harbour.test',
  role: 'clinician',
  practice,
  weeklyDigest: false,
  twoFactorEnabled: false,
  requiredAction: null,
  pendingEmail: null,
};

export const assistant: CurrentUser = {
  id: 'user-assistant',
  name: 'Priya Natarajan',
  email: 'priya@harbour.test',
  role: 'assistant',
  practice,
  weeklyDigest: false,
  twoFactorEnabled: false,
  requiredAction: null,
  pendingEmail: null,
};

export function tokensFor(user: CurrentUser, generation = 1): AuthTokens {
  return {
    accessToken: `access-${user.id}-${generation}`,
    expiresIn: 900,
    user,
  };
}

export function memberFrom(user: CurrentUser, overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    active: true,
    createdAt: '2025-01-15T09:00:00.000Z',
    twoFactorEnabled: false,
    mustChoosePassword: false,
    ...overrides,
  };
}

export const assistantMember: TeamMember = memberFrom(assistant, { createdAt: '2025-03-02T09:00:00.000Z' });
