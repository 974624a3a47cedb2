import { useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import {
  AGREEMENT_BODY_MAX,
  AGREEMENT_FIELD_LABELS,
  AGREEMENT_FIELDS,
  AGREEMENT_KIND_LABELS,
  AGREEMENT_KINDS,
  AGREEMENT_TITLE_MAX,
  type AgreementDetail,
  type AgreementField,
  type AgreementKind,
  type CreateAgreementRequest,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { isApiRequestError } from '../../../lib/api-client';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateRequired } from '../../../lib/validation';
import { useCreateAgreement, useUpdateAgreement } from '../hooks/use-agreement-library';

const API_FIELDS = ['kind', 'title', 'body'] as const;

const KIND_OPTIONS = AGREEMENT_KINDS.map((kind) => ({ value: kind, label: AGREEMENT_KIND_LABELS[kind] }));

const CONFLICT_MESSAGE =
  'Someone else saved a newer version of this agreement while you were editing. Copy anything you want to keep, close this window and open the agreement again.';

type AgreementFormValues = CreateAgreementRequest;

/** What the editor works on: a practice agreement to change, or the start of a new one (blank, or a built-in's words). */
export type AgreementEditorTarget = { edit: AgreementDetail } | { start: AgreementFormValues };

interface AgreementEditorProps {
  target: AgreementEditorTarget;
  onClose: () => void;
  /** With the saved agreement, to show it. */
  onSaved: (saved: AgreementDetail) => void;
}

/** Buttons that put a `{{field}}` where the cursor is in the text, and keep the cursor after it. */
function FieldButtons({ onInsert }: { onInsert: (field: AgreementField) => void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="agreement-fields-label">
        Insert a field
      </Text>
      <Text size="xs" c="dimmed" id="agreement-fields-hint">
        Filled in for each case when a person signs. Shown here between « and ».
      </Text>
      <Group gap="xs" role="group" aria-labelledby="agreement-fields-label" aria-describedby="agreement-fields-hint">
        {AGREEMENT_FIELDS.map((field) => (
          <Button
            key={field}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            aria-label={`Insert ${AGREEMENT_FIELD_LABELS[field]}`}
            onClick={() => onInsert(field)}
          >
            {AGREEMENT_FIELD_LABELS[field]}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

function AgreementEditor({ target, onClose, onSaved }: AgreementEditorProps) {
  const editing = 'edit' in target ? target.edit : null;
  const initialValues = 'edit' in target ? { kind: target.edit.kind, title: target.edit.title, body: target.edit.body } : target.start;
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const sendCreate = useMutateOnce(create);
  const sendUpdate = useMutateOnce(update);
  const form = useForm<AgreementFormValues>({
    initialValues,
    validate: { title: validateRequired('a title'), body: validateRequired('the text of the agreement') },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  // Once the inserted field is on screen, the cursor goes back to just after it.
  useLayoutEffect(() => {
    if (cursor === null) return;
    bodyRef.current?.focus();
    bodyRef.current?.setSelectionRange(cursor, cursor);
    setCursor(null);
  }, [cursor]);

  const insertField = (field: AgreementField) => {
    const body = form.getValues().body;
    const start = bodyRef.current?.selectionStart ?? body.length;
    const end = bodyRef.current?.selectionEnd ?? start;
    const inserted = `{{${field}}}`;
    form.setFieldValue('body', body.slice(0, start) + inserted + body.slice(end));
    setCursor(start + inserted.length);
  };

  const showError = (error: Error) => apiErrors.show(isApiRequestError(error, 409) ? new Error(CONFLICT_MESSAGE) : error);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const request = { ...values, title: values.title.trim() };
    const onSuccess = (saved: AgreementDetail) => {
      notifications.show({
        color: 'teal',
        message: editing ? `"${saved.title}" saved as version ${saved.version}.` : `"${saved.title}" added to your practice's agreements.`,
      });
      onSaved(saved);
    };
    if (editing) {
      sendUpdate(
        { id: editing.id, changes: { title: request.title, body: request.body, version: editing.version } },
        { onSuccess, onError: showError },
      );
    } else sendCreate(request, { onSuccess, onError: showError });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the agreement" messages={apiErrors.messages} />
        {editing && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={`Saving writes version ${editing.version + 1}`}>
            Everyone who has signed this agreement will be asked to sign it again. Earlier versions stay readable.
          </Alert>
        )}
        <TextInput
          label="Title"
          description="Shown to the people who sign it."
          required
          maxLength={AGREEMENT_TITLE_MAX}
          data-autofocus
          {...form.getInputProps('title')}
        />
        {/* A kind decides where the agreement is offered; it stays what it was written as. */}
        <Select
          label="Kind"
          description={editing ? 'The kind cannot change once saved.' : 'A confidentiality policy is offered where a case’s policy is chosen.'}
          data={KIND_OPTIONS}
          allowDeselect={false}
          required
          disabled={editing !== null}
          {...form.getInputProps('kind')}
          onChange={(kind) => kind && form.setFieldValue('kind', kind as AgreementKind)}
        />
        <FieldButtons onInsert={insertField} />
        <Textarea
          ref={bodyRef}
          label="Text"
          description="Plain text. Start a line with # and a space to make it a heading; leave an empty line between paragraphs."
          required
          autosize
          minRows={10}
          maxRows={24}
          maxLength={AGREEMENT_BODY_MAX}
          {...form.getInputProps('body')}
        />
        <FormActions submitLabel={editing ? 'Save new version' : 'Save agreement'} saving={create.isPending || update.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

interface AgreementEditorModalProps {
  /** Null while closed. */
  target: AgreementEditorTarget | null;
  onClose: () => void;
  onSaved: (saved: AgreementDetail) => void;
}

/** Writes a new practice agreement, or a new version of one; built-ins are a starting point for a new one. */
export function AgreementEditorModal({ target, onClose, onSaved }: AgreementEditorModalProps) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const title = target === null ? '' : 'edit' in target ? `Edit "${target.edit.title}"` : 'New agreement';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl" fullScreen={narrow}>
      {/* Mounted only while open, so each opening starts from the agreement as saved. */}
      {target !== null && <AgreementEditor target={target} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

/** A blank new agreement. */
export const BLANK_AGREEMENT: AgreementEditorTarget = { start: { kind: 'other', title: '', body: '' } };
