import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPortalLink, fetchPortalLinks, portalLinkKeys, revokePortalLink, type PortalLinkTarget } from '../api/portal-links-api';

export function usePortalLinks(caseId: string) {
  return useQuery({
    queryKey: portalLinkKeys.forCase(caseId),
    queryFn: ({ signal }) => fetchPortalLinks(caseId, signal),
  });
}

/** A link change, after which the case's link statuses are asked for again. */
function useLinkChange<Result>(mutationFn: (target: PortalLinkTarget) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: (_result, _error, { caseId }) => void queryClient.invalidateQueries({ queryKey: portalLinkKeys.forCase(caseId) }),
  });
}

export const useCreatePortalLink = () => useLinkChange(createPortalLink);
export const useRevokePortalLink = () => useLinkChange(revokePortalLink);
