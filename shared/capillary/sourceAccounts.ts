import type { CustomerSettings } from '../model/event'

export type CustomerSource = {
  value: string
  label: string
  /** A source with several accounts: the customer field then names the account (`accountId`). */
  multiAccount: boolean
}

// SLATE:L522-735 meta_fields: the `source` possibleValues, in Capillary's order; labels from the SETUP glossary.
export const customerSources: readonly CustomerSource[] = [
  { value: 'FACEBOOK', label: 'Facebook', multiAccount: false },
  { value: 'WEB_ENGAGE', label: 'WebEngage', multiAccount: false },
  // SLATE meta_fields: accountId possibleValues are WECHAT and LINE, the sources with several accounts.
  { value: 'WECHAT', label: 'WeChat', multiAccount: true },
  { value: 'INSTORE', label: 'InStore', multiAccount: false },
  { value: 'MARTJACK', label: 'Martjack', multiAccount: false },
  { value: 'TMALL', label: 'TMall', multiAccount: false },
  { value: 'TAOBAO', label: 'Taobao', multiAccount: false },
  { value: 'JD', label: 'JD', multiAccount: false },
  { value: 'ECOMMERCE', label: 'Ecommerce', multiAccount: false },
  { value: 'WEBSITE', label: 'Website', multiAccount: false },
  { value: 'LINE', label: 'Line', multiAccount: true },
  { value: 'XIAOHONGSHU', label: 'Xiaohongshu', multiAccount: false },
  { value: 'GLOBAL_SCANNER', label: 'Global Scanner', multiAccount: false },
  { value: 'SUNING', label: 'Suning', multiAccount: false },
  { value: 'PINDUODUO', label: 'Pinduoduo', multiAccount: false },
  { value: 'KAOLA', label: 'Kaola', multiAccount: false }
]

export type IdentifierType = { value: string; label: string }

/**
 * The union of the two documented lists, meta_fields first (SLATE:L522-735), then the values only the newer Create
 * Event doc lists (BEREF 01). BEREF 01 spells Facebook's `fbid`; we keep meta_fields' `fbId` and compare ignoring case.
 */
export const identifierTypes: readonly IdentifierType[] = [
  { value: 'mobile', label: 'Mobile number' },
  { value: 'email', label: 'Email' },
  { value: 'externalId', label: 'External ID' },
  { value: 'wechat', label: 'WeChat ID' },
  { value: 'martjackId', label: 'Martjack ID' },
  { value: 'fbId', label: 'Facebook ID' },
  { value: 'tmall_uname', label: 'Tmall user name' },
  { value: 'cuid', label: 'CUID' },
  { value: 'ali_uname', label: 'Alibaba user name' },
  { value: 'jd_uname', label: 'JD user name' },
  { value: 'vip_uname', label: 'VIP user name' },
  { value: 'line', label: 'LINE ID' },
  { value: 'unionId', label: 'Union ID' },
  { value: 'userId', label: 'User ID' },
  { value: 'fcmToken', label: 'FCM token' },
  { value: 'cardnumber', label: 'Card number' },
  { value: 'cardExternalId', label: 'Card external ID' }
]

/**
 * Capillary's defaults for a customer field (SLATE meta_fields defaultValue). The catalogue spells the identifier
 * default `MOBILE` but lists the values in lower case; we use the value spelling `mobile`, as the be_reserved
 * definition stores it (BEREF 22), and compare identifier types ignoring case.
 */
export const customerDefaults: CustomerSettings = {
  identifierType: 'mobile',
  source: 'INSTORE',
  addCustomerIfNotExists: false
}

export const isKnownIdentifierType = (value: string): boolean =>
  identifierTypes.some((known) => known.value.toLowerCase() === value.toLowerCase())

export const isKnownSource = (value: string): boolean => customerSources.some((known) => known.value === value)

export const isMultiAccountSource = (value: string): boolean =>
  customerSources.some((known) => known.value === value && known.multiAccount)
