import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type CaseBilling } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { SetCaseBillingDto } from './dto/set-case-billing.dto';
import { PayersService } from './payers.service';

/** Who pays for a case, and what each payer owes. */
@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller('cases/:id/billing')
export class CaseBillingController {
  constructor(private readonly payers: PayersService) {}

  @Get()
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string): Promise<CaseBilling> {
    return this.payers.read(user, caseId);
  }

  @Put()
  set(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: SetCaseBillingDto): Promise<CaseBilling> {
    return this.payers.set(user, caseId, request);
  }
}
