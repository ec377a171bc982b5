import { strictUtf8Text } from '../engine/decode/textDecoding'

/**
 * A header value as a person reads it. HTTP gives header bytes no charset, so Node reads them one character per byte
 * (Latin-1), and captures keep them so, byte for byte, to be sent again as received. A value whose bytes are UTF-8
 * (what senders mean by "José") is shown decoded; any other, as read.
 */
export function headerText(value: string): string {
  if (!/[\x80-\xff]/.test(value) || /[^\p{ASCII}\x80-\xff]/u.test(value)) return value
  return strictUtf8Text(Uint8Array.from(value, (char) => char.charCodeAt(0))) ?? value
}
