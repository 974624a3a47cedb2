import { MantineProvider, Radio, TextInput } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import { FormAlert } from '../FormAlert';
import { useFormErrorFocus } from '../use-form-error-focus';
import { clinician, memberFrom, owner } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

/** Records which elements were scrolled into view, in order (jsdom has no layout to scroll). */
function watchScrolling() {
  const scrolled: Element[] = [];
  vi.spyOn(window.HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
  return scrolled;
}

afterEach(() => vi.restoreAllMocks());

async function openAddTeamMember(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ 'GET /api/users': { body: [memberFrom(owner), memberFrom(clinician)] }, ...routes });
  const view = renderApp({ route: '/team', signedInAs: owner });
  await view.user.click(await screen.findByRole('button', { name: 'Add team member' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add team member' });
  return { ...view, api, dialog };
}

describe('a form dialog with errors', () => {
  it('takes the person to the first field its own checks refused, not the first field of the form', async () => {
    const scrolled = watchScrolling();
    const { user, dialog, api } = await openAddTeamMember();
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Noor Haddad');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    const email = within(dialog).getByRole('textbox', { name: /^E-mail/ });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toBeInvalid();
    expect(scrolled.at(-1)).toBe(email);
    expect(api.callsTo('POST', '/api/users')).toHaveLength(0);
  });

  it('takes the person to the field the server refused', async () => {
    const scrolled = watchScrolling();
    const { user, dialog } = await openAddTeamMember({
      'POST /api/users': {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['temporaryPassword is one of the most common passwords: choose another'] },
      },
    });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Noor Haddad');
    await user.type(within(dialog).getByRole('textbox', { name: /^E-mail/ }), 'noor@harbour.test');
    await user.type(within(dialog).getByLabelText(/^Temporary password/), 'Password1234');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    const password = within(dialog).getByLabelText(/^Temporary password/);
    expect(await within(dialog).findByText(/one of the most common passwords/)).toBeInTheDocument();
    await waitFor(() => expect(password).toHaveFocus());
    expect(scrolled.at(-1)).toBe(password);
  });

  it('takes the person to a message for the whole form when no single field is at fault', async () => {
    watchScrolling();
    const { user, dialog } = await openAddTeamMember({
      'POST /api/users': { status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['Your practice has reached its team limit.'] } },
    });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Noor Haddad');
    await user.type(within(dialog).getByRole('textbox', { name: /^E-mail/ }), 'noor@harbour.test');
    await user.type(within(dialog).getByLabelText(/^Temporary password/), 'a long and unusual phrase');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Your practice has reached its team limit.');
    await waitFor(() => expect(alert).toHaveFocus());
  });
});

/** A form whose refusal is a mutation's error, shown as it stands (as the acknowledge dialogs do). */
function AcknowledgeLike({ error, fieldError }: { error: Error | null; fieldError?: string }) {
  const { formRef } = useFormErrorFocus(error);
  return (
    <MantineProvider>
      <form ref={formRef} noValidate>
        <TextInput label="Note" />
        <Radio.Group label="Who it concerns" error={fieldError}>
          <Radio value="both" label="Both" />
        </Radio.Group>
        <FormAlert title="We couldn't acknowledge the alert" messages={error ? [error.message] : []} />
      </form>
    </MantineProvider>
  );
}

describe('revealing a refusal that arrives as an error', () => {
  it('does nothing until there is an error, then takes the person to it', async () => {
    const { rerender } = render(<AcknowledgeLike error={null} />);
    expect(document.body).toHaveFocus();

    rerender(<AcknowledgeLike error={new Error('Trustwork is busy. Try again shortly.')} />);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
  });

  it('takes the person to the first control of a group whose error is shown under it', async () => {
    render(<AcknowledgeLike error={new Error('Not saved.')} fieldError="Choose who it concerns." />);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Both' })).toHaveFocus());
  });
});
