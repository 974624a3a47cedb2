import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type Charge } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CaseIdPipe } from '../cases/cases.pipes';
import { ChargeIdPipe } from './billing.pipes';
import { ChargesService } from './charges.service';
import { ChargesQueryDto, CreateChargeDto, UpdateChargeDto } from './dto/charge.dto';

/** A case's charges: what each payer owes for each thing. */
@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller()
export class ChargesController {
  constructor(private readonly charges: ChargesService) {}

  @Get('cases/:id/charges')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Query() query: ChargesQueryDto): Promise<Charge[]> {
    return this.charges.list(user, caseId, query.uninvoiced ?? false);
  }

  @Post('cases/:id/charges')
  create(@CurrentUser() user: AuthenticatedUser, @Param('id', CaseIdPipe) caseId: string, @Body() request: CreateChargeDto): Promise<Charge> {
    return this.charges.create(user, caseId, request);
  }

  @Patch('charges/:id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ChargeIdPipe) chargeId: string, @Body() changes: UpdateChargeDto): Promise<Charge> {
    return this.charges.update(user, chargeId, changes);
  }

  @Delete('charges/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id', ChargeIdPipe) chargeId: string): Promise<void> {
    return this.charges.remove(user, chargeId);
  }
}
