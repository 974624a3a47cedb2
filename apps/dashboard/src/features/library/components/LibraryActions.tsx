import { Group } from '@mantine/core';
import { Permission } from '@trustwork/contracts';
import { usePermission } from '../../auth/hooks/use-session';
import { ExportLibraryButton } from './ExportLibraryButton';
import { ImportLibraryButton } from './ImportLibraryButton';
import { NewTemplateButton } from './NewTemplateButton';

/** The library page's actions; sharing the library takes the same permission as changing it. */
export function LibraryActions({ onCreated }: { onCreated: (id: string) => void }) {
  const canManage = usePermission(Permission.ViewClinicalRecords);
  return (
    <Group gap="sm">
      {canManage && (
        <>
          <ExportLibraryButton />
          <ImportLibraryButton />
        </>
      )}
      <NewTemplateButton onCreated={onCreated} />
    </Group>
  );
}
