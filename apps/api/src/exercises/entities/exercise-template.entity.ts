import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A practice's own exercise. Its content lives in versions (ExerciseTemplateVersion);
 * editing adds a version and moves `currentVersion`, so older answers keep theirs.
 */
@Entity({ name: 'exercise_templates' })
export class ExerciseTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('integer', { name: 'current_version' })
  currentVersion: number;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /** The exercise it was copied from: `builtin:<key>` or another template's id. */
  @Column('text', { name: 'duplicated_from', nullable: true })
  duplicatedFrom: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
