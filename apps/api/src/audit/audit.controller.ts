import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditChainVerification, type AuditEvent, type Page } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { AuditService } from './audit.service';
import { AuditEventQueryDto } from './dto/audit-event-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission(Permission.ViewAuditLog)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditEventQueryDto): Promise<Page<AuditEvent>> {
    return this.audit.list(user.practiceId, query);
  }

  /** Whether the practice's audit log is as it was written: intact, or the first row that is not. */
  @Get('verify')
  @RequirePermission(Permission.ViewAuditLog)
  verify(@CurrentUser() user: AuthenticatedUser): Promise<AuditChainVerification> {
    return this.audit.verify(user.practiceId);
  }
}
