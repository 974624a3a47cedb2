import { useEffect, useState } from 'react';
import { takeParticipantToken } from './participant-token';

interface AppProps {
  initialToken: string | null;
}

export function App({ initialToken }: AppProps) {
  // Not sent anywhere yet: the homework API comes in a later release.
  const [token, setToken] = useState(initialToken);

  useEffect(() => {
    // A link pasted into an already-open tab only changes the hash.
    const onHashChange = () => {
      const next = takeParticipantToken();
      if (next) setToken(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <main className="page">
      <p className="brand">Trustwork</p>
      <h1>Your homework space</h1>
      {token ? (
        <>
          <p className="lead">
            Your therapist has set up your space. Homework and check-ins will appear here soon.
          </p>
          <p className="note">This page is just for you. Please keep your personal link to yourself.</p>
        </>
      ) : (
        <p className="lead">Open the personal link your therapist sent you to see your homework.</p>
      )}
    </main>
  );
}
