// vitest setupFiles: identity keys made in a test file itself (a seeded row, an expected key)
// use the test run's secret, as the app the test builds does.
import { useIdentitySecret } from '../../src/conversations/identity-key.js';
import { testIdSecret } from './test-id-secret.js';

useIdentitySecret(testIdSecret);
