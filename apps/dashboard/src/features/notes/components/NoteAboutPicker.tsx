import { Radio, Stack } from '@mantine/core';
import { type Participant } from '@trustwork/contracts';

const JOINT = 'joint';

interface NoteAboutPickerProps {
  value: string | null;
  participants: Pick<Participant, 'id' | 'displayName'>[];
  onChange: (aboutParticipantId: string | null) => void;
}

/** Joint, or about one person only: the choice that keeps a note out of the other person's records request. */
export function NoteAboutPicker({ value, participants, onChange }: NoteAboutPickerProps) {
  return (
    <Radio.Group
      label="Who is this note about?"
      description="A note about one person only is confidential: it stays out of the other person's records request. It can't be changed once signed."
      value={value ?? JOINT}
      onChange={(chosen) => onChange(chosen === JOINT ? null : chosen)}
    >
      <Stack gap="xs" mt="xs">
        <Radio value={JOINT} label="Joint (both)" />
        {participants.map((participant) => (
          <Radio key={participant.id} value={participant.id} label={`About ${participant.displayName} only`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
