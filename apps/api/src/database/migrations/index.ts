import { Foundation1763900000000 } from './1763900000000-foundation';
import { ClinicalRecords1763990000000 } from './1763990000000-clinical-records';

/** Every migration, oldest first. New ones are appended here. */
export const MIGRATIONS = [Foundation1763900000000, ClinicalRecords1763990000000];
