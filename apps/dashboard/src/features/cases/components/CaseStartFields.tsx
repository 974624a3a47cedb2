import { MultiSelect, Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Permission, roleHasPermission } from '@trustwork/contracts';
import { type ReactNode, useMemo } from 'react';
import { useTeamMembers } from '../../team/hooks/use-team';
import { CASE_STATUS_OPTIONS, PHASE_OPTIONS } from '../case-options';
import { PRESENTING_CONCERN_MAX_LENGTH, type NewCaseValues } from '../new-case-form';

interface CaseStartFieldsProps<Values extends NewCaseValues> {
  form: UseFormReturnType<Values>;
  /** Owners choose the clinicians; a clinician is always on the cases they open. */
  chooseClinicians: boolean;
  phaseDescription: string;
}

/** Where a pair starts: presenting concern, phase, status and clinicians, for the New case form and the intake. */
export function CaseStartFields<Values extends NewCaseValues>({ form, chooseClinicians, phaseDescription }: CaseStartFieldsProps<Values>) {
  // Both forms hold NewCaseValues' fields; Mantine's path types cannot see that through the generic.
  const fields = form as unknown as UseFormReturnType<NewCaseValues>;
  return (
    <>
      <Textarea
        label="Presenting concern"
        description="What brought them to you, in a few sentences. Assistants never see this."
        autosize
        minRows={3}
        maxRows={10}
        maxLength={PRESENTING_CONCERN_MAX_LENGTH}
        {...fields.getInputProps('presentingConcern')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select label="Phase" description={phaseDescription} data={PHASE_OPTIONS} allowDeselect={false} {...fields.getInputProps('phase')} />
        <Select
          label="Status"
          description="Intake until you have agreed to work together."
          data={CASE_STATUS_OPTIONS}
          allowDeselect={false}
          {...fields.getInputProps('status')}
        />
      </SimpleGrid>
      {chooseClinicians ? (
        <ClinicianPicker
          value={fields.values.clinicianIds}
          onChange={(ids) => fields.setFieldValue('clinicianIds', ids)}
          error={fields.errors.clinicianIds}
        />
      ) : (
        <Text size="sm" c="dimmed">
          You will be the clinician on this case. The practice owner can add colleagues later.
        </Text>
      )}
    </>
  );
}

interface ClinicianPickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
}

/** An owner chooses who works with the pair, from the practice's active clinicians and owners. */
export function ClinicianPicker({ value, onChange, error }: ClinicianPickerProps) {
  const team = useTeamMembers();
  const options = useMemo(
    () =>
      (team.data ?? [])
        .filter((member) => member.active && roleHasPermission(member.role, Permission.TakeCases))
        .map((member) => ({ value: member.id, label: member.name })),
    [team.data],
  );
  if (team.isError) {
    return (
      <Text size="sm" c="dimmed">
        We couldn&apos;t load your team, so the case will be assigned to you. You can change this from the case later.
      </Text>
    );
  }
  return (
    <MultiSelect
      label="Clinicians"
      description="Who works with this pair. Leave empty to assign someone later; owners see every case either way."
      placeholder={team.isPending ? 'Loading your team…' : value.length ? undefined : 'No one yet'}
      disabled={team.isPending}
      data={options}
      searchable
      nothingFoundMessage="No clinician by that name"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
