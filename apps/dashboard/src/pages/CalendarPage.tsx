import { PageHeader } from '../components/PageHeader';
import { Calendar } from '../features/calendar/components/Calendar';
import { usePracticeTimeZone } from '../lib/practice-time';
import { useNow } from '../lib/use-now';

export default function CalendarPage() {
  const timeZone = usePracticeTimeZone();
  const now = useNow();
  return (
    <>
      <PageHeader title="Calendar" description={`Times in the practice's time zone (${timeZone}).`} />
      <Calendar now={now} />
    </>
  );
}
