import {
  type AddTeamMemberRequest,
  type TeamMember,
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
