import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { BundleScan } from '../../../../shared/api/bundles'
import type { RequestInput, RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { EventDefinition } from '../../../../shared/model/event'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { ExportBundleDialog } from '../../../../renderer/features/bundles/ExportBundleDialog'

const event = (name: string, label: string): EventDefinition => ({
  id: `e-${name}`,
  name,
  label,
  description: '',
  kind: 'custom',
  actions: [],
  attributes: [],
  status: 'draft',
  publications: [],
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z'
})

interface Setup {
  scan?: BundleScan
  /** Web mode types paths; the desktop app also has a native save dialog, which picks `picked`. */
  mode?: 'web' | 'electron'
  picked?: string
  /** Files already on disk: main refuses to replace one unless told to (`file_exists`). */
  existing?: string[]
}

/** The dialog inside the studio's real stores, a project with three events open, the scan finding `scan`. */
async function renderDialog({
  scan = { secrets: [], personalData: [] },
  mode = 'web',
  picked,
  existing = []
}: Setup = {}) {
  const api = {
    scanBundleExport: vi.fn(async (_input: RequestInput<'scanBundleExport'>) => ok(scan)),
    exportBundle: vi.fn(async (input: RequestInput<'exportBundle'>) =>
      existing.includes(input.path) && !input.overwrite
        ? fail('file_exists', `${input.path} already exists: replace it, or export to another file.`)
        : ok({ path: input.path, bytes: 900, personalData: [], redacted: 1 })
    ),
    pickBundlePath: vi.fn(async () => ok({ supported: true, path: picked ?? null }))
  }
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    getProjectState: async () =>
      ok({ project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 9, lastSavedAt: null } }),
    listRecentProjects: async () => ok([]),
    getAppInfo: async () => ok({ mode }),
    listEvents: async () =>
      ok([
        event('be_reserved', 'Hotel room reserved'),
        event('hotel_checkout', 'Hotel checkout'),
        event('ProductAddedToCart', 'Product Added To Cart')
      ])
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await stores.project.getState().refresh()
  await stores.events.getState().load()
  const onClose = vi.fn()
  render(
    <StudioProvider stores={stores}>
      <ExportBundleDialog onClose={onClose} />
    </StudioProvider>
  )
  await waitFor(() => expect(api.scanBundleExport).toHaveBeenCalled())
  return { api, stores, onClose }
}

const box = (name: string) => screen.getByRole('checkbox', { name: new RegExp(name) }) as HTMLInputElement

describe('the export dialog', () => {
  it('shows every event ticked while the whole project is exported', async () => {
    const { api } = await renderDialog()
    expect(screen.getByRole('group', { name: 'Events to export (all 3)' })).toBeTruthy()
    const boxes = ['All events', 'be_reserved', 'hotel_checkout', 'ProductAddedToCart'].map(box)
    expect(boxes.map((checkbox) => checkbox.checked)).toEqual([true, true, true, true])
    expect(api.scanBundleExport).toHaveBeenLastCalledWith({ eventNames: [] })
  })

  it('exports the events left ticked, and says how many of how many', async () => {
    const { api, onClose } = await renderDialog()
    fireEvent.click(box('hotel_checkout'))
    expect(screen.getByRole('group', { name: 'Events to export (2 of 3)' })).toBeTruthy()
    expect(box('All events').indeterminate).toBe(true)
    await waitFor(() =>
      expect(api.scanBundleExport).toHaveBeenLastCalledWith({ eventNames: ['be_reserved', 'ProductAddedToCart'] })
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.exportBundle).toHaveBeenCalledWith({
      path: '/tmp/Shop.capmap.json',
      eventNames: ['be_reserved', 'ProductAddedToCart'],
      redactPersonalData: false,
      overwrite: false
    })
  })

  it('says at the path field what is wrong with a folder or a name without the bundle ending, exporting nothing', async () => {
    const { api } = await renderDialog()
    const field = screen.getByRole('textbox', { name: 'Bundle file path' })
    fireEvent.change(field, { target: { value: '/tmp/bundles/' } })
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }))
    expect(screen.getByRole('alert').textContent).toBe(
      '/tmp/bundles/ is a folder: add a file name after it, such as shop.capmap.json.'
    )
    expect(field.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(field, { target: { value: '/tmp/bundles/shop' } })
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getByRole('alert').textContent).toBe(
      'A bundle file ends in .capmap.json: /tmp/bundles/shop.capmap.json, say.'
    )
    fireEvent.change(field, { target: { value: '/tmp/bundles/shop.capmap' } })
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getByRole('alert').textContent).toBe(
      'A bundle file ends in .capmap.json: /tmp/bundles/shop.capmap.json, say.'
    )
    fireEvent.change(field, { target: { value: '  ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getByRole('alert').textContent).toBe(
      'Type where the bundle goes, such as /home/you/bundles/shop.capmap.json.'
    )
    expect(api.exportBundle).not.toHaveBeenCalled()
  })

  it('asks for at least one event when every box is unticked, and ticks them all again', async () => {
    await renderDialog()
    fireEvent.click(box('All events'))
    expect(box('be_reserved').checked).toBe(false)
    expect(screen.getByRole('alert').textContent).toBe('Tick at least one event to export.')
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(box('All events'))
    expect(box('ProductAddedToCart').checked).toBe(true)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers to redact personal data with a label that wraps instead of widening the dialog', async () => {
    await renderDialog({
      scan: {
        secrets: [],
        personalData: [{ path: 'testCases[0].payload.mobile', kind: 'phone number', excerpt: '9198…10' }]
      }
    })
    const redact = await screen.findByRole('checkbox', { name: /Redact it/ })
    expect(redact.closest('label')?.className).toContain('bundle-redact')
  })

  describe('a file already at the path', () => {
    const existing = ['/tmp/Shop.capmap.json']
    const exportButton = () => screen.findByRole('button', { name: 'Export' })

    it('asks before replacing it, naming the file, and replaces it once the user agrees', async () => {
      const { api, onClose } = await renderDialog({ existing })
      fireEvent.click(await exportButton())
      const ask = await screen.findByRole('dialog', { name: 'Replace existing file?' })
      expect(ask.textContent).toContain('/tmp/Shop.capmap.json already exists.')
      expect(api.exportBundle).toHaveBeenCalledOnce()
      expect(api.exportBundle).toHaveBeenLastCalledWith(expect.objectContaining({ overwrite: false }))
      expect(onClose).not.toHaveBeenCalled()
      fireEvent.click(screen.getByRole('button', { name: 'Replace' }))
      await waitFor(() => expect(onClose).toHaveBeenCalled())
      expect(api.exportBundle).toHaveBeenLastCalledWith({
        path: '/tmp/Shop.capmap.json',
        eventNames: [],
        redactPersonalData: false,
        overwrite: true
      })
    })

    it('keeps the file, and the export dialog open, when the user cancels', async () => {
      const { api, onClose } = await renderDialog({ existing })
      fireEvent.click(await exportButton())
      const ask = await screen.findByRole('dialog', { name: 'Replace existing file?' })
      fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }))
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Replace existing file?' })).toBeNull())
      expect(screen.getByRole('dialog', { name: 'Export bundle' })).toBeTruthy()
      expect(api.exportBundle).toHaveBeenCalledOnce()
      expect(onClose).not.toHaveBeenCalled()
    })

    it('does not ask twice for the file the desktop app’s save dialog chose: the OS asked already', async () => {
      const { api, onClose } = await renderDialog({ existing, mode: 'electron', picked: '/tmp/Shop.capmap.json' })
      fireEvent.click(await screen.findByRole('button', { name: 'Choose…' }))
      await waitFor(() => expect(api.pickBundlePath).toHaveBeenCalled())
      fireEvent.click(await exportButton())
      await waitFor(() => expect(onClose).toHaveBeenCalled())
      expect(api.exportBundle).toHaveBeenCalledOnce()
      expect(api.exportBundle).toHaveBeenCalledWith(expect.objectContaining({ overwrite: true }))
      expect(screen.queryByRole('dialog', { name: 'Replace existing file?' })).toBeNull()
    })

    it('asks in the desktop app too when the path was typed rather than chosen', async () => {
      const { api } = await renderDialog({ existing, mode: 'electron' })
      await screen.findByRole('button', { name: 'Choose…' })
      fireEvent.click(await exportButton())
      await screen.findByRole('dialog', { name: 'Replace existing file?' })
      expect(api.exportBundle).toHaveBeenLastCalledWith(expect.objectContaining({ overwrite: false }))
    })

    it('asks in the desktop app when the bundle ending was added to the chosen name: another file than the OS asked about', async () => {
      const { api } = await renderDialog({ existing, mode: 'electron', picked: '/tmp/Shop.json' })
      fireEvent.click(await screen.findByRole('button', { name: 'Choose…' }))
      await waitFor(() =>
        expect((screen.getByRole('textbox', { name: 'Bundle file path' }) as HTMLInputElement).value).toBe(
          '/tmp/Shop.capmap.json'
        )
      )
      fireEvent.click(await exportButton())
      await screen.findByRole('dialog', { name: 'Replace existing file?' })
      expect(api.exportBundle).toHaveBeenLastCalledWith(expect.objectContaining({ overwrite: false }))
    })
  })
})
