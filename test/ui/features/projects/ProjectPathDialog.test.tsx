import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import { ProjectPathDialog } from '../../../../renderer/features/projects/ProjectPathDialog'
import { renderInStudio } from '../../support/renderInStudio'

const projectState = () =>
  ok({ project: { path: '/work/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 10, lastSavedAt: null } })

describe('ProjectPathDialog', () => {
  it('keeps the path the user typed when a save is refused, with the reason at the field', async () => {
    const saveProjectAs = vi.fn(async () =>
      fail('invalid_input', '/work/out/ is a folder: add a file name after it, such as Shop.capmap.')
    )
    const stores = await renderInStudio(
      {
        // Each answer a new object, as main's are: the store's project changes identity after every call.
        getProjectState: async () => projectState(),
        listRecentProjects: async () => ok([]),
        listDirectory: async () => ok({ path: '/work', parent: '/', entries: [] }),
        saveProjectAs
      },
      <ProjectPathDialog purpose="saveAs" onClose={() => undefined} />,
      (prepared) => prepared.project.getState().refresh()
    )
    const field = screen.getByRole('textbox', { name: 'File path' }) as HTMLInputElement
    await waitFor(() => expect(field.value).toBe('/work/Shop copy.capmap'))
    expect(screen.getByText('/work').tagName).toBe('BDI')

    fireEvent.change(field, { target: { value: '/work/out/' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('alert')
    expect(screen.getByRole('alert').textContent).toBe(
      '/work/out/ is a folder: add a file name after it, such as Shop.capmap.'
    )
    expect(saveProjectAs).toHaveBeenCalledWith({ path: '/work/out/' })
    // The store has refreshed the project since: the typed path is still there.
    expect(stores.project.getState().project?.name).toBe('Shop')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(field.value).toBe('/work/out/')
  })

  it('suggests a path beside the open project at once, so the field never changes while the user types', async () => {
    let answerListing: (listing: unknown) => void = () => undefined
    await renderInStudio(
      {
        getProjectState: async () => projectState(),
        listRecentProjects: async () => ok([]),
        listDirectory: () => new Promise((resolve) => (answerListing = (listing) => resolve(ok(listing))))
      },
      <ProjectPathDialog purpose="saveAs" onClose={() => undefined} />,
      (prepared) => prepared.project.getState().refresh()
    )
    const field = screen.getByRole('textbox', { name: 'File path' }) as HTMLInputElement
    expect(field.value).toBe('/work/Shop copy.capmap')
    fireEvent.change(field, { target: { value: '/work/mine.capmap' } })
    answerListing({ path: '/work', parent: '/', entries: [] })
    await screen.findByText('/work')
    expect(field.value).toBe('/work/mine.capmap')
  })
})
