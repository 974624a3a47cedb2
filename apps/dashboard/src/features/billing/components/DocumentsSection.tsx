import { useId } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { type UseMutationResult } from '@tanstack/react-query';
import { IconCalendar, IconDownload } from '@tabler/icons-react';
import { FormAlert } from '../../../components/FormAlert';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { exportFileName } from '../../case-record/download-json';
import { useCase } from '../../cases/hooks/use-cases';
import { type DocumentPeriod } from '../api/documents-api';
import { useDownloadStatement, useDownloadSuperbill } from '../hooks/use-documents';
import { useCasePayers } from './PayerSelect';

const API_FIELDS = ['from', 'to'] as const;

interface DocumentValues {
  who: string | null;
  from: string | null;
  to: string | null;
}

interface Choice {
  id: string;
  name: string;
}

interface DocumentFormProps<Request> {
  title: string;
  description: string;
  /** "Payer" or "Person". */
  whoLabel: string;
  choices: Choice[];
  choicesLoading: boolean;
  choicesError: Error | null;
  buttonLabel: string;
  download: UseMutationResult<void, Error, { request: Request; fileName: string }>;
  /** The request for the chosen one over the period, and the name to save the PDF under. */
  toDownload: (who: Choice, period: DocumentPeriod) => { request: Request; fileName: string };
}

/** Choose who and a period (this calendar year to start), then save the PDF. */
function DocumentForm<Request>({
  title,
  description,
  whoLabel,
  choices,
  choicesLoading,
  choicesError,
  buttonLabel,
  download,
  toDownload,
}: DocumentFormProps<Request>) {
  const headingId = useId();
  const year = practiceToday(usePracticeTimeZone()).slice(0, 4);
  const send = useMutateOnce(download);
  const form = useForm<DocumentValues>({
    initialValues: { who: null, from: `${year}-01-01`, to: `${year}-12-31` },
    validate: {
      who: (value) => (value ? null : `Choose a ${whoLabel.toLowerCase()}.`),
      from: (value) => (value ? null : 'Choose the first day.'),
      to: (value, values) => (!value ? 'Choose the last day.' : values.from && value < values.from ? 'Choose a last day on or after the first.' : null),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const who = choices.find((choice) => choice.id === values.who) as Choice;
    send(toDownload(who, { from: values.from as string, to: values.to as string }), { onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
          <FormAlert title={`We couldn't download the ${title.toLowerCase()}`} messages={apiErrors.messages} />
          <Select
            label={whoLabel}
            required
            data={choices.map((choice) => ({ value: choice.id, label: choice.name }))}
            placeholder={choicesLoading ? 'Loading…' : choices.length === 0 ? 'Nobody to choose yet' : `Choose a ${whoLabel.toLowerCase()}`}
            disabled={choicesLoading || choices.length === 0}
            allowDeselect={false}
            {...form.getInputProps('who')}
            error={form.errors.who ?? (choicesError && `We couldn't load the choices: ${choicesError.message}`)}
          />
          <Group grow align="flex-start">
            <DatePickerInput label="From" leftSection={<IconCalendar size={16} aria-hidden />} required {...form.getInputProps('from')} />
            <DatePickerInput label="To" leftSection={<IconCalendar size={16} aria-hidden />} required {...form.getInputProps('to')} />
          </Group>
          <Group>
            <Button type="submit" variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending}>
              {buttonLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Who-owes-what over a period for a payer, and a person's superbill to claim from their insurer. */
export function DocumentsSection({ caseId }: { caseId: string }) {
  const headingId = useId();
  const { payers, isPending: payersLoading, error: payersError } = useCasePayers(caseId);
  const caseRecord = useCase(caseId);
  const downloadStatement = useDownloadStatement();
  const downloadSuperbill = useDownloadSuperbill();
  const people = (caseRecord.data?.participants ?? []).map((participant) => ({ id: participant.id, name: participant.displayName }));

  return (
    <Stack component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId}>
        Statements and superbills
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DocumentForm
          title="Statement"
          description="A payer's invoices, credit notes and payments over the period, with the balance after each."
          whoLabel="Payer"
          choices={payers.map((payer) => ({ id: payer.id, name: payer.name }))}
          choicesLoading={payersLoading}
          choicesError={payersError}
          buttonLabel="Download statement"
          download={downloadStatement}
          toDownload={(payer, period) => ({
            request: { payerId: payer.id, ...period },
            fileName: exportFileName(`statement ${payer.name} ${period.from} to`, period.to, 'pdf'),
          })}
        />
        <DocumentForm
          title="Superbill"
          description="One person's sessions over the period, with codes and fees, for them to claim from their insurer."
          whoLabel="Person"
          choices={people}
          choicesLoading={caseRecord.isPending}
          choicesError={caseRecord.error}
          buttonLabel="Download superbill"
          download={downloadSuperbill}
          toDownload={(person, period) => ({
            request: { participantId: person.id, ...period },
            fileName: exportFileName(`superbill ${person.name} ${period.from} to`, period.to, 'pdf'),
          })}
        />
      </SimpleGrid>
    </Stack>
  );
}
