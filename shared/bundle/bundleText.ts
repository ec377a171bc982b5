import { strictUtf8Text } from '../engine/decode/textDecoding'

/**
 * A bundle file's bytes as text, or undefined when they are not UTF-8: decoded leniently, a stray byte (a label saved
 * as Latin-1) would come in as a replacement character, silently. A leading byte-order mark is dropped.
 */
export const bundleTextOf = (bytes: Uint8Array): string | undefined => strictUtf8Text(bytes)

/** Why a bundle that is not UTF-8 is refused, naming it (its path, or the dropped file's name). */
export const notUtf8Problem = (name: string): string =>
  `${name} is not UTF-8 text (a bundle is JSON in UTF-8): was it saved in another encoding?`
