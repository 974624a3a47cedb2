import { Button, Group } from '@mantine/core';

interface FormActionsProps {
  /** The submit button's words, e.g. "Save changes". */
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
}

/** Cancel and submit, right-aligned at the foot of a form in a modal. */
export function FormActions({ submitLabel, saving, onCancel }: FormActionsProps) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
