/** Calls the API as the journeys' setup does, failing the run with the answer when it is not a success. */
export async function apiRequest<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface CouplePractice {
  accessToken: string;
  caseId: string;
  participants: { id: string; displayName: string }[];
}

/** Registers a practice on UTC with its owner, who opens a couple's case (limited secrets) with the two partners. */
export async function registerWithCouple(
  practiceName: string,
  owner: { name: string; email: string; password: string },
  partners: [string, string],
): Promise<CouplePractice> {
  const { accessToken, user } = await apiRequest<{ accessToken: string; user: { id: string } }>('POST', 'auth/register', {
    practiceName,
    ...owner,
    timeZone: 'UTC',
  });
  const created = await apiRequest<{ id: string; participants: { id: string; displayName: string }[] }>(
    'POST',
    'cases',
    {
      relationshipType: 'couple',
      clinicianIds: [user.id],
      participants: partners.map((displayName) => ({ displayName, breachRole: 'not-stated' })),
      confidentialityPolicyId: 'builtin:limited-secrets',
    },
    accessToken,
  );
  return { accessToken, caseId: created.id, participants: created.participants };
}
