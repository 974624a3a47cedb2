import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleHasPermission, type Permission } from '@trustwork/contracts';
import type { AuthenticatedRequest } from '../authenticated-user';
import { REQUIRED_PERMISSION } from '../decorators/require-permission.decorator';
import { ForbiddenError } from '../errors/domain-error';

@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && roleHasPermission(user.role, permission)) return true;
    throw new ForbiddenError('Your role does not allow this.');
  }
}
