import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, meKeys, updateMe } from '../api/auth-api';
import { useCurrentUser } from './use-session';

/**
 * The signed-in person's own settings, read when asked for (`enabled`). Until the answer
 * comes, the user from sign-in stands in, so a switch shows at once rather than flickering.
 */
export function useMe(enabled: boolean) {
  const user = useCurrentUser();
  return useQuery({
    queryKey: meKeys.all,
    queryFn: ({ signal }) => fetchMe(signal),
    enabled,
    placeholderData: user,
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (saved) => queryClient.setQueryData(meKeys.all, saved),
  });
}
