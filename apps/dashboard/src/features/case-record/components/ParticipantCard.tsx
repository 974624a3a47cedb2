import { type ReactNode } from 'react';
import { Anchor, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { type Participant } from '@trustwork/contracts';
import { BREACH_ROLE_WORDS } from '../case-wording';

interface ParticipantCardProps {
  participant: Participant;
  /** Position in the case, for labels: "Partner 1", "Parent". */
  role: string;
  contactShown: boolean;
  contactId: string;
}

function ContactLine({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      {icon}
      <Text size="sm" truncate>
        <VisuallyHidden>{label}: </VisuallyHidden>
        {children}
      </Text>
    </Group>
  );
}

export function ParticipantCard({ participant, role, contactShown, contactId }: ParticipantCardProps) {
  return (
    <Paper withBorder radius="md" px="md" py="sm" component="article" aria-label={`${role}: ${participant.displayName}`}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {role}
        </Text>
        <Group gap={6} align="baseline">
          <Text fw={650}>
            {participant.displayName}
          </Text>
          {participant.pronouns && <Text c="dimmed">({participant.pronouns})</Text>}
        </Group>
        <Text size="sm">{BREACH_ROLE_WORDS[participant.breachRole]}</Text>
        <div id={contactId} hidden={!contactShown}>
          <Stack gap={4} mt="xs">
            <ContactLine icon={<IconMail size={16} aria-hidden />} label="E-mail">
              {participant.email ? <Anchor href={`mailto:${participant.email}`}>{participant.email}</Anchor> : 'No e-mail on file'}
            </ContactLine>
            <ContactLine icon={<IconPhone size={16} aria-hidden />} label="Phone">
              {participant.phone ? <Anchor href={`tel:${participant.phone.replace(/[^\d+]/g, '')}`}>{participant.phone}</Anchor> : 'No phone on file'}
            </ContactLine>
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}
