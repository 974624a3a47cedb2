import { Injectable } from '@nestjs/common';
import type { PracticeSummary } from '@trustwork/contracts';
import { PracticeScope } from '../database/practice-scope';
import type { UpdatePracticeDto } from './dto/update-practice.dto';
import { Practice } from './practice.entity';

const SUMMARY_COLUMNS = { id: true, name: true, timeZone: true } as const;

@Injectable()
export class PracticesService {
  constructor(private readonly scope: PracticeScope) {}

  /** Call inside `PracticeScope.run(id, …)` with the new practice's id. */
  async create(id: string, name: string, timeZone = 'UTC'): Promise<PracticeSummary> {
    await this.scope.repository(Practice).insert({ id, name, timeZone });
    return { id, name, timeZone };
  }

  async summary(id: string): Promise<PracticeSummary> {
    const practice = await this.scope.repository(Practice).findOneOrFail({ select: SUMMARY_COLUMNS, where: { id } });
    return { id: practice.id, name: practice.name, timeZone: practice.timeZone };
  }

  async update(id: string, changes: UpdatePracticeDto): Promise<PracticeSummary> {
    const practice = await this.scope.repository(Practice).findOneOrFail({ select: SUMMARY_COLUMNS, where: { id } });
    if (changes.name !== undefined) practice.name = changes.name;
    if (changes.timeZone !== undefined) practice.timeZone = changes.timeZone;
    await this.scope.repository(Practice).save(practice);
    return { id: practice.id, name: practice.name, timeZone: practice.timeZone };
  }
}
