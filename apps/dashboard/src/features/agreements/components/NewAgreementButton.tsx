import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { AgreementEditorModal, BLANK_AGREEMENT } from './AgreementEditorModal';

/** Starts a practice agreement from a blank page; shown to those who may change the agreements. */
export function NewAgreementButton({ onCreated }: { onCreated: (id: string) => void }) {
  const canManage = usePermission(Permission.ManageAgreements);
  const [opened, setOpened] = useState(false);
  if (!canManage) return null;
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        New agreement
      </Button>
      <AgreementEditorModal
        target={opened ? BLANK_AGREEMENT : null}
        onClose={() => setOpened(false)}
        onSaved={(saved) => {
          setOpened(false);
          onCreated(saved.id);
        }}
      />
    </>
  );
}
