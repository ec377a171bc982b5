import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { contentSecurityPolicy } from '../../../../main/app/contentSecurityPolicy'

type Policy = Map<string, string[]>

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map()
  for (const directive of text.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/)
    if (name) policy.set(name.toLowerCase(), sources)
  }
  return policy
}

/** Fetch directives fall back, in CSP Level 3, along these chains; other directives do not fall back. */
const fallbacks: Record<string, string[]> = {
  'script-src': ['default-src'],
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'style-src': ['default-src'],
  'style-src-elem': ['style-src', 'default-src'],
  'style-src-attr': ['style-src', 'default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'child-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
  'font-src': ['default-src'],
  'img-src': ['default-src'],
  'media-src': ['default-src'],
  'connect-src': ['default-src'],
  'object-src': ['default-src'],
  'manifest-src': ['default-src']
}

/** The sources a directive allows in a policy; `'none'` allows nothing, a missing directive allows anything (`*`). */
function effectiveSources(policy: Policy, directive: string): string[] {
  const found = [directive, ...(fallbacks[directive] ?? [])].map((name) => policy.get(name)).find(Boolean)
  if (!found) return ['*']
  return found.filter((source) => source !== "'none'")
}

const policy = parsePolicy(contentSecurityPolicy)
const remoteSource = /^(\*|https?:|wss?:|ftp:|[a-z0-9-]+\.[a-z]|\*\.|\/\/)/i

describe('contentSecurityPolicy', () => {
  it('loads scripts only from the app itself', () => {
    for (const directive of ['script-src', 'script-src-elem', 'worker-src']) {
      const remote = effectiveSources(policy, directive).filter((source) => remoteSource.test(source))
      expect(remote, directive).toEqual([])
    }
    expect(effectiveSources(policy, 'script-src')).toEqual(["'self'"])
  })

  it("never allows 'unsafe-eval' nor inline scripts", () => {
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'")
    expect(effectiveSources(policy, 'script-src')).not.toContain("'unsafe-inline'")
  })

  it("runs workers from self and blob: only (Monaco's workers)", () => {
    expect(effectiveSources(policy, 'worker-src').sort()).toEqual(["'self'", 'blob:'])
  })

  it('allows no plugins, no <base> and no form submissions', () => {
    expect(effectiveSources(policy, 'object-src')).toEqual([])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
  })

  it('forbids framing the studio in another page', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('connects only back to the app itself', () => {
    expect(effectiveSources(policy, 'connect-src')).toEqual(["'self'"])
  })
})

describe("renderer/index.html's meta CSP", () => {
  const html = readFileSync(join(__dirname, '../../../../renderer/index.html'), 'utf8')
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)

  it('is present', () => {
    expect(meta?.[1]).toBeTruthy()
  })

  it("allows nothing beyond main/app/contentSecurityPolicy.ts's policy", () => {
    const metaPolicy = parsePolicy(meta?.[1] ?? '')
    // A meta CSP cannot carry these (the CSP spec ignores them there), so only the header's count.
    const headerOnly = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox'])
    const directives = new Set([...policy.keys(), ...metaPolicy.keys(), ...Object.keys(fallbacks)])
    for (const directive of directives) {
      if (headerOnly.has(directive)) continue
      const allowed = new Set(effectiveSources(policy, directive))
      const extra = effectiveSources(metaPolicy, directive).filter((source) => !allowed.has(source))
      expect(extra, `${directive} in renderer/index.html`).toEqual([])
    }
  })
})
