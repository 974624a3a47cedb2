import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../common/authenticated-user';
import { PracticeScope } from './practice-scope';

/** Every signed-in request runs its queries in one transaction scoped to its practice. */
@Injectable()
export class PracticeTransactionInterceptor implements NestInterceptor {
  constructor(private readonly scope: PracticeScope) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) return next.handle();
    return from(this.scope.run(user.practiceId, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
