import { fireEvent, render, screen, waitFor } from '@testing-library/react'
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

/** The dialog inside the studio's real stores, a project with three events open, the scan finding `scan`. */
async function renderDialog(scan: BundleScan = { secrets: [], personalData: [] }) {
  const api = {
    scanBundleExport: vi.fn(async (_input: RequestInput<'scanBundleExport'>) => ok(scan)),
    exportBundle: vi.fn(async (input: RequestInput<'exportBundle'>) =>
      ok({ path: input.path, bytes: 900, personalData: [], redacted: 1 })
    )
  }
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    getProjectState: async () =>
      ok({ project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 9, lastSavedAt: null } }),
    listRecentProjects: async () => ok([]),
    getAppInfo: async () => ok({ mode: 'web' }),
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
      redactPersonalData: false
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
      secrets: [],
      personalData: [{ path: 'testCases[0].payload.mobile', kind: 'phone number', excerpt: '9198…10' }]
    })
    const redact = await screen.findByRole('checkbox', { name: /Redact it/ })
    expect(redact.closest('label')?.className).toContain('bundle-redact')
  })
})
