import { type ReactNode } from 'react';
import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { BREACH_ROLE_LABELS, BREACH_ROLES } from '@trustwork/contracts';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  PRONOUNS_MAX_LENGTH,
  type NewCaseValues,
} from '../new-case-form';
import { pronounsShownTo } from '../participant-wording';

const BREACH_ROLE_OPTIONS = BREACH_ROLES.map((role) => ({ value: role, label: BREACH_ROLE_LABELS[role] }));

interface ParticipantFieldsProps<Values extends NewCaseValues> {
  form: UseFormReturnType<Values>;
  index: 0 | 1;
  /** "Partner 1", "Parent": the relationship decides. */
  legend: string;
  /** The intake looks for someone the practice already has once the e-mail is typed. */
  onEmailBlur?: (email: string) => void;
  /** Shown instead of the name and contact inputs when the person is linked to an earlier record. */
  linked?: ReactNode;
  /** Shown under the contact inputs, e.g. the offer to link to an earlier record. */
  children?: ReactNode;
}

/** One of the two people in a new case. */
export function ParticipantFields<Values extends NewCaseValues>({ form, index, legend, onEmailBlur, linked, children }: ParticipantFieldsProps<Values>) {
  const path = (field: keyof NewCaseValues['participants'][number]) => `participants.${index}.${field}`;
  const emailProps = form.getInputProps(path('email'));
  return (
    <Fieldset legend={legend} radius="md">
      {linked ?? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label="Name"
            description="As you will see it throughout Trustwork."
            required
            autoComplete="off"
            maxLength={NAME_MAX_LENGTH}
            {...form.getInputProps(path('displayName'))}
          />
          <TextInput
            label="Pronouns"
            description={`Optional, e.g. she/her. ${pronounsShownTo(form.values.relationshipType, index)}`}
            autoComplete="off"
            maxLength={PRONOUNS_MAX_LENGTH}
            {...form.getInputProps(path('pronouns'))}
          />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="off"
            maxLength={EMAIL_MAX_LENGTH}
            {...emailProps}
            onBlur={(event) => {
              emailProps.onBlur?.(event);
              onEmailBlur?.(event.currentTarget.value);
            }}
          />
          <TextInput
            label="Phone"
            type="tel"
            autoComplete="off"
            maxLength={PHONE_MAX_LENGTH}
            {...form.getInputProps(path('phone'))}
          />
        </SimpleGrid>
      )}
      {children}
      <Select
        mt="sm"
        label="Side of the breach"
        description="Whether this person broke trust, was hurt, or both. Leave as not stated until it is clear."
        data={BREACH_ROLE_OPTIONS}
        allowDeselect={false}
        {...form.getInputProps(path('breachRole'))}
      />
    </Fieldset>
  );
}
