import { type CreateIntakeRequest, type ExistingParticipant, type IntakeCreated } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

/** The case, both people, the first exercises and the portal links, in one request: all or nothing. */
export function createIntake(request: CreateIntakeRequest): Promise<IntakeCreated> {
  return apiClient.post<IntakeCreated>('/intakes', request);
}

/** People the practice already has with this e-mail, newest case first. */
export function findExistingParticipants(email: string): Promise<ExistingParticipant[]> {
  return apiClient.post<ExistingParticipant[]>('/intakes/check', { emails: [email] });
}
