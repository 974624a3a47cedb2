import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A clinician assigned to a case; clinicians see only their assigned cases. */
@Entity({ name: 'case_clinicians' })
export class CaseClinician {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;
}
