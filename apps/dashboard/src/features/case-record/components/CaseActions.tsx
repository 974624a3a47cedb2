import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDownload, IconLock, IconPencil, IconStairsUp } from '@tabler/icons-react';
import { CaseStatus, Permission, type CaseDetail } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { CloseCaseModal } from './CloseCaseModal';
import { EditCaseModal } from './EditCaseModal';
import { ExportCaseModal } from './ExportCaseModal';
import { PhaseDrawer } from './PhaseDrawer';

/** What can be done to the case as a whole; assistants may fix contact details and read the phase history. */
export function CaseActions({ caseRecord }: { caseRecord: CaseDetail }) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  const [editOpened, edit] = useDisclosure(false);
  const [phaseOpened, phase] = useDisclosure(false);
  const [closeOpened, closeCase] = useDisclosure(false);
  const [exportOpened, exportCase] = useDisclosure(false);

  return (
    <>
      <Group gap="xs">
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
          {clinical ? 'Edit details' : 'Edit contact details'}
        </Button>
        <Button variant="default" leftSection={<IconStairsUp size={16} aria-hidden />} onClick={phase.open}>
          {clinical ? 'Change phase' : 'Phase history'}
        </Button>
        {clinical && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
                More actions
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={exportCase.open}>
                Export case record…
              </Menu.Item>
              {caseRecord.status !== CaseStatus.Closed && (
                <Menu.Item color="red" leftSection={<IconLock size={16} aria-hidden />} onClick={closeCase.open}>
                  Close case…
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>

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
