import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSignature } from '@tabler/icons-react';
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

/** Signs the note after saying what that means, saving any unsaved text first. */
export function SignNoteButton({ caseId, sessionId, autosaver, blockedBecause }: SignNoteButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const sign = useSignNote(caseId);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

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
    sign.mutate(sessionId, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          message: 'Note signed. It is now part of the record; anything further goes in an addendum.',
        }),
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
