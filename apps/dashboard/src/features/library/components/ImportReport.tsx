import { List, Stack, Text, Title } from '@mantine/core';
import { type ExerciseLibraryImportReport } from '@trustwork/contracts';
import { useId, type ReactNode } from 'react';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 added, 1 updated, 3 already up to date, 1 refused": the parts that happened, in one line. */
export function reportSummary({ created, updated, unchanged, refused }: ExerciseLibraryImportReport): string {
  return [
    created.length > 0 && `${created.length} added`,
    updated.length > 0 && `${updated.length} updated`,
    unchanged.length > 0 && `${unchanged.length} already up to date`,
    refused.length > 0 && `${refused.length} refused`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What an import did with each exercise of the file. */
export function ImportReport({ report }: { report: ExerciseLibraryImportReport }) {
  const { created, updated, unchanged, refused } = report;
  return (
    <Stack gap="md">
      <Text fw={500} role="status">
        {reportSummary(report)}.
      </Text>
      <ReportSection title={count(created.length, 'new template', 'new templates')} hidden={created.length === 0}>
        {created.map((exercise) => (
          <List.Item key={exercise.key}>{exercise.title}</List.Item>
        ))}
      </ReportSection>
      <ReportSection title={count(updated.length, 'template updated', 'templates updated')} hidden={updated.length === 0}>
        {updated.map((exercise) => (
          <List.Item key={exercise.key}>
            {exercise.title} <Text span c="dimmed" size="sm">· now version {exercise.version}</Text>
          </List.Item>
        ))}
      </ReportSection>
      <ReportSection title={`${count(unchanged.length, 'template', 'templates')} already up to date`} hidden={unchanged.length === 0}>
        {unchanged.map((exercise) => (
          <List.Item key={exercise.key}>{exercise.title}</List.Item>
        ))}
      </ReportSection>
      <ReportSection title={count(refused.length, 'exercise not imported', 'exercises not imported')} hidden={refused.length === 0}>
        {refused.map((exercise) => (
          <List.Item key={exercise.key}>
            {exercise.title}
            <List size="sm" withPadding c="red.8">
              {exercise.problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </ReportSection>
    </Stack>
  );
}

function ReportSection({ title, hidden, children }: { title: string; hidden: boolean; children: ReactNode }) {
  const headingId = useId();
  if (hidden) return null;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" mb={4} id={headingId}>
        {title}
      </Title>
      <List size="sm" spacing={4}>
        {children}
      </List>
    </section>
  );
}
