import { UsageError } from './usage'

/**
 * A whole-number option within its range, written in digits only: `--port 8080`, never an empty value (an unset
 * `$PORT` in a script), `0x10` or `1e3`, which Number() would take for 0, 16 and 1000.
 */
export function wholeNumberOption(
  value: string | undefined,
  flag: string,
  min: number,
  max: number
): number | undefined {
  if (value === undefined) return undefined
  const parsed = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN
  if (!(parsed >= min && parsed <= max)) {
    throw new UsageError(
      `--${flag} must be a whole number from ${min} to ${max} (got ${value === '' ? 'nothing' : value})`
    )
  }
  return parsed
}

/** A port number: 0 lets the system choose. */
export const portOption = (value: string | undefined): number | undefined => wholeNumberOption(value, 'port', 0, 65535)
