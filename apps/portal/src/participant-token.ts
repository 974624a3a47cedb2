/**
 * The participant's personal link (/p/#<token>) is their only key: there is no account.
 * It is kept in this device's localStorage so the page reopens from the home screen
 * after a reload; "Forget this device" removes it. It never goes into a URL, a log or
 * the page itself, only into the Authorization header of /api calls.
 */
const STORAGE_KEY = 'trustwork.portal.link';

/**
 * Takes the token from the address bar's fragment and wipes it from there, so it does not
 * linger in history or over-the-shoulder view.
 */
export function takeParticipantToken(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash) return null;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  let token = hash.slice(1);
  try {
    token = decodeURIComponent(token);
  } catch {
    // A mangled link: keep the raw text and let the API judge it.
  }
  return token.trim() || null;
}

/** A link just opened wins over the one remembered, which it replaces. */
export function openParticipantToken(): string | null {
  const fromLink = takeParticipantToken();
  if (fromLink) {
    rememberParticipantToken(fromLink);
    return fromLink;
  }
  return rememberedParticipantToken();
}

// Storage can be switched off (private browsing, strict settings): the portal then
// still works for this visit, it just cannot reopen without the link.
export function rememberParticipantToken(token: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, token);
  } catch {
    /* kept in memory only */
  }
}

export function rememberedParticipantToken(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function forgetParticipantToken(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing was stored */
  }
}
