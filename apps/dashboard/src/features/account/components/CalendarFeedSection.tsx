import { useState } from 'react';
import { Badge, Button, Group, Loader, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../lib/format';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCalendarFeed, useTurnOffCalendarFeed, useUpdateCalendarFeed } from '../hooks/use-calendar-feed';
import { CopyTextButton } from './CopyTextButton';
import { SettingsSection } from './SettingsSection';

/** The secret address, shown once right after it is made. */
function NewFeedAddress({ url }: { url: string }) {
  return (
    <Stack gap="xs">
      <TextInput label="Your calendar feed address" value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
      <CopyTextButton text={url} label="Copy address" />
      <Text size="sm">
        Copy it now and add it to your calendar app as a subscription: it will not be shown again. Anyone who has it can see when your sessions are, so
        keep it to yourself.
      </Text>
    </Stack>
  );
}

/** Each team member's own calendar feed: their sessions in Google, Apple or Outlook calendar, with initials instead of names. */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  const create = useUpdateCalendarFeed();
  const replace = useUpdateCalendarFeed();
  const options = useUpdateCalendarFeed();
  const turnOff = useTurnOffCalendarFeed();
  const sendCreate = useMutateOnce(create);
  const sendOptions = useMutateOnce(options);
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'replace' | 'turn-off' | null>(null);
  const current = feed.data;
  // While a change is on its way the switch shows it; a refusal puts it back.
  const includeVideoLinks = options.isPending ? Boolean(options.variables.includeVideoLinks) : Boolean(current?.includeVideoLinks);

  const setIncludeVideoLinks = (on: boolean) =>
    sendOptions(
      { includeVideoLinks: on },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: saved.includeVideoLinks ? 'Video links now show in your calendar.' : 'Video links no longer show in your calendar.',
          }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't change your calendar feed", message: error.message }),
      },
    );

  return (
    <SettingsSection
      title="Calendar feed"
      description="Subscribe from Google, Apple or Outlook calendar to see your sessions there; people show by their initials instead of their names."
      badge={current?.active ? <Badge color="teal">On</Badge> : undefined}
    >
      {feed.isPending && <Loader size="sm" aria-label="Loading your calendar feed" />}
      {feed.isError && (
        <Text size="sm" c="red" role="alert">
          We couldn&apos;t load your calendar feed. {feed.error.message}
        </Text>
      )}
      {current && !current.active && (
        <Stack gap="xs" align="flex-start">
          <FormAlert title="We couldn't make your feed address" messages={create.error ? [create.error.message] : []} />
          <Button loading={create.isPending} onClick={() => sendCreate({}, { onSuccess: (made) => setShownUrl(made.url ?? null) })}>
            Create feed address
          </Button>
        </Stack>
      )}
      {current?.active && (
        <>
          {shownUrl ? (
            <NewFeedAddress url={shownUrl} />
          ) : (
            <Text size="sm">
              Your feed is on{current.createdAt ? ` since ${formatDate(current.createdAt)}` : ''}. Its address was shown when it was made; if you no longer have it,
              replace it.
            </Text>
          )}
          <Switch
            label="Include video links"
            description="Anyone who can see your calendar could then join a video session's link."
            checked={includeVideoLinks}
            onChange={(event) => setIncludeVideoLinks(event.currentTarget.checked)}
          />
          <Group>
            <Button variant="default" onClick={() => setConfirming('replace')}>
              Replace address
            </Button>
            <Button variant="default" color="red" onClick={() => setConfirming('turn-off')}>
              Turn off feed
            </Button>
          </Group>
        </>
      )}
      <ConfirmModal
        opened={confirming === 'replace'}
        onClose={() => setConfirming(null)}
        title="Replace your calendar feed address?"
        confirmLabel="Replace address"
        errorTitle="We couldn't replace your feed address"
        mutation={replace}
        variables={{ newAddress: true }}
        onConfirmed={(made) => setShownUrl(made.url ?? null)}
      >
        <Text>The old address stops working at once: calendars subscribed to it stop showing your sessions. Add the new one instead.</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'turn-off'}
        onClose={() => setConfirming(null)}
        title="Turn off your calendar feed?"
        confirmLabel="Turn off feed"
        errorTitle="We couldn't turn off your calendar feed"
        mutation={turnOff}
        variables={undefined}
        onConfirmed={() => {
          setShownUrl(null);
          notifications.show({ color: 'teal', message: 'Your calendar feed is off. Its address no longer works.' });
        }}
      >
        <Text>Its address stops working at once, and your sessions disappear from calendars subscribed to it.</Text>
      </ConfirmModal>
    </SettingsSection>
  );
}
