import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { elementwise } from './transformStep'

/** The SHA-256 of text (numbers and booleans written as text first), as 64 lower-case hex digits. */
export const sha256 = elementwise((value) => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return bytesToHex(sha256Bytes(utf8ToBytes(String(value))))
  }
  return value
})
