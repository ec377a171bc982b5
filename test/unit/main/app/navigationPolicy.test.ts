import { describe, it, expect } from 'vitest'
import { decideNavigation, decideWindowOpen, isAppPageUrl } from '../../../../main/app/navigationPolicy'

const webOrigin = 'http://127.0.0.1:4817/'
const fileOrigin = 'file:///opt/capmap/out/renderer/index.html'

describe('decideNavigation', () => {
  it('allows a page of the same origin', () => {
    expect(decideNavigation('http://127.0.0.1:4817/events?x=1#top', webOrigin)).toBe('allow')
  })

  it("allows the app's own file page when the app is loaded from files", () => {
    expect(decideNavigation('file:///opt/capmap/out/renderer/index.html#/events', fileOrigin)).toBe('allow')
  })

  it('denies any other local file, which would otherwise reach the preload bridge', () => {
    expect(decideNavigation('file:///home/user/Downloads/evil.html', fileOrigin)).toBe('deny')
    expect(isAppPageUrl('file:///home/user/Downloads/evil.html', fileOrigin)).toBe(false)
    expect(isAppPageUrl('file:///opt/capmap/out/renderer/index.html', fileOrigin)).toBe(true)
  })

  it('does not allow the same host on another port', () => {
    expect(decideNavigation('http://127.0.0.1:4818/', webOrigin)).toBe('deny')
  })

  it('opens an https link in the browser instead of the app', () => {
    expect(decideNavigation('https://docs.capillarytech.com/reference', webOrigin)).toBe('open-externally')
  })

  it('opens an https link in the browser when the app is loaded from files', () => {
    expect(decideNavigation('https://example.com/', fileOrigin)).toBe('open-externally')
  })

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a plain http site', 'http://example.com/'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['garbage', 'not a url at all'],
    ['an empty string', '']
  ])('denies %s', (_label, target) => {
    expect(decideNavigation(target, webOrigin)).toBe('deny')
    expect(decideNavigation(target, fileOrigin)).toBe('deny')
  })
})

describe('decideWindowOpen', () => {
  it('never opens a window of our own origin inside the app', () => {
    expect(decideWindowOpen('http://127.0.0.1:4817/events', webOrigin)).toBe('deny')
  })

  it('never opens a file page in a new app window', () => {
    expect(decideWindowOpen('file:///opt/capmap/out/renderer/index.html', fileOrigin)).toBe('deny')
  })

  it('sends an https link to the browser', () => {
    expect(decideWindowOpen('https://example.com/help', fileOrigin)).toBe('open-externally')
  })

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a plain http site', 'http://example.com/'],
    ['garbage', '::::']
  ])('denies %s', (_label, target) => {
    expect(decideWindowOpen(target, fileOrigin)).toBe('deny')
  })
})
