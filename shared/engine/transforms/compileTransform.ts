import type { Transform } from '../../model/mapping'
import { count } from './count'
import { defaultValue } from './defaultValue'
import { first } from './first'
import { formatDate } from './formatDate'
import { join } from './join'
import { last } from './last'
import { lookup } from './lookup'
import { lowerCase } from './lowerCase'
import { mask } from './mask'
import { parseDate } from './parseDate'
import { sha256 } from './sha256'
import { split } from './split'
import { sum } from './sum'
import { template } from './template'
import { toBoolean } from './toBoolean'
import { toInteger } from './toInteger'
import { toNumber } from './toNumber'
import type { CompiledTransform, TransformStep } from './transformStep'
import { trim } from './trim'
import { upperCase } from './upperCase'

const ready = (step: TransformStep): CompiledTransform => ({ ok: true, step })

/** The closed set of transforms (a whitelist): each kind is one of the small pure functions beside this file. */
export function compileTransform(transform: Transform): CompiledTransform {
  switch (transform.kind) {
    case 'trim':
      return ready(trim)
    case 'lowerCase':
      return ready(lowerCase)
    case 'upperCase':
      return ready(upperCase)
    case 'toNumber':
      return ready(toNumber)
    case 'toInteger':
      return ready(toInteger)
    case 'toBoolean':
      return ready(toBoolean)
    case 'parseDate':
      return parseDate(transform)
    case 'formatDate':
      return formatDate(transform)
    case 'lookup':
      return ready(lookup(transform))
    case 'default':
      return ready(defaultValue(transform))
    case 'template':
      return template(transform)
    case 'split':
      return ready(split(transform))
    case 'join':
      return ready(join(transform))
    case 'first':
      return ready(first)
    case 'last':
      return ready(last)
    case 'sum':
      return ready(sum)
    case 'count':
      return ready(count)
    case 'sha256':
      return ready(sha256)
    case 'mask':
      return ready(mask(transform))
    default:
      return { ok: false, error: `Unknown transform "${(transform as { kind?: unknown }).kind}".` }
  }
}
