import { useCallback } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useAddressParams } from '../../../lib/use-address-params';
import { CalendarView, parseDate } from '../calendar-days';

/** "All clinicians" in the address, so an owner's own default can be told apart from a chosen "all". */
export const ALL_CLINICIANS = 'all';

/**
 * Which view, date and clinician the calendar shows, kept in the address
 * (`/calendar?view=week&date=2026-12-07&clinician=…`) so a reload or Back keeps the place.
 * Without a view in the address, a phone starts on the day and a wider screen on the week.
 */
export function useCalendarView(now: Date) {
  const timeZone = usePracticeTimeZone();
  const { params, changeParams } = useAddressParams();
  // Seven columns do not fit a phone: there the calendar opens on a day unless the address says otherwise.
  const narrow = useMediaQuery('(max-width: 48em)') === true;
  const asked = params.get('view');
  const view = asked === CalendarView.Day || (asked !== CalendarView.Week && narrow) ? CalendarView.Day : CalendarView.Week;
  const date = parseDate(params.get('date')) ?? practiceToday(timeZone, now);
  const clinician = params.get('clinician');

  // Moving through weeks adds history entries, so Back returns to the week before.
  const setPlace = useCallback(
    (place: { view?: CalendarView; date?: string }) => changeParams({ view, date, ...place }, { replace: false }),
    [changeParams, view, date],
  );
  const setClinician = useCallback((value: string) => changeParams({ clinician: value }, { replace: true }), [changeParams]);

  return { view, date, clinician, setPlace, setClinician };
}
