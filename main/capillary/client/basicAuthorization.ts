import { createHash } from 'node:crypto'

/** The MD5 of the password in lower-case hex, as Capillary's Basic auth takes it. */
export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex')

/**
 * The `Authorization` header of Basic auth: `Basic base64(tillCode:md5hex(password))` (notes §8, CapDocs
 * basic-authentication: `store123:bdc87b9c894da5168059e00ebffb9077` → `c3RvcmUxMjM6YmRj…`).
 */
export const basicAuthorization = (tillCode: string, password: string): string =>
  `Basic ${Buffer.from(`${tillCode}:${md5Hex(password)}`, 'utf8').toString('base64')}`
