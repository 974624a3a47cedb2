import { Alert, Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { NOTE_TEMPLATE_SECTIONS, type ConfidentialityPolicy, type Participant, type SessionNote } from '@trustwork/contracts';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { fetchNote, noteKeys } from '../api/notes-api';
import { useNoteAutosave } from '../hooks/use-note-autosave';
import { defaultNoteAbout } from './note-about';
import { NoteAboutPicker } from './NoteAboutPicker';
import { NoteConflictPanel } from './NoteConflictPanel';
import { NotePolicyLine } from './NotePolicyLine';
import { draftHasText, emptyDraft, NOTE_TEXT_MAX_LENGTH } from './note-templates';
import { SaveStatus } from './SaveStatus';
import { SignNoteButton } from './SignNoteButton';
import { TemplatePicker } from './TemplatePicker';
import { TemplateSwitcher } from './TemplateSwitcher';

interface NoteDraftEditorProps {
  caseId: string;
  sessionId: string;
  /** As the API last answered; null while the session has no note. */
  note: SessionNote | null;
  participants: Participant[];
  /** Who the session was with: one person alone makes a new note about them by default. */
  attendeeIds: string[];
  /** The case's confidentiality policy, shown beside a note about one person. */
  policy: ConfidentialityPolicy | null;
}

function tooLong(text: string): string | undefined {
  return text.length > NOTE_TEXT_MAX_LENGTH
    ? `Too long to save: ${text.length.toLocaleString()} of at most ${NOTE_TEXT_MAX_LENGTH.toLocaleString()} characters.`
    : undefined;
}

/** Writing a draft: template, one field per section, autosave, and signing. */
export function NoteDraftEditor({ caseId, sessionId, note, participants, attendeeIds, policy }: NoteDraftEditorProps) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { autosaver, draft, state } = useNoteAutosave({ userId: me.id, caseId, sessionId, note });

  // Fetched afresh rather than refetched through the cache: the autosaver must drop this
  // text before the page sees the new copy, or it would keep the editor open for it.
  const loadTheirs = useMutation({
    mutationFn: () => fetchNote(sessionId),
    onSuccess: (latest) => {
      autosaver.replaceWith(latest);
      queryClient.setQueryData(noteKeys.ofSession(sessionId), latest);
    },
  });

  if (!draft) {
    const about = defaultNoteAbout(attendeeIds, participants);
    return <TemplatePicker onChoose={(template) => autosaver.edit(emptyDraft(template, about))} />;
  }

  const inConflict = state.kind === 'conflict';
  const maySign = note === null || note.author?.id === me.id;
  const blockedBecause = inConflict
    ? 'Resolve the conflict above before signing.'
    : draftHasText(draft)
      ? null
      : 'Write the note before signing it.';

  return (
    <Stack gap="lg">
      {inConflict && (
        <NoteConflictPanel
          signedElsewhere={state.currentVersion === null}
          draft={draft}
          onKeepMine={() => autosaver.keepMine()}
          onLoadTheirs={() => loadTheirs.mutate()}
          loadingTheirs={loadTheirs.isPending}
          loadError={loadTheirs.error?.message ?? null}
        />
      )}
      <Paper withBorder p="lg" component="section" aria-labelledby="draft-heading">
        <Stack gap="lg">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h3" id="draft-heading">
              Draft note
            </Title>
            <SaveStatus state={state} />
          </Group>
          {state.kind === 'retrying' && (
            <Alert color="orange" icon={<IconAlertCircle />} title="Saving isn't getting through">
              <Group justify="space-between" gap="sm">
                Your text stays here, and Trustwork keeps trying to save it. Keep this tab open until it is saved.
                <Button size="xs" variant="white" color="orange" onClick={() => void autosaver.flush()}>
                  Retry now
                </Button>
              </Group>
            </Alert>
          )}
          {state.kind === 'failed' && (
            <Alert color="red" icon={<IconAlertCircle />} title="This draft couldn't be saved">
              <Group justify="space-between" gap="sm">
                {state.messages.join(' ')}
                <Button size="xs" variant="white" color="red" onClick={() => void autosaver.flush()}>
                  Try again
                </Button>
              </Group>
            </Alert>
          )}
          <NoteAboutPicker
            value={draft.aboutParticipantId}
            participants={participants}
            onChange={(aboutParticipantId) => {
              autosaver.edit({ ...draft, aboutParticipantId });
              void autosaver.flush();
            }}
          />
          <NotePolicyLine caseId={caseId} policy={policy} aboutParticipantId={draft.aboutParticipantId} />
          <TemplateSwitcher draft={draft} onSwitch={(next) => autosaver.edit(next)} />
          {NOTE_TEMPLATE_SECTIONS[draft.template].map(({ key, label, hint }) => {
            const text = draft.sections[key] ?? '';
            return (
              <Textarea
                key={`${draft.template}-${key}`}
                label={label}
                description={hint}
                autosize
                minRows={draft.template === 'free' ? 10 : 3}
                value={text}
                error={tooLong(text)}
                onChange={(event) => autosaver.editSection(key, event.currentTarget.value)}
                onBlur={() => void autosaver.flush()}
              />
            );
          })}
        </Stack>
      </Paper>
      {maySign && (
        <SignNoteButton caseId={caseId} sessionId={sessionId} autosaver={autosaver} blockedBecause={blockedBecause} />
      )}
    </Stack>
  );
}
