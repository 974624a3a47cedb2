import { useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys, verifyAuditChain } from '../api/audit-api';

/** The integrity check runs when the owner asks, never on its own: each check is an audit event. */
export function useVerifyAuditChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyAuditChain,
    // The log now lists this check.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
