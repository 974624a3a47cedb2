import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { AddTeamMemberModal } from './AddTeamMemberModal';

/** Only owners manage the team; everyone else sees nothing here. */
export function AddTeamMemberButton() {
  const canManageTeam = usePermission(Permission.ManageTeam);
  const [opened, { open, close }] = useDisclosure(false);
  if (!canManageTeam) return null;
  return (
    <>
      <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
        Add team member
      </Button>
      <AddTeamMemberModal opened={opened} onClose={close} />
    </>
  );
}
