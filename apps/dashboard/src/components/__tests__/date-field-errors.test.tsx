import { MantineProvider } from '@mantine/core';
import { DateInput, DatePickerInput, DateTimePicker } from '@mantine/dates';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactElement } from 'react';
import { cssVariablesResolver, theme } from '../../app/theme';

function renderThemed(field: ReactElement) {
  return render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {field}
    </MantineProvider>,
  );
}

/** True when `first` comes before `second` in the page. */
function precedes(first: Node, second: Node): boolean {
  return Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
}

// The calendar opens below its field, over whatever follows it: the error must come before the field.
describe.each([
  ['DatePickerInput', (error: string) => <DatePickerInput label="Due on" error={error} />],
  ['DateTimePicker', (error: string) => <DateTimePicker label="Date and time" error={error} />],
])('%s', (_name, field) => {
  it('shows its error above the field, where the open calendar cannot cover it', async () => {
    renderThemed(field('Choose a day from today on.'));
    const button = screen.getByRole('button', { name: /^(Due on|Date and time)/ });
    await userEvent.click(button);

    const error = screen.getByText('Choose a day from today on.');
    expect(precedes(error, button)).toBe(true);
    expect(button).toHaveAccessibleDescription(/Choose a day from today on\./);
  });
});

describe('DateInput', () => {
  it('shows its error above the field too', () => {
    renderThemed(<DateInput label="Date" error="Enter a real date." />);
    const input = screen.getByRole('textbox', { name: 'Date' });
    expect(precedes(screen.getByText('Enter a real date.'), input)).toBe(true);
  });
});
