import { type ReactNode } from 'react';
import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDotsVertical, IconDownload, IconLock, IconPencil, IconStairsUp } from '@tabler/icons-react';
import { CaseStatus, Permission, type CaseDetail } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { CloseCaseModal } from './CloseCaseModal';
import { EditCaseModal } from './EditCaseModal';
import { ExportCaseModal } from './ExportCaseModal';
import { PhaseDrawer } from './PhaseDrawer';

interface ActionsMenuProps {
  label: string;
  icon: ReactNode;
  /** Opened by a finger: each item a full 44 px row. */
  touch?: boolean;
  children: ReactNode;
}

function ActionsMenu({ label, icon, touch = false, children }: ActionsMenuProps) {
  // Mantine's focus placeholder is a presentational child of role="menu", which axe counts as a critical fault.
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false} styles={touch ? { item: { minHeight: 44 } } : undefined}>
      <Menu.Target>
        <Button variant="default" rightSection={icon}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

interface CaseActionsProps {
  caseRecord: CaseDetail;
  /** On a narrow screen every action sits in one "Case actions" menu, so the header stays one line. */
  compact?: boolean;
}

/** What can be done to the case as a whole; assistants may fix contact details and read the phase history. */
export function CaseActions({ caseRecord, compact = false }: CaseActionsProps) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  const [editOpened, edit] = useDisclosure(false);
  const [phaseOpened, phase] = useDisclosure(false);
  const [closeOpened, closeCase] = useDisclosure(false);
  const [exportOpened, exportCase] = useDisclosure(false);
  const editLabel = clinical ? 'Edit details' : 'Edit contact details';
  const phaseLabel = clinical ? 'Change phase' : 'Phase history';

  const clinicalItems = clinical && (
    <>
      <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={exportCase.open}>
        Export case record…
      </Menu.Item>
      {caseRecord.status !== CaseStatus.Closed && (
        <Menu.Item color="red.9" leftSection={<IconLock size={16} aria-hidden />} onClick={closeCase.open}>
          Close case…
        </Menu.Item>
      )}
    </>
  );

  return (
    <>
      {compact ? (
        <ActionsMenu label="Case actions" icon={<IconDotsVertical size={16} aria-hidden />} touch>
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
            {editLabel}
          </Menu.Item>
          <Menu.Item leftSection={<IconStairsUp size={16} aria-hidden />} onClick={phase.open}>
            {phaseLabel}
          </Menu.Item>
          {clinicalItems}
        </ActionsMenu>
      ) : (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
            {editLabel}
          </Button>
          <Button variant="default" leftSection={<IconStairsUp size={16} aria-hidden />} onClick={phase.open}>
            {phaseLabel}
          </Button>
          {clinical && (
            <ActionsMenu label="More actions" icon={<IconChevronDown size={16} aria-hidden />}>
              {clinicalItems}
            </ActionsMenu>
          )}
        </Group>
      )}

      <EditCaseModal caseRecord={caseRecord} opened={editOpened} onClose={edit.close} />
      <PhaseDrawer caseRecord={caseRecord} opened={phaseOpened} onClose={phase.close} />
      {clinical && (
        <>
          <CloseCaseModal caseRecord={caseRecord} opened={closeOpened} onClose={closeCase.close} />
          <ExportCaseModal caseRecord={caseRecord} opened={exportOpened} onClose={exportCase.close} />
        </>
      )}
    </>
  );
}
