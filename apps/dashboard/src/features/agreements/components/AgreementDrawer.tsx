import { useState } from 'react';
import { Alert, Anchor, Button, Divider, Drawer, Group, List, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCopy, IconHistory, IconPencil } from '@tabler/icons-react';
import { AGREEMENT_KIND_LABELS, Permission, type AgreementDetail } from '@trustwork/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { usePermission } from '../../auth/hooks/use-session';
import { useAgreement, useUpdateAgreement } from '../hooks/use-agreement-library';
import { type AgreementsView } from '../hooks/use-agreements-view';
import { AgreementBadges } from './AgreementBadges';
import { AgreementEditorModal, type AgreementEditorTarget } from './AgreementEditorModal';
import { AgreementText } from './AgreementText';

function DrawerSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>Loading the agreement…</VisuallyHidden>
      <Skeleton height={20} width="60%" radius="sm" />
      <Skeleton height={240} radius="md" />
    </Stack>
  );
}

function ArchiveAgreementModal({ agreement, opened, onClose }: { agreement: AgreementDetail; opened: boolean; onClose: () => void }) {
  const update = useUpdateAgreement();
  const archiving = !agreement.archived;
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={archiving ? `Archive "${agreement.title}"?` : `Restore "${agreement.title}"?`}
      confirmLabel={archiving ? 'Archive' : 'Restore'}
      color={archiving ? 'orange' : 'teal'}
      mutation={update}
      variables={{ id: agreement.id, changes: { archived: archiving } }}
      onConfirmed={(saved) =>
        notifications.show({
          color: 'teal',
          message: saved.archived ? `"${saved.title}" is archived.` : `"${saved.title}" is back in your agreements.`,
        })
      }
      errorTitle="That didn't work"
    >
      <Text size="sm">
        {archiving
          ? 'New cases can no longer choose it. Cases that already use it keep it, and signed copies stay as they are. You can restore it at any time from Show archived agreements.'
          : 'New cases can choose it again.'}
      </Text>
    </ConfirmModal>
  );
}

/** What an owner may do: edit or archive the practice's own agreements, start a new one from a built-in. */
function AgreementActions({ agreement, onEdit }: { agreement: AgreementDetail; onEdit: (target: AgreementEditorTarget) => void }) {
  const [archiving, setArchiving] = useState(false);
  if (agreement.source === 'built-in') {
    return (
      <Group gap="xs">
        <Button
          variant="light"
          leftSection={<IconCopy size={16} aria-hidden />}
          onClick={() => onEdit({ start: { kind: agreement.kind, title: agreement.title, body: agreement.body } })}
        >
          Use as a starting point
        </Button>
        <Text size="sm" c="dimmed">
          Built-in agreements cannot be changed; start your own from its words.
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit({ edit: agreement })}>
        Edit
      </Button>
      <Button
        variant="default"
        leftSection={agreement.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
        onClick={() => setArchiving(true)}
      >
        {agreement.archived ? 'Restore' : 'Archive'}
      </Button>
      <ArchiveAgreementModal agreement={agreement} opened={archiving} onClose={() => setArchiving(false)} />
    </Group>
  );
}

/** Every version, newest first; the one open is marked, the others open on a click. */
function VersionList({ agreement, onOpenVersion }: { agreement: AgreementDetail; onOpenVersion: (version: number) => void }) {
  const timeZone = usePracticeTimeZone();
  return (
    <section aria-labelledby="agreement-versions-heading">
      <Title order={3} size="h5" id="agreement-versions-heading" mb="xs">
        Versions
      </Title>
      <List listStyleType="none" spacing={4}>
        {agreement.versions.map(({ version, createdAt, createdBy }) => {
          const saved = [createdAt && formatDateTime(createdAt, timeZone), createdBy?.name].filter(Boolean).join(', ');
          const label = `Version ${version}${version === agreement.currentVersion ? ' (current)' : ''}${saved ? ` · ${saved}` : ''}`;
          return (
            <List.Item key={version}>
              {version === agreement.version ? (
                <Text size="sm" fw={600} aria-current="true">
                  {label}
                </Text>
              ) : (
                <Anchor component="button" type="button" size="sm" onClick={() => onOpenVersion(version)}>
                  {label}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </section>
  );
}

function AgreementReader({ agreement, view, onEdit }: { agreement: AgreementDetail; view: AgreementsView; onEdit: (target: AgreementEditorTarget) => void }) {
  const canManage = usePermission(Permission.ManageAgreements);
  const isOlderVersion = agreement.version !== agreement.currentVersion;
  const openVersion = (version: number) => view.openAgreement(agreement.id, version === agreement.currentVersion ? null : version);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AgreementBadges agreement={agreement} />
        <Text size="sm" c="dimmed">
          {AGREEMENT_KIND_LABELS[agreement.kind]}
        </Text>
      </Stack>
      {isOlderVersion && (
        <Alert color="blue" icon={<IconHistory aria-hidden />} title={`You are reading version ${agreement.version}`}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">People who signed this version signed these words. Cases now use version {agreement.currentVersion}.</Text>
            <Button size="xs" variant="white" onClick={() => openVersion(agreement.currentVersion)}>
              Read the current version
            </Button>
          </Stack>
        </Alert>
      )}
      {canManage && !isOlderVersion && <AgreementActions agreement={agreement} onEdit={onEdit} />}
      <Divider />
      <section aria-label="Text of the agreement">
        <AgreementText body={agreement.body} />
      </section>
      <Divider />
      <VersionList agreement={agreement} onOpenVersion={openVersion} />
    </Stack>
  );
}

/** One agreement in full, at the version asked for, with its versions and, for owners, what they may change. */
export function AgreementDrawer({ view }: { view: AgreementsView }) {
  const agreement = useAgreement(view.openAgreementId, view.openVersion);
  const [editorTarget, setEditorTarget] = useState<AgreementEditorTarget | null>(null);

  let body;
  if (agreement.data) body = <AgreementReader agreement={agreement.data} view={view} onEdit={setEditorTarget} />;
  else if (agreement.isError) body = <LoadFailed title="We couldn't open this agreement" query={agreement} />;
  else body = <DrawerSkeleton />;

  return (
    <>
      <Drawer
        opened={view.openAgreementId !== null}
        onClose={() => view.openAgreement(null)}
        position="right"
        size="xl"
        title={agreement.data?.title ?? 'Agreement'}
      >
        {body}
      </Drawer>
      <AgreementEditorModal
        target={editorTarget}
        onClose={() => setEditorTarget(null)}
        onSaved={(saved) => {
          setEditorTarget(null);
          view.openAgreement(saved.id);
        }}
      />
    </>
  );
}
