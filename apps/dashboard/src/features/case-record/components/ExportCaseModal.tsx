import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconDownload, IconShieldLock } from '@tabler/icons-react';
import { CASE_EXPORT_FORMATS, CaseExportFormat, type CaseDetail } from '@trustwork/contracts';
import { useId, useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { practiceDate, practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useStepUp } from '../../account/hooks/use-step-up';
import { exportCase, exportCasePdf } from '../../cases/api/cases-api';
import { caseName } from '../../cases/participant-wording';
import { downloadBlob, downloadJson, exportFileName } from '../download-json';

const WHOLE_CASE = 'whole-case';

function draftsLeftOut(drafts: number): string {
  return drafts === 1 ? '1 draft note was left out.' : `${drafts} draft notes were left out.`;
}

interface ExportCaseModalProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

/** The record as one file: the whole case for a transfer of care, or one person's records request. */
export function ExportCaseModal({ caseRecord, opened, onClose }: ExportCaseModalProps) {
  const timeZone = usePracticeTimeZone();
  const [scope, setScope] = useState(WHOLE_CASE);
  const [format, setFormat] = useState<CaseExportFormat>(CaseExportFormat.Pdf);
  const person = caseRecord.participants.find((participant) => participant.id === scope);
  const name = person ? `${person.displayName} records request` : caseName(caseRecord.participants);
  const query = { participant: person?.id };
  const stepUp = useStepUp();

  /** Saves the file and says what was saved. */
  const save = async (): Promise<string> => {
    if (format === CaseExportFormat.Pdf) {
      const file = await exportCasePdf(caseRecord.id, query);
      const fileName = file.fileName ?? exportFileName(name, practiceToday(timeZone), 'pdf');
      downloadBlob(file.blob, fileName);
      return fileName;
    }
    const document = await exportCase(caseRecord.id, query);
    const fileName = exportFileName(name, practiceDate(document.exportedAt, timeZone));
    downloadJson(document, fileName);
    return document.draftNotesExcluded > 0 ? `${fileName}. ${draftsLeftOut(document.draftNotesExcluded)}` : fileName;
  };

  // The most sensitive read there is: the API asks for a fresh code or password first.
  const download = useMutation({ mutationFn: () => stepUp.run(save) });
  const sendDownload = useMutateOnce(download);

  // Closing resets the mutation: done in the call's own callback, or the reset would keep
  // useMutateOnce from hearing it settle, and the next export in this visit would be ignored.
  const start = () =>
    sendDownload(undefined, {
      onSuccess: (message) => {
        notifications.show({
          color: 'teal',
          title: person ? `Records for ${person.displayName} downloaded` : 'Case record downloaded',
          message,
        });
        close();
      },
    });

  const close = () => {
    download.reset();
    setScope(WHOLE_CASE);
    setFormat(CaseExportFormat.Pdf);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Export case record" centered>
      <Stack>
        <FormAlert title="We couldn't export the case" messages={download.error ? [download.error.message] : []} />
        <Radio.Group label="What to export" value={scope} onChange={setScope}>
          <Stack gap="sm" mt="xs">
            <ExportChoice
              value={WHOLE_CASE}
              label="Whole case"
              description="For a transfer of care: both people, the case details and phase history, the timeline, every session and all signed notes with their addenda."
            />
            {caseRecord.participants.map((participant) => (
              <ExportChoice
                key={participant.id}
                value={participant.id}
                label={`For ${participant.displayName}'s records request`}
                description={`Only what belongs to ${participant.displayName}: joint notes and notes about them, their own homework answers, check-ins and safety reports, and nothing the other person told you in confidence.`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="File type"
          value={format}
          onChange={(chosen) => setFormat(CASE_EXPORT_FORMATS.find((known) => known === chosen) ?? CaseExportFormat.Pdf)}
        >
          <Stack gap="sm" mt="xs">
            <ExportChoice
              value={CaseExportFormat.Pdf}
              label="Readable PDF"
              description="For the person, or a clinician, to read: the same records, with the practice's name, the date of export and page numbers."
            />
            <ExportChoice
              value={CaseExportFormat.Json}
              label="JSON (for transferring to another system)"
              description="The same records as data, for a system that imports them."
            />
          </Stack>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          Draft notes are left out until they are signed.
        </Text>
        <Alert color="blue" variant="light" icon={<IconShieldLock />} title="The export is audited" role="note">
          Each export is recorded in the practice&apos;s audit log under your name. The file holds clinical records: keep
          it somewhere as secure as Trustwork, and delete it once it has served its purpose.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending} onClick={start}>
            Download file
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One choice with its explanation read out with it (Mantine does not link a radio's description). */
function ExportChoice({ value, label, description }: { value: string; label: string; description: string }) {
  const descriptionId = useId();
  return <Radio value={value} label={label} aria-describedby={descriptionId} description={<span id={descriptionId}>{description}</span>} />;
}
