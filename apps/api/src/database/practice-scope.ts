import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ClsService } from 'nestjs-cls';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

export type PracticeTransactionHost = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * Runs work in one transaction that names the current practice, so row-level
 * security shows only that practice's rows. Services reach the database only
 * through `repository()` / `manager`, which follow the open transaction.
 */
@Injectable()
export class PracticeScope {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
  ) {}

  run<T>(practiceId: string, work: () => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(async () => {
      // LOCAL: gone when the transaction ends, so a pooled connection never carries one
      // request's practice into the next. A statement without parameters travels with the
      // transaction's start (see PreparedStatementsClient); the id is checked first, as it is
      // written into the text.
      if (!isUUID(practiceId, 'loose')) throw new Error('A practice id must be a UUID.');
      await this.txHost.tx.query(`SET LOCAL app.practice_id = '${practiceId}'`);
      return work();
    });
  }

  /** The same, for work with no HTTP request around it (jobs, seeding): it opens the context the transaction lives in. */
  runInBackground<T>(practiceId: string, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => this.run(practiceId, work));
  }

  /** Every practice's id, for jobs that go practice by practice (a narrow SECURITY DEFINER function: RLS hides the table itself). */
  async allPracticeIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.cls.run(() => this.txHost.tx.query('SELECT id FROM all_practice_ids() AS id'));
    return rows.map((row) => row.id);
  }

  get manager(): EntityManager {
    return this.txHost.tx;
  }

  repository<Entity extends ObjectLiteral>(entity: EntityTarget<Entity>): Repository<Entity> {
    return this.txHost.tx.getRepository(entity);
  }
}
