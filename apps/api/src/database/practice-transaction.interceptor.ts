import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../common/authenticated-user';
import { REQUEST_CONTEXT, type RequestContext } from '../common/request-context';
import { PracticeScope } from './practice-scope';

/**
 * Every signed-in request runs its queries in one transaction scoped to its practice,
 * and records who is acting for the audit log.
 */
@Injectable()
export class PracticeTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cls: ClsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = request.user;
    if (!user) return next.handle();
    this.cls.set<RequestContext>(REQUEST_CONTEXT, {
      actorType: 'user',
      actorId: user.id,
      ipAddress: request.ip ?? null,
      requestId: typeof request.id === 'string' ? request.id : null,
    });
    return from(this.scope.run(user.practiceId, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
