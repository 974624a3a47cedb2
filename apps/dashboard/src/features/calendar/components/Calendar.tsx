import { useState } from 'react';
import { Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Permission, roleHasPermission, type AgendaQuery } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { useTeamMembers } from '../../team/hooks/use-team';
import { CalendarView, hourLabel, rangeHeading, stepDate, visibleDates, visibleRange } from '../calendar-days';
import { useCalendarSessions } from '../hooks/use-calendar';
import { ALL_CLINICIANS, useCalendarView } from '../hooks/use-calendar-view';
import { CalendarControls } from './CalendarControls';
import { CalendarGrid } from './CalendarGrid';
import { NewSessionModal } from './NewSessionModal';
import { SessionDrawer } from './SessionDrawer';

/**
 * Whose sessions to show. Someone who sees every case chooses (an owner who takes cases
 * starts with their own, an assistant with everyone's); a clinician sees their own cases.
 */
function useClinicianChoice(chosen: string | null) {
  const user = useCurrentUser();
  const seesEveryCase = usePermission(Permission.ViewAllCases);
  const takesCases = usePermission(Permission.TakeCases);
  const team = useTeamMembers();
  if (!seesEveryCase) return { clinicianId: undefined, options: undefined, value: '' };
  const value = chosen ?? (takesCases ? user.id : ALL_CLINICIANS);
  const clinicians = (team.data ?? []).filter((member) => member.active && roleHasPermission(member.role, Permission.TakeCases));
  const options = [
    { value: ALL_CLINICIANS, label: 'All clinicians' },
    ...clinicians.map((member) => ({ value: member.id, label: member.id === user.id ? `${member.name} (you)` : member.name })),
  ];
  // Until the team has loaded, the chosen one still shows by name.
  if (!options.some((option) => option.value === value)) options.push({ value, label: value === user.id ? `${user.name} (you)` : 'Chosen clinician' });
  return { clinicianId: value === ALL_CLINICIANS ? undefined : value, options, value };
}

/** The week or day of sessions on a grid of the practice's hours, to see, open, book and move them. */
export function Calendar({ now }: { now: Date }) {
  const timeZone = usePracticeTimeZone();
  const canSchedule = usePermission(Permission.ScheduleSessions);
  const { view, date, clinician, setPlace, setClinician } = useCalendarView(now);
  const choice = useClinicianChoice(clinician);
  const dates = visibleDates(view, date);
  const query: AgendaQuery = { ...visibleRange(dates, timeZone), ...(choice.clinicianId ? { clinicianId: choice.clinicianId } : {}) };
  const sessions = useCalendarSessions(query);
  const [openId, setOpenId] = useState<string | null>(null);
  const [newStart, setNewStart] = useState<string | null>(null);
  const heading = rangeHeading(dates);
  const shown = sessions.data ?? [];

  let status;
  if (sessions.isPending)
    status = (
      <Stack role="status" aria-busy="true" gap="xs">
        <VisuallyHidden>Loading sessions…</VisuallyHidden>
        <Skeleton height={24} width={220} />
        <Skeleton height={320} />
      </Stack>
    );
  else if (sessions.isError) status = <LoadFailed title="We couldn't load the calendar" query={sessions} />;
  else if (shown.length === 0)
    status = (
      <Text c="dimmed">
        {view === CalendarView.Week ? 'No sessions this week.' : 'No sessions this day.'}
        {canSchedule && ' Choose a free time below to book one.'}
      </Text>
    );

  return (
    <Stack gap="md">
      <CalendarControls
        view={view}
        heading={heading}
        onViewChange={(next) => setPlace({ view: next })}
        onStep={(direction) => setPlace({ date: stepDate(view, date, direction) })}
        onToday={() => setPlace({ date: practiceToday(timeZone, now) })}
        clinician={choice.options && { value: choice.value, options: choice.options, onChange: setClinician }}
      />
      {status}
      {!sessions.isPending && !sessions.isError && (
        <CalendarGrid
          label={view === CalendarView.Week ? `Week of ${heading}` : heading}
          dates={dates}
          sessions={shown}
          timeZone={timeZone}
          onSlot={canSchedule ? (day, hour) => setNewStart(`${day} ${hourLabel(hour)}:00`) : undefined}
          onOpenSession={(session) => setOpenId(session.id)}
        />
      )}
      <SessionDrawer session={shown.find((session) => session.id === openId)} now={now} onClose={() => setOpenId(null)} />
      <NewSessionModal startsAt={newStart} onClose={() => setNewStart(null)} />
    </Stack>
  );
}
