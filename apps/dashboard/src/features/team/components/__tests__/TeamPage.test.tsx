import { screen, waitFor, within } from '@testing-library/react';
import { type AddTeamMemberRequest, type TeamMember, type UpdateTeamMemberRequest } from '@trustwork/contracts';
import { formatDate } from '../../../../lib/format';
import { assistant, assistantMember, clinician, memberFrom, owner } from '../../../../test/fixtures';
import { mockApi, type RecordedCall } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

const clinicianMember = memberFrom(clinician, { createdAt: '2025-02-10T09:00:00.000Z' });
const formerMember: TeamMember = {
  id: 'user-former',
  name: 'Jo Bexley',
  email: 'jo@harbour.test',
  role: 'clinician',
  active: false,
  createdAt: '2024-11-01T09:00:00.000Z',
  twoFactorEnabled: false,
  mustChoosePassword: false,
};

/** A small stand-in for /api/users that remembers changes, like the real API. */
function teamApi(initial: TeamMember[]) {
  let members = [...initial];
  const update = (id: string) => (call: RecordedCall) => {
    const changes = call.body as UpdateTeamMemberRequest;
    members = members.map((member) => (member.id === id ? { ...member, ...changes } : member));
    return { body: members.find((member) => member.id === id) };
  };
  return mockApi({
    'GET /api/users': () => ({ body: members }),
    'POST /api/users': (call) => {
      const { temporaryPassword: _password, ...request } = call.body as AddTeamMemberRequest;
      const added: TeamMember = {
        ...request,
        id: 'user-new',
        active: true,
        createdAt: '2025-06-01T09:00:00.000Z',
        twoFactorEnabled: false,
        mustChoosePassword: true,
      };
      members = [...members, added];
      return { status: 201, body: added };
    },
    ...Object.fromEntries(initial.map((member) => [`PATCH /api/users/${member.id}`, update(member.id)])),
    ...Object.fromEntries(initial.map((member) => [`POST /api/users/${member.id}/sign-out`, { status: 204 }])),
    ...Object.fromEntries(
      initial.map((member) => [
        `DELETE /api/users/${member.id}/two-factor`,
        () => {
          members = members.map((each) => (each.id === member.id ? { ...each, twoFactorEnabled: false } : each));
          return { status: 204 };
        },
      ]),
    ),
  });
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

describe('Team page', () => {
  it('lists every team member with role, status and date added', async () => {
    teamApi([memberFrom(owner), clinicianMember, formerMember]);
    renderApp({ route: '/team', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Team members' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    const ownerRow = rowOf(owner.name);
    expect(within(ownerRow).getByText(owner.email)).toBeInTheDocument();
    expect(within(ownerRow).getByText('Owner')).toBeInTheDocument();
    expect(within(ownerRow).getByText('Active')).toBeInTheDocument();
    expect(within(ownerRow).getByText(formatDate(memberFrom(owner).createdAt))).toBeInTheDocument();

    const formerRow = rowOf(formerMember.name);
    expect(within(formerRow).getByText('Clinician')).toBeInTheDocument();
    expect(within(formerRow).getByText('Deactivated')).toBeInTheDocument();
    expect(within(rowOf(clinician.name)).getByText('You')).toBeInTheDocument();
  });

  it('shows a clinician the team without any management controls', async () => {
    teamApi([memberFrom(owner), clinicianMember, formerMember]);
    renderApp({ route: '/team', signedInAs: clinician });

    await screen.findByRole('table', { name: 'Team members' });
    expect(screen.queryByRole('button', { name: /add team member/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /deactivate|reactivate/i })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^role for/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Access' })).not.toBeInTheDocument();
  });

  it('lets the owner add a team member and shows them in the list', async () => {
    const api = teamApi([memberFrom(owner), clinicianMember]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Add team member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add team member' });
    await user.type(within(dialog).getByLabelText(/^name/i), 'Priya Natarajan');
    await user.type(within(dialog).getByLabelText(/^e-mail/i), 'priya@harbour.test');
    await user.click(within(dialog).getByRole('combobox', { name: /^role/i }));
    await user.click(within(dialog).getByRole('option', { name: 'Assistant' }));
    await user.type(within(dialog).getByLabelText(/^temporary password/i), 'first-day-pass');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    expect(await screen.findByRole('rowheader', { name: /Priya Natarajan/ })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/users').map((call) => call.body)).toEqual([
      { name: 'Priya Natarajan', email: 'priya@harbour.test', role: 'assistant', temporaryPassword: 'first-day-pass' },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Priya Natarajan has been added to the team')).toBeInTheDocument();
    expect(within(rowOf('Priya Natarajan')).getByRole('combobox', { name: 'Role for Priya Natarajan' })).toHaveValue(
      'Assistant',
    );
  });

  it('checks the new member form before sending it, and can generate a temporary password', async () => {
    const api = teamApi([memberFrom(owner)]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Add team member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add team member' });
    await user.type(within(dialog).getByLabelText(/^temporary password/i), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    expect(within(dialog).getByText('Enter their name.')).toBeInTheDocument();
    expect(within(dialog).getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/users')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    const password = within(dialog).getByLabelText(/^temporary password/i);
    expect((password as HTMLInputElement).value.length).toBeGreaterThanOrEqual(10);
    expect(password).toHaveAttribute('type', 'text');
  });

  it('puts a duplicate e-mail error on the e-mail field', async () => {
    mockApi({
      'GET /api/users': { body: [memberFrom(owner), assistantMember] },
      'POST /api/users': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Someone with this e-mail already has an account.' },
      },
    });
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Add team member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add team member' });
    await user.type(within(dialog).getByLabelText(/^name/i), 'Priya Again');
    await user.type(within(dialog).getByLabelText(/^e-mail/i), assistantMember.email);
    await user.type(within(dialog).getByLabelText(/^temporary password/i), 'first-day-pass');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    const email = within(dialog).getByLabelText(/^e-mail/i);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Someone with this e-mail already has an account.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add team member' })).toBeInTheDocument();
  });

  it("shows the API's reason for refusing a temporary password under that field", async () => {
    const reason =
      "temporaryPassword is too common or easy to guess: it uses the person's name, e-mail address or the practice's name. Try a longer phrase of several unrelated words.";
    mockApi({
      'GET /api/users': { body: [memberFrom(owner)] },
      'POST /api/users': { status: 400, body: { statusCode: 400, error: 'Bad Request', message: [reason] } },
    });
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Add team member' }));
    const dialog = screen.getByRole('dialog', { name: 'Add team member' });
    await user.type(within(dialog).getByLabelText(/^name/i), 'Priya Natarajan');
    await user.type(within(dialog).getByLabelText(/^e-mail/i), 'priya@harbour.test');
    await user.type(within(dialog).getByLabelText(/^temporary password/i), 'priya natarajan');
    await user.click(within(dialog).getByRole('button', { name: 'Add team member' }));

    // Under the field, and read out with it.
    const password = within(dialog).getByLabelText(/^temporary password/i);
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining(reason)));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for confirmation before deactivating someone', async () => {
    const api = teamApi([memberFrom(owner), clinicianMember]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Deactivate Sam Rivera' }));
    let dialog = screen.getByRole('dialog', { name: 'Deactivate Sam Rivera?' });
    expect(dialog).toHaveTextContent('They will be signed out and can no longer sign in.');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/users/${clinician.id}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Deactivate Sam Rivera' }));
    dialog = screen.getByRole('dialog', { name: 'Deactivate Sam Rivera?' });
    // A double-click sends it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByRole('button', { name: 'Reactivate Sam Rivera' })).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/users/${clinician.id}`).map((call) => call.body)).toEqual([{ active: false }]);
    expect(within(rowOf(clinician.name)).getByText('Deactivated')).toBeInTheDocument();
  });

  it('lets the owner change a role, but never their own role or access', async () => {
    const api = teamApi([memberFrom(owner), clinicianMember]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await screen.findByRole('table', { name: 'Team members' });
    const ownRow = rowOf(owner.name);
    expect(within(ownRow).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(ownRow).queryByRole('button')).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Role for Sam Rivera' }));
    await user.click(screen.getByRole('option', { name: 'Assistant' }));

    await waitFor(() =>
      expect(api.callsTo('PATCH', `/api/users/${clinician.id}`).map((call) => call.body)).toEqual([
        { role: 'assistant' },
      ]),
    );
    expect(await screen.findByText("Sam Rivera's role is now Assistant.")).toBeInTheDocument();
  });

  it('shows who has two-factor, and who is still on a temporary password', async () => {
    const newcomer = memberFrom(assistant, { mustChoosePassword: true });
    teamApi([memberFrom(owner, { twoFactorEnabled: true }), clinicianMember, newcomer]);
    renderApp({ route: '/team', signedInAs: clinician });

    await screen.findByRole('table', { name: 'Team members' });
    const column = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(column).toContain('Two-factor');
    expect(within(rowOf(owner.name)).getByText('On')).toBeInTheDocument();
    expect(within(rowOf(clinician.name)).getByText('Off')).toBeInTheDocument();
    expect(within(rowOf(newcomer.name)).getByText('Temporary password')).toBeInTheDocument();
    expect(within(rowOf(clinician.name)).queryByText('Temporary password')).not.toBeInTheDocument();
    // Managing colleagues is the owner's.
    expect(screen.queryByRole('button', { name: /^More actions for/ })).not.toBeInTheDocument();
  });

  it('lets the owner sign a colleague out everywhere, once confirmed', async () => {
    const api = teamApi([memberFrom(owner), clinicianMember]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'More actions for Sam Rivera' }));
    // Two-factor is off for Sam: nothing to reset.
    expect(screen.queryByRole('menuitem', { name: 'Reset two-factor' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out everywhere' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign Sam Rivera out everywhere?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));

    expect(await screen.findByText('Sam Rivera has been signed out on every device.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/users/${clinician.id}/sign-out`)).toHaveLength(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("resets a colleague's two-factor after confirmation, and the column follows", async () => {
    const api = teamApi([memberFrom(owner), memberFrom(clinician, { twoFactorEnabled: true })]);
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await screen.findByRole('table', { name: 'Team members' });
    expect(within(rowOf(clinician.name)).getByText('On')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More actions for Sam Rivera' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset two-factor' }));
    let dialog = screen.getByRole('dialog', { name: 'Reset two-factor for Sam Rivera?' });
    expect(dialog).toHaveTextContent('Do this when they have lost their phone');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('DELETE', `/api/users/${clinician.id}/two-factor`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'More actions for Sam Rivera' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset two-factor' }));
    dialog = screen.getByRole('dialog', { name: 'Reset two-factor for Sam Rivera?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Reset two-factor' }));

    expect(await screen.findByText(/^Sam Rivera's two-factor has been reset\./)).toBeInTheDocument();
    expect(api.callsTo('DELETE', `/api/users/${clinician.id}/two-factor`)).toHaveLength(1);
    await waitFor(() => expect(within(rowOf(clinician.name)).getByText('Off')).toBeInTheDocument());
  });

  it("says so when a colleague cannot be signed out, and keeps the dialog open", async () => {
    mockApi({
      'GET /api/users': { body: [memberFrom(owner), clinicianMember] },
      [`POST /api/users/${clinician.id}/sign-out`]: {
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: 'Trustwork is busy. Try again shortly.' },
      },
    });
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'More actions for Sam Rivera' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out everywhere' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign Sam Rivera out everywhere?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Trustwork is busy. Try again shortly.');
  });

  it('offers a retry when the team cannot be loaded', async () => {
    let failing = true;
    mockApi({
      'GET /api/users': () =>
        failing
          ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Database unavailable.' } }
          : { body: [memberFrom(owner)] },
    });
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load your team");
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table', { name: 'Team members' })).toBeInTheDocument();
  });
});
