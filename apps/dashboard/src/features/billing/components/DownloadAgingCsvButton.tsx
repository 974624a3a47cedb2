import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useDownloadAgingCsv } from '../hooks/use-billing-reports';

/** The aging report as a spreadsheet, for the practice's accountant. */
export function DownloadAgingCsvButton() {
  const download = useDownloadAgingCsv();
  const sendDownload = useMutateOnce(download);
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={download.isPending}
      onClick={() =>
        sendDownload(undefined, {
          onError: (error) => notifications.show({ color: 'red', title: "We couldn't download the CSV", message: error.message }),
        })
      }
    >
      Download CSV
    </Button>
  );
}
