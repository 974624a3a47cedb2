import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconShieldLock } from '@tabler/icons-react';
import { type CaseDetail } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';
import { exportCase } from '../../cases/api/cases-api';
import { caseName } from '../../cases/participant-wording';
import { downloadJson, exportFileName } from '../download-json';

interface ExportCaseModalProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

/** The whole record as one file, for a records request or a transfer of care. */
export function ExportCaseModal({ caseRecord, opened, onClose }: ExportCaseModalProps) {
  const timeZone = usePracticeTimeZone();
  const download = useMutation({
    mutationFn: () => exportCase(caseRecord.id),
    onSuccess: (document) => {
      const fileName = exportFileName(caseName(caseRecord.participants), practiceDate(document.exportedAt, timeZone));
      downloadJson(document, fileName);
      const drafts = document.draftNotesExcluded;
      notifications.show({
        color: 'teal',
        title: 'Case record downloaded',
        message: drafts > 0 ? `${fileName}. ${drafts === 1 ? '1 draft note was' : `${drafts} draft notes were`} left out.` : fileName,
      });
      close();
    },
  });

  const close = () => {
    download.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Export case record" centered>
      <Stack>
        <FormAlert title="We couldn't export the case" messages={download.error ? [download.error.message] : []} />
        <Text size="sm">Downloads everything on record for this case as one JSON file:</Text>
        <List size="sm" spacing={4}>
          <List.Item>the two people, the case details and its phase history</List.Item>
          <List.Item>the timeline and every session</List.Item>
          <List.Item>signed notes with their addenda (drafts are left out until signed)</List.Item>
        </List>
        <Alert color="blue" variant="light" icon={<IconShieldLock />} title="The export is audited" role="note">
          Each export is recorded in the practice&apos;s audit log under your name. The file holds clinical records: keep
          it somewhere as secure as Trustwork, and delete it once it has served its purpose.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending} onClick={() => download.mutate()}>
            Download file
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
