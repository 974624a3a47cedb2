import { useState } from 'react';
import { Button, Group, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { NOTE_TEMPLATE_LABELS, NOTE_TEMPLATE_SECTIONS, NOTE_TEMPLATES, type NoteTemplate } from '@trustwork/contracts';
import { draftHasText, NOTE_TEMPLATE_DESCRIPTIONS, sectionsToMove, switchTemplate, type NoteDraft } from './note-templates';

const OPTIONS = NOTE_TEMPLATES.map((template) => ({ value: template, label: NOTE_TEMPLATE_LABELS[template] }));

interface TemplateSwitcherProps {
  draft: NoteDraft;
  onSwitch: (draft: NoteDraft) => void;
}

/** Changes a draft's template; once there is text, only after saying where it will go. */
export function TemplateSwitcher({ draft, onSwitch }: TemplateSwitcherProps) {
  const [proposed, setProposed] = useState<NoteTemplate | null>(null);

  const choose = (template: NoteTemplate) => {
    if (template === draft.template) return;
    if (draftHasText(draft)) setProposed(template);
    else onSwitch(switchTemplate(draft, template));
  };

  const confirm = () => {
    if (proposed) onSwitch(switchTemplate(draft, proposed));
    setProposed(null);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="note-template-label">
        Template
      </Text>
      <SegmentedControl
        aria-labelledby="note-template-label"
        data={OPTIONS}
        value={draft.template}
        onChange={(value) => choose(value as NoteTemplate)}
        w="fit-content"
        maw="100%"
      />
      <Text size="sm" c="dimmed">
        {NOTE_TEMPLATE_DESCRIPTIONS[draft.template]}
      </Text>
      <Modal
        opened={proposed !== null}
        onClose={() => setProposed(null)}
        title={proposed ? `Switch to ${NOTE_TEMPLATE_LABELS[proposed]}?` : ''}
        centered
      >
        {proposed && <SwitchConsequences draft={draft} template={proposed} />}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setProposed(null)}>
            Cancel
          </Button>
          <Button onClick={confirm}>Switch template</Button>
        </Group>
      </Modal>
    </Stack>
  );
}

const labels = (sections: readonly { label: string }[]) => sections.map(({ label }) => label).join(', ');

function SwitchConsequences({ draft, template }: { draft: NoteDraft; template: NoteTemplate }) {
  const target = NOTE_TEMPLATE_SECTIONS[template];
  const moving = sectionsToMove(draft, template);
  const kept = NOTE_TEMPLATE_SECTIONS[draft.template].filter(
    ({ key }) => draft.sections[key]?.trim() && target.some((section) => section.key === key),
  );
  return (
    <Stack gap="sm">
      <Text>Nothing you wrote is lost:</Text>
      <List spacing={4}>
        {kept.length > 0 && <List.Item>{labels(kept)} keep their text.</List.Item>}
        {moving.length > 0 && (
          <List.Item>
            Text under {labels(moving)} moves to the top of {target[0].label}, under its old heading, for you to
            rearrange.
          </List.Item>
        )}
      </List>
    </Stack>
  );
}
