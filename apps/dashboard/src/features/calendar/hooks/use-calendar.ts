import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AgendaQuery } from '@trustwork/contracts';
import { fetchAgenda, sessionKeys } from '../../sessions/api/sessions-api';

/** The sessions of the days on screen; the last week's stay visible while the next one loads. */
export function useCalendarSessions(query: AgendaQuery) {
  return useQuery({
    queryKey: sessionKeys.agenda(query),
    queryFn: ({ signal }) => fetchAgenda(query, signal),
    placeholderData: keepPreviousData,
  });
}
