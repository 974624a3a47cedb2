import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSignature } from '@tabler/icons-react';
import { SessionStatus } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCaseSessions, useUpdateSession } from '../../case-record/hooks/use-case-sessions';
import { type NoteAutosaver } from '../hooks/note-autosaver';
import { useSignNote } from '../hooks/use-notes';

interface SignNoteButtonProps {
  caseId: string;
  sessionId: string;
  autosaver: NoteAutosaver;
  /** Why signing is not possible yet, if it is not. */
  blockedBecause: string | null;
}

const NOT_SAVED =
  "Your latest changes couldn't be saved, so the note wasn't signed. Check the save status above, then try again.";

/**
 * The session, when it is over but still marked scheduled: signing its note is the moment
 * to record that it took place. Read from the case's sessions, which the note page has loaded.
 */
function useSessionToClose(caseId: string, sessionId: string) {
  const sessions = useCaseSessions(caseId);
  const session = sessions.data?.find((candidate) => candidate.id === sessionId);
  if (!session || session.status !== SessionStatus.Scheduled) return null;
  return Date.parse(session.startsAt) + session.durationMinutes * 60_000 <= Date.now() ? session : null;
}

/** Signs the note after saying what that means, saving any unsaved text first. */
export function SignNoteButton({ caseId, sessionId, autosaver, blockedBecause }: SignNoteButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const sign = useSignNote(caseId);
  const sendSignature = useMutateOnce(sign);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timeZone = usePracticeTimeZone();
  const sessionToClose = useSessionToClose(caseId, sessionId);
  const updateSession = useUpdateSession(caseId);
  const [alsoComplete, setAlsoComplete] = useState(true);

  // The same change, and confirmation, as "Mark completed" in the case's session list.
  const markCompleted = () =>
    updateSession.mutate(
      { sessionId, changes: { status: SessionStatus.Completed } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: 'Marked completed', message: formatDateTime(sessionToClose?.startsAt ?? '', timeZone) }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't mark the session completed", message: error.message }),
      },
    );

  const dismiss = () => {
    setProblem(null);
    sign.reset();
    close();
  };

  const confirm = async () => {
    setProblem(null);
    setSaving(true);
    const saved = await autosaver.flush();
    setSaving(false);
    if (!saved) {
      setProblem(NOT_SAVED);
      return;
    }
    sendSignature(sessionId, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: 'Note signed. It is now part of the record; anything further goes in an addendum.',
        });
        if (sessionToClose && alsoComplete) markCompleted();
      },
      onError: (error) => setProblem(error.message),
    });
  };

  return (
    <>
      <Group justify="flex-end" gap="sm">
        {blockedBecause && (
          <Text size="sm" c="dimmed" id="sign-blocked-reason">
            {blockedBecause}
          </Text>
        )}
        <Button
          leftSection={<IconSignature size={18} aria-hidden />}
          disabled={blockedBecause !== null}
          aria-describedby={blockedBecause ? 'sign-blocked-reason' : undefined}
          onClick={open}
        >
          Sign note
        </Button>
      </Group>
      <Modal opened={opened} onClose={dismiss} title="Sign this note?" centered>
        <Stack>
          {problem && (
            <Alert color="red" icon={<IconAlertCircle />}>
              {problem}
            </Alert>
          )}
          <Text>
            Signing locks the note permanently. Nobody, you included, can change it afterwards; anything to add or
            correct goes in a dated addendum.
          </Text>
          {sessionToClose && (
            <Checkbox
              label="Also mark the session completed"
              description={`It is over (${formatDateTime(sessionToClose.startsAt, timeZone)}) but still marked scheduled.`}
              checked={alsoComplete}
              onChange={(event) => setAlsoComplete(event.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button loading={saving || sign.isPending} onClick={() => void confirm()}>
              Sign note
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
