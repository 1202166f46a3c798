/** Bad programme data: every problem found, each naming the record it is about. */
export class ProgrammeDataError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n- … and ${problems.length - shown.length} more` : "";
    super(`Invalid programme data:\n- ${shown.join("\n- ")}${more}`);
    this.name = "ProgrammeDataError";
    this.problems = problems;
  }
}
