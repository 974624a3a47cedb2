import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@trustwork/contracts';

export const REQUIRED_PERMISSION = 'trustwork:permission';

/** The signed-in user's role must grant this permission (see ROLE_PERMISSIONS). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
