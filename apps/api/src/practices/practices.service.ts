import { Injectable } from '@nestjs/common';
import type { PracticeSummary } from '@trustwork/contracts';
import { PracticeScope } from '../database/practice-scope';
import { Practice } from './practice.entity';

@Injectable()
export class PracticesService {
  constructor(private readonly scope: PracticeScope) {}

  /** Call inside `PracticeScope.run(id, …)` with the new practice's id. */
  async create(id: string, name: string): Promise<PracticeSummary> {
    await this.scope.repository(Practice).insert({ id, name });
    return { id, name };
  }

  async summary(id: string): Promise<PracticeSummary> {
    const practice = await this.scope.repository(Practice).findOneOrFail({ select: { id: true, name: true }, where: { id } });
    return { id: practice.id, name: practice.name };
  }
}
