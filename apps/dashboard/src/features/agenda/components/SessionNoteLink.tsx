import { Button, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconFileText, IconPencil } from '@tabler/icons-react';
import { SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { sessionEndsAt } from '../agenda-days';

type NoteHint = 'write' | 'draft' | 'signed';

/** What the note needs: nothing yet for a session still ahead, or one that was cancelled or missed. */
function noteHint(session: AgendaSession, now: Date): NoteHint | null {
  if (session.noteState === 'signed') return 'signed';
  if (session.noteState === 'draft') return 'draft';
  // A session nobody marked completed but whose time has passed most likely took place.
  const tookPlace =
    session.status === SessionStatus.Completed ||
    (session.status === SessionStatus.Scheduled && sessionEndsAt(session) <= now.getTime());
  return tookPlace ? 'write' : null;
}

const HINTS = {
  write: { label: 'Write note', spoken: 'for', icon: IconPencil, color: 'orange', variant: 'light' },
  draft: { label: 'Draft', spoken: 'note for', icon: IconFileText, color: 'yellow', variant: 'light' },
  signed: { label: 'Signed', spoken: 'note for', icon: IconCircleCheck, color: 'teal', variant: 'subtle' },
} as const;

interface SessionNoteLinkProps {
  session: AgendaSession;
  now: Date;
  /** Which session, for screen readers: "the 10:00 session with Alex & Jordan". */
  description: string;
}

/** Only for roles that may read clinical records; the caller checks. */
export function SessionNoteLink({ session, now, description }: SessionNoteLinkProps) {
  const hint = noteHint(session, now);
  if (!hint) return null;
  const { label, spoken, icon: HintIcon, color, variant } = HINTS[hint];
  return (
    <Button
      component={Link}
      to={`/cases/${encodeURIComponent(session.caseId)}/sessions/${encodeURIComponent(session.id)}/note`}
      size="compact-sm"
      variant={variant}
      color={color}
      leftSection={<HintIcon size={16} aria-hidden />}
    >
      {label} <VisuallyHidden>{`${spoken} ${description}`}</VisuallyHidden>
    </Button>
  );
}
