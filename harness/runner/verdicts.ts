/** A check the implementation did not meet: expected vs observed, for the report. */
export class Violation extends Error {
  constructor(
    readonly what: string,
    readonly expected: string,
    readonly observed: string,
  ) {
    super(`${what}: expected ${expected}, observed ${observed}`);
    this.name = "Violation";
  }
}

/** The implementation declared it does not support what the scenario needs. */
export class Unsupported extends Error {
  name = "Unsupported";
}

/** A precondition of this platform or machine is absent (never used to hide a failure). */
export class Skipped extends Error {
  name = "Skipped";
}

/** The scenario's hard limit expired. */
export class ScenarioTimeout extends Error {
  name = "ScenarioTimeout";
}
