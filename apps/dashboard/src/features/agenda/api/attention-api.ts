import { type Attention, type AttentionQuery } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const attentionKeys = {
  all: ['attention'] as const,
  of: (query: AttentionQuery) => [...attentionKeys.all, query] as const,
};

export function fetchAttention(query: AttentionQuery, signal?: AbortSignal): Promise<Attention> {
  return apiClient.get<Attention>(`/attention${toSearchParams(query)}`, { signal });
}
