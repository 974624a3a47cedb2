import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { MAX_DIAGNOSIS_CODES, Permission, type CaseDetail, type DiagnosisCode, type ParticipantDiagnoses } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { usePermission } from '../../auth/hooks/use-session';
import { validateDiagnosisCode } from '../billing-validation';
import { useDiagnoses, useSetDiagnoses } from '../hooks/use-case-billing';
import { BillingSection, QueryContent } from './BillingSection';

type Person = CaseDetail['participants'][number];

/** Each person's diagnosis codes, printed on their superbills; the case's clinicians keep them. */
export function DiagnosisCodesSection({ caseRecord }: { caseRecord: CaseDetail }) {
  const canEdit = usePermission(Permission.ViewClinicalRecords);
  return (
    <BillingSection
      title="Diagnosis codes"
      order={3}
      description={`ICD-10 codes printed on each person's superbills.${canEdit ? '' : " The case's clinician keeps them."}`}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {caseRecord.participants.map((person) => (
          <PersonCodes key={person.id} caseId={caseRecord.id} person={person} canEdit={canEdit} />
        ))}
      </SimpleGrid>
    </BillingSection>
  );
}

function PersonCodes({ caseId, person, canEdit }: { caseId: string; person: Person; canEdit: boolean }) {
  const diagnoses = useDiagnoses(caseId, person.id);
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`${person.displayName}'s diagnosis codes`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{person.displayName}</Text>
        {canEdit && diagnoses.data && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Edit codes for ${person.displayName}`}>
            Edit codes
          </Button>
        )}
      </Group>
      <QueryContent query={diagnoses} what={`${person.displayName}'s codes`} skeletonHeight={28}>
        {({ codes }) =>
          codes.length === 0 ? (
            <Text size="sm" c="dimmed">
              No codes yet.
            </Text>
          ) : (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {codes.map((code) => (
                <Group component="li" key={code.code} gap="xs" wrap="nowrap">
                  <Badge variant="light" style={{ flexShrink: 0 }}>
                    {code.code}
                  </Badge>
                  {code.description && <Text size="sm">{code.description}</Text>}
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryContent>
      {diagnoses.data && (
        <Modal opened={editing} onClose={() => setEditing(false)} title={`Diagnosis codes for ${person.displayName}`} size="lg" centered>
          <CodesForm caseId={caseId} diagnoses={diagnoses.data} onDone={() => setEditing(false)} />
        </Modal>
      )}
    </Paper>
  );
}

const API_FIELDS = ['codes'] as const;

function CodesForm({ caseId, diagnoses, onDone }: { caseId: string; diagnoses: ParticipantDiagnoses; onDone: () => void }) {
  const save = useSetDiagnoses(caseId);
  const send = useMutateOnce(save);
  const form = useForm<{ codes: { code: string; description: string }[] }>({
    initialValues: { codes: diagnoses.codes.map((code) => ({ code: code.code, description: code.description ?? '' })) },
    validate: { codes: { code: validateDiagnosisCode } },
    validateInputOnChange: true,
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const { codes } = form.getValues();

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const request: DiagnosisCode[] = values.codes.map((code) => ({ code: code.code.trim(), description: code.description.trim() || null }));
    send(
      { participantId: diagnoses.participantId, request: { codes: request } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Diagnosis codes saved', message: saved.codes.length === 1 ? '1 code.' : `${saved.codes.length} codes.` });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the codes" messages={apiErrors.messages} />
        {codes.length === 0 && <Text c="dimmed">No codes. Add one, or save to leave none.</Text>}
        {codes.map((_, index) => {
          const codeProps = form.getInputProps(`codes.${index}.code`);
          return (
            <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                label={`Code ${index + 1}`}
                placeholder="F43.23"
                required
                w={140}
                {...codeProps}
                // ICD-10 codes are capitals; people type them either way.
                onChange={(event) => codeProps.onChange(event.currentTarget.value.toUpperCase())}
              />
              <TextInput label="Description" description="Optional" style={{ flex: 1 }} {...form.getInputProps(`codes.${index}.description`)} />
              <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove code ${index + 1}`} onClick={() => form.removeListItem('codes', index)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={codes.length >= MAX_DIAGNOSIS_CODES}
            onClick={() => form.insertListItem('codes', { code: '', description: '' })}
          >
            Add a code
          </Button>
          <Text size="sm" c="dimmed">
            Up to {MAX_DIAGNOSIS_CODES} codes.
          </Text>
        </Group>
        <FormActions submitLabel="Save codes" saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
