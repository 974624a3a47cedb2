import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A team member's secret calendar address; at most one is live (not revoked) per member. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeedRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'practice_id' })
  practiceId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  /** SHA-256 of the token in the address; the token itself is never stored. */
  @Column('bytea', { name: 'token_sha256' })
  tokenSha256: Buffer;

  @Column('boolean', { name: 'include_video_links' })
  includeVideoLinks: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
