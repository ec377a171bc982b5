import { tzOffset } from '@date-fns/tz'
import { sha256 } from '@noble/hashes/sha2.js'
import jsonata from 'jsonata'
import { isDeepStrictEqual } from 'node:util'
import { compileMapping } from '../../../shared/engine/compileMapping'
import { nodeSourceCompiler } from '../../../main/engine/nodeSourceCompiler'
import { MappingSpec } from '../../../shared/model/mapping'
import type { AttributeDraft, EventDraft } from '../../../shared/model/event'
import { figure, type Figure } from '../figure'

// The engine on a realistic nested order (2-5 KB, 3-5 line items) with a 20-rule mapping (paths, lookups, dates, one
// fan-out, no JSONata), against the same mapping as one prepared jsonata expression and as hand-written JavaScript
// doing the same mapping and the same checks. The compiled mapping runs as the relay runs it (provenance off); its
// rate with provenance is printed too.

const attribute = (
  name: string,
  type: AttributeDraft['type'],
  extra: Partial<AttributeDraft> = {}
): AttributeDraft => ({
  name,
  type,
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false,
  ...extra
})

const tiers = { G: 'Gold', S: 'Silver', B: 'Bronze' }
const channels = { web: 'WEB', app: 'APP', store: 'STORE' }

const event: EventDraft = {
  name: 'orderLine',
  label: 'Order line',
  description: '',
  kind: 'custom',
  actions: ['EIConsumer'],
  attributes: [
    attribute('customer', 'customer', {
      isRequired: true,
      customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
    }),
    attribute('email', 'string'),
    attribute('orderNumber', 'string', { isRequired: true }),
    attribute('tillCode', 'tillCode'),
    attribute('sku', 'productSku', { isRequired: true }),
    attribute('brand', 'productBrand'),
    attribute('category', 'productCategory'),
    attribute('productName', 'string'),
    attribute('quantity', 'double'),
    attribute('unitPrice', 'double'),
    attribute('discount', 'double'),
    attribute('couponCode', 'couponCode', { regex: '^[A-Z0-9]+$' }),
    attribute('currency', 'string'),
    attribute('tier', 'enum', { possibleValues: ['Gold', 'Silver', 'Bronze'] }),
    attribute('channel', 'enum', { possibleValues: ['WEB', 'APP', 'STORE'] }),
    attribute('city', 'string'),
    attribute('paymentMethod', 'enum', { possibleValues: ['CARD', 'UPI', 'COD', 'WALLET'] }),
    attribute('orderDate', 'date')
  ]
}

const rule = (target: string, path: string, transforms: unknown[] = []) => ({
  target,
  source: { kind: 'path', path },
  transforms
})

const mapping = MappingSpec.parse({
  match: { kind: 'eventName', field: 'type', sourceNames: ['order.completed'] },
  fanOut: { path: 'order.items' },
  rules: [
    rule('customer', '$.customer.mobile'),
    rule('email', '$.customer.email', [{ kind: 'lowerCase' }]),
    rule('orderNumber', '$.order.number'),
    rule('tillCode', '$.order.store.till'),
    rule('sku', 'sku'),
    rule('brand', 'brand'),
    rule('category', 'category'),
    rule('productName', 'name', [{ kind: 'trim' }]),
    rule('quantity', 'qty'),
    rule('unitPrice', 'pricing.unit', [{ kind: 'toNumber' }]),
    rule('discount', 'pricing.discount', [{ kind: 'toNumber' }, { kind: 'default', value: 0 }]),
    rule('couponCode', '$.order.coupon', [{ kind: 'trim' }, { kind: 'upperCase' }]),
    rule('currency', '$.order.currency'),
    rule('tier', '$.customer.tier', [{ kind: 'lookup', table: tiers }]),
    rule('channel', '$.context.channel', [{ kind: 'lookup', table: channels }]),
    rule('city', '$.shipping.address.city'),
    rule('paymentMethod', '$.payment.method', [{ kind: 'upperCase' }]),
    rule('orderDate', '$.order.placed_at', [
      { kind: 'parseDate', formats: ['iso8601'] },
      { kind: 'formatDate', format: 'yyyy-MM-dd', timeZone: 'Asia/Kolkata' }
    ]),
    rule('eventDateTime', '$.occurred_at', [
      { kind: 'parseDate', formats: ['epochMillis'] },
      { kind: 'formatDate', format: "yyyy-MM-dd'T'HH:mm:ssXXX", timeZone: 'Asia/Kolkata' }
    ]),
    rule('external_event_id', '$.id', [{ kind: 'template', template: '{}-{line_id}' }])
  ]
})

/** Deterministic orders: the same bytes on every run (a seeded generator, not Math.random). */
function orders(count: number): unknown[] {
  let seed = 42
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T
  return Array.from({ length: count }, (_, index) => {
    const hex = Array.from(sha256(Uint8Array.of(index)).slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(
      ''
    )
    const items = Array.from({ length: 3 + (index % 3) }, (_, line) => ({
      line_id: `L${line + 1}`,
      sku: `SKU-${1000 + Math.floor(next() * 9000)}`,
      name: ` ${pick(['Cotton T-shirt', 'Denim jacket', 'Running shoes', 'Leather belt'])} `,
      brand: pick(['Acme', 'Zenith', 'Orbit']),
      category: pick(['Apparel/Tops', 'Apparel/Outerwear', 'Footwear', 'Accessories']),
      qty: 1 + Math.floor(next() * 3),
      pricing: {
        unit: (99 + Math.floor(next() * 900) + 0.5).toFixed(2),
        discount: line === 0 ? '10.00' : null,
        tax_rate: 0.18
      },
      attributes: [
        { name: 'size', value: pick(['S', 'M', 'L', 'XL']) },
        { name: 'colour', value: pick(['black', 'white', 'red', 'navy']) }
      ],
      fulfilment: { warehouse: 'BLR-WH-2', eta_days: 2 + (line % 3), gift_wrap: line % 2 === 0 }
    }))
    return {
      type: 'order.completed',
      id: `evt_${hex}`,
      occurred_at: 1764320527123 + index * 60_000,
      api_version: '2025-01-15',
      customer: {
        mobile: `+91 98450 ${String(10000 + index).slice(-5)}`,
        email: `Customer.${index}@Example.com`,
        tier: pick(['G', 'S', 'B']),
        name: { first: 'Asha', last: 'Rao' },
        marketing: { email_opt_in: true, sms_opt_in: false, whatsapp_opt_in: true }
      },
      context: {
        channel: pick(['web', 'app', 'store']),
        ip: '115.99.221.149',
        user_agent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
        session_id: `s_${hex}`
      },
      order: {
        number: `SO-${100000 + index}`,
        placed_at: '2025-11-28T14:32:07+05:30',
        store: { till: 'blr.koramangala.till1', code: 'BLR-KOR', name: 'Koramangala' },
        coupon: ' festive10 ',
        currency: 'INR',
        totals: { subtotal: '1597.00', discount: '10.00', tax: '287.46', shipping: '0.00', grand_total: '1874.46' },
        items,
        notes: 'Leave the parcel with the security desk if nobody answers the door bell.'
      },
      payment: {
        method: pick(['card', 'upi', 'cod', 'wallet']),
        status: 'captured',
        gateway: 'razorpay',
        reference: `pay_${hex}`
      },
      shipping: {
        method: 'standard',
        address: {
          line1: '12, 5th Cross, 4th Block',
          line2: 'Koramangala',
          city: 'Bengaluru',
          state: 'Karnataka',
          postcode: '560034',
          country: 'IN'
        }
      },
      meta: { source: 'storefront', schema: 3, trace: { id: hex, sampled: false } }
    }
  })
}

// The same mapping, written in JSONata 2.x (one prepared expression).
const jsonataExpression = `(
  $p := $;
  $tiers := ${JSON.stringify(tiers)};
  $channels := ${JSON.stringify(channels)};
  $mobile := $replace($p.customer.mobile, /[^0-9]/, "");
  type = "order.completed" ? [order.items.{
    "event_name": "orderLine",
    "customer": $substring($mobile, 0, 2) = "00" ? $substring($mobile, 2) : $mobile,
    "email": $lowercase($p.customer.email),
    "orderNumber": $p.order.number,
    "tillCode": $p.order.store.till,
    "sku": sku,
    "brand": brand,
    "category": category,
    "productName": $trim(name),
    "quantity": qty,
    "unitPrice": $number(pricing.unit),
    "discount": pricing.discount ? $number(pricing.discount) : 0,
    "couponCode": $uppercase($trim($p.order.coupon)),
    "currency": $p.order.currency,
    "tier": $lookup($tiers, $p.customer.tier),
    "channel": $lookup($channels, $p.context.channel),
    "city": $p.shipping.address.city,
    "paymentMethod": $uppercase($p.payment.method),
    "orderDate": $fromMillis($toMillis($p.order.placed_at), "[Y0001]-[M01]-[D01]", "+0530"),
    "eventDateTime": $fromMillis($p.occurred_at, "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z01:01t]", "+0530"),
    "external_event_id": $p.id & "-" & line_id
  }] : []
)`

const pad = (value: number) => String(value).padStart(2, '0')
function kolkata(epochMs: number, withTime: boolean): string {
  const offset = tzOffset('Asia/Kolkata', new Date(epochMs))
  const wall = new Date(epochMs + offset * 60_000)
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`
  if (!withTime) return date
  const sign = offset < 0 ? '-' : '+'
  const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  return `${date}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${zone}`
}

const decimals = (value: number) => (String(value).split('.')[1] ?? '').length
const coupon = /^[A-Z0-9]+$/
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const allowed = {
  tier: new Set(Object.values(tiers)),
  channel: new Set(Object.values(channels)),
  payment: new Set(['CARD', 'UPI', 'COD', 'WALLET'])
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand-written code reads the payload as it comes
type Untyped = any

/**
 * What a careful developer would write by hand: the same mapping and the same checks, errors collected, the values
 * every line shares (customer, coupon, dates...) computed once per payload.
 */
function handWritten(payload: Untyped): { outputs: Record<string, unknown>[]; errors: string[] } {
  const errors: string[] = []
  if (payload?.type !== 'order.completed') return { outputs: [], errors: ['no_match'] }
  let mobile = String(payload.customer?.mobile ?? '').replace(/[\s\-().]/g, '')
  if (mobile.startsWith('+')) mobile = mobile.slice(1)
  else if (mobile.startsWith('00')) mobile = mobile.slice(2)
  if (!/^\d{8,15}$/.test(mobile)) errors.push('invalid_identifier')
  const mail = typeof payload.customer?.email === 'string' ? payload.customer.email.toLowerCase() : undefined
  if (mail !== undefined && !email.test(mail)) errors.push('invalid_identifier')
  const code = String(payload.order?.coupon ?? '')
    .trim()
    .toUpperCase()
  if (!coupon.test(code)) errors.push('regex_mismatch')
  const tier = tiers[payload.customer?.tier as keyof typeof tiers]
  if (!allowed.tier.has(tier)) errors.push('invalid_enum')
  const channel = channels[payload.context?.channel as keyof typeof channels]
  if (!allowed.channel.has(channel)) errors.push('invalid_enum')
  const method = String(payload.payment?.method ?? '').toUpperCase()
  if (!allowed.payment.has(method)) errors.push('invalid_enum')
  const placed = Date.parse(payload.order?.placed_at)
  if (Number.isNaN(placed)) errors.push('invalid_date')
  const orderDate = kolkata(placed, false)
  const eventDateTime = kolkata(payload.occurred_at, true)
  const { number: orderNumber, currency } = payload.order
  const tillCode = payload.order.store?.till
  const city = payload.shipping?.address?.city
  if (typeof orderNumber !== 'string' || orderNumber === '') errors.push('missing_required')
  if (typeof tillCode !== 'string' || typeof currency !== 'string' || typeof city !== 'string')
    errors.push('type_mismatch')
  const items = Array.isArray(payload.order?.items) ? payload.order.items : []
  const outputs = items.map((item: Untyped) => {
    const unitPrice = Number(item.pricing?.unit)
    const discount = item.pricing?.discount == null ? 0 : Number(item.pricing.discount)
    if (!Number.isFinite(unitPrice) || decimals(unitPrice) > 15) errors.push('type_mismatch')
    if (!Number.isFinite(discount) || decimals(discount) > 15) errors.push('type_mismatch')
    if (typeof item.qty !== 'number') errors.push('type_mismatch')
    if (typeof item.sku !== 'string' || item.sku === '') errors.push('missing_required')
    if (typeof item.brand !== 'string' || typeof item.category !== 'string' || typeof item.name !== 'string') {
      errors.push('type_mismatch')
    }
    return {
      event_name: 'orderLine',
      customer: mobile,
      email: mail,
      orderNumber,
      tillCode,
      sku: item.sku,
      brand: item.brand,
      category: item.category,
      productName: String(item.name).trim(),
      quantity: item.qty,
      unitPrice,
      discount,
      couponCode: code,
      currency,
      tier,
      channel,
      city,
      paymentMethod: method,
      orderDate,
      eventDateTime,
      external_event_id: `${payload.id}-${item.line_id}`
    }
  })
  return { outputs, errors }
}

/** Payloads per second of `run` over `milliseconds`, cycling through the payloads (awaiting only promises). */
async function rate(
  run: (payload: unknown) => unknown,
  payloads: readonly unknown[],
  milliseconds: number
): Promise<number> {
  let done = 0
  const started = performance.now()
  let elapsed = 0
  while (elapsed < milliseconds) {
    for (let index = 0; index < 25; index++) {
      const result = run(payloads[done++ % payloads.length])
      if (result instanceof Promise) await result
    }
    elapsed = performance.now() - started
  }
  return (done / elapsed) * 1000
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

export async function engineBench(): Promise<Figure[]> {
  const payloads = orders(64)
  const sizes = payloads.map((payload) => JSON.stringify(payload).length)
  if (Math.min(...sizes) < 2_000 || Math.max(...sizes) > 5_000)
    throw new Error(`payloads of ${Math.min(...sizes)}-${Math.max(...sizes)} bytes, not 2-5 KB`)

  // The relay runs in main, which compiles the mapping into generated code (Node only; the renderer keeps closures).
  const relay = compileMapping(mapping, event, { provenance: false, sourceCompiler: nodeSourceCompiler })
  const studio = compileMapping(mapping, event)
  const prepared = jsonata(jsonataExpression)
  if (relay.isAsync || studio.isAsync) throw new Error('the bench mapping has no JSONata rule')
  if (relay.problems.length > 0) throw new Error(JSON.stringify(relay.problems))

  // The three must agree before they are compared.
  for (const payload of payloads.slice(0, 8)) {
    const compiled = relay(payload)
    const byHand = handWritten(payload)
    const byJsonata = (await prepared.evaluate(payload)) as unknown[]
    const outputs = compiled.outputs.map((output) => output.payload)
    if (!compiled.valid || byHand.errors.length > 0)
      throw new Error(`invalid bench payload: ${JSON.stringify(compiled.diagnostics)} ${byHand.errors.join()}`)
    if (!isDeepStrictEqual(outputs, byHand.outputs))
      throw new Error(`hand-written differs: ${JSON.stringify([outputs[0], byHand.outputs[0]])}`)
    if (!isDeepStrictEqual(outputs, JSON.parse(JSON.stringify(byJsonata))))
      throw new Error(`jsonata differs: ${JSON.stringify([outputs[0], byJsonata[0]])}`)
  }

  // Rounds interleave the variants, and ratios are taken within a round: a busy machine slows all of them alike. Each
  // round starts with a different variant, so none always pays for the garbage jsonata leaves behind. The
  // mapping with provenance runs last: sharing the engine's code, it would otherwise change what V8 optimises for.
  const variants = {
    compiled: (payload: unknown) => relay(payload),
    handWritten,
    jsonata: (payload: unknown) => prepared.evaluate(payload)
  }
  for (const run of Object.values(variants)) await rate(run, payloads, 300)
  const rounds: Record<keyof typeof variants, number>[] = []
  const order = ['compiled', 'handWritten', 'jsonata'] as const
  for (let round = 0; round < 12; round++) {
    const measured: Partial<Record<keyof typeof variants, number>> = {}
    for (let turn = 0; turn < order.length; turn++) {
      const name = order[(round + turn) % order.length] as keyof typeof variants
      measured[name] = await rate(variants[name], payloads, name === 'jsonata' ? 500 : 300)
    }
    rounds.push(measured as Record<keyof typeof variants, number>)
  }
  const compiledRate = median(rounds.map((round) => round.compiled))
  const versusJsonata = median(rounds.map((round) => round.compiled / round.jsonata))
  const versusHandWritten = median(rounds.map((round) => round.compiled / round.handWritten))
  await rate((payload) => studio(payload), payloads, 300)
  const withProvenanceRate = await rate((payload) => studio(payload), payloads, 1_000)
  return [
    figure('engine.payloads_per_s', compiledRate, 'ops/s'),
    figure('engine.payloads_per_s_with_provenance', withProvenanceRate, 'ops/s'),
    figure('engine.vs_jsonata', versusJsonata, 'x', 50),
    figure('engine.vs_handwritten', versusHandWritten, 'x', 0.6)
  ]
}
