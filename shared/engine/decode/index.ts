export { decodeBody, decodeBodyForFile } from './decodeBody'
export type { BodyKind, DecodedBody } from './decodeBody'
export { contentTypeForFile, mediaType } from './mediaType'
export type { MediaType } from './mediaType'
