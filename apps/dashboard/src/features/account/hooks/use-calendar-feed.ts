import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CalendarFeed, type UpdateCalendarFeedRequest } from '@trustwork/contracts';
import { calendarFeedKey, fetchCalendarFeed, turnOffCalendarFeed, updateCalendarFeed } from '../api/calendar-feed-api';

export function useCalendarFeed() {
  return useQuery({ queryKey: calendarFeedKey(), queryFn: ({ signal }) => fetchCalendarFeed(signal) });
}

/** The cached feed never keeps the address: it is shown once, from the mutation's own answer. */
const withoutAddress = ({ url: _url, ...feed }: CalendarFeed): CalendarFeed => feed;

export function useUpdateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateCalendarFeedRequest) => updateCalendarFeed(request),
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedKey(), withoutAddress(feed)),
  });
}

export function useTurnOffCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (_: void) => turnOffCalendarFeed(),
    onSuccess: () => queryClient.setQueryData<CalendarFeed>(calendarFeedKey(), { active: false, includeVideoLinks: false, createdAt: null }),
  });
}
