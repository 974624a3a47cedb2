import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, List, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconFileCheck, IconListCheck, IconPencil } from '@tabler/icons-react';
import {
  Permission,
  type AgreementReminderResult,
  type AgreementSignerStatus,
  type CaseAgreement,
  type CaseAgreements,
  type CaseDetail,
  type PolicyChange,
  type SignatureRecord,
} from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatCalendarDate, formatDateTime, practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { personName } from '../../case-record/case-wording';
import { exportFileName } from '../../case-record/download-json';
import { TabSectionHeader } from '../../case-record/components/TabSectionHeader';
import { useCaseAgreements, useDownloadSignedCopy } from '../hooks/use-case-agreements';
import { ReminderMenu, ReminderSent } from './CaseAgreementReminders';
import { CaseAgreementsModal } from './CaseAgreementsModal';
import { ChangePolicyModal } from './ChangePolicyModal';

/** Each signer state in the words the case page uses. */
const SIGNER_STATE_WORDS: Record<AgreementSignerStatus['state'], string> = {
  signed: 'Signed',
  outdated: 'Asked to sign again',
  unsigned: 'Not signed yet',
};

const SIGNER_STATE_COLORS: Record<AgreementSignerStatus['state'], string | undefined> = {
  signed: 'teal',
  outdated: 'orange',
  unsigned: 'dimmed',
};

function PolicySection({ caseRecord, agreements, canChange }: { caseRecord: CaseDetail; agreements: CaseAgreements; canChange: boolean }) {
  const [changing, change] = useDisclosure(false);
  const { policy } = agreements;
  const action = canChange && (
    <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={change.open} style={{ flexShrink: 0 }}>
      {policy ? 'Change policy' : 'Choose a policy'}
    </Button>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-policy-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="case-policy-heading">
          Confidentiality policy
        </Title>
        {policy ? (
          <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <div>
              <Text fw={600}>{policy.name}</Text>
              <Text size="sm">{policy.summary}</Text>
            </div>
            {action}
          </Group>
        ) : (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="No confidentiality policy yet">
            <Group justify="space-between" gap="sm">
              <Text size="sm">
                Without one, nothing settles what happens to what one person tells you alone. Once chosen, both people are
                asked to sign it.
              </Text>
              {action}
            </Group>
          </Alert>
        )}
        <PolicyHistory history={agreements.policyHistory} />
      </Stack>
      {canChange && <ChangePolicyModal caseRecord={caseRecord} policy={policy} opened={changing} onClose={change.close} />}
    </Paper>
  );
}

function policyChangeTitle(change: PolicyChange): string {
  const to = change.policy?.name ?? 'no policy';
  return change.previous ? `Changed from ${change.previous.name} to ${to}` : `Chose ${to}`;
}

/** Every choice and change of the policy, newest first, with who made it and why. */
function PolicyHistory({ history }: { history: PolicyChange[] }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  if (history.length === 0) return null;
  const newestFirst = [...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <section aria-labelledby="case-policy-history-heading">
      <Title order={4} size="h6" id="case-policy-history-heading" mb={4}>
        Policy history
      </Title>
      <List spacing="xs" size="sm">
        {newestFirst.map((change, index) => (
          <List.Item key={`${change.changedAt}-${index}`}>
            <Text size="sm" fw={500} span>
              {policyChangeTitle(change)}
            </Text>{' '}
            <Text size="sm" c="dimmed" span>
              · <time dateTime={change.changedAt}>{formatDateTime(change.changedAt, timeZone)}</time>, by {personName(change.changedBy, user)}
            </Text>
            {change.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Reason: {change.reason}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/** When the person signed (and, if current, the name they typed), with their signed copy to download. */
function SignedCopy({ caseId, agreement, signer, signature }: { caseId: string; agreement: CaseAgreement; signer: AgreementSignerStatus; signature: SignatureRecord }) {
  const timeZone = usePracticeTimeZone();
  const download = useDownloadSignedCopy();
  const sendDownload = useMutateOnce(download);
  const signedDate = practiceDate(signature.signedAt, timeZone);

  const save = () =>
    sendDownload(
      { caseId, signatureId: signature.id, fileName: exportFileName(`${agreement.title} ${signer.displayName}`, signedDate, 'pdf') },
      { onError: (error) => notifications.show({ color: 'red', title: "We couldn't download the signed copy", message: error.message }) },
    );

  return (
    <>
      <Text size="xs" c="dimmed">
        {signer.state === 'signed'
          ? `${formatCalendarDate(signedDate)}, typed “${signature.typedName}”`
          : `Signed version ${signature.version} on ${formatCalendarDate(signedDate)}`}
      </Text>
      <ActionIcon
        variant="subtle"
        size="lg"
        loading={download.isPending}
        onClick={save}
        aria-label={`Download ${signer.displayName}’s signed copy of ${agreement.title} (PDF)`}
      >
        <IconDownload size={18} aria-hidden />
      </ActionIcon>
    </>
  );
}

/** Where one person stands on one agreement, in words. */
function SignerCell({ caseId, agreement, signer }: { caseId: string; agreement: CaseAgreement; signer: AgreementSignerStatus | undefined }) {
  if (!signer) return <Table.Td />;
  return (
    <Table.Td>
      <Group gap={4} align="center">
        <Text size="sm" fw={500} c={SIGNER_STATE_COLORS[signer.state]} w="100%">
          {SIGNER_STATE_WORDS[signer.state]}
        </Text>
        {signer.signature && <SignedCopy caseId={caseId} agreement={agreement} signer={signer} signature={signer.signature} />}
      </Group>
    </Table.Td>
  );
}

function SignaturesTable({ caseRecord, agreements }: { caseRecord: CaseDetail; agreements: CaseAgreement[] }) {
  return (
    <SidewaysTable label="Signatures" minWidth={560}>
      <Table withTableBorder verticalSpacing="sm" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>Each person signs their own copy in their portal.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Agreement</Table.Th>
            {caseRecord.participants.map((participant) => (
              <Table.Th scope="col" key={participant.id}>
                {participant.displayName}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => (
            <Table.Tr key={agreement.agreementId}>
              <Table.Th scope="row" fw={500}>
                <Text size="sm" fw={600}>
                  {agreement.title}
                </Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    Version {agreement.version}
                  </Text>
                  {agreement.fromPolicy && (
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      The case’s policy
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              {caseRecord.participants.map((participant) => (
                <SignerCell
                  key={participant.id}
                  caseId={caseRecord.id}
                  agreement={agreement}
                  signer={agreement.signers.find((signer) => signer.participantId === participant.id)}
                />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SidewaysTable>
  );
}

function AgreementsSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the agreements">
      <Skeleton height={96} radius="md" />
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}

/** The case's Agreements tab: its policy and the policy's history, and who has signed what. */
export function CaseAgreementsPanel({ caseRecord }: { caseRecord: CaseDetail }) {
  const query = useCaseAgreements(caseRecord.id);
  const canChange = usePermission(Permission.ViewClinicalRecords);
  const [choosing, choose] = useDisclosure(false);
  const [reminded, setReminded] = useState<AgreementReminderResult | null>(null);
  const data = query.data;

  const chooseButton = canChange && (
    <Button variant="default" leftSection={<IconListCheck size={16} aria-hidden />} onClick={choose.open}>
      Choose agreements
    </Button>
  );

  let body;
  // A failed refetch keeps what was shown; only a first load that fails says so.
  if (!data) body = query.isError ? <LoadFailed title="We couldn't load the agreements" query={query} /> : <AgreementsSkeleton />;
  else
    body = (
      <Stack gap="md">
        <PolicySection caseRecord={caseRecord} agreements={data} canChange={canChange} />
        {reminded && <ReminderSent result={reminded} onClose={() => setReminded(null)} />}
        {data.agreements.length === 0 ? (
          <EmptyState icon={<IconFileCheck size={22} />} title="No agreements to sign yet" headingOrder={3} action={chooseButton}>
            <Text>
              Choose the agreements both people sign in their portal, such as informed consent. A confidentiality policy
              brings its own.
            </Text>
          </EmptyState>
        ) : (
          <SignaturesTable caseRecord={caseRecord} agreements={data.agreements} />
        )}
        {canChange && <CaseAgreementsModal caseId={caseRecord.id} agreements={data} opened={choosing} onClose={choose.close} />}
      </Stack>
    );

  return (
    <>
      <TabSectionHeader
        title="Agreements"
        description="What each person has signed in their portal. Neither sees what the other has signed."
        action={
          data &&
          data.agreements.length > 0 && (
            <Group gap="xs">
              <ReminderMenu caseRecord={caseRecord} agreements={data.agreements} onSent={setReminded} />
              {chooseButton}
            </Group>
          )
        }
      />
      {body}
    </>
  );
}
