/** Runs once before all test files: says (one line) when the PostgreSQL tests will be skipped. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test).\n');
  }
}
