import { Table, Text } from '@mantine/core';
import { CHECK_IN_RATING_KEYS, CHECK_IN_RATING_LABELS } from '@trustwork/trust-program';
import { type SessionBrief } from '@trustwork/contracts';
import { caseProgressPath } from '../../case-record/case-record-paths';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { changeInWords, checkInCountsInWords, formatAverage, participantNames } from '../brief-wording';
import { BriefSection } from './BriefSection';

/** Each participant's average ratings in the period against their own last few before it. */
export function BriefCheckIns({ brief }: { brief: SessionBrief }) {
  const timeZone = usePracticeTimeZone();
  const names = participantNames(brief);
  const none = brief.checkIns.every((series) => series.period.count === 0 && series.earlier.count === 0);
  return (
    <BriefSection
      title="Check-ins"
      link={{ to: caseProgressPath(brief.caseId), label: 'See the Progress tab' }}
      empty={none ? 'No check-ins in this period or before it.' : undefined}
    >
      {brief.checkIns.map((series) => (
        <Table key={series.participantId} withTableBorder verticalSpacing={4} fz="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>
            <Text span fw={600} c="var(--mantine-color-text)">
              {names.get(series.participantId)}
            </Text>{' '}
            · {checkInCountsInWords(series, timeZone)}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rating (0–10)</Table.Th>
              <Table.Th scope="col">This period</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CHECK_IN_RATING_KEYS.map((rating) => (
              <Table.Tr key={rating}>
                <Table.Th scope="row" fw={500}>
                  {CHECK_IN_RATING_LABELS[rating]}
                </Table.Th>
                <Table.Td>{formatAverage(series.period[rating])}</Table.Td>
                <Table.Td>{formatAverage(series.earlier[rating])}</Table.Td>
                <Table.Td>{changeInWords(series.period[rating], series.earlier[rating]) ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </BriefSection>
  );
}
