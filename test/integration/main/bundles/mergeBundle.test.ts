import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Bundle } from '../../../../shared/bundle/bundleFormat'
import { applyMerge, planMerge } from '../../../../main/bundles/mergeBundle'
import { projectBundleContent } from '../../../../main/bundles/projectBundle'
import { readBundleFromFile } from '../../../../main/bundles/readBundleFromFile'
import { createTestStudio, type TestStudio } from '../../support/testStudio'

let context: TestStudio

beforeEach(() => {
  context = createTestStudio('merge-bundle')
  context.studio.session.close()
  context.studio.newProject(join(context.folder, 'Shop.capmap'), true)
})

afterEach(() => context.dispose())

const project = () => context.studio.session.require({ forWriting: true })

/** The sample project exported, changed as a teammate would, and read back as an import reads it. */
async function theirs(change: (bundle: Bundle) => void): Promise<Bundle> {
  const path = join(context.folder, 'shop.capmap.json')
  await context.studio.bundles.export(path, [], { overwrite: true })
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle
  change(bundle)
  writeFileSync(path, `${JSON.stringify(bundle, null, 2)}\n`)
  const read = readBundleFromFile(path)
  if (!read.ok) throw new Error(read.problems.join('\n'))
  return read.bundle
}

let ids = 0
const takeTheirs = (bundle: Bundle, event: string) =>
  applyMerge(
    project(),
    bundle,
    { events: { [event]: 'take-theirs' }, integrations: {} },
    '2026-11-29T12:00:00.000Z',
    () => `merge-${++ids}`
  )

const eventOf = (bundle: Bundle, name: string) => bundle.events.find((event) => event.name === name)!
const mappingOf = (bundle: Bundle, event: string) => bundle.mappings.find((mapping) => mapping.event === event)!
const mine = () => projectBundleContent(project())

describe('merging a bundle whose only change is an order', () => {
  it('sees attributes in another order as a conflict, and taking theirs puts them in their order', async () => {
    const bundle = await theirs((edited) => eventOf(edited, 'be_reserved').attributes.reverse())
    const planned = planMerge(project(), bundle).events.find((event) => event.key === 'be_reserved')
    expect(planned?.state).toBe('conflict')
    expect(planned?.changes.map((change) => change.path)).toEqual(['be_reserved.attributes (order)'])

    takeTheirs(bundle, 'be_reserved')
    const names = (content: { events: Bundle['events'] }) =>
      content.events.find((event) => event.name === 'be_reserved')!.attributes.map((attribute) => attribute.name)
    expect(names(mine())).toEqual(names(bundle))
  })

  it('takes their order of a published event’s attributes: the same attributes, none removed', async () => {
    const reserved = project().events.findByName('be_reserved')!
    project().events.recordPublication(reserved.id, {
      profile: 'UAT sandbox',
      publishedAt: '2026-11-29T11:00:00.000Z',
      publishedBy: 'test'
    })
    const bundle = await theirs((edited) => eventOf(edited, 'be_reserved').attributes.reverse())
    takeTheirs(bundle, 'be_reserved')
    const after = project().events.findByName('be_reserved')!
    expect(after.attributes.map((attribute) => attribute.id)).toEqual(
      [...reserved.attributes].reverse().map((attribute) => attribute.id)
    )
  })

  it('sees rules in another order as a conflict, and taking theirs puts them in their order', async () => {
    const bundle = await theirs((edited) => mappingOf(edited, 'be_reserved').spec.rules.reverse())
    const planned = planMerge(project(), bundle).events.find((event) => event.key === 'be_reserved')
    expect(planned?.state).toBe('conflict')

    takeTheirs(bundle, 'be_reserved')
    const targets = (content: { mappings: Bundle['mappings'] }) =>
      mappingOf(content as Bundle, 'be_reserved').spec.rules.map((rule) => rule.target)
    expect(targets(mine())).toEqual(targets(bundle))
  })
})

describe('taking theirs replaces my event whole', () => {
  const testCaseNames = (content: { testCases: Bundle['testCases'] }, event: string) =>
    content.testCases.filter((testCase) => testCase.event === event).map((testCase) => testCase.name)

  it('deletes a test case the bundle deleted', async () => {
    const bundle = await theirs((edited) => {
      const index = edited.testCases.findIndex((testCase) => testCase.event === 'be_reserved')
      edited.testCases.splice(index, 1)
    })
    expect(testCaseNames(mine(), 'be_reserved')).toHaveLength(testCaseNames(bundle, 'be_reserved').length + 1)

    takeTheirs(bundle, 'be_reserved')
    expect(testCaseNames(mine(), 'be_reserved')).toEqual(testCaseNames(bundle, 'be_reserved'))
  })

  it('takes a test case renamed only in case as the same test case, leaving one, named as theirs', async () => {
    const bundle = await theirs((edited) => {
      const testCase = edited.testCases.find((candidate) => candidate.event === 'be_reserved')!
      testCase.name = testCase.name.toUpperCase()
    })
    takeTheirs(bundle, 'be_reserved')
    expect(testCaseNames(mine(), 'be_reserved').sort()).toEqual(testCaseNames(bundle, 'be_reserved').sort())
  })

  it("deletes my mapping onto the event from one of the bundle's integrations when theirs has none", async () => {
    const bundle = await theirs((edited) => {
      edited.mappings = edited.mappings.filter((mapping) => mapping.event !== 'be_reserved')
      edited.testCases = edited.testCases.filter((testCase) => testCase.event !== 'be_reserved')
    })
    expect(mine().mappings.some((mapping) => mapping.event === 'be_reserved')).toBe(true)

    takeTheirs(bundle, 'be_reserved')
    expect(mine().mappings.filter((mapping) => mapping.event === 'be_reserved')).toEqual([])
    expect(testCaseNames(mine(), 'be_reserved')).toEqual([])
  })
})
