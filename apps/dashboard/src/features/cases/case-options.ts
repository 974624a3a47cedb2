import { CASE_STATUS_LABELS, CASE_STATUSES, RELATIONSHIP_TYPE_LABELS, RELATIONSHIP_TYPES } from '@trustwork/contracts';
import { PHASES } from '@trustwork/trust-program';

/** Choices for case selects (filters and forms), as Mantine's `data`. */
export const CASE_STATUS_OPTIONS = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

export const RELATIONSHIP_OPTIONS = RELATIONSHIP_TYPES.map((type) => ({ value: type, label: RELATIONSHIP_TYPE_LABELS[type] }));

/** "3 · Telling and hearing the hurt"; the value is the phase number as text. */
export const PHASE_OPTIONS = PHASES.map((phase) => ({ value: String(phase.number), label: `${phase.number} · ${phase.title}` }));
