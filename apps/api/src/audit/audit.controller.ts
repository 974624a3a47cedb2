import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditEvent, type Page } from '@trustwork/contracts';
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
}
