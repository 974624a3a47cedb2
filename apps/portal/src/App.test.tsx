import { act, render, screen } from '@testing-library/react';
import { App } from './App';
import { takeParticipantToken } from './participant-token';

function openPortal(url: string) {
  window.history.replaceState(null, '', url);
  return render(<App initialToken={takeParticipantToken()} />);
}

describe('Participant portal', () => {
  it('asks for the personal link when opened without one', () => {
    openPortal('/p/');

    expect(screen.getByRole('heading', { level: 1, name: 'Your homework space' })).toBeInTheDocument();
    expect(
      screen.getByText('Open the personal link your therapist sent you to see your homework.'),
    ).toBeInTheDocument();
  });

  it('welcomes a participant with a link, hides the token from the address bar and sends it nowhere', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);

    openPortal('/p/#tok_3f9a-private');

    expect(
      screen.getByText('Your therapist has set up your space. Homework and check-ins will appear here soon.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/open the personal link/i)).not.toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('tok_3f9a-private');
    expect(document.body.textContent).not.toContain('tok_3f9a-private');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('picks up a link pasted into an already open page', () => {
    openPortal('/p/');

    act(() => {
      window.history.replaceState(null, '', '/p/#tok_later');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    expect(screen.getByText(/your therapist has set up your space/i)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
  });
});
