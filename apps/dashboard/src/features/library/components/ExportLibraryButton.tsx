import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { downloadJson, exportFileName } from '../../case-record/download-json';
import { exportLibrary } from '../api/library-api';

/** Downloads the practice's own exercises in use as one file, for another practice to import. */
export function ExportLibraryButton() {
  const timeZone = usePracticeTimeZone();
  const download = useMutation({
    mutationFn: exportLibrary,
    onSuccess: (document) => {
      const count = document.exercises.length;
      if (count === 0) {
        notifications.show({
          title: 'Nothing to export yet',
          message: 'Your practice has no exercises of its own in use. Built-in exercises come with every practice, so they are never exported.',
        });
        return;
      }
      const fileName = exportFileName(`exercises ${document.source.practiceName}`, practiceDate(document.exportedAt, timeZone));
      downloadJson(document, fileName);
      notifications.show({ color: 'teal', title: count === 1 ? '1 exercise exported' : `${count} exercises exported`, message: fileName });
    },
    onError: (error) => notifications.show({ color: 'red', title: "We couldn't export your exercises", message: error.message }),
  });
  const sendDownload = useMutateOnce(download);
  return (
    <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending} onClick={() => sendDownload()}>
      Export our exercises
    </Button>
  );
}
