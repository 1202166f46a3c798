// An unexpected console.error is a bug the test did not look for: fail the test that caused it.
// A test that expects one mocks console.error itself (jest.spyOn(console, "error").mockImplementation()).
let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});

afterEach(() => {
  const seen = errors;
  console.error = original;
  if (seen.length > 0) {
    throw new Error(`console.error was called ${seen.length} time(s): ${String(seen[0][0])}`);
  }
});
