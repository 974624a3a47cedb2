import { type PortalLinkCreated, type PortalLinkStatus } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const portalLinkKeys = {
  all: ['portal-links'] as const,
  forCase: (caseId: string) => [...portalLinkKeys.all, caseId] as const,
};

export function fetchPortalLinks(caseId: string, signal?: AbortSignal): Promise<PortalLinkStatus[]> {
  return apiClient.get<PortalLinkStatus[]>(`/cases/${encodeURIComponent(caseId)}/portal-links`, { signal });
}

export interface PortalLinkTarget {
  caseId: string;
  participantId: string;
}

const linkPath = ({ caseId, participantId }: PortalLinkTarget) =>
  `/cases/${encodeURIComponent(caseId)}/participants/${encodeURIComponent(participantId)}/portal-link`;

/** Issues a new link (revoking the participant's old one); the URL in the answer is never shown again. */
export function createPortalLink(target: PortalLinkTarget): Promise<PortalLinkCreated> {
  return apiClient.post<PortalLinkCreated>(linkPath(target));
}

/** Stops the participant's link working at once, e.g. after a lost phone. */
export function revokePortalLink(target: PortalLinkTarget): Promise<void> {
  return apiClient.delete(linkPath(target));
}
