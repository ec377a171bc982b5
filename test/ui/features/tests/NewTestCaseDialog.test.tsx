import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import type { Mapping } from '../../../../shared/model/mapping'
import type { TestCase, TestCaseDraft } from '../../../../shared/model/testCase'
import { NewTestCaseDialog } from '../../../../renderer/features/tests/NewTestCaseDialog'
import { renderInStudio } from '../../support/renderInStudio'

const now = '2026-11-28T00:00:00.000Z'

const mapping: Mapping = {
  id: 'm-order',
  integrationId: 'shop',
  eventId: 'e-order',
  match: { kind: 'always' },
  fanOut: null,
  rules: [],
  createdAt: now,
  updatedAt: now
}

/** A test case of the mapping, as main lists it. */
const existing = (name: string): TestCase => ({
  id: `t-${name}`,
  mappingId: mapping.id,
  name,
  source: { kind: 'edited' },
  payload: {},
  expected: [],
  createdAt: now,
  updatedAt: now,
  lastRun: null,
  current: false
})

/** The dialog over a project with one mapping and no captures: the payload is pasted. */
async function openDialog(
  onClose: () => void = () => undefined,
  testCases: TestCase[] = [],
  saveTestCase = vi.fn(async ({ draft }: { draft: TestCaseDraft }) => ok(existing(draft.name)))
) {
  await renderInStudio(
    {
      listTestCases: async () => ok({ testCases, statuses: [] }),
      saveTestCase,
      listMappings: async () => ok([mapping]),
      listCaptures: async () => ok({ items: [], nextCursor: null }),
      previewTestCase: async () => ok({ outputs: [{ event_name: 'order' }], diagnostics: [] })
    },
    <NewTestCaseDialog eventId={null} onClose={onClose} />,
    (stores) => stores.tests.getState().load()
  )
  fireEvent.click(await screen.findByRole('radio', { name: 'Paste one' }))
  fireEvent.change(screen.getByRole('textbox', { name: 'Payload' }), { target: { value: '{"id": 1}' } })
  fireEvent.click(screen.getByRole('button', { name: 'Preview the output' }))
  return screen.findByRole('textbox', { name: 'Expected output' })
}

describe('NewTestCaseDialog', () => {
  it('takes a saved sample of the integration (or a shipped one) as the payload, decoded by its content type', async () => {
    const previewTestCase = vi.fn(async () => ok({ outputs: [{ event_name: 'order' }], diagnostics: [] }))
    const sample = (id: string, name: string, integrationId: string | null, body: string, contentType: string) => ({
      id,
      name,
      origin: integrationId === null ? ('shipped' as const) : ('saved' as const),
      contentType,
      body,
      integrationId,
      createdAt: null
    })
    await renderInStudio(
      {
        listTestCases: async () => ok({ testCases: [], statuses: [] }),
        listMappings: async () => ok([mapping]),
        listCaptures: async () => ok({ items: [], nextCursor: null }),
        listPayloadSamples: async () =>
          ok([
            sample('s1', 'Order form', 'shop', 'order_id=7&city=Pune', 'application/x-www-form-urlencoded'),
            sample('s2', 'Other integration', 'elsewhere', '{}', 'application/json'),
            sample('s3', 'Shipped cart', null, '{"cart": 1}', 'application/json')
          ]),
        previewTestCase
      },
      <NewTestCaseDialog eventId={null} onClose={() => undefined} />,
      (stores) => stores.tests.getState().load()
    )
    fireEvent.click(await screen.findByRole('radio', { name: 'A saved sample' }))
    const choice = screen.getByLabelText('Sample') as HTMLSelectElement
    expect([...choice.options].map((option) => option.textContent)).toEqual(['Order form', 'Shipped cart (shipped)'])
    fireEvent.click(screen.getByRole('button', { name: 'Preview the output' }))
    await waitFor(() =>
      expect(previewTestCase).toHaveBeenCalledWith({ mappingId: 'm-order', payload: { order_id: '7', city: 'Pune' } })
    )
    expect(((await screen.findByRole('textbox', { name: 'Name' })) as HTMLInputElement).value).toBe('Order form')
  })

  it('suggests a name no test case of the mapping has, and saves on Enter in it', async () => {
    const saveTestCase = vi.fn(async ({ draft }: { draft: TestCaseDraft }) => ok(existing(draft.name)))
    const onClose = vi.fn()
    await openDialog(onClose, [existing('Pasted payload'), existing('pasted payload (2) ')], saveTestCase)
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement
    expect(name.value).toBe('Pasted payload (3)')
    fireEvent.keyDown(name, { key: 'Enter' })
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce())
    expect(saveTestCase).toHaveBeenCalledWith({ draft: expect.objectContaining({ name: 'Pasted payload (3)' }) })
  })

  it('stays open on Escape in the expected output editor, keeping what was typed; closes on Escape elsewhere', async () => {
    const onClose = vi.fn()
    const expected = await openDialog(onClose)
    fireEvent.change(expected, { target: { value: '[{"event_name": "edited"}]' } })
    fireEvent.keyDown(expected, { key: 'Escape' })
    expect(onClose).not.toHaveBeenCalled()
    expect((screen.getByRole('textbox', { name: 'Expected output' }) as HTMLTextAreaElement).value).toContain('edited')
    fireEvent.keyDown(screen.getByRole('button', { name: 'Save test case' }), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('shows an expected output that is not JSON on the review step', async () => {
    const expected = await openDialog()
    fireEvent.change(expected, { target: { value: '[{' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save test case' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not JSON: /)
  })

  it('leaves the review step’s problem behind on Back: the first step shows only its own', async () => {
    const expected = await openDialog()
    fireEvent.change(expected, { target: { value: '[{' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save test case' }))
    await screen.findByRole('alert')
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    await screen.findByRole('button', { name: 'Preview the output' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('still shows the first step’s own problem there, and not on the review step', async () => {
    await renderInStudio(
      {
        listTestCases: async () => ok({ testCases: [], statuses: [] }),
        listMappings: async () => ok([mapping]),
        listCaptures: async () => ok({ items: [], nextCursor: null }),
        previewTestCase: async () => ok({ outputs: [], diagnostics: [] })
      },
      <NewTestCaseDialog eventId={null} onClose={() => undefined} />,
      (stores) => stores.tests.getState().load()
    )
    fireEvent.click(await screen.findByRole('radio', { name: 'Paste one' }))
    const payload = screen.getByRole('textbox', { name: 'Payload' })
    fireEvent.change(payload, { target: { value: '{' } })
    fireEvent.click(screen.getByRole('button', { name: 'Preview the output' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The payload is not JSON: /)
    fireEvent.change(payload, { target: { value: '{}' } })
    fireEvent.click(screen.getByRole('button', { name: 'Preview the output' }))
    await screen.findByRole('textbox', { name: 'Expected output' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('drops the review step’s problem once the expected output is edited, or previewed afresh', async () => {
    const expected = await openDialog()
    fireEvent.change(expected, { target: { value: '[{' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save test case' }))
    await screen.findByRole('alert')
    fireEvent.change(expected, { target: { value: '[]' } })
    expect(screen.queryByRole('alert')).toBeNull()

    fireEvent.change(expected, { target: { value: 'nope' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save test case' }))
    await screen.findByRole('alert')
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Preview the output' }))
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Expected output' }) as HTMLTextAreaElement).value).toContain('order')
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
