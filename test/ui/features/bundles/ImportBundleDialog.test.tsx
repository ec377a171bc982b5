import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { BundlePreview, MergeItem } from '../../../../shared/api/bundles'
import type { RequestInput, RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { ImportBundleDialog } from '../../../../renderer/features/bundles/ImportBundleDialog'
import { groupChanges } from '../../../../renderer/features/bundles/groupChanges'

const conflict: MergeItem = {
  key: 'be_reserved',
  state: 'conflict',
  changes: [{ kind: 'changed', what: 'event', path: 'be_reserved.label', before: 'Hotel', after: 'Room booking' }]
}

/** The dialog inside the studio's real stores, over a transport answering the bundle requests. */
function renderDialog(preview: BundlePreview) {
  const api = {
    previewBundleImport: vi.fn(async (_input: RequestInput<'previewBundleImport'>) => ok(preview)),
    importBundle: vi.fn(async (_input: RequestInput<'importBundle'>) =>
      ok({
        merged: {
          events: { added: 0, replaced: 1, copied: 0, kept: 1 },
          integrations: { added: 0, replaced: 0, copied: 0, kept: 1 },
          mappings: 1,
          testCases: 1
        }
      })
    )
  }
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = { ...api }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const onClose = vi.fn()
  render(
    <StudioProvider stores={createStudioStores(createStudioApi(transport))}>
      <ImportBundleDialog
        initialSource={{ text: '{}', name: 'shop.capmap.json' }}
        onClose={onClose}
        onShowDiff={vi.fn()}
      />
    </StudioProvider>
  )
  return { api, onClose }
}

describe('the import dialog', () => {
  it('previews a dropped bundle: one row per event and integration, a labelled choice on each conflict', async () => {
    const { api, onClose } = renderDialog({
      ok: true,
      name: 'shop.capmap.json',
      warnings: ['be_reserved was edited by hand since it was exported.'],
      events: 2,
      testCases: 3,
      plan: {
        events: [{ key: 'ProductAddedToCart', state: 'identical', changes: [] }, conflict],
        integrations: [{ key: 'booking-app', state: 'new', changes: [] }]
      }
    })
    const choice = (await screen.findByLabelText('Choice for event be_reserved')) as HTMLSelectElement
    expect(api.previewBundleImport).toHaveBeenCalledWith({ source: { text: '{}', name: 'shop.capmap.json' } })
    expect(choice.value).toBe('keep-mine')
    expect(screen.getByText('changed be_reserved.label')).toBeTruthy()
    expect(screen.getByText('be_reserved was edited by hand since it was exported.')).toBeTruthy()
    expect(screen.queryByLabelText('Choice for event ProductAddedToCart')).toBeNull()

    fireEvent.change(choice, { target: { value: 'take-theirs' } })
    fireEvent.click(screen.getByRole('button', { name: 'Merge into this project' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.importBundle).toHaveBeenCalledWith({
      source: { text: '{}', name: 'shop.capmap.json' },
      mode: 'merge',
      choices: { events: { be_reserved: 'take-theirs' }, integrations: {} }
    })
  })

  it('starts a conflict at theirs when only the bundle changed it since the export, and says so', async () => {
    const { api } = renderDialog({
      ok: true,
      name: 'shop.capmap.json',
      warnings: [],
      events: 2,
      testCases: 0,
      plan: {
        events: [
          { ...conflict, changedOnlyIn: 'bundle' },
          { ...conflict, key: 'hotel_checkout', changedOnlyIn: 'project' }
        ],
        integrations: []
      }
    })
    const theirs = (await screen.findByLabelText('Choice for event be_reserved')) as HTMLSelectElement
    expect(theirs.value).toBe('take-theirs')
    expect(screen.getByText('Only the bundle changed it since it was exported.')).toBeTruthy()
    expect((screen.getByLabelText('Choice for event hotel_checkout') as HTMLSelectElement).value).toBe('keep-mine')
    expect(screen.getByText('Only this project changed it since the bundle was exported.')).toBeTruthy()
    // A change one side made is labelled a change, not a clash, though it still asks for a choice.
    expect(screen.getAllByText('Changed', { exact: true })).toHaveLength(2)
    expect(screen.queryByText('Conflict', { exact: true })).toBeNull()
    // The count above says the same: two differ, not "2 in conflict" over two rows badged Changed.
    expect(
      screen.getByText(/^2 differ from this project \(Changed, or Conflict when both sides changed\)/)
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Merge into this project' }))
    await waitFor(() =>
      expect(api.importBundle).toHaveBeenCalledWith(
        expect.objectContaining({
          choices: { events: { be_reserved: 'take-theirs', hotel_checkout: 'keep-mine' }, integrations: {} }
        })
      )
    )
  })

  it('brings a refused merge’s reason into view, under a plan longer than the dialog', async () => {
    const scrolled = vi.fn()
    Element.prototype.scrollIntoView = scrolled
    try {
      const { api } = renderDialog({
        ok: true,
        name: 'shop.capmap.json',
        warnings: [],
        events: 1,
        testCases: 0,
        plan: { events: [{ ...conflict, changedOnlyIn: 'bundle' }], integrations: [] }
      })
      api.importBundle.mockResolvedValueOnce(fail('conflict', 'be_reserved is published (UAT): it cannot change.'))
      // The button is there, disabled, until the preview is in.
      const merge = (await screen.findByRole('button', { name: 'Merge into this project' })) as HTMLButtonElement
      await waitFor(() => expect(merge.disabled).toBe(false))
      fireEvent.click(merge)
      const reason = await screen.findByText('be_reserved is published (UAT): it cannot change.')
      // Scrolled once it is drawn: the effect may run just after the text is found.
      await waitFor(() => expect(scrolled.mock.contexts).toContain(reason))
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView
    }
  })

  it('lists a bad bundle’s problems and offers nothing to import', async () => {
    renderDialog({ ok: false, problems: ['mappings[0].event: no event x in the bundle.'] })
    expect(await screen.findByText('mappings[0].event: no event x in the bundle.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Merge into this project' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('makes a new project instead when asked', async () => {
    const { api } = renderDialog({
      ok: true,
      name: 'shop.capmap.json',
      warnings: [],
      events: 0,
      testCases: 0,
      plan: { events: [], integrations: [] }
    })
    expect(await screen.findByText(/nothing to merge/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Create a new project instead'))
    fireEvent.change(screen.getByLabelText('New project file path'), { target: { value: '/tmp/New.capmap' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create project' }))
    await waitFor(() => expect(api.importBundle).toHaveBeenCalled())
    expect(api.importBundle.mock.calls[0]![0]).toMatchObject({ mode: 'new', projectPath: '/tmp/New.capmap' })
  })
})

describe('the diff view’s groups', () => {
  it('puts attributes, mappings, rules and test cases under their event, integrations on their own', () => {
    const groups = groupChanges([
      { kind: 'changed', what: 'event', path: 'be_reserved.label' },
      { kind: 'changed', what: 'integration', path: 'booking-app.name' },
      { kind: 'added', what: 'attribute', path: 'be_reserved.attributes.age' },
      { kind: 'changed', what: 'rule', path: 'booking-app → be_reserved.rules.age.transforms' },
      { kind: 'added', what: 'testCase', path: 'booking-app → ProductAddedToCart: a case' }
    ])
    expect(groups.map((group) => [group.title, group.changes.length])).toEqual([
      ['Event be_reserved', 3],
      ['Integration booking-app', 1],
      ['Event ProductAddedToCart', 1]
    ])
  })
})
