import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Code, Group, List, Stack, Title } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconPrinter } from '@tabler/icons-react';
import { downloadFile } from '../../case-record/download-json';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { CopyTextButton } from './CopyTextButton';
import './recovery-codes-print.css';

interface RecoveryCodesShownOnceProps {
  codes: string[];
  headingOrder: 2 | 3;
  /** Called once the person says they have saved them. */
  onDone: () => void;
}

/** New recovery codes, here and nowhere else: the server keeps only their hashes. */
export function RecoveryCodesShownOnce({ codes, headingOrder, onDone }: RecoveryCodesShownOnceProps) {
  const user = useCurrentUser();
  const titleId = useId();
  const [saved, setSaved] = useState(false);
  const asText = codes.join('\n');
  // Closing the tab would lose codes that cannot be shown again.
  useWindowEvent('beforeunload', (event) => {
    if (!saved) event.preventDefault();
  });

  const download = () =>
    downloadFile(
      `Trustwork recovery codes for ${user.email}\nEach code signs you in once, in place of the code from your authenticator app.\n\n${asText}\n`,
      'trustwork-recovery-codes.txt',
      'text/plain',
    );

  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle />} title="Save your recovery codes now">
        If you lose your phone, each of these codes signs you in once in place of a code from the app. We won&apos;t show them
        again: keep them somewhere safe, such as a password manager or a printed copy in a locked drawer.
      </Alert>
      <Stack gap="xs" data-recovery-codes>
        <Title order={headingOrder} size="h5" id={titleId}>
          Your recovery codes
        </Title>
        <List aria-labelledby={titleId} listStyleType="none" spacing={4} style={{ columns: 2 }}>
          {codes.map((code) => (
            <List.Item key={code}>
              <Code fz="md">{code}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Group align="flex-start">
        <CopyTextButton text={asText} label="Copy codes" />
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          Download .txt
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <Checkbox label="I have saved my recovery codes" checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
