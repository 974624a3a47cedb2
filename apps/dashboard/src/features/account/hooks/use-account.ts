import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { session } from '../../../lib/session';
import { fetchMe, meKeys, updateMe } from '../../auth/api/auth-api';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { accountKeys, changeEmail, changePassword } from '../api/account-api';

/**
 * The signed-in person as the server has them now. Until the answer comes, the user from
 * sign-in stands in, so the settings show at once rather than flickering.
 */
export function useMe() {
  const user = useCurrentUser();
  return useQuery({
    queryKey: meKeys.all,
    queryFn: ({ signal }) => fetchMe(signal),
    placeholderData: user,
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (saved) => {
      queryClient.setQueryData(meKeys.all, saved);
      // The header and every screen read the person from the session.
      session.updateUser(saved);
    },
  });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeEmail,
    // The address waiting for confirmation comes back with the person.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKeys.all }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The other devices were signed out.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}
