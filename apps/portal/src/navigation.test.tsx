import type { PortalAssignment } from '@trustwork/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { TOKEN, json, openPortalAt, stubApi } from './test/portal';

const reflection: PortalAssignment = {
  id: 'a-1',
  title: 'Daily reflection',
  instructions: 'Take five quiet minutes.',
  note: null,
  prompts: [{ key: 'noticed', type: 'text', label: 'What did you notice?', required: true, maxLength: 500, multiline: true }],
  together: false,
  dueOn: '2026-11-26',
  recurrence: null,
  occurrences: [{ on: '2026-11-26', status: 'due' }],
};

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

function reload() {
  cleanup();
  render(<App initialToken={TOKEN} />);
}

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('moving between screens', { timeout: 20_000 }, () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/p/');
    stubApi({ 'GET assignments': () => json([reflection]), 'GET check-ins': () => json([]), 'GET shared': () => json([]) });
  });

  it('gives each screen its own address, so the phone’s Back and Forward move between them', async () => {
    await openPortalAt('Do your check-in');
    expect(await heading('Weekly check-in')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/check-in');

    window.history.back();
    expect(await heading('Hi Alex')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/');

    window.history.forward();
    expect(await heading('Weekly check-in')).toBeInTheDocument();

    // The app's own Back is the phone's Back: no extra entry to step through.
    fireEvent.click(screen.getByRole('button', { name: 'Back to your space' }));
    expect(await heading('Hi Alex')).toBeInTheDocument();
    window.history.forward();
    expect(await heading('Weekly check-in')).toBeInTheDocument();
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('keeps the screen across a reload, down to the exercise', async () => {
    await openPortalAt('See your homework');
    fireEvent.click(await screen.findByRole('button', { name: 'Open Daily reflection' }));
    expect(await heading('Daily reflection')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/homework/a-1');

    reload();
    expect(await heading('Daily reflection')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your homework' }));
    expect(await heading('Your homework')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/homework');

    window.history.back();
    expect(await heading('Hi Alex')).toBeInTheDocument();
  });

  it('opens an address straight away, and its Back leads home instead of out of the portal', async () => {
    window.history.replaceState(null, '', '/p/private');
    const entries = window.history.length;
    render(<App initialToken={TOKEN} />);
    expect(await heading('Talk to your therapist privately')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Back to your space' }));
    expect(await heading('Hi Alex')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/');
    expect(window.history.length).toBe(entries);
  });

  it('says so when an exercise in the address is no longer in the homework', async () => {
    window.history.replaceState(null, '', '/p/homework/a-gone');
    render(<App initialToken={TOKEN} />);
    expect(await heading('This exercise is not in your homework')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your homework' }));
    expect(await heading('Your homework')).toBeInTheDocument();
  });
});
