import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { type Participant, type PortalLinkCreated, type PortalLinkStatus } from '@trustwork/contracts';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useNow } from '../../../lib/use-now';
import { useCreatePortalLink, useRevokePortalLink } from '../hooks/use-portal-links';
import { firstName, portalLinkStatusText } from '../portal-link-wording';
import { ConfirmLinkChangeModal } from './ConfirmLinkChangeModal';
import { LinkCreatedModal } from './LinkCreatedModal';

interface ParticipantLinkRowProps {
  caseId: string;
  participant: Participant;
  link: PortalLinkStatus | undefined;
  canCreate: boolean;
}

export function ParticipantLinkRow({ caseId, participant, link, canCreate }: ParticipantLinkRowProps) {
  const timeZone = usePracticeTimeZone();
  const now = useNow();
  const createLink = useCreatePortalLink();
  const sendCreate = useMutateOnce(createLink);
  const revokeLink = useRevokePortalLink();
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const [created, setCreated] = useState<PortalLinkCreated | null>(null);
  const name = firstName(participant.displayName);
  const live = link?.live ?? false;

  const create = () =>
    sendCreate(
      { caseId, participantId: participant.id },
      {
        onSuccess: (answer) => {
          setConfirmingReplace(false);
          setCreated(answer);
        },
        onError: (error) => {
          // Inside the replace dialog the error shows there; otherwise a toast says it.
          if (!confirmingReplace) notifications.show({ color: 'red', title: "We couldn't create the link", message: error.message });
        },
      },
    );

  const closeReplace = () => {
    createLink.reset();
    setConfirmingReplace(false);
  };

  const closeRevoke = () => {
    revokeLink.reset();
    setConfirmingRevoke(false);
  };

  const revoke = () =>
    revokeLink.mutate(
      { caseId, participantId: participant.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${name}'s link no longer works.` });
          closeRevoke();
        },
      },
    );

  return (
    <Group justify="space-between" gap="sm" wrap="wrap" py="xs" component="li" aria-label={participant.displayName}>
      <Stack gap={0}>
        <Text fw={600}>{participant.displayName}</Text>
        <Text size="sm" c={live ? undefined : 'dimmed'}>
          {portalLinkStatusText(link, timeZone, now)}
        </Text>
      </Stack>
      <Group gap="xs">
        {live && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconLinkOff size={16} aria-hidden />}
            onClick={() => setConfirmingRevoke(true)}
            aria-label={`Revoke link for ${participant.displayName}`}
          >
            Revoke
          </Button>
        )}
        {canCreate && (
          <Button
            variant={live ? 'default' : 'light'}
            size="xs"
            leftSection={<IconLink size={16} aria-hidden />}
            loading={createLink.isPending && !confirmingReplace}
            onClick={live ? () => setConfirmingReplace(true) : create}
            aria-label={`${live ? 'Create new link' : 'Create link'} for ${participant.displayName}`}
          >
            {live ? 'Create new link' : 'Create link'}
          </Button>
        )}
      </Group>
      <ConfirmLinkChangeModal
        opened={confirmingReplace}
        title={`Create a new link for ${name}?`}
        cancelLabel="Keep the current link"
        confirmLabel="Create new link"
        pending={createLink.isPending}
        error={confirmingReplace ? createLink.error : null}
        onConfirm={create}
        onClose={closeReplace}
      >
        {name}&apos;s current link will stop working straight away. Their answers so far are kept; they will need the new
        link to carry on.
      </ConfirmLinkChangeModal>
      <ConfirmLinkChangeModal
        opened={confirmingRevoke}
        title={`Revoke ${name}'s link?`}
        cancelLabel="Keep it working"
        confirmLabel="Revoke link"
        confirmColor="red"
        pending={revokeLink.isPending}
        error={revokeLink.error}
        onConfirm={revoke}
        onClose={closeRevoke}
      >
        The link stops working straight away, for anyone who has it. {name}&apos;s answers so far are kept; you can create
        a new link for them at any time.
      </ConfirmLinkChangeModal>
      <LinkCreatedModal created={created} firstName={name} onClose={() => setCreated(null)} />
    </Group>
  );
}
