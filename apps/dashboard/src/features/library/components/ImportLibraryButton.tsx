import { Alert, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { isApiRequestError } from '../../../lib/api-client';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useImportLibrary } from '../hooks/use-library';
import { readLibraryFile, type LibraryFile, type ReadLibrary } from '../library-file';
import { ImportReport } from './ImportReport';

/** Brings in exercises another practice exported; the modal confirms what the file holds first. */
export function ImportLibraryButton() {
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={modal.open}>
        Import exercises
      </Button>
      <ImportLibraryModal opened={opened} onClose={modal.close} />
    </>
  );
}

function ImportLibraryModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<LibraryFile | null>(null);
  // The file last chosen: a slow read of an earlier one must not replace it.
  const latest = useRef<File | null>(null);
  const importing = useImportLibrary();

  const choose = async (chosen: File | null) => {
    latest.current = chosen;
    setFile(chosen);
    setRead(null);
    importing.reset();
    if (!chosen) return;
    const result = await readLibraryFile(chosen);
    if (latest.current === chosen) setRead(result);
  };

  const close = () => {
    void choose(null);
    onClose();
  };

  const library = read && 'document' in read ? read : null;
  const report = importing.data;
  return (
    <Modal opened={opened} onClose={close} title={report ? 'Exercises imported' : 'Import exercises'} size="lg" centered>
      {report ? (
        <Stack>
          <ImportReport report={report} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">Add the exercises another practice exported from Trustwork to your library.</Text>
          <FileInput
            label="Exercise library file"
            placeholder="Choose a .json file"
            accept="application/json,.json"
            leftSection={<IconFileImport size={16} aria-hidden />}
            value={file}
            onChange={(chosen) => void choose(chosen)}
            error={read && 'problem' in read ? read.problem : undefined}
            clearable
          />
          <div aria-live="polite">{library && <WhatHappens library={library} />}</div>
          <ImportFailed error={importing.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={!library}
              loading={importing.isPending}
              onClick={() => library && importing.mutate(library.document)}
            >
              {library ? `Import ${exercisesText(library.exerciseCount)}` : 'Import'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

const exercisesText = (count: number) => (count === 1 ? '1 exercise' : `${count} exercises`);

/** What the file holds and what importing it will do, read before confirming. */
function WhatHappens({ library }: { library: ReadLibrary }) {
  const timeZone = usePracticeTimeZone();
  const from = library.practiceName ? ` from ${library.practiceName}` : '';
  const when = library.exportedAt ? `, exported ${formatDateTime(library.exportedAt, timeZone)}` : '';
  return (
    <Alert color="blue" variant="light" role="note" title={`This file holds ${exercisesText(library.exerciseCount)}${from}${when}.`}>
      <List size="sm" spacing={4}>
        <List.Item>An exercise with the same title as one of your templates becomes a new version of it, unless nothing in it changed.</List.Item>
        <List.Item>The others are added as new templates. Nothing in your library is removed.</List.Item>
        <List.Item>An exercise with problems is left out and listed; the rest are still imported.</List.Item>
      </List>
    </Alert>
  );
}

/** Why nothing was imported: each of the API's messages on its own line, as there can be several per exercise. */
function ImportFailed({ error }: { error: Error | null }) {
  if (!error) return null;
  const messages = isApiRequestError(error) ? error.messages : [error.message];
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="Nothing was imported">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm" spacing={4}>
          {messages.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
