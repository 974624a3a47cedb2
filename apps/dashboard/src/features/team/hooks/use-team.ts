import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TeamMember } from '@trustwork/contracts';
import { addTeamMember, fetchTeamMembers, teamKeys, updateTeamMember } from '../api/team-api';

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
