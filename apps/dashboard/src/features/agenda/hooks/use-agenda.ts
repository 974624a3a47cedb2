import { useQuery } from '@tanstack/react-query';
import { type AgendaQuery } from '@trustwork/contracts';
import { fetchAgenda, sessionKeys } from '../../sessions/api/sessions-api';

export function useAgenda(query: AgendaQuery) {
  return useQuery({
    queryKey: sessionKeys.agenda(query),
    queryFn: ({ signal }) => fetchAgenda(query, signal),
  });
}
