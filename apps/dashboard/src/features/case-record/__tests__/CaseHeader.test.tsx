import { screen, within } from '@testing-library/react';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { assistantCaseRecord, CASE_ID, caseApi, caseRecord, JORDAN } from './case-record-fixtures';

describe('Case page header', () => {
  it('shows both people, their sides of the breach, the status and the phase', async () => {
    caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    const alex = screen.getByRole('article', { name: 'Partner 1: Alex Morgan' });
    expect(within(alex).getByText('(she/her)')).toBeInTheDocument();
    expect(within(alex).getByText('Broke trust')).toBeInTheDocument();
    const jordan = screen.getByRole('article', { name: 'Partner 2: Jordan Lee' });
    expect(within(jordan).getByText('Was hurt')).toBeInTheDocument();

    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText(/Telling and hearing the hurt/)).toBeInTheDocument();
    expect(screen.getByText('Clinician: Sam Rivera (you)')).toBeInTheDocument();
    expect(screen.getByText(caseRecord.presentingConcern as string)).toBeInTheDocument();

    // Contact details only on request.
    expect(within(alex).queryByRole('link', { name: /alex@example.com/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show contact details' }));
    expect(within(alex).getByRole('link', { name: /alex@example.com/ })).toHaveAttribute('href', 'mailto:alex@example.com');
    expect(within(jordan).getByText('No e-mail on file')).toBeInTheDocument();
    expect(within(jordan).getByRole('link', { name: /7700 900456/ })).toHaveAttribute('href', 'tel:+447700900456');
  });

  it('says plainly when the case is not in the caseload, with a way back', async () => {
    mockApi({
      'GET /api/cases/not-mine': {
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'No case with that id in your caseload.' },
      },
    });
    renderApp({ route: '/cases/not-mine/sessions', signedInAs: clinician });

    expect(await screen.findByRole('heading', { name: 'No case with that id in your caseload' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to the caseload/i })).toHaveAttribute('href', '/cases');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });

  it('offers the tabs as links', async () => {
    caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    const timeline = await screen.findByRole('tab', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Homework' })).toHaveAttribute('href', `/cases/${CASE_ID}/homework`);
    expect(screen.getByRole('tab', { name: 'Progress' })).toHaveAttribute('href', `/cases/${CASE_ID}/progress`);
    expect(screen.getByRole('tab', { name: 'Agreements' })).toHaveAttribute('href', `/cases/${CASE_ID}/agreements`);

    const sessions = screen.getByRole('tab', { name: 'Sessions & notes' });
    expect(sessions).toHaveAttribute('href', `/cases/${CASE_ID}/sessions`);
    await user.click(sessions);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sessions & notes' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Sessions & notes' })).toHaveAttribute('aria-selected', 'true');
  });

  it('moves the case to another phase and lists the phase history', async () => {
    const api = caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Change phase' }));
    const drawer = screen.getByRole('dialog', { name: 'Programme phase' });
    const history = within(drawer).getAllByRole('listitem').map((item) => item.textContent);
    expect(history[0]).toMatch(/^Moved to phase 3: Telling and hearing the hurt/);
    expect(history[2]).toMatch(/^Started in phase 1: Taking ownership.*by Sam Rivera/);

    await user.click(within(drawer).getByRole('combobox', { name: 'Move to phase' }));
    await user.click(within(drawer).getByRole('option', { name: '4 · Openness and reliability' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save phase' }));

    expect(await screen.findByText('Moved to phase 4')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/cases/${CASE_ID}`).map((call) => call.body)).toEqual([{ phase: 4 }]);
  });

  it('asks before closing a case, and explains what closing does', async () => {
    const api = caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Close case…' }));
    const dialog = screen.getByRole('dialog', { name: 'Close this case?' });
    expect(within(dialog).getByText(/nothing is deleted/i)).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/cases/${CASE_ID}`)).toHaveLength(0);

    // A double-click closes it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Close case' }));
    expect(await screen.findByText('This case is closed')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/cases/${CASE_ID}`).map((call) => call.body)).toEqual([{ status: 'closed' }]);
    expect(screen.getByRole('button', { name: 'Reopen case' })).toBeInTheDocument();
  });

  it('lets an assistant correct contact details only, without clinical text', async () => {
    const api = caseApi({ detail: assistantCaseRecord });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: assistant });

    await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' });
    expect(screen.queryByText('Presenting concern')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change phase' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit contact details' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contact details' });
    expect(within(dialog).queryByLabelText('Presenting concern')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: 'Side of the breach' })).not.toBeInTheDocument();
    // Pronouns are shown to the other person in their portal, and the field says so.
    for (const pronouns of within(dialog).getAllByLabelText('Pronouns')) {
      expect(pronouns).toHaveAccessibleDescription('Shown to the other partner in their portal.');
    }

    const phones = within(dialog).getAllByLabelText('Phone');
    await user.clear(phones[1]);
    await user.paste('+44 7700 900999');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Case details saved')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/cases/${CASE_ID}`).map((call) => call.body)).toEqual([
      { participants: [{ id: JORDAN, phone: '+44 7700 900999' }] },
    ]);
  });

  it("puts the API's objection to a participant's field under that person's input", async () => {
    caseApi({
      routes: {
        [`PATCH /api/cases/${CASE_ID}`]: {
          status: 400,
          // The request lists only the changed person, so the API's place 0 is the form's second person.
          body: { statusCode: 400, error: 'Bad Request', message: ['participants.0.email must be a valid e-mail address'] },
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit case details' });
    const emails = within(dialog).getAllByLabelText('E-mail');
    await user.clear(emails[1]);
    await user.paste('jordan@exa_mple.com');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('email must be a valid e-mail address')).toBeInTheDocument();
    expect(emails[1]).toHaveAttribute('aria-invalid', 'true');
    expect(emails[0]).not.toHaveAttribute('aria-invalid', 'true');
  });
});
