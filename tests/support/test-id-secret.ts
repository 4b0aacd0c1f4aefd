/**
 * The identity secret of every test: the global setup puts it in BLOEI_ID_SECRET (so the app
 * processes tests spawn have it too), the setup file gives it to each test process, and tests
 * that build the app pass it on, so every key in a test run is made with the same secret.
 */
export const testIdSecret = 'bloei-test-identity-secret-not-for-production';
