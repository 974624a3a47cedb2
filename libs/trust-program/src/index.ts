/**
 * The built-in trust-repair program: phases and exercise templates as typed data.
 * Filled in by the Homework work; the layout exists now so apps can depend on it.
 */
export const TRUST_PROGRAM_VERSION = 1;
