import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Stepper, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Permission, type IntakeCreated, type TeamMember } from '@trustwork/contracts';
import { Link } from 'react-router';
import { useFormErrorFocus } from '../../../components/use-form-error-focus';
import { validateEmail } from '../../../lib/validation';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { RELATIONSHIP_OPTIONS } from '../../cases/case-options';
import { CaseAgreementFields } from '../../cases/components/CaseAgreementFields';
import { CaseStartFields } from '../../cases/components/CaseStartFields';
import { ParticipantFields } from '../../cases/components/ParticipantFields';
import { showCreateErrors } from '../../cases/new-case-form';
import { participantLabels } from '../../cases/participant-wording';
import { teamKeys } from '../../team/api/team-api';
import { useCreateIntake, useFindExistingParticipants } from '../hooks/use-intake';
import {
  INTAKE_STEPS,
  initialIntakeValues,
  intakeErrorsFromApi,
  intakeValidation,
  stepOfField,
  toCreateIntakeRequest,
  type IntakeStep,
  type IntakeValues,
} from '../intake-form';
import { ExistingPersonOffer, LinkedPerson } from './ExistingPersonOffer';
import { IntakeExercisesStep } from './IntakeExercisesStep';
import { IntakeLinksShownOnce } from './IntakeLinksShownOnce';
import { IntakeReview } from './IntakeReview';

const PEOPLE = [0, 1] as const;
type Offers = [IntakeValues['links'][number], IntakeValues['links'][number]];

/** The fields each step checks before the next one opens. */
function stepFields(step: IntakeStep, values: IntakeValues): string[] {
  switch (step) {
    case 'The two people':
      return PEOPLE.flatMap((index) => ['displayName', 'email', 'phone'].map((field) => `participants.${index}.${field}`));
    case 'Agreements':
      return ['confidentialityPolicyId'];
    case 'First exercises':
      return values.exercises.flatMap((_exercise, index) => [`exercises.${index}.who`, `exercises.${index}.dueOn`]);
    default:
      return [];
  }
}

/**
 * The guided intake: the two people (offering to link anyone the practice already has), the
 * case details and phase, the first exercises, a review, then one request that creates it all.
 */
export function IntakeWizard() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const chooseClinicians = usePermission(Permission.AssignClinicians);
  const createIntake = useCreateIntake();
  const findExisting = useFindExistingParticipants();
  const [step, setStep] = useState(0);
  const current: IntakeStep = INTAKE_STEPS[step] ?? 'Review';
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const [offers, setOffers] = useState<Offers>([null, null]);
  // Records the therapist said are someone else: not offered again in this intake.
  const keptSeparate = useRef(new Set<string>());
  const [created, setCreated] = useState<IntakeCreated | null>(null);
  const form = useForm<IntakeValues>({
    initialValues: initialIntakeValues(chooseClinicians ? [user.id] : []),
    validate: intakeValidation,
  });
  const labels = participantLabels(form.values.relationshipType);
  const { formRef, revealErrors } = useFormErrorFocus();

  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !created) event.preventDefault();
  });

  const setOffer = (index: 0 | 1, offer: Offers[number]) => setOffers((current) => (index === 0 ? [offer, current[1]] : [current[0], offer]));

  /** Once an e-mail is typed, anyone the practice already has with it is offered for linking. */
  const lookUp = (index: 0 | 1, typed: string) => {
    const email = typed.trim().toLowerCase();
    if (!email || validateEmail(email) || form.values.links[index]) {
      setOffer(index, null);
      return;
    }
    findExisting.mutate(email, {
      onSuccess: (found) => {
        // The e-mail may have changed while we looked.
        if (form.getValues().participants[index].email.trim().toLowerCase() !== email) return;
        const otherLink = form.getValues().links[index === 0 ? 1 : 0];
        setOffer(index, found.find((existing) => !keptSeparate.current.has(existing.id) && existing.id !== otherLink?.id) ?? null);
      },
      // The offer is a convenience: without it the intake simply goes on.
      onError: () => setOffer(index, null),
    });
  };

  const link = (index: 0 | 1) => {
    const existing = offers[index];
    if (!existing) return;
    form.setFieldValue(`links.${index}`, existing);
    form.setFieldValue(`participants.${index}.displayName`, existing.displayName);
    form.setFieldValue(`participants.${index}.email`, existing.email);
    form.clearFieldError(`participants.${index}.linkTo`);
    setOffer(index, null);
  };
  const keepSeparate = (index: 0 | 1) => {
    const existing = offers[index] ?? form.values.links[index];
    if (existing) keptSeparate.current.add(existing.id);
    form.setFieldValue(`links.${index}`, null);
    form.clearFieldError(`participants.${index}.linkTo`);
    setOffer(index, null);
  };

  const next = () => {
    const failed = stepFields(current, form.values).filter((path) => form.validateField(path).hasError);
    if (failed.length > 0) {
      revealErrors();
      return;
    }
    setStep((current) => current + 1);
  };

  const showErrorsFrom = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (!first) return;
    setStep(stepOfField(first));
    revealErrors();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormMessages([]);
    createIntake.mutate(toCreateIntakeRequest(values, chooseClinicians), {
      onSuccess: setCreated,
      onError: (error) => showCreateErrors(error, form, setFormMessages, intakeErrorsFromApi, showErrorsFrom),
    });
  }, showErrorsFrom);

  if (created) return <IntakeLinksShownOnce created={created} />;

  const team = queryClient.getQueryData<TeamMember[]>(teamKeys.members());
  const clinicianNames = chooseClinicians
    ? form.values.clinicianIds.map((id) => team?.find((member) => member.id === id)?.name ?? 'a colleague').join(', ') || 'No one yet'
    : 'You';
  const last = step === INTAKE_STEPS.length - 1;

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit}>
      <Stack gap="lg" maw={960}>
        <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm" allowNextStepsSelect={false}>
          {INTAKE_STEPS.map((label) => (
            <Stepper.Step key={label} label={label} />
          ))}
        </Stepper>

        {formMessages.length > 0 && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't create the case" role="alert">
            {formMessages.join(' ')}
          </Alert>
        )}

        <Paper component="section" aria-labelledby="intake-step-title" withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h4" id="intake-step-title">
              {current}
            </Title>
            {current === 'The two people' && (
              <>
                <Radio.Group label="Relationship" required {...form.getInputProps('relationshipType')}>
                  <Group gap="lg" mt="xs">
                    {RELATIONSHIP_OPTIONS.map((option) => (
                      <Radio key={option.value} {...option} />
                    ))}
                  </Group>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  {PEOPLE.map((index) => {
                    const linked = form.values.links[index];
                    const offer = offers[index];
                    return (
                      <ParticipantFields
                        key={index}
                        form={form}
                        index={index}
                        legend={labels[index]}
                        onEmailBlur={(email) => lookUp(index, email)}
                        linked={
                          linked && (
                            <LinkedPerson existing={linked} error={form.errors[`participants.${index}.linkTo`] as string | undefined} onUnlink={() => keepSeparate(index)} />
                          )
                        }
                      >
                        <div aria-live="polite">
                          {offer && !linked && <ExistingPersonOffer existing={offer} onLink={() => link(index)} onKeepSeparate={() => keepSeparate(index)} />}
                        </div>
                      </ParticipantFields>
                    );
                  })}
                </SimpleGrid>
              </>
            )}
            {current === 'Case details' && (
              <CaseStartFields form={form} chooseClinicians={chooseClinicians} phaseDescription="The first exercises are suggested from it." />
            )}
            {current === 'Agreements' && <CaseAgreementFields form={form} />}
            {current === 'First exercises' && <IntakeExercisesStep form={form} labels={labels} />}
            {current === 'Review' && <IntakeReview form={form} labels={labels} clinicians={clinicianNames} />}
          </Stack>
        </Paper>

        <Group justify="space-between">
          <Button component={Link} to="/cases" variant="subtle" color="gray">
            Cancel
          </Button>
          <Group gap="xs">
            {step > 0 && (
              <Button variant="default" onClick={() => setStep(step - 1)}>
                Back
              </Button>
            )}
            {/* Keyed apart so the click on "Next: Review" cannot land on "Create case": one button
                changing type under the pointer would submit the form it has just revealed. */}
            {last ? (
              <Button key="create" type="submit" loading={createIntake.isPending}>
                Create case
              </Button>
            ) : (
              <Button key="next" type="button" onClick={next}>
                Next: {INTAKE_STEPS[step + 1]}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
