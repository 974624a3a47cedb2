import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, type BillingService, type BillingSettings, type ClinicianCredentials } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { recordIdPipe } from '../common/record-id-pipe';
import { ClinicianNotFound } from './billing.errors';
import { BillingServiceIdPipe } from './billing.pipes';
import { BillingSettingsService } from './billing-settings.service';
import { BillingServicesQueryDto, CreateBillingServiceDto, UpdateBillingServiceDto } from './dto/billing-service.dto';
import { UpdateClinicianCredentialsDto } from './dto/clinician-credentials.dto';
import { UpdateBillingSettingsDto } from './dto/update-billing-settings.dto';

/** The practice's billing settings, its services and fees, and its clinicians' credentials. */
@ApiTags('billing')
@ApiBearerAuth()
@RequirePermission(Permission.ManageBilling)
@Controller('billing')
export class BillingSettingsController {
  constructor(private readonly billing: BillingSettingsService) {}

  @Get('settings')
  settings(@CurrentUser() user: AuthenticatedUser): Promise<BillingSettings> {
    return this.billing.settings(user);
  }

  @Patch('settings')
  updateSettings(@CurrentUser() user: AuthenticatedUser, @Body() changes: UpdateBillingSettingsDto): Promise<BillingSettings> {
    return this.billing.updateSettings(user, changes);
  }

  @Get('services')
  services(@CurrentUser() user: AuthenticatedUser, @Query() query: BillingServicesQueryDto): Promise<BillingService[]> {
    return this.billing.services(user, query.includeArchived ?? false);
  }

  @Post('services')
  createService(@CurrentUser() user: AuthenticatedUser, @Body() request: CreateBillingServiceDto): Promise<BillingService> {
    return this.billing.createService(user, request);
  }

  @Patch('services/:id')
  updateService(@CurrentUser() user: AuthenticatedUser, @Param('id', BillingServiceIdPipe) serviceId: string, @Body() changes: UpdateBillingServiceDto): Promise<BillingService> {
    return this.billing.updateService(user, serviceId, changes);
  }

  @Get('clinicians')
  clinicians(@CurrentUser() user: AuthenticatedUser): Promise<ClinicianCredentials[]> {
    return this.billing.clinicians(user);
  }

  @Put('clinicians/:id')
  updateCredentials(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', recordIdPipe(() => new ClinicianNotFound())) userId: string,
    @Body() request: UpdateClinicianCredentialsDto,
  ): Promise<ClinicianCredentials> {
    return this.billing.updateCredentials(user, userId, request);
  }
}
