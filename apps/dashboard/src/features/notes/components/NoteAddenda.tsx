import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { type SessionNote } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { AddendumForm } from './AddendumForm';

/** What was added to a signed note since, oldest first, and a form to add more. */
export function NoteAddenda({ caseId, note }: { caseId: string; note: SessionNote }) {
  const timeZone = usePracticeTimeZone();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="addenda-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="addenda-heading">
            Addenda
          </Title>
          <Text size="sm" c="dimmed">
            A signed note stays as it was signed. Corrections and later information go here, dated and under your name.
          </Text>
        </Stack>
        {note.addenda.length === 0 ? (
          <Text c="dimmed">No addenda yet.</Text>
        ) : (
          <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
            {note.addenda.map((addendum) => (
              <li key={addendum.id}>
                <Text size="sm" fw={500}>
                  {addendum.author?.name ?? 'A former team member'} ·{' '}
                  <time dateTime={addendum.createdAt}>{formatDateTime(addendum.createdAt, timeZone)}</time>
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{addendum.body}</Text>
              </li>
            ))}
          </Stack>
        )}
        <Divider />
        <AddendumForm caseId={caseId} sessionId={note.sessionId} />
      </Stack>
    </Paper>
  );
}
