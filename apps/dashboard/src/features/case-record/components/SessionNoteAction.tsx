import { Button, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconFileText, IconPencil } from '@tabler/icons-react';
import { type TherapySession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { sessionTookPlace } from '../case-sessions';
import { sessionNotePath } from '../case-record-paths';

const ACTIONS = {
  write: { label: 'Write note', icon: IconPencil, color: 'orange', variant: 'light' },
  draft: { label: 'Continue draft', icon: IconFileText, color: 'yellow', variant: 'light' },
  signed: { label: 'View signed note', icon: IconCircleCheck, color: 'teal', variant: 'subtle' },
} as const;

interface SessionNoteActionProps {
  session: TherapySession;
  now: Date;
  /** Which session, for screen readers: "14 Jul 2026, 10:00". */
  when: string;
}

/** The way into the session's note; none for a session still ahead, cancelled or missed. Clinical roles only: the caller checks. */
export function SessionNoteAction({ session, now, when }: SessionNoteActionProps) {
  const state =
    session.noteState === 'signed' ? 'signed' : session.noteState === 'draft' ? 'draft' : sessionTookPlace(session, now) ? 'write' : null;
  if (!state) return null;
  const { label, icon: NoteIcon, color, variant } = ACTIONS[state];
  return (
    <Button
      component={Link}
      to={sessionNotePath(session.caseId, session.id)}
      size="compact-sm"
      variant={variant}
      color={color}
      leftSection={<NoteIcon size={16} aria-hidden />}
    >
      {label}
      <VisuallyHidden> for the session on {when}</VisuallyHidden>
    </Button>
  );
}
