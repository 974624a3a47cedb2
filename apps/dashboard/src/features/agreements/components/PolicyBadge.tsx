import { useId } from 'react';
import { Badge, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { Permission, type CaseDetail } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { ChangePolicyModal } from './ChangePolicyModal';

export const NO_POLICY = 'No confidentiality policy';

/**
 * The case's confidentiality policy beside its status and phase, its meaning on hover or focus.
 * Without one it warns, and takes whoever may choose one straight to the choice.
 */
export function PolicyBadge({ caseRecord }: { caseRecord: CaseDetail }) {
  const policy = caseRecord.confidentialityPolicy;
  const canChoose = usePermission(Permission.ViewClinicalRecords);
  const [choosing, choice] = useDisclosure(false);
  const summaryId = useId();

  if (policy) {
    return (
      <>
        <Tooltip label={policy.summary} multiline w={320} events={{ hover: true, focus: true, touch: true }}>
          {/* Focusable, so the summary can be read from the keyboard too. */}
          <Badge variant="light" color="gray" tt="none" tabIndex={0} aria-describedby={summaryId} leftSection={<IconShieldLock size={12} aria-hidden />}>
            {policy.name}
          </Badge>
        </Tooltip>
        <VisuallyHidden id={summaryId}>{policy.summary}</VisuallyHidden>
      </>
    );
  }

  const warning = (
    <Badge variant="light" color="orange" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      {NO_POLICY}
    </Badge>
  );
  if (!canChoose) return warning;
  return (
    <>
      <UnstyledButton onClick={choice.open} aria-haspopup="dialog" aria-label={`${NO_POLICY}: choose one`} style={{ lineHeight: 0 }}>
        {warning}
      </UnstyledButton>
      <ChangePolicyModal caseRecord={caseRecord} policy={null} opened={choosing} onClose={choice.close} />
    </>
  );
}
