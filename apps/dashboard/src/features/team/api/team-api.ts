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

/** The practice's own settings (owners only): its name and the time zone every time is shown in. */
export function updatePractice(changes: UpdatePracticeRequest): Promise<PracticeSummary> {
  return apiClient.patch<PracticeSummary>('/practice', changes);
}
