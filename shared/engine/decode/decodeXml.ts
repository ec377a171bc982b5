import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** The conventions every XML body is read with (README "Mapping engine"): mapping paths depend on them. */
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  removeNSPrefix: false
})

export type XmlDecoding = { ok: true; value: unknown } | { ok: false; error: string }

/**
 * Decodes XML text: the root element is the top-level key, attributes are `@_name`, the text of an element that has
 * attributes is `#text`, CDATA is text, repeated sibling elements become arrays, and every value stays a string.
 */
export function decodeXml(text: string): XmlDecoding {
  const validation = XMLValidator.validate(text)
  if (validation !== true) {
    const { msg, line, col } = validation.err
    return { ok: false, error: `Invalid XML at line ${line}, column ${col}: ${withoutFullStop(inWords(msg))}` }
  }
  try {
    return { ok: true, value: xmlParser.parse(text) as unknown }
  } catch (error) {
    return {
      ok: false,
      error: `Invalid XML: ${withoutFullStop(error instanceof Error ? error.message : String(error))}`
    }
  }
}

/** The parser's messages end with a full stop; ours are clauses that each caller ends (see DecodedBody.error). */
const withoutFullStop = (message: string) => message.replace(/\.$/, '')

/**
 * The validator's message, except where it prints its own stack of open tags (`Invalid '[ "order", "item"]'
 * found`, for a body that ends before they close: a truncated one): that is said in words.
 */
function inWords(message: string): string {
  const openTags = /^Invalid '(\[[\s\S]*\])' found/.exec(message)?.[1]
  if (openTags === undefined) return message
  try {
    const names = JSON.parse(openTags) as unknown
    if (Array.isArray(names) && names.every((name) => typeof name === 'string')) {
      return `the body ends before these tags close: ${names.join(', ')} (is it truncated?)`
    }
  } catch {
    // Not the list expected: the validator's own words follow.
  }
  return message
}
