import { useId, type ReactNode } from 'react';
import { textLength } from '../lib/field-errors';

interface FieldBase {
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function Optional({ required }: { required?: boolean }) {
  return required === false ? <span className="optional"> (optional)</span> : null;
}

/** A field's label (or a fieldset's legend) and its help line, which `${id}-help` describes. */
function FieldHeading({ id, label, help, required, as = 'label' }: { id: string; label: string; help?: string; required?: boolean; as?: 'label' | 'legend' }) {
  const name = (
    <>
      {label}
      <Optional required={required} />
    </>
  );
  return (
    <>
      {as === 'label' ? (
        <label htmlFor={id} className="label">
          {name}
        </label>
      ) : (
        <legend className="label">{name}</legend>
      )}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline: boolean;
  /** Off for a short field (a name), where counting characters is only noise. */
  counter?: boolean;
  autoComplete?: string;
}

/** Written answers; the counter counts as a person does, and is not announced on every key. */
export function TextField({ label, help, error, required, value, onChange, maxLength, multiline, counter = true, autoComplete }: TextFieldProps) {
  const id = useId();
  const length = textLength(value);
  const props = {
    id,
    value,
    className: 'input',
    autoComplete,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(help && `${id}-help`, counter && `${id}-count`, error && `${id}-error`),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <FieldHeading id={id} label={label} help={help} required={required} />
      {multiline ? <textarea rows={5} {...props} /> : <input type="text" {...props} />}
      {counter && (
        <p id={`${id}-count`} className={length > maxLength ? 'counter counter-over' : 'counter'}>
          {length} of {maxLength} characters
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** One box to tick, its label the whole statement (a confirmation, not a question). */
export function CheckboxField({ label, error, checked, onChange }: Omit<FieldBase, 'help' | 'required'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className={error ? 'choice choice-invalid' : 'choice'}>
        <input
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function DateField({ label, help, error, required, value, onChange }: FieldBase & { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <FieldHeading id={id} label={label} help={help} required={required} />
      <input
        id={id}
        type="date"
        className="input input-date"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(help && `${id}-help`, error && `${id}-error`)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

interface ChoicesProps extends FieldBase {
  options: readonly { value: string; label: string; hint?: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  multiple?: boolean;
  /** Shown under the legend, e.g. what the ends of a scale mean. */
  extra?: ReactNode;
  layout?: 'list' | 'scale' | 'inline';
}

/** Radios (one answer) or checkboxes (several) in a fieldset whose legend is the question. */
export function Choices({ label, help, error, required, options, value, onChange, multiple = false, extra, layout = 'list' }: ChoicesProps) {
  const id = useId();
  const toggle = (option: string, checked: boolean) => {
    if (!multiple) onChange([option]);
    else onChange(checked ? [...value, option] : value.filter((item) => item !== option));
  };
  return (
    <fieldset
      className="field fieldset"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(help && `${id}-help`, extra !== undefined && `${id}-extra`, error && `${id}-error`)}
    >
      <FieldHeading id={id} label={label} help={help} required={required} as="legend" />
      <div className={`choices choices-${layout}`}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>
              {option.label}
              {option.hint && <span className="hint">{option.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {extra !== undefined && (
        <div id={`${id}-extra`} className="scale-ends">
          {extra}
        </div>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

const SCALE_OPTIONS = Array.from({ length: 11 }, (_, index) => ({ value: String(index), label: String(index) }));

/** A 0-10 rating: eleven radios, with what each end means read out alongside. */
export function ScaleField({ minLabel, maxLabel, value, onChange, ...base }: FieldBase & { minLabel: string; maxLabel: string; value: number | null; onChange: (value: number) => void }) {
  return (
    <Choices
      {...base}
      layout="scale"
      options={SCALE_OPTIONS}
      value={value === null ? [] : [String(value)]}
      onChange={([chosen]) => onChange(Number(chosen))}
      extra={
        <>
          <span>0 = {minLabel}</span>
          <span>10 = {maxLabel}</span>
        </>
      }
    />
  );
}
