import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { ExerciseEditorModal } from './ExerciseEditorModal';

/** Starts a practice template from a blank sheet; shown to those who may change the library. */
export function NewTemplateButton({ onCreated }: { onCreated: (id: string) => void }) {
  const canManage = usePermission(Permission.ViewClinicalRecords);
  const [opened, modal] = useDisclosure(false);
  if (!canManage) return null;
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={modal.open}>
        New template
      </Button>
      <ExerciseEditorModal
        opened={opened}
        onClose={modal.close}
        onSaved={(saved) => {
          modal.close();
          onCreated(saved.id);
        }}
      />
    </>
  );
}
