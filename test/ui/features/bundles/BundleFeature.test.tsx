import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { PickedPath } from '../../../../shared/api/types'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { BundleFeature } from '../../../../renderer/features/bundles/BundleFeature'

/** The bundle feature in the studio's real stores, with a project open and the native dialog answering `picked`. */
async function renderFeature(picked: PickedPath) {
  const previewBundleImport = vi.fn(async () => ok({ ok: false, problems: ['not read in this test'] }))
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    getProjectState: async () =>
      ok({ project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 9, lastSavedAt: null } }),
    listRecentProjects: async () => ok([]),
    pickBundlePath: async () => ok(picked),
    previewBundleImport
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await stores.project.getState().refresh()
  render(
    <StudioProvider stores={stores}>
      <BundleFeature />
    </StudioProvider>
  )
  await act(async () => {
    expect(stores.commands.getState().run('bundle.import')).toBe(true)
  })
  return { previewBundleImport }
}

describe('Import Bundle…', () => {
  it('in the desktop app, previews the file picked in the native dialog', async () => {
    const { previewBundleImport } = await renderFeature({ supported: true, path: '/home/me/shop.capmap.json' })
    await waitFor(() =>
      expect(previewBundleImport).toHaveBeenCalledWith({ source: { path: '/home/me/shop.capmap.json' } })
    )
    expect(screen.getByRole('dialog', { name: 'Import bundle' })).toBeTruthy()
  })

  it('does nothing when the native dialog is cancelled', async () => {
    const { previewBundleImport } = await renderFeature({ supported: true, path: null })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(previewBundleImport).not.toHaveBeenCalled()
  })

  it('in web mode, asks for the path in its own dialog', async () => {
    const { previewBundleImport } = await renderFeature({ supported: false })
    expect(await screen.findByRole('textbox', { name: 'Bundle file path' })).toBeTruthy()
    expect(previewBundleImport).not.toHaveBeenCalled()
  })
})
