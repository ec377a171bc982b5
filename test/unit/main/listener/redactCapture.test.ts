import { describe, expect, it } from 'vitest'
import { maskedValue, maskHeaders } from '../../../../main/listener/maskCredentials'
import { pathSegments, redactCapture, redactedValue, redactHeaders } from '../../../../main/listener/redactCapture'
import { defaultRedaction, type Redaction } from '../../../../shared/model/listenerSettings'

const on: Redaction = { ...defaultRedaction, enabled: true }
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString()

describe('redactCapture', () => {
  it('redacts JSON values under sensitive key names, whole words of compound names included', () => {
    const body = Buffer.from(
      JSON.stringify({ newPassword: 'a', user_token: 'b', apiKey: 'c', shipping: 'keep', pin: '1234', spinner: 'keep' })
    )
    const result = redactCapture(body, 'json', [], on)
    expect(JSON.parse(text(result.body))).toEqual({
      newPassword: redactedValue,
      user_token: redactedValue,
      apiKey: redactedValue,
      shipping: 'keep',
      pin: redactedValue,
      spinner: 'keep'
    })
    expect(result.changed).toBe(true)
  })

  it('redacts whole subtrees at given paths, with wildcards and quoted keys', () => {
    const body = Buffer.from(
      JSON.stringify({
        customer: { address: { line1: 'x' } },
        items: [{ card: 'a', sku: 's' }, { card: 'b' }],
        event_data: { 'Promotion ID': 'P' }
      })
    )
    const redaction = {
      ...on,
      keyNames: [],
      emails: false,
      phoneNumbers: false,
      cardNumbers: false,
      paths: ['customer.address', 'items[*].card', 'event_data["Promotion ID"]']
    }
    expect(JSON.parse(text(redactCapture(body, 'json', [], redaction).body))).toEqual({
      customer: { address: redactedValue },
      items: [{ card: redactedValue, sku: 's' }, { card: redactedValue }],
      event_data: { 'Promotion ID': redactedValue }
    })
  })

  it('redacts emails, phone numbers and card numbers by shape, not dates, ids or IP addresses', () => {
    const values = {
      email: 'Asha.Rao@Example.com',
      mobile: '+91 98450 12345',
      us: '(555) 123-4567',
      card: '4111-1111-1111-1111',
      notACard: '4111-1111-1111-1112',
      date: '2026-11-20',
      stamp: '2024-04-11 12:00:00',
      iso: '2026-11-20T18:42:07+05:30',
      ip: '115.99.221.149',
      sku: 'SO-100482'
    }
    const redacted = JSON.parse(
      text(redactCapture(Buffer.from(JSON.stringify(values)), 'json', [], { ...on, keyNames: [] }).body)
    ) as Record<string, string>
    expect(redacted).toEqual({
      ...values,
      email: redactedValue,
      mobile: redactedValue,
      us: redactedValue,
      card: redactedValue,
      notACard: '4111-1111-1111-1112'
    })
  })

  it('finds phone numbers in prose as the pattern reads them: the longest number before what is glued to it', () => {
    const prose = 'Call +91 98450 12345 (9am-5pm), at 12:30; v1.2.3; 98450-12345-; 20261120 and 2026-11-20.'
    const redacted = text(redactCapture(Buffer.from(prose), 'text', [], { ...on, keyNames: [] }).body)
    expect(redacted).toBe(
      `Call ${redactedValue} (9am-5pm), at 12:30; v1.2.3; 98450-12345-; ${redactedValue} and 2026-11-20.`
    )
  })

  // A sender can post any text: each shape must read it in one pass, not retry it from every character. (These took
  // minutes, holding the listener, while the shapes backtracked.)
  it('reads a megabyte of text that nearly matches a shape in one pass, leaving it as it is', () => {
    const nearlyEmails = `{"note":"${'n'.repeat(1_000_000)}"}`
    const nearlyPhones = `{"note":"${'1- '.repeat(300_000)}x"}`
    for (const body of [nearlyEmails, nearlyPhones]) {
      const result = redactCapture(Buffer.from(body), 'json', [], on)
      expect(result.changed).toBe(false)
      expect(text(result.body)).toBe(body)
    }
    const manyWords = JSON.stringify({ [`a${'_b'.repeat(200_000)}`]: 'kept', password: 'hidden' })
    expect(JSON.parse(text(redactCapture(Buffer.from(manyWords), 'json', [], on).body))).toEqual({
      [`a${'_b'.repeat(200_000)}`]: 'kept',
      password: redactedValue
    })
  })

  it('keeps numbers exact, big integers included', () => {
    const body = Buffer.from('{"id": 12345678901234567890, "price": 1299.0, "email": "a@b.co"}')
    expect(text(redactCapture(body, 'json', [], on).body)).toContain('12345678901234567890')
  })

  it('leaves the bytes exactly as they were when nothing is redacted', () => {
    const body = Buffer.from('{ "qty" :  2 }')
    const result = redactCapture(body, 'json', [], on)
    expect(result.changed).toBe(false)
    expect(result.body).toBe(body)
  })

  it('redacts plain text, and JSON that does not parse when only shapes are asked for, by shape', () => {
    const shapesOnly = { ...on, keyNames: [], paths: [] }
    expect(text(redactCapture(Buffer.from('{"email": "a@b.co"'), 'json', [], shapesOnly).body)).toBe(
      `{"email": "${redactedValue}"`
    )
    expect(text(redactCapture(Buffer.from('mail a@b.co now'), 'text', [], on).body)).toBe(`mail ${redactedValue} now`)
  })

  it('keeps no body it cannot read well enough to redact by key name: JSON that does not parse, a repeated key', () => {
    for (const body of ['{"password": "hunter2"', '{"password": "hunter2", "a": 1, "a": 2}']) {
      const result = redactCapture(Buffer.from(body), 'json', [], on)
      expect(result.body).toHaveLength(0)
      expect(result.changed).toBe(true)
      expect(result.withheld).toMatch(/could not be redacted: it was not kept/)
    }
  })

  it('keeps no body that is not UTF-8 text, whatever its kind', () => {
    const latin1 = Buffer.from('{"event_name":"café","password":"hunter2"}', 'latin1')
    for (const kind of ['json', 'text', 'xml', 'form'] as const) {
      const result = redactCapture(latin1, kind, [['otp', '1234']], on)
      expect(result.body).toHaveLength(0)
      expect(result.withheld).toMatch(/not UTF-8 text/)
      expect(result.query).toEqual([['otp', redactedValue]])
    }
  })

  it('keeps no body declared in a charset other than UTF-8, though UTF-16 bytes may read as UTF-8 (NULs are valid)', () => {
    const utf16 = Buffer.from('{"email":"a@b.co","password":"hunter2"}', 'utf16le')
    const result = redactCapture(utf16, 'json', [], on, 'utf-16le')
    expect(result.body).toHaveLength(0)
    expect(result.withheld).toMatch(/not UTF-8 text/)
    const ascii = redactCapture(Buffer.from('{"email":"a@b.co"}'), 'json', [], on, 'US-ASCII')
    expect(JSON.parse(text(ascii.body))).toEqual({ email: redactedValue })
  })

  it('keeps no JSON body nested deeper than it walks, rather than fail the request', () => {
    const deep = `${'{"a":'.repeat(600)}{"password":"x"}${'}'.repeat(600)}`
    const result = redactCapture(Buffer.from(deep), 'json', [], on)
    expect(result.withheld).toMatch(/could not be redacted/)
  })

  it('redacts form fields whose name or value is not valid percent-encoding', () => {
    const body = Buffer.from('password=hunter2%&email=asha@example.com%ZZ&pass%word=x&sku=14%')
    const hidden = encodeURIComponent(redactedValue)
    expect(text(redactCapture(body, 'form', [], on).body)).toBe(
      `password=${hidden}&email=${redactedValue}%ZZ&pass%word=${hidden}&sku=14%`
    )
  })

  it('redacts XML elements named like sensitive keys, and shapes in the rest', () => {
    const xml = '<user><password>hunter2</password><email>a@b.co</email><name>Asha</name></user>'
    expect(text(redactCapture(Buffer.from(xml), 'xml', [], on).body)).toBe(
      `<user><password>${redactedValue}</password><email>${redactedValue}</email><name>Asha</name></user>`
    )
  })

  it('reads no closing tag inside a CDATA section or a comment', () => {
    const xml = '<a><password><![CDATA[</password>]]>hunter2<!-- </password> -->ok</password><b>kept</b></a>'
    expect(text(redactCapture(Buffer.from(xml), 'xml', [], on).body)).toBe(
      `<a><password>${redactedValue}</password><b>kept</b></a>`
    )
  })

  it('hides what a sensitive XML element holds, child elements included, and sensitive attributes', () => {
    const xml =
      '<user token="t1" id="7"><secret kind="a"><secret>x</secret><v>y</v></secret><ns:password/><name>Asha</name>' +
      '<password>open to the end'
    expect(text(redactCapture(Buffer.from(xml), 'xml', [], on).body)).toBe(
      `<user token="${redactedValue}" id="7"><secret kind="a">${redactedValue}</secret><ns:password/>` +
        `<name>Asha</name><password>${redactedValue}`
    )
  })

  it('redacts query parameters by key name and shape', () => {
    const result = redactCapture(
      Buffer.alloc(0),
      'empty',
      [
        ['otp', '123456'],
        ['email', 'a@b.co'],
        ['eventType', 'cart']
      ],
      on
    )
    expect(result.query).toEqual([
      ['otp', redactedValue],
      ['email', redactedValue],
      ['eventType', 'cart']
    ])
    expect(result.changed).toBe(true)
  })

  it('keeps a key named __proto__ as a plain key', () => {
    const body = Buffer.from('{"__proto__": {"token": "x"}, "a": 1}')
    expect(JSON.parse(text(redactCapture(body, 'json', [], on).body))).toEqual(
      JSON.parse(`{"__proto__": {"token": "${redactedValue}"}, "a": 1}`)
    )
  })
  it('redacts JSON keys shaped like an email, each under its own label, none taking a key already there', () => {
    const body = Buffer.from('{"asha@example.com": 5, "[redacted]": "kept", "ravi@example.com": {"email": "x"}}')
    const result = redactCapture(body, 'json', [], { ...on, keyNames: [] })
    expect(result.changed).toBe(true)
    expect(JSON.parse(text(result.body))).toEqual({
      [redactedValue]: 'kept',
      '[redacted 2]': 5,
      '[redacted 3]': { email: 'x' }
    })
  })

  it('reads key names and paths on a JSON key as sent, though it is stored under its label', () => {
    const body = Buffer.from('{"users": {"asha@example.com": {"password": "hunter2", "plan": "pro"}}}')
    const redaction = { ...on, paths: ['users["asha@example.com"].plan'] }
    expect(JSON.parse(text(redactCapture(body, 'json', [], redaction).body))).toEqual({
      users: { [redactedValue]: { password: redactedValue, plan: redactedValue } }
    })
  })

  it('redacts query names shaped like an email, the same name under the same label, two names never under one', () => {
    const result = redactCapture(
      Buffer.alloc(0),
      'empty',
      [
        ['asha@example.com', '1'],
        ['ravi@example.com', '2'],
        ['asha@example.com', '3'],
        ['sku', 'A1']
      ],
      on
    )
    expect(result.query).toEqual([
      [redactedValue, '1'],
      ['[redacted 2]', '2'],
      [redactedValue, '3'],
      ['sku', 'A1']
    ])
    expect(result.changed).toBe(true)
  })

  it('redacts form names shaped like an email, keeping the other fields as written', () => {
    const body = Buffer.from('asha%40example.com=1&ravi@example.com=2&qty=%32&flag')
    expect(text(redactCapture(body, 'form', [], on).body)).toBe(
      `${encodeURIComponent(redactedValue)}=1&${encodeURIComponent('[redacted 2]')}=2&qty=%32&flag`
    )
  })
})

describe('redactHeaders', () => {
  it('redacts header values by shape and by the header name', () => {
    const result = redactHeaders(
      [
        ['X-Customer-Email', 'asha@example.com'],
        ['X-Card', '4111 1111 1111 1111'],
        ['X-Phone', '+91 98450 12345'],
        ['X-Otp', '1234'],
        ['X-Note', 'from asha@example.com, today'],
        ['X-Request-Id', 'req-7']
      ],
      on
    )
    expect(result).toEqual([
      ['X-Customer-Email', redactedValue],
      ['X-Card', redactedValue],
      ['X-Phone', redactedValue],
      ['X-Otp', redactedValue],
      ['X-Note', `from ${redactedValue}, today`],
      ['X-Request-Id', 'req-7']
    ])
  })

  it('leaves protocol headers readable, their dates, hosts and clock readings not taken for phone numbers', () => {
    const headers: [string, string][] = [
      ['Host', '127.0.0.1:4890'],
      ['Date', 'Sun, 29 Nov 2026 16:00:00 GMT'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '12345678'],
      ['Content-Encoding', 'gzip'],
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'keep-alive'],
      ['User-Agent', 'WebEngage/2.0 (+91 98450 12345)'],
      ['Accept', '*/*'],
      ['Accept-Language', 'en-IN'],
      ['Expect', '100-continue'],
      ['Cache-Control', 'max-age=31536000'],
      ['webhook-id', 'msg_2026112912345678'],
      ['webhook-timestamp', '1795968000'],
      ['Age', '123456789'],
      ['X-Timestamp', '1732896000'],
      ['X-Slack-Request-Timestamp', '1732896000']
    ]
    expect(redactHeaders(headers, on)).toEqual(headers)
  })

  it('leaves credential headers to masking, which keeps the Authorization scheme', () => {
    const headers: [string, string][] = [
      ['Authorization', 'Basic YXNoYUBleGFtcGxlLmNvbQ=='],
      ['X-Auth-Token', '98450123456'],
      ['X-Proof', 'sha256=4111111111111111']
    ]
    const result = redactHeaders(headers, on, ['X-Proof'])
    expect(result).toEqual(headers)
    expect(maskHeaders(result, ['X-Proof'])).toEqual([
      ['Authorization', `Basic ${maskedValue}`],
      ['X-Auth-Token', maskedValue],
      ['X-Proof', maskedValue]
    ])
  })

  it('leaves the headers as they came when nothing needed redacting', () => {
    const headers: [string, string][] = [['X-Request-Id', 'abc']]
    expect(redactHeaders(headers, on)).toEqual(headers)
  })
})

describe('pathSegments', () => {
  it('reads dots, brackets, wildcards and quoted keys', () => {
    expect(pathSegments('a.b[0].c')).toEqual(['a', 'b', '0', 'c'])
    expect(pathSegments('items[*].card')).toEqual(['items', '*', 'card'])
    expect(pathSegments('event_data["Promotion ID"]')).toEqual(['event_data', 'Promotion ID'])
    expect(pathSegments("['a.b'].c")).toEqual(['a.b', 'c'])
  })
})
