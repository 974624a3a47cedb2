import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TeamMember } from '@trustwork/contracts';
import { session } from '../../../lib/session';
import { meKeys } from '../../auth/api/auth-api';
import {
  addTeamMember,
  fetchTeamMembers,
  resetTeamMemberTwoFactor,
  signOutTeamMember,
  teamKeys,
  updatePractice,
  updateTeamMember,
} from '../api/team-api';

export function useTeamMembers() {
  return useQuery({
    queryKey: teamKeys.members(),
    queryFn: ({ signal }) => fetchTeamMembers(signal),
  });
}

export function useAddTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTeamMember,
    onSuccess: (added) => {
      // Show the new colleague at once; the refetch then confirms the server's view.
      queryClient.setQueryData<TeamMember[]>(teamKeys.members(), (members) => members && [...members, added]);
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}

export function useUpdateTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTeamMember,
    onSuccess: (updated) => {
      queryClient.setQueryData<TeamMember[]>(teamKeys.members(), (members) =>
        members?.map((member) => (member.id === updated.id ? updated : member)),
      );
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}

export function useSignOutTeamMember() {
  return useMutation({ mutationFn: signOutTeamMember });
}

export function useResetTeamMemberTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetTeamMemberTwoFactor,
    onSuccess: (_nothing, reset) => {
      queryClient.setQueryData<TeamMember[]>(teamKeys.members(), (members) =>
        members?.map((member) => (member.id === reset.id ? { ...member, twoFactorEnabled: false } : member)),
      );
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
}

export function useUpdatePractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePractice,
    onSuccess: (practice) => {
      // Every date and time on screen reads the zone from the signed-in user: change it there at once.
      const state = session.getState();
      if (state.status === 'signed-in') session.updateUser({ ...state.user, practice });
      void queryClient.invalidateQueries({ queryKey: meKeys.all });
    },
  });
}
