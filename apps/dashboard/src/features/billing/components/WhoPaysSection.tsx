import { Alert, Button, Group, Input, NumberInput, Paper, Radio, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import {
  PAYER_ARRANGEMENT_LABELS,
  PAYER_ARRANGEMENTS,
  type CaseBilling,
  type CaseDetail,
  type PayerArrangement,
  type SetCaseBillingRequest,
} from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateEmail, validateRequired } from '../../../lib/validation';
import { useCaseBilling, useSetCaseBilling } from '../hooks/use-case-billing';
import { BillingSection, QueryContent } from './BillingSection';

const API_FIELDS = ['arrangement', 'payerParticipantId', 'shares', 'thirdParty.name', 'thirdParty.email', 'thirdParty.address'] as const;

interface WhoPaysValues {
  arrangement: PayerArrangement | '';
  payerParticipantId: string | null;
  /** One per person of the case, in the case's order. */
  shares: (number | string)[];
  thirdParty: { name: string; email: string; address: string };
  individualSessionsToOwnPerson: boolean;
}

type Person = CaseDetail['participants'][number];

/** A share as typed, or null while it is not a whole percent from 0 to 100. */
function percentOf(value: number | string): number | null {
  const percent = Number(value);
  return value !== '' && Number.isInteger(percent) && percent >= 0 && percent <= 100 ? percent : null;
}

function valuesOf(billing: CaseBilling, people: Person[]): WhoPaysValues {
  // Until someone chooses, the API shares charges equally: start the shares there.
  const equal = Math.floor(100 / Math.max(people.length, 1));
  return {
    arrangement: billing.arrangement ?? '',
    payerParticipantId: billing.payerParticipantId,
    shares: people.map(
      (person, index) => billing.shares.find((share) => share.participantId === person.id)?.percent ?? (index === 0 ? 100 - equal * (people.length - 1) : equal),
    ),
    thirdParty: {
      name: billing.thirdParty?.name ?? '',
      email: billing.thirdParty?.email ?? '',
      address: billing.thirdParty?.address ?? '',
    },
    individualSessionsToOwnPerson: billing.individualSessionsToOwnPerson,
  };
}

function requestOf(values: WhoPaysValues, people: Person[]): SetCaseBillingRequest {
  const arrangement = values.arrangement as PayerArrangement;
  const common = { arrangement, individualSessionsToOwnPerson: values.individualSessionsToOwnPerson };
  switch (arrangement) {
    case 'one-person':
      return { ...common, payerParticipantId: values.payerParticipantId as string };
    case 'shared':
      return { ...common, shares: people.map((person, index) => ({ participantId: person.id, percent: Number(values.shares[index]) })) };
    case 'third-party':
      return {
        ...common,
        thirdParty: {
          name: values.thirdParty.name.trim(),
          email: values.thirdParty.email.trim() || null,
          address: values.thirdParty.address.trim() || null,
        },
      };
  }
}

function validate(values: WhoPaysValues): Record<string, string | null> {
  switch (values.arrangement) {
    case '':
      return { arrangement: 'Choose who pays.' };
    case 'one-person':
      return { payerParticipantId: values.payerParticipantId ? null : 'Choose the person who pays.' };
    case 'shared': {
      const errors: Record<string, string | null> = Object.fromEntries(
        values.shares.map((share, index) => [`shares.${index}`, percentOf(share) === null ? 'Enter a whole percent from 0 to 100.' : null]),
      );
      const total = values.shares.reduce<number>((sum, share) => sum + (percentOf(share) ?? 0), 0);
      if (total !== 100) errors.shares = `The shares must add up to 100%; they add up to ${total}%.`;
      return errors;
    }
    case 'third-party': {
      const email = values.thirdParty.email.trim();
      return {
        'thirdParty.name': validateRequired('the name of who pays')(values.thirdParty.name),
        'thirdParty.email': email ? validateEmail(email) : null,
      };
    }
  }
}

/** Who pays for the case: one person, both in shares, or someone else. */
export function WhoPaysSection({ caseRecord }: { caseRecord: CaseDetail }) {
  const billing = useCaseBilling(caseRecord.id);
  return (
    <BillingSection title="Who pays" order={3}>
      <QueryContent query={billing} what="who pays" skeletonHeight={180}>
        {(loaded) => <WhoPaysForm caseRecord={caseRecord} billing={loaded} />}
      </QueryContent>
    </BillingSection>
  );
}

function WhoPaysForm({ caseRecord, billing }: { caseRecord: CaseDetail; billing: CaseBilling }) {
  const people = caseRecord.participants;
  const save = useSetCaseBilling(caseRecord.id);
  const send = useMutateOnce(save);
  const form = useForm<WhoPaysValues>({ initialValues: valuesOf(billing, people), validate });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const values = form.getValues();

  const handleSubmit = form.onSubmit((chosen) => {
    apiErrors.clear();
    send(
      { caseId: caseRecord.id, request: requestOf(chosen, people) },
      {
        onSuccess: (saved) => {
          form.resetDirty(valuesOf(saved, people));
          notifications.show({
            color: 'teal',
            title: 'Who pays saved',
            message: `${PAYER_ARRANGEMENT_LABELS[chosen.arrangement as PayerArrangement]}. Charges made from now on follow it.`,
          });
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <Paper withBorder p="lg" radius="md">
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit} aria-label="Who pays">
        <Stack>
          {billing.arrangement === null && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle />} role="note">
              Not chosen yet: sessions are shared equally.
            </Alert>
          )}
          <FormAlert title="We couldn't save who pays" messages={apiErrors.messages} />
          <Radio.Group label="Arrangement" description="Applies to charges made from now on." required {...form.getInputProps('arrangement')}>
            <Group gap="md" mt={6}>
              {PAYER_ARRANGEMENTS.map((arrangement) => (
                <Radio key={arrangement} value={arrangement} label={PAYER_ARRANGEMENT_LABELS[arrangement]} />
              ))}
            </Group>
          </Radio.Group>
          {values.arrangement === 'one-person' && (
            <Select
              label="Who pays"
              data={people.map((person) => ({ value: person.id, label: person.displayName }))}
              allowDeselect={false}
              required
              w={{ base: '100%', sm: 320 }}
              {...form.getInputProps('payerParticipantId')}
            />
          )}
          {values.arrangement === 'shared' && <ShareFields form={form} people={people} />}
          {values.arrangement === 'third-party' && (
            <>
              <TextInput label="Name" description="A parent, an employer's programme: who invoices are addressed to." required {...form.getInputProps('thirdParty.name')} />
              <TextInput label="E-mail" type="email" description="Optional: where invoices are e-mailed." {...form.getInputProps('thirdParty.email')} />
              <Textarea label="Address" description="Optional: printed on invoices." autosize minRows={2} {...form.getInputProps('thirdParty.address')} />
            </>
          )}
          <Switch
            label="Bill sessions with one person to that person"
            description="Otherwise they follow the arrangement above. A session with one person is never billed to the other."
            {...form.getInputProps('individualSessionsToOwnPerson', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save who pays
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A percent per person; with two people, each field says what that leaves the other, as it is typed. */
function ShareFields({ form, people }: { form: UseFormReturnType<WhoPaysValues>; people: Person[] }) {
  const shares = form.getValues().shares;
  const total = shares.reduce<number>((sum, share) => sum + (percentOf(share) ?? 0), 0);
  const leaves = (index: number): string | undefined => {
    const percent = percentOf(shares[index]);
    const other = people.length === 2 ? people[1 - index] : null;
    return other && percent !== null ? `Leaves ${100 - percent}% for ${other.displayName}.` : undefined;
  };
  return (
    <Input.Wrapper label="Shares" description={`Whole percents that add up to 100%. Now ${total}%.`} error={form.errors.shares}>
      <Group gap="md" mt={6} align="flex-start">
        {people.map((person, index) => (
          <NumberInput
            key={person.id}
            label={`${person.displayName}'s share (%)`}
            description={leaves(index)}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            w={240}
            {...form.getInputProps(`shares.${index}`)}
          />
        ))}
      </Group>
    </Input.Wrapper>
  );
}
