/**
 * Java SimpleDateFormat-style patterns, as Capillary documents its accepted date formats (notes §2), read and written
 * strictly: numeric fields written with two letters take exactly two digits, names are English, and every value is
 * range-checked (no February 30th, unlike Java's lenient parser). `S` is a count of milliseconds, as in Java, so
 * `s.S` reads "5.123" as 5 s 123 ms and writes 5 s 7 ms as "5.7".
 */
export interface DateFields {
  year: number
  /** 1-12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** The UTC offset the text carried (`XXX`, `Z`, `z`), in minutes; absent when it carried none. */
  offsetMinutes?: number
}

export interface DatePattern {
  pattern: string
  /** True when the pattern writes an offset or zone (`XXX`, `X`, `Z`, `z`). */
  hasOffset: boolean
  /** Reads a text written in the pattern, or undefined when it is not (or names an impossible date). */
  parse(text: string): DateFields | undefined
  /** Writes fields (a wall time, with its offset for patterns that show one). */
  format(fields: DateFields): string
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
] as const
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

// Zone names Java writes for `z` (Date.toString() among others) and reads back, in minutes from UTC. IST is read as
// India's, as Capillary's own samples are (notes §7.2 "+05:30"). Names two zones a sender of Capillary's may write
// are left out, since no reading of them is safe: CST (US Central, or China's, as Java writes it in Asia/Shanghai for
// WeChat, TMall or JD senders), BST (British Summer or Bangladesh).
const zoneAbbreviations: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  SAST: 120,
  GST: 240,
  PKT: 300,
  IST: 330,
  ICT: 420,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  ART: -180,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600
}

interface Field {
  regex: string
  read?(match: string, fields: DateFields): boolean
  write(fields: DateFields): string
}

const pad = (value: number, width: number): string =>
  width === 2 && value >= 0 && value < 100
    ? value < 10
      ? '0' + value
      : '' + value
    : String(value).padStart(width, '0')

const namesRegex = (names: readonly string[], short: boolean): string =>
  names.map((name) => (short ? name.slice(0, 3) : name)).join('|')

const findName = (names: readonly string[], text: string, short: boolean): number =>
  names.findIndex((name) => (short ? name.slice(0, 3) : name).toLowerCase() === text.toLowerCase())

function number(key: Exclude<keyof DateFields, 'offsetMinutes'>, letters: number, maxDigits: number): Field {
  return {
    regex: letters >= 2 ? `(\\d{${letters}})` : `(\\d{1,${maxDigits}})`,
    read(text, fields) {
      fields[key] = Number(text)
      return true
    },
    write: (fields) => pad(fields[key], letters)
  }
}

function offsetText(minutes: number, separator: string, alwaysMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+'
  const hours = Math.floor(Math.abs(minutes) / 60)
  const rest = Math.abs(minutes) % 60
  return `${sign}${pad(hours, 2)}${alwaysMinutes || rest !== 0 ? separator + pad(rest, 2) : ''}`
}

function readOffset(text: string, fields: DateFields): boolean {
  const upper = text.toUpperCase()
  if (upper in zoneAbbreviations) {
    fields.offsetMinutes = zoneAbbreviations[upper]
    return true
  }
  const match = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text)
  if (!match) return false
  const hours = Number(match[2])
  const minutes = Number(match[3] ?? '0')
  if (hours > 18 || minutes > 59) return false
  fields.offsetMinutes = (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
  return true
}

function field(letter: string, count: number): Field | string {
  switch (letter) {
    case 'y':
      if (count === 2) {
        return {
          regex: '(\\d{2})',
          // POSIX strptime's window (00-68 → 2000s, 69-99 → 1900s): fixed, since shared code reads no clock.
          read(text, fields) {
            const year = Number(text)
            fields.year = year < 69 ? 2000 + year : 1900 + year
            return true
          },
          write: (fields) => pad(fields.year % 100, 2)
        }
      }
      return number('year', Math.max(count, 4), 4)
    case 'M':
      if (count >= 3) {
        const short = count === 3
        return {
          regex: `(${namesRegex(monthNames, short)})`,
          read(text, fields) {
            fields.month = findName(monthNames, text, short) + 1
            return fields.month > 0
          },
          write: (fields) => {
            const name = monthNames[fields.month - 1] ?? ''
            return short ? name.slice(0, 3) : name
          }
        }
      }
      return number('month', count, 2)
    case 'd':
      return number('day', count, 2)
    case 'H':
      return number('hour', count, 2)
    case 'm':
      return number('minute', count, 2)
    case 's':
      return number('second', count, 2)
    case 'S':
      return {
        regex: count === 1 ? '(\\d{1,3})' : `(\\d{${count}})`,
        read(text, fields) {
          fields.millisecond = Number(text)
          return true
        },
        write: (fields) => pad(fields.millisecond, count)
      }
    case 'E': {
      const short = count <= 3
      return {
        regex: `(${namesRegex(dayNames, short)})`,
        // The day name is checked against the date once every field is read (see parse).
        write: (fields) => {
          const name = dayNames[new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay()] ?? ''
          return short ? name.slice(0, 3) : name
        }
      }
    }
    case 'X':
      return {
        regex: count === 1 ? '(Z|[+-]\\d{2}(?:\\d{2})?)' : count === 2 ? '(Z|[+-]\\d{4})' : '(Z|[+-]\\d{2}:\\d{2})',
        read: readOffset,
        write: (fields) =>
          fields.offsetMinutes === undefined || fields.offsetMinutes === 0
            ? 'Z'
            : offsetText(fields.offsetMinutes, count === 3 ? ':' : '', count !== 1)
      }
    case 'Z':
      return {
        regex: '([+-]\\d{4})',
        read: readOffset,
        write: (fields) => offsetText(fields.offsetMinutes ?? 0, '', true)
      }
    case 'z':
      return {
        regex: '([A-Za-z]{1,5}|(?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?)',
        read: readOffset,
        // Java reads "GMT+05:30" (its general time zone syntax); UTC is written as such.
        write: (fields) =>
          fields.offsetMinutes === undefined || fields.offsetMinutes === 0
            ? 'UTC'
            : `GMT${offsetText(fields.offsetMinutes, ':', true)}`
      }
    default:
      return `The letter "${letter}" is not a date pattern field we support (use y M d H m s S E X Z z).`
  }
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? 0)

/** Compiles a pattern once; a string is the reason it cannot be used. */
export function compileDatePattern(pattern: string): DatePattern | string {
  const parts: (Field | string)[] = []
  let regex = '^'
  let hasOffset = false
  let dayNameGroup = -1
  let groups = 0
  for (let index = 0; index < pattern.length;) {
    const char = pattern.charAt(index)
    if (char === "'") {
      const end = pattern.indexOf("'", index + 1)
      if (end === -1) return `The quote at position ${index + 1} is not closed.`
      const literal = end === index + 1 ? "'" : pattern.slice(index + 1, end)
      parts.push(literal)
      regex += escapeRegex(literal)
      index = end + 1
      continue
    }
    if (/[A-Za-z]/.test(char)) {
      let count = 1
      while (pattern.charAt(index + count) === char) count++
      const made = field(char, count)
      if (typeof made === 'string') return made
      if ('XZz'.includes(char)) hasOffset = true
      if (char === 'E') dayNameGroup = groups
      parts.push(made)
      regex += made.regex
      groups++
      index += count
      continue
    }
    parts.push(char)
    regex += escapeRegex(char)
    index++
  }
  const matcher = new RegExp(regex + '$', 'i')
  const fieldParts = parts.filter((part): part is Field => typeof part !== 'string')
  return {
    pattern,
    hasOffset,
    parse(text) {
      const match = matcher.exec(text)
      if (!match) return undefined
      const fields: DateFields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }
      for (let group = 0; group < fieldParts.length; group++) {
        const read = fieldParts[group]?.read
        if (read && !read(match[group + 1] ?? '', fields)) return undefined
      }
      if (fields.month < 1 || fields.month > 12) return undefined
      if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) return undefined
      if (fields.hour > 23 || fields.minute > 59 || fields.second > 59 || fields.millisecond > 999) return undefined
      if (dayNameGroup !== -1) {
        const written = match[dayNameGroup + 1] ?? ''
        const actual = new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay()
        if (findName(dayNames, written, written.length === 3) !== actual) return undefined
      }
      return fields
    },
    format(fields) {
      let text = ''
      for (const part of parts) text += typeof part === 'string' ? part : part.write(fields)
      return text
    }
  }
}
