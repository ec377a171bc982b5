import type { AuthScheme } from '../../../shared/model/connectionProfile'

export interface CodeAdvice {
  /** What Capillary means by the code, in plain words. */
  meaning: string
  /** What the user can do about it. */
  advice: string
}

/** Capillary's documented error codes (notes §4, §5, §7.1 and §9), each with what to do. */
export const capillaryErrorCodes: Readonly<Record<number, CodeAdvice>> = {
  // BEREF 01, create-event error codes.
  1806: {
    meaning: 'an event with this name already exists in the org',
    advice: 'Send it as a replacement of the existing definition, or give the event another name.'
  },
  1810: {
    meaning: 'the event actions are invalid',
    advice:
      'Choose at least one destination: EIConsumer (Essential Insights) or EMFConsumer (Loyalty, DVS and Communication).'
  },
  1811: {
    meaning: 'the event name is invalid',
    advice: 'Use letters, digits and single underscores only, with no spaces or other characters.'
  },
  1823: {
    meaning: 'an attribute type is invalid',
    advice:
      'Use a type Capillary documents for its API (String, Double, Date, Enum, Customer Identifier, Till Code, ' +
      'Coupon Code, Product SKU, Brand or Category, Group ID); Integer, Boolean and Currency Code are not documented.'
  },
  1802: {
    meaning: 'an attribute fails the isRequired rule',
    advice: 'Make the customer identifier and every unique-key attribute required.'
  },
  // DOCS add-webhook.
  1839: {
    meaning: 'the webhook has authentication on but no mechanism',
    advice: 'Choose BASIC or OAUTH as the webhook authentication, or turn its authentication off.'
  },
  1808: {
    meaning: 'the transformer type is not one Capillary knows',
    advice: 'Use defaultTransformer (a Custom integration) or webEngageTransformer.'
  },
  // CapDocs errors-and-warnings: request-level codes.
  1060: { meaning: 'the batch limit was exceeded', advice: 'Send fewer items in one request.' },
  1061: {
    meaning: 'an attribution lookup header is missing',
    advice: 'Send both X-CAP-API-ATTRIBUTION-LOOKUP-TYPE and X-CAP-API-ATTRIBUTION-LOOKUP, or neither.'
  },
  1064: {
    meaning: 'the org is invalid for these credentials',
    advice: 'Check the org id in the connection profile: the till or OAuth client belongs to another org.'
  },
  // BEREF 24, events search.
  1850: { meaning: 'the customer identifier value is invalid', advice: 'Check the identifier value searched for.' }
}

/** The documented request-level HTTP statuses (notes §9), with what to do; 401 depends on the auth scheme. */
export function statusAdvice(status: number, scheme: AuthScheme | 'none'): CodeAdvice | undefined {
  switch (status) {
    case 400:
      return { meaning: 'the input is invalid', advice: 'Correct the value Capillary names and try again.' }
    case 401:
      return scheme === 'oauth'
        ? {
            meaning: 'the OAuth token was refused',
            advice:
              'Check the OAuth key and secret in the connection profile, and that the client may call this API ' +
              '(its access group in InTouch).'
          }
        : {
            meaning: 'the till code and password were refused',
            advice:
              "Check the till code and its password in the connection profile (Capillary checks the password's MD5), " +
              'and that Basic auth is enabled for the org.'
          }
    case 403:
      return {
        meaning: 'access was denied (V2 APIs not enabled for the org, a mandatory field missing, or no permission)',
        advice: 'Ask the org admin to give the till or client read and write access on Behavioural Events.'
      }
    case 404:
      return {
        meaning: 'there is no such resource',
        advice: 'Check the cluster or base URL of the profile, and that the event or webhook still exists.'
      }
    case 405:
      return {
        meaning: 'the method is not allowed',
        advice: 'Check that the base URL points at Capillary’s API host (e.g. https://eu.api.capillarytech.com).'
      }
    case 415:
      return {
        meaning: 'the Content-Type was refused',
        advice: 'The studio sends application/json: a proxy may be rewriting requests. Report it if it persists.'
      }
    case 429:
      return {
        meaning: 'the rate limit was reached',
        advice:
          'Wait a minute and try again. Demo and test clusters allow 100 requests a minute per API key; other orgs ' +
          'can ask Capillary support for more.'
      }
    case 461:
      return { meaning: 'the search is busy', advice: 'Try again in a moment.' }
    case 503:
      return {
        meaning: 'the authorisation service is unavailable',
        advice: 'Capillary is having trouble: try again in a few minutes.'
      }
    case 521:
      return {
        meaning: 'another action on the same customer is running',
        advice: 'Try again once it has finished.'
      }
    default:
      if (status >= 500)
        return {
          meaning: 'Capillary failed to handle the request',
          advice: 'Capillary is having trouble: try again in a few minutes; if it persists, contact Capillary support.'
        }
      return undefined
  }
}

/** Statuses worth another try: the rate limit, a busy search, and Capillary's own failures. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 461 || status >= 500
