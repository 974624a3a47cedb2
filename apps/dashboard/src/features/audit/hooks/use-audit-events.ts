import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditEventQuery } from '@trustwork/contracts';
import { auditKeys, fetchAuditEvents } from '../api/audit-api';

/** The audit log, newest first, a page at a time. */
export function useAuditEvents(query: Omit<AuditEventQuery, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchAuditEvents({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
