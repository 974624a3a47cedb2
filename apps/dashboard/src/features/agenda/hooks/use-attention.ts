import { useQuery } from '@tanstack/react-query';
import { type AttentionQuery } from '@trustwork/contracts';
import { attentionKeys, fetchAttention } from '../api/attention-api';

/** What needs attention today (Home's panel and the count beside Home in the navigation share it). */
export function useAttention(query: AttentionQuery = {}) {
  return useQuery({
    queryKey: attentionKeys.of(query),
    queryFn: ({ signal }) => fetchAttention(query, signal),
    // Alerts are acknowledged and notes signed all over the dashboard: coming Home always asks again.
    refetchOnMount: 'always',
  });
}
