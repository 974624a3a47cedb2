import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SignInSession } from '@trustwork/contracts';
import { accountKeys, fetchSignInSessions, signOutOtherSessions, signOutSession } from '../api/account-api';

export function useSignInSessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: ({ signal }) => fetchSignInSessions(signal),
  });
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signedIn: SignInSession) => signOutSession(signedIn.id),
    onSuccess: (_nothing, ended) => {
      queryClient.setQueryData<SignInSession[]>(accountKeys.sessions(), (sessions) => sessions?.filter((signedIn) => signedIn.id !== ended.id));
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
  });
}

export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOtherSessions,
    onSuccess: () => {
      queryClient.setQueryData<SignInSession[]>(accountKeys.sessions(), (sessions) => sessions?.filter((signedIn) => signedIn.current));
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
  });
}
