import type { AuthScheme, SecretAvailability } from '../../../shared/model/connectionProfile'

const nouns: Record<AuthScheme, string> = { basic: 'Password', oauth: 'OAuth secret' }
const variables: Record<AuthScheme, string> = { basic: 'CAPMAP_PASSWORD', oauth: 'CAPMAP_OAUTH_SECRET' }

/** Where a profile's secret comes from, in words for its card ("Password kept for this session"). */
export function secretLabel(auth: AuthScheme, availability: SecretAvailability): string {
  const noun = nouns[auth]
  switch (availability) {
    case 'stored':
      return `${noun} kept encrypted`
    case 'session':
      return `${noun} kept for this session`
    case 'environment':
      return `${noun} from ${variables[auth]}`
    case 'missing':
      return `No ${noun.toLowerCase()} yet`
  }
}

export const secretNoun = (auth: AuthScheme): string => nouns[auth]
export const secretVariable = (auth: AuthScheme): string => variables[auth]
