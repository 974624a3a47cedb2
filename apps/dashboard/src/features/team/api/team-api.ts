import {
  type AddTeamMemberRequest,
  type PracticeSummary,
  type TeamMember,
  type UpdatePracticeRequest,
  type UpdateTeamMemberRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const teamKeys = {
  all: ['team'] as const,
  members: () => [...teamKeys.all, 'members'] as const,
};

export function fetchTeamMembers(signal?: AbortSignal): Promise<TeamMember[]> {
  return apiClient.get<TeamMember[]>('/users', { signal });
}

export function addTeamMember(request: AddTeamMemberRequest): Promise<TeamMember> {
  return apiClient.post<TeamMember>('/users', request);
}

export interface TeamMemberUpdate {
  id: string;
  changes: UpdateTeamMemberRequest;
}

export function updateTeamMember({ id, changes }: TeamMemberUpdate): Promise<TeamMember> {
  return apiClient.patch<TeamMember>(`/users/${encodeURIComponent(id)}`, changes);
}

/** Ends every sign-in the colleague has, on every device. */
export function signOutTeamMember(member: TeamMember): Promise<void> {
  return apiClient.post<void>(`/users/${encodeURIComponent(member.id)}/sign-out`);
}

/** For a lost phone: two-factor goes off, and the colleague sets it up again. */
export function resetTeamMemberTwoFactor(member: TeamMember): Promise<void> {
  return apiClient.delete(`/users/${encodeURIComponent(member.id)}/two-factor`);
}

/** The practice's own settings (owners only): its name, time zone, automatic sign-out and the two-factor rule. */
export function updatePractice(changes: UpdatePracticeRequest): Promise<PracticeSummary> {
  return apiClient.patch<PracticeSummary>('/practice', changes);
}
