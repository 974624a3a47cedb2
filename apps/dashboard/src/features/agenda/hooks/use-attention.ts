import { useQuery } from '@tanstack/react-query';
import { type AttentionQuery } from '@trustwork/contracts';
import { attentionKeys, fetchAttention } from '../api/attention-api';

/** What needs attention today (Home's panel and the count beside Home in the navigation share it). */
export function useAttention(query: AttentionQuery = {}) {
  return useQuery({
    queryKey: attentionKeys.of(query),
    queryFn: ({ signal }) => fetchAttention(query, signal),
    // Alerts also arrive from the portal (a safety report, a check-in drop): coming Home always asks again.
    refetchOnMount: 'always',
  });
}
