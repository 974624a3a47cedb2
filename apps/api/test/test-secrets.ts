/**
 * The password every test account uses. Kept apart from test-app.ts so the run's global
 * teardown can scan logs for it without loading the application (and its built libs).
 */
export const TEST_PASSWORD = 'correct horse battery';
