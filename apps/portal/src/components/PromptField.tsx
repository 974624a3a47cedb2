import type { ExercisePrompt } from '@trustwork/contracts';
import { Choices, DateField, ScaleField, TextField } from './fields';

interface PromptFieldProps {
  prompt: ExercisePrompt;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** One question of an exercise, drawn as its type asks. */
export function PromptField({ prompt, value, onChange, error }: PromptFieldProps) {
  const base = { label: prompt.label, help: prompt.help, required: prompt.required, error };
  switch (prompt.type) {
    case 'text':
      return (
        <TextField
          {...base}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          maxLength={prompt.maxLength}
          multiline={prompt.multiline}
        />
      );
    case 'scale':
      return (
        <ScaleField
          {...base}
          minLabel={prompt.minLabel}
          maxLabel={prompt.maxLabel}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
        />
      );
    case 'yes-no':
      return (
        <Choices
          {...base}
          layout="inline"
          options={YES_NO}
          value={value === true ? ['yes'] : value === false ? ['no'] : []}
          onChange={([chosen]) => onChange(chosen === 'yes')}
        />
      );
    case 'choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
      return (
        <Choices
          {...base}
          multiple={prompt.multiple}
          options={prompt.options.map((option) => ({ value: option.key, label: option.label }))}
          value={chosen}
          onChange={(next) => onChange(prompt.multiple ? next : next[0])}
        />
      );
    }
    case 'date':
      return <DateField {...base} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
}
