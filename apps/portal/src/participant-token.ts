/**
 * Takes the participant's token from a personal link (/p/#<token>) and wipes it from
 * the address bar, so it does not linger in history or over-the-shoulder view.
 * The token stays in memory only.
 */
export function takeParticipantToken(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash) return null;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  let token = hash.slice(1);
  try {
    token = decodeURIComponent(token);
  } catch {
    // A mangled link: keep the raw text and let the API judge it later.
  }
  return token.trim() || null;
}
