import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ICD10_CODE_PATTERN, MAX_BILLING_TEXT, MAX_DIAGNOSIS_CODES, type DiagnosisCode, type SetDiagnosesRequest } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { IsArray, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';

// Only the shape is checked here; the service reads each code (trimmed, upper-cased) and names it in its message.
export class DiagnosisCodeDto implements DiagnosisCode {
  @ApiProperty({ example: 'Z63.0', pattern: ICD10_CODE_PATTERN.source, description: 'ICD-10-CM code; spaces and case do not matter' })
  @IsString({ message: 'code must be text' })
  @IsNotEmpty({ message: 'code is required' })
  code: string;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_BILLING_TEXT, example: 'Relationship distress with spouse or intimate partner' })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  description: string | null;
}

export class SetDiagnosesDto implements SetDiagnosesRequest {
  @ApiProperty({ type: [DiagnosisCodeDto], maxItems: MAX_DIAGNOSIS_CODES })
  @ValidateNested({ each: true, message: 'codes must be a list of entries, each with a code and an optional description' })
  @Type(() => DiagnosisCodeDto)
  @IsArray({ message: 'codes must be a list' })
  codes: DiagnosisCodeDto[];
}
