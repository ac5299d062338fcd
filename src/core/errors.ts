// User-facing error types: each names the thing that is wrong and how to mend it.

/** A usage, config or input error: exit code 2, printed as one line plus a mend. */
export class SopkitError extends Error {
  readonly code: string
  readonly mend: string
  readonly exitCode: number

  constructor(code: string, message: string, mend: string, exitCode = 2) {
    super(message)
    this.name = 'SopkitError'
    this.code = code
    this.mend = mend
    this.exitCode = exitCode
  }
}

/** The configuration file is invalid; every problem is listed at once. */
export class ConfigError extends SopkitError {
  readonly problems: string[]

  constructor(file: string, problems: string[]) {
    super(
      'CONFIG_INVALID',
      `${file}: ${problems.join('; ')}`,
      `fix ${problems.length === 1 ? 'this key' : 'these keys'} in ${file} (run \`sopkit schema --for config\` to see the expected shape)`,
    )
    this.problems = problems
  }
}

/** Narrow an unknown thrown value to a message without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
