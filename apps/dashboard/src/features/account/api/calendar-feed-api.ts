import { type CalendarFeed, type UpdateCalendarFeedRequest } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { accountKeys } from './account-api';

export const calendarFeedKey = () => [...accountKeys.all, 'calendar-feed'] as const;

export function fetchCalendarFeed(signal?: AbortSignal): Promise<CalendarFeed> {
  return apiClient.get<CalendarFeed>('/me/calendar-feed', { signal });
}

/** With `newAddress` (or when no feed is on) the answer carries the new address, once. */
export function updateCalendarFeed(request: UpdateCalendarFeedRequest): Promise<CalendarFeed> {
  return apiClient.put<CalendarFeed>('/me/calendar-feed', request);
}

export function turnOffCalendarFeed(): Promise<void> {
  return apiClient.delete('/me/calendar-feed');
}
