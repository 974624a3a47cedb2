import { Button, VisuallyHidden } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { sessionBriefPath } from '../../briefs/brief-paths';
import { sessionEndsAt } from '../agenda-days';

interface SessionBriefLinkProps {
  session: AgendaSession;
  now: Date;
  /** Which session, for screen readers: "the 10:00 session with Alex & Jordan". */
  description: string;
}

/** The pre-session brief, for a session still to be held (or under way). Only for clinical roles; the caller checks. */
export function SessionBriefLink({ session, now, description }: SessionBriefLinkProps) {
  if (session.status !== SessionStatus.Scheduled || sessionEndsAt(session) <= now.getTime()) return null;
  return (
    <Button
      component={Link}
      to={sessionBriefPath(session.id)}
      size="compact-sm"
      variant="light"
      leftSection={<IconListDetails size={16} aria-hidden />}
    >
      Brief <VisuallyHidden>{`for ${description}`}</VisuallyHidden>
    </Button>
  );
}
