import { PageHeader } from '../components/PageHeader';
import { Agenda } from '../features/agenda/components/Agenda';
import { AttentionPanel } from '../features/agenda/components/AttentionPanel';
import { greeting } from '../features/agenda/greeting';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { formatDay, usePracticeTimeZone } from '../lib/practice-time';
import { useNow } from '../lib/use-now';

export default function HomePage() {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  const now = useNow();
  return (
    <>
      <PageHeader
        title="Today"
        description={`${greeting(user.name, now, timeZone)}. It's ${formatDay(now.toISOString(), timeZone)}.`}
      />
      <AttentionPanel />
      <Agenda now={now} />
    </>
  );
}
