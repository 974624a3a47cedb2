import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startHomeReads } from './lib/head-start';
import { openParticipantToken } from './participant-token';

// Read once, before rendering, so the token leaves the address bar straight away.
const initialToken = openParticipantToken();
startHomeReads(initialToken);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App initialToken={initialToken} />
  </StrictMode>,
);
