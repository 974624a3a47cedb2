import { Alert, Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { draftAsText, type NoteDraft } from './note-templates';

interface NoteConflictPanelProps {
  /** The note was signed elsewhere, so this text can no longer be saved over it. */
  signedElsewhere: boolean;
  draft: NoteDraft;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
  loadingTheirs: boolean;
  loadError: string | null;
}

/** Autosave met a newer version saved elsewhere: the therapist decides whose text stays. */
export function NoteConflictPanel({
  signedElsewhere,
  draft,
  onKeepMine,
  onLoadTheirs,
  loadingTheirs,
  loadError,
}: NoteConflictPanelProps) {
  const [confirming, { open, close }] = useDisclosure(false);

  return (
    <>
      <Alert
        color="orange"
        icon={<IconAlertTriangle />}
        title={signedElsewhere ? 'This note was signed elsewhere' : 'This note was changed elsewhere'}
      >
        <Stack gap="sm">
          <Text size="sm">
            {signedElsewhere
              ? 'It was signed in another tab or by a colleague, so it can no longer change and your text below is not in it. Copy your text if you want to add it as an addendum.'
              : 'A newer version was saved in another tab or by a colleague, so autosave is paused. Keep mine saves your text over that version; Load their version replaces your text with it. Copy your text first if you want it to hand.'}
          </Text>
          <Group gap="sm">
            <CopyButton value={draftAsText(draft)}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy my text'}
                </Button>
              )}
            </CopyButton>
            {!signedElsewhere && <Button onClick={onKeepMine}>Keep mine</Button>}
            <Button variant="outline" color="orange" onClick={open}>
              {signedElsewhere ? 'Show the signed note' : 'Load their version'}
            </Button>
          </Group>
        </Stack>
      </Alert>

      <Modal opened={confirming} onClose={close} title="Discard your changes?" centered>
        <Stack>
          {loadError && (
            <Alert color="red" icon={<IconAlertCircle />}>
              {loadError}
            </Alert>
          )}
          <Text>
            Your text in this tab will be replaced by the version saved elsewhere. This can't be undone, so copy your
            text first if you might need it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={loadingTheirs} onClick={onLoadTheirs}>
              {signedElsewhere ? 'Discard mine and show the signed note' : 'Discard mine and load theirs'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
