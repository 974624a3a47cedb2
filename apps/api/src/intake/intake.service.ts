import { Injectable } from '@nestjs/common';
import { AssignTo, AuditRecordType, type Assignment, type CaseStatus, type ExistingParticipant, type IntakeCreated, type IntakePortalLink, type RelationshipType } from '@trustwork/contracts';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CasesService } from '../cases/cases.service';
import type { ParticipantInputDto } from '../cases/dto/participant.dto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { InvalidRequest } from '../common/errors/domain-error';
import { PracticeScope } from '../database/practice-scope';
import { PortalLinksService } from '../portal/portal-links.service';
import type { CreateIntakeDto, IntakeExerciseDto, IntakeParticipantDto } from './dto/create-intake.dto';
import type { IntakeCheckDto } from './dto/intake-check.dto';
import { InvalidIntake } from './intake.errors';

/** At most this many earlier records per check: enough to offer a link, never a list of the practice. */
const MAX_MATCHES = 20;

interface EarlierRecord {
  id: string;
  case_id: string;
  /** The person's first record: a link always points there, so every record of one person names the same one. */
  first_id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  pronouns: string | null;
}

interface MatchRow {
  id: string;
  display_name: string;
  email: string;
  case_id: string;
  status: CaseStatus;
  relationship_type: RelationshipType;
  created_at: Date;
}

/** The fields a new person brings; a linked one takes them from the earlier record. */
const DETAIL_FIELDS = ['displayName', 'email', 'phone', 'pronouns'] as const;

/**
 * Linked intake: the case, both people, the phase, the first exercises and both portal links
 * in the request's one transaction, so a failure at any step leaves nothing behind. Each step
 * goes through the feature that owns it (cases, assignments, portal links), whose checks and
 * audit rows apply as for their own routes.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly cases: CasesService,
    private readonly assignments: AssignmentsService,
    private readonly portalLinks: PortalLinksService,
    private readonly audit: AuditService,
  ) {}

  /** Participants of the practice with one of these e-mails, newest case first, so the form can offer to link. */
  async existing(user: AuthenticatedUser, request: IntakeCheckDto): Promise<ExistingParticipant[]> {
    this.access.assertClinical(user);
    const rows: MatchRow[] = await this.scope.manager.query(
      `SELECT p.id, p.display_name, p.email, p.case_id, c.status, c.relationship_type, c.created_at
       FROM participants p JOIN cases c ON c.id = p.case_id
       WHERE p.practice_id = $1 AND lower(p.email) = ANY($2::text[])
       ORDER BY c.created_at DESC, p.position LIMIT ${MAX_MATCHES}`,
      [user.practiceId, request.emails],
    );
    await this.audit.recordList(user.practiceId, {
      action: 'participant.match',
      recordType: AuditRecordType.Participant,
      recordIds: rows.map((row) => row.id),
      caseIds: rows.map((row) => row.case_id),
    });
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      email: row.email,
      caseId: row.case_id,
      caseStatus: row.status,
      relationshipType: row.relationship_type,
      caseOpenedAt: new Date(row.created_at).toISOString(),
    }));
  }

  async create(user: AuthenticatedUser, request: CreateIntakeDto): Promise<IntakeCreated> {
    this.access.assertClinical(user);
    // Everything that can be checked is checked before the first write, so a mistake comes back
    // under its field; whatever fails later still rolls the whole request back.
    const problems = [...request.participants.flatMap(participantProblems), ...(request.exercises ?? []).flatMap(exerciseProblems)];
    if (problems.length > 0) throw new InvalidIntake(problems);
    const earlier = await this.earlierRecords(user, request.participants);
    for (const [index, exercise] of (request.exercises ?? []).entries()) {
      await atExercise(index, () => this.assignments.check(user, request.relationshipType, exercise));
    }

    const { participants, exercises, createPortalLinks, ...caseFields } = request;
    const created = await this.cases.create(
      user,
      { ...caseFields, participants: participants.map((participant, index) => detailsOf(participant, earlier[index])) },
      earlier.map((record) => record?.first_id ?? null),
    );
    const linked = earlier.flatMap((record, index) => (record ? [{ record, participantId: created.participants[index].id }] : []));
    await this.audit.record(
      user.practiceId,
      linked.map(({ record }) => ({ action: 'participant.link', recordType: AuditRecordType.Participant, recordId: record.id, caseId: record.case_id })),
    );

    const assignments: Assignment[] = [];
    for (const [index, { participantIndex, ...exercise }] of (exercises ?? []).entries()) {
      const participantId = participantIndex === undefined ? undefined : created.participants[participantIndex].id;
      assignments.push(...(await atExercise(index, () => this.assignments.assign(user, created.id, { ...exercise, participantId }))));
    }

    const portalLinks: IntakePortalLink[] = [];
    if (createPortalLinks) {
      for (const { id } of created.participants) portalLinks.push({ participantId: id, ...(await this.portalLinks.create(user, created.id, id)) });
    }
    return {
      case: created,
      linkedParticipants: linked.map(({ record, participantId }) => ({ participantId, linkedParticipantId: record.first_id })),
      assignments,
      portalLinks,
    };
  }

  /** Each person's earlier record when they are linked (null when new); an id not of this practice is refused. */
  private async earlierRecords(user: AuthenticatedUser, participants: IntakeParticipantDto[]): Promise<(EarlierRecord | null)[]> {
    const ids = participants.flatMap((participant) => (participant.linkTo ? [participant.linkTo] : []));
    if (ids.length === 0) return participants.map(() => null);
    const rows: EarlierRecord[] = await this.scope.manager.query(
      `SELECT id, case_id, coalesce(linked_participant_id, id) AS first_id, display_name, email, phone, pronouns
       FROM participants WHERE practice_id = $1 AND id = ANY($2::uuid[])`,
      [user.practiceId, ids],
    );
    const records = participants.map((participant) => (participant.linkTo ? (rows.find((row) => row.id === participant.linkTo) ?? null) : null));
    const problems = participants.flatMap((participant, index) =>
      participant.linkTo && !records[index] ? [`participants.${index}.linkTo must be the id of a participant of your practice`] : [],
    );
    if (records[0] && records[1] && records[0].first_id === records[1].first_id) problems.push('participants.1.linkTo names the same person as participants.0');
    if (problems.length > 0) throw new InvalidIntake(problems);
    return records;
  }
}

function participantProblems(participant: IntakeParticipantDto, index: number): string[] {
  if (participant.linkTo) {
    const sent = DETAIL_FIELDS.filter((field) => participant[field] !== undefined && participant[field] !== null);
    return sent.length > 0 ? [`participants.${index}.linkTo reuses the earlier record’s details: send only linkTo and breachRole, not ${sent.join(', ')}`] : [];
  }
  return participant.displayName ? [] : [`participants.${index}.displayName is required`];
}

/** Which person an exercise is for: the intake names them by position, as they have no ids yet. */
function exerciseProblems({ assignTo, participantIndex }: IntakeExerciseDto, index: number): string[] {
  if (assignTo === AssignTo.Participant) return participantIndex === undefined ? [`exercises.${index}.participantIndex is required with assignTo ${AssignTo.Participant}`] : [];
  return participantIndex === undefined ? [] : [`exercises.${index}.participantIndex is only for assignTo ${AssignTo.Participant}`];
}

function detailsOf(participant: IntakeParticipantDto, earlier: EarlierRecord | null): ParticipantInputDto {
  // participantProblems has made sure a new person has a name.
  if (!earlier) return participant as ParticipantInputDto;
  return { displayName: earlier.display_name, email: earlier.email, phone: earlier.phone, pronouns: earlier.pronouns, breachRole: participant.breachRole };
}

/** "dueOn must be …" names its field; "send either dueOn … or recurrence" does not. */
const NAMES_ITS_FIELD = /^[a-z][\w.]* (must|is|can) /;

/** The assignments feature's problems, placed under the exercise they are about. */
async function atExercise<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InvalidRequest)) throw error;
    throw new InvalidIntake(error.problems.map((problem) => (NAMES_ITS_FIELD.test(problem) ? `exercises.${index}.${problem}` : `exercises.${index}: ${problem}`)));
  }
}
