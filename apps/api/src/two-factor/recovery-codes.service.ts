import { Injectable } from '@nestjs/common';
import { RECOVERY_CODE_COUNT } from '@trustwork/contracts';
import { IsNull } from 'typeorm';
import { PracticeScope } from '../database/practice-scope';
import { newRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { RecoveryCode } from './recovery-code.entity';

interface Person {
  id: string;
  practiceId: string;
}

/** A person's one-time recovery codes, for signing in without their phone. */
@Injectable()
export class RecoveryCodesService {
  constructor(private readonly scope: PracticeScope) {}

  /** A new set, shown once; every earlier code stops working. */
  async replace(person: Person): Promise<string[]> {
    await this.remove(person);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.scope
      .repository(RecoveryCode)
      .insert(codes.map((code) => ({ practiceId: person.practiceId, userId: person.id, codeHash: recoveryCodeHash(code) })));
    return codes;
  }

  /** Marks the code used if it is one of the person's unused ones: one statement, so two requests cannot both use it. */
  async use(person: Person, typed: string): Promise<boolean> {
    const result = await this.scope
      .repository(RecoveryCode)
      .update({ practiceId: person.practiceId, userId: person.id, codeHash: recoveryCodeHash(typed), usedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  left(person: Person): Promise<number> {
    return this.scope.repository(RecoveryCode).count({ where: { practiceId: person.practiceId, userId: person.id, usedAt: IsNull() } });
  }

  async remove(person: Person): Promise<void> {
    await this.scope.repository(RecoveryCode).delete({ practiceId: person.practiceId, userId: person.id });
  }
}
