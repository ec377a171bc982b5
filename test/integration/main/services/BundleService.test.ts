import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BundlePreview } from '../../../../shared/api/bundles'
import type { Bundle } from '../../../../shared/bundle/bundleFormat'
import { createDispatcher } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { applyMerge } from '../../../../main/bundles/mergeBundle'
import { readBundleFromFile } from '../../../../main/bundles/readBundleFromFile'
import { silentLogger } from '../../../../main/platform/logger'
import { createTestStudio, studioErrorOf, type TestStudio } from '../../support/testStudio'

let context: TestStudio

beforeEach(() => {
  context = createTestStudio('bundle-service')
  context.studio.session.close()
  context.studio.newProject(join(context.folder, 'Shop.capmap'), true)
})

afterEach(() => context.dispose())

const bundlePath = () => join(context.folder, 'shop.capmap.json')

/** The sample exported (over an earlier export), changed as a teammate would, written back. */
async function exportAndEdit(change: (bundle: Bundle) => void): Promise<{ path: string }> {
  await context.studio.bundles.export(bundlePath(), [], { overwrite: true })
  const bundle = JSON.parse(readFileSync(bundlePath(), 'utf8')) as Bundle
  change(bundle)
  writeFileSync(bundlePath(), `${JSON.stringify(bundle, null, 2)}\n`)
  return { path: bundlePath() }
}

const relabel = (bundle: Bundle) => {
  const event = bundle.events.find((candidate) => candidate.name === 'be_reserved')
  if (event) event.label = 'Room booking'
  const rule = bundle.mappings.find((mapping) => mapping.event === 'be_reserved')?.spec.rules[1]
  if (rule) rule.transforms = [{ kind: 'upperCase' }]
}

const plan = (preview: BundlePreview) => {
  if (!preview.ok) throw new Error(preview.problems.join('\n'))
  return preview.plan
}

const project = () => context.studio.session.require()
const event = (name: string) => project().events.findByName(name)
const snapshot = () =>
  JSON.stringify([
    project().events.list(),
    project().integrations.list(),
    project().mappings.list(),
    project().testCases.list()
  ])

describe('merging a bundle into the open project', () => {
  it('previews each event and integration: identical, new or in conflict with what differs', async () => {
    const source = await exportAndEdit((bundle) => {
      relabel(bundle)
      bundle.events.push({ ...bundle.events[0]!, name: 'be_cancelled' })
      bundle.provenance.eventHashes.be_cancelled = bundle.provenance.eventHashes.be_reserved!
    })
    const preview = context.studio.bundles.preview(source)
    expect(preview.ok && preview.warnings).toContain('be_reserved was edited by hand since it was exported.')
    const { events, integrations } = plan(preview)
    expect(events.map(({ key, state }) => [key, state])).toEqual([
      ['ProductAddedToCart', 'identical'],
      ['be_reserved', 'conflict'],
      ['be_cancelled', 'new']
    ])
    expect(events[1]!.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed be_reserved.label',
      'changed booking-app → be_reserved.rules.hotel_name.transforms'
    ])
    expect(integrations.every((integration) => integration.state === 'identical')).toBe(true)
  })

  it('tells which side alone changed an event since the export, from the bundle provenance', async () => {
    const relabelled = await exportAndEdit((bundle) => {
      bundle.events.find((candidate) => candidate.name === 'be_reserved')!.label = 'Room booking'
    })
    const planned = () => plan(context.studio.bundles.preview(relabelled)).events.find((e) => e.key === 'be_reserved')
    expect(planned()).toMatchObject({ state: 'conflict', changedOnlyIn: 'bundle' })

    // Mine changed too: both sides did, and nothing tells which to keep.
    const { id: _id, status: _s, publications: _p, createdAt: _c, updatedAt: _u, ...draft } = event('be_reserved')!
    context.studio.events.update(event('be_reserved')!.id, { ...draft, description: 'Edited here' })
    expect(planned()).toMatchObject({ state: 'conflict' })
    expect(planned()?.changedOnlyIn).toBeUndefined()

    // The bundle as exported, against a project changed since: only mine changed.
    const unchanged = await exportAndEdit(() => undefined)
    context.studio.events.update(event('be_reserved')!.id, { ...draft, description: 'Edited again' })
    expect(plan(context.studio.bundles.preview(unchanged)).events.find((e) => e.key === 'be_reserved')).toMatchObject({
      state: 'conflict',
      changedOnlyIn: 'project'
    })
  })

  it('refuses a merge that leaves a conflict without a choice, writing nothing', async () => {
    const source = await exportAndEdit(relabel)
    const before = snapshot()
    expect(studioErrorOf(() => context.studio.bundles.merge(source, { events: {}, integrations: {} })).message).toBe(
      'Choose what to do with the events in conflict: be_reserved.'
    )
    expect(snapshot()).toBe(before)
  })

  it('asks for a choice for events in conflict named like what every object has ("constructor", "toString")', async () => {
    for (const [name, renamed] of [
      ['be_reserved', 'constructor'],
      ['ProductAddedToCart', 'toString']
    ] as const) {
      const { id, status: _status, ...draft } = event(name)!
      context.studio.events.update(id, { ...draft, name: renamed })
    }
    const source = await exportAndEdit((bundle) => {
      for (const theirs of bundle.events) theirs.label = `${theirs.label} (theirs)`
    })
    const [before, labels] = [snapshot(), [event('constructor')!.label, event('toString')!.label]]
    expect(studioErrorOf(() => context.studio.bundles.merge(source, { events: {}, integrations: {} })).message).toBe(
      'Choose what to do with the events in conflict: constructor, toString.'
    )
    expect(snapshot()).toBe(before)

    const result = context.studio.bundles.merge(source, {
      events: { constructor: 'take-theirs' as const, toString: 'keep-mine' as const },
      integrations: {}
    })
    expect(result.events).toEqual({ added: 0, replaced: 1, copied: 0, kept: 1 })
    expect([event('constructor')!.label, event('toString')!.label]).toEqual([`${labels[0]} (theirs)`, labels[1]])
  })

  it('keep mine changes nothing', async () => {
    const source = await exportAndEdit(relabel)
    const before = snapshot()
    const result = context.studio.bundles.merge(source, { events: { be_reserved: 'keep-mine' }, integrations: {} })
    expect(result.events).toEqual({ added: 0, replaced: 0, copied: 0, kept: 2 })
    expect(snapshot()).toBe(before)
  })

  it('take theirs replaces the event and its mapping, sends it back to Draft, and leaves nothing in conflict', async () => {
    const source = await exportAndEdit(relabel)
    const mine = event('be_reserved')!
    const result = context.studio.bundles.merge(source, { events: { be_reserved: 'take-theirs' }, integrations: {} })
    expect(result).toMatchObject({ events: { replaced: 1 }, mappings: 1, testCases: 1 })
    const theirs = event('be_reserved')!
    expect([theirs.id, theirs.label, theirs.status]).toEqual([mine.id, 'Room booking', 'draft'])
    const mapping = project()
      .mappings.list()
      .find((candidate) => candidate.eventId === mine.id)!
    expect(mapping.rules[1]!.transforms).toEqual([{ kind: 'upperCase' }])
    expect(project().testCases.listForMappings([mapping.id])).toHaveLength(1)
    expect(plan(context.studio.bundles.preview(source)).events.map((entry) => entry.state)).toEqual([
      'identical',
      'identical'
    ])
  })

  it('keep both imports theirs under a new name, with its mapping and test cases retargeted', async () => {
    const source = await exportAndEdit((bundle) => {
      relabel(bundle)
      bundle.integrations.find((integration) => integration.slug === 'booking-app')!.name = 'Booking app v2'
    })
    const result = context.studio.bundles.merge(source, {
      events: { be_reserved: 'keep-both' },
      integrations: { 'booking-app': 'keep-both' }
    })
    expect(result).toMatchObject({ events: { copied: 1, kept: 1 }, integrations: { copied: 1, kept: 1 } })
    expect(event('be_reserved')!.label).not.toBe('Room booking')
    const copy = event('be_reserved_2')!
    expect([copy.label, copy.status]).toEqual(['Room booking', 'draft'])
    const integration = project()
      .integrations.list()
      .find((candidate) => candidate.slug === 'booking-app-2')!
    expect(integration.name).toBe('Booking app v2')
    const mapping = project().mappings.find(integration.id, copy.id)!
    expect(mapping.rules[1]!.transforms).toEqual([{ kind: 'upperCase' }])
    expect(
      project()
        .testCases.listForMappings([mapping.id])
        .map((testCase) => testCase.name)
    ).toEqual(['A reservation from the booking app'])
  })

  it('keep both gives the copy of an integration a name of its own when theirs is the same as mine', async () => {
    const source = await exportAndEdit((bundle) => {
      relabel(bundle)
      bundle.integrations.find((integration) => integration.slug === 'booking-app')!.sourceAccount = 'MOBILE_APP'
    })
    context.studio.bundles.merge(source, {
      events: { be_reserved: 'keep-mine' },
      integrations: { 'booking-app': 'keep-both' }
    })
    const names = project()
      .integrations.list()
      .map((integration) => `${integration.slug}: ${integration.name}`)
    expect(names).toEqual([
      'booking-app: Hotel booking app',
      'booking-app-2: Hotel booking app (2)',
      'webengage: WebEngage storefront'
    ])
  })

  it('keep both fits the copies of an event and an integration named at their length limits', async () => {
    const longName = `be_${'r'.repeat(197)}`
    const longSlug = `booking-${'a'.repeat(52)}`
    const longTitle = `Hotel ${'b'.repeat(194)}`
    const mine = event('be_reserved')!
    const {
      id: _eventId,
      status: _status,
      publications: _publications,
      createdAt: _created,
      updatedAt: _updated,
      ...eventDraft
    } = mine
    context.studio.events.update(mine.id, { ...eventDraft, name: longName })
    const booking = project()
      .integrations.list()
      .find((integration) => integration.slug === 'booking-app')!
    const { id: _integrationId, createdAt: _since, updatedAt: _changed, ...integrationDraft } = booking
    context.studio.integrations.update(booking.id, { ...integrationDraft, slug: longSlug, name: longTitle })
    const source = await exportAndEdit((bundle) => {
      bundle.events.find((candidate) => candidate.name === longName)!.label = 'Room booking'
      bundle.integrations.find((integration) => integration.slug === longSlug)!.sourceAccount = 'MOBILE_APP'
    })
    context.studio.bundles.merge(source, {
      events: { [longName]: 'keep-both' },
      integrations: { [longSlug]: 'keep-both' }
    })
    expect(project().events.findByName(`${longName.slice(0, 198)}_2`)?.label).toBe('Room booking')
    const copy = project()
      .integrations.list()
      .find((integration) => integration.slug === `${longSlug.slice(0, 58)}-2`)
    expect(copy?.name).toBe(`${longTitle.slice(0, 196)} (2)`)
  })

  it('is all or nothing: a failure part way through writes nothing', async () => {
    const source = await exportAndEdit((bundle) => {
      relabel(bundle)
      bundle.events.push({ ...bundle.events[0]!, name: 'be_cancelled' })
    })
    const bundle = JSON.parse(readFileSync(source.path, 'utf8')) as Bundle
    const before = snapshot()
    let ids = 0
    const failingIds = () => {
      ids += 1
      if (ids === 6) throw new Error('the disk is full')
      return `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`
    }
    expect(() =>
      applyMerge(
        project(),
        bundle,
        { events: { be_reserved: 'take-theirs' }, integrations: {} },
        '2026-11-28T12:00:00.000Z',
        failingIds
      )
    ).toThrow('the disk is full')
    expect(ids).toBe(6)
    expect(snapshot()).toBe(before)
  })

  it('refuses their mapping onto my kept event when it sets an attribute mine lacks, writing nothing', async () => {
    const source = await exportAndEdit((bundle) => {
      const event = bundle.events.find((candidate) => candidate.name === 'be_reserved')!
      event.attributes.push({ ...event.attributes[0]!, name: 'room_type' })
      const mapping = bundle.mappings.find((candidate) => candidate.event === 'be_reserved')!
      mapping.spec.rules.push({ ...mapping.spec.rules[0]!, target: 'room_type' })
      bundle.integrations.find((integration) => integration.slug === 'booking-app')!.name = 'Booking app v2'
    })
    const before = snapshot()
    const choices = {
      events: { be_reserved: 'keep-mine' as const },
      integrations: { 'booking-app': 'keep-both' as const }
    }
    expect(studioErrorOf(() => context.studio.bundles.merge(source, choices)).message).toBe(
      'Their mapping booking-app → be_reserved sets room_type, which my be_reserved does not have: take theirs or keep both for be_reserved.'
    )
    expect(snapshot()).toBe(before)
  })

  it('refuses a bad bundle with its problems, and a dropped file is read the same way', async () => {
    const preview = context.studio.bundles.preview({ text: '{"format":"capmap.bundle","version":9}', name: 'x' })
    expect(preview).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: ['The bundle is of format version 9; this studio reads up to 1. Update the studio.']
    })
    await context.studio.bundles.export(bundlePath())
    const dropped = context.studio.bundles.preview({ text: readFileSync(bundlePath(), 'utf8'), name: 'shop' })
    expect(dropped.ok && dropped.name).toBe('shop')
    // A stray byte (a label saved as Latin-1) would come in as a replacement character: refused, in words.
    const latin = join(context.folder, 'latin.capmap.json')
    writeFileSync(latin, Buffer.from(readFileSync(bundlePath(), 'latin1').replace('Hotel', 'H\xf4tel'), 'latin1'))
    expect(context.studio.bundles.preview({ path: latin })).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [`${latin} is not UTF-8 text (a bundle is JSON in UTF-8): was it saved in another encoding?`]
    })
  })

  it('says in words when the bundle path names no file, or a folder', () => {
    const missing = join(context.folder, 'nope.capmap.json')
    expect(context.studio.bundles.preview({ path: missing })).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [`There is no file at ${missing}.`]
    })
    expect(context.studio.bundles.preview({ path: context.folder })).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [`${context.folder} is a folder, not a file.`]
    })
  })

  // Reading a named pipe would block the studio (its API and its listener) until something wrote to it.
  it('refuses a named pipe without reading it', () => {
    const pipe = join(context.folder, 'pipe.capmap.json')
    execFileSync('mkfifo', [pipe])
    expect(context.studio.bundles.preview({ path: pipe })).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [`${pipe} is not a file (a pipe, a device or a socket): the studio reads only files.`]
    })
    expect(readBundleFromFile(pipe)).toMatchObject({ ok: false, kind: 'unreadable' })
  })
})

describe('exporting and comparing from the studio', () => {
  describe('an export to a file already there, through the api as the app and web mode call it', () => {
    const dispatch = (input: unknown) =>
      createDispatcher(createHandlers(context.studio), silentLogger)('exportBundle', input)
    beforeEach(() => context.studio.bundles.export(bundlePath()))

    it('is refused with file_exists, naming the file and leaving it as it was, unless overwrite says to replace it', async () => {
      writeFileSync(bundlePath(), `${readFileSync(bundlePath(), 'utf8').trimEnd()}\n\n`)
      const before = readFileSync(bundlePath(), 'utf8')
      expect(await dispatch({ path: bundlePath() })).toEqual({
        ok: false,
        error: {
          code: 'file_exists',
          message: `${bundlePath()} already exists: replace it, or export to another file.`
        }
      })
      expect(await dispatch({ path: bundlePath(), overwrite: false })).toMatchObject({ error: { code: 'file_exists' } })
      expect(readFileSync(bundlePath(), 'utf8')).toBe(before)
      expect(readdirSync(context.folder).filter((name) => name.endsWith('.partial'))).toEqual([])

      expect(await dispatch({ path: bundlePath(), overwrite: true })).toMatchObject({
        ok: true,
        value: { path: bundlePath() }
      })
      expect(readFileSync(bundlePath(), 'utf8')).not.toBe(before)
      expect(readBundleFromFile(bundlePath()).ok).toBe(true)
    })

    it('writes a new file without overwrite', async () => {
      const fresh = join(context.folder, 'fresh.capmap.json')
      expect(await dispatch({ path: fresh })).toMatchObject({ ok: true, value: { path: fresh } })
      expect(existsSync(fresh)).toBe(true)
    })

    it('refuses an overwrite that is not a boolean before anything is written', async () => {
      const before = readFileSync(bundlePath(), 'utf8')
      expect(await dispatch({ path: bundlePath(), overwrite: 'yes' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
      expect(readFileSync(bundlePath(), 'utf8')).toBe(before)
    })
  })

  it('replaces an earlier export when told to, and refuses to overwrite the open project or any other file', async () => {
    await context.studio.bundles.export(bundlePath())
    await expect(context.studio.bundles.export(bundlePath(), [], { overwrite: true })).resolves.toMatchObject({
      path: bundlePath()
    })
    const projectBytes = readFileSync(context.projectPath)
    await expect(context.studio.bundles.export(context.projectPath, [], { overwrite: true })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Project\.capmap exists and is not a bundle .*export to another file/)
    })
    const notes = join(context.folder, 'notes.json')
    writeFileSync(notes, '{"mine": true}')
    await expect(context.studio.bundles.export(notes, [], { overwrite: true })).rejects.toThrow(
      /notes\.json exists and is not a bundle/
    )
    expect(readFileSync(notes, 'utf8')).toBe('{"mine": true}')
    expect(readFileSync(context.projectPath).equals(projectBytes)).toBe(true)
    expect(context.studio.events.list().length).toBeGreaterThan(0)
  })

  it('says in words when the export folder is missing, and when a bundle to read is a project file', async () => {
    const missing = join(context.folder, 'missing', 'shop.capmap.json')
    await expect(context.studio.bundles.export(missing)).rejects.toMatchObject({
      code: 'file_error',
      message: `There is no folder ${join(context.folder, 'missing')}: create it first, or pick another place.`
    })
    // The API takes full paths of either kind; C:\… on Linux (or a drive-relative C:… on Windows) names no place.
    const foreign = process.platform === 'win32' ? 'C:shop.capmap.json' : 'C:\\bundles\\shop.capmap.json'
    const notFull = expect.objectContaining({
      code: 'invalid_input',
      message: expect.stringMatching(/is not a full path/)
    })
    await expect(context.studio.bundles.export(foreign)).rejects.toEqual(notFull)
    expect(() => context.studio.bundles.preview({ path: foreign })).toThrow(notFull)
    expect(readdirSync(process.cwd()).filter((name) => name.startsWith('C:'))).toEqual([])
    expect(context.studio.bundles.preview({ path: context.projectPath })).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [
        `${context.projectPath} is a project file, not a bundle: open it with File › Open Project (capmap reads it with --project).`
      ]
    })
  })

  it('blocks an export that would carry a secret out, and says where', async () => {
    const integration = project().integrations.list()[0]!
    const mapping = project()
      .mappings.list()
      .find((candidate) => candidate.integrationId === integration.id)!
    project().testCases.insert(
      '00000000-0000-4000-8000-000000000001',
      {
        mappingId: mapping.id,
        name: 'with a token',
        source: { kind: 'edited' },
        payload: { access_token: 'sk_live_abcdefghijklmnop' },
        expected: []
      },
      '2026-11-28T12:00:00.000Z'
    )
    const scan = context.studio.bundles.scanExport()
    expect(scan.secrets.length).toBeGreaterThan(0)
    await expect(context.studio.bundles.export(bundlePath())).rejects.toThrow(scan.secrets[0]!.path)
    expect((await context.studio.bundles.export(bundlePath(), [], { allowSecrets: true })).bytes).toBeGreaterThan(0)
  })

  it('exports an event named "constructor" that imports again, and refuses, writing nothing, one that would not', async () => {
    const reserved = event('be_reserved')!
    const { id: _id, status: _status, ...draft } = reserved
    context.studio.events.update(reserved.id, { ...draft, name: 'constructor' })
    await context.studio.bundles.export(bundlePath())
    const preview = context.studio.bundles.preview({ path: bundlePath() })
    expect(preview.ok && preview.events).toBeGreaterThan(0)

    const exported = readFileSync(bundlePath(), 'utf8')
    context.studio.events.update(reserved.id, { ...draft, name: '__proto__' })
    await expect(context.studio.bundles.export(bundlePath())).rejects.toMatchObject({
      code: 'conflict',
      message:
        'Not exported: the studio could not import this bundle back. Event "__proto__" cannot travel in a bundle: rename it.'
    })
    expect(readFileSync(bundlePath(), 'utf8')).toBe(exported)
  })

  describe('a test case saved through the API that no bundle could carry', () => {
    /** Saves a test case on the WebEngage mapping as the API does, from the JSON text of its request. */
    async function saveThroughApi(name: string, payloadJson: string) {
      const webengage = project()
        .integrations.list()
        .find((integration) => integration.slug === 'webengage')!
      const mapping = project()
        .mappings.list()
        .find((candidate) => candidate.integrationId === webengage.id)!
      const dispatch = createDispatcher(createHandlers(context.studio), silentLogger)
      const request = `{"draft": {"mappingId": "${mapping.id}", "name": "${name}", "source": {"kind": "edited"}, "payload": ${payloadJson}, "expected": []}}`
      expect(await dispatch('saveTestCase', JSON.parse(request))).toMatchObject({ ok: true })
    }

    // Test cases go by integration, event and name: this one comes third, between the sample's two WebEngage ones.
    it('refuses, writing nothing, a payload with a "__proto__" key, naming the test case at its place', async () => {
      await saveThroughApi('Cart with a hidden key', '{"cart": {"items": [], "__proto__": {"admin": true}}}')
      await expect(context.studio.bundles.export(bundlePath())).rejects.toMatchObject({
        code: 'conflict',
        message:
          'Not exported: the studio could not import this bundle back. testCases[2].payload.cart holds a "__proto__" key: remove it from the test case "Cart with a hidden key" (webengage → ProductAddedToCart).'
      })
      expect(existsSync(bundlePath())).toBe(false)
      expect(existsSync(`${bundlePath()}.partial`)).toBe(false)
    })

    it('refuses, writing nothing, a payload nested deeper than a bundle takes, naming the test case', async () => {
      await saveThroughApi('Cart nested too deep', `${'['.repeat(70)}${']'.repeat(70)}`)
      await expect(context.studio.bundles.export(bundlePath())).rejects.toMatchObject({
        code: 'conflict',
        message:
          'Not exported: the studio could not import this bundle back. testCases[2].payload nests 70 levels deep, and a bundle takes 61 there: make it shallower in the test case "Cart nested too deep" (webengage → ProductAddedToCart).'
      })
      expect(existsSync(bundlePath())).toBe(false)
    })
  })

  it('diffs a bundle against the open project, and imports one as a new project', async () => {
    const source = await exportAndEdit(relabel)
    const changes = context.studio.bundles.diffWithProject(source)
    expect(changes.map((change) => `${change.kind} ${change.what} ${change.path}`)).toEqual([
      'changed event be_reserved.label',
      'changed rule booking-app → be_reserved.rules.hotel_name.transforms'
    ])
    const state = context.studio.bundles.importAsNew(source, join(context.folder, 'Copy'))
    expect(state.project?.path).toBe(join(context.folder, 'Copy.capmap'))
    expect(event('be_reserved')!.label).toBe('Room booking')
    expect(studioErrorOf(() => context.studio.bundles.importAsNew(source, join(context.folder, 'Copy'))).code).toBe(
      'conflict'
    )
  })
})
