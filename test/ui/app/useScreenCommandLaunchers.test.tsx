import { render, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createStudioApi } from '../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { useScreenCommandLaunchers } from '../../../renderer/app/useScreenCommandLaunchers'

function Launchers() {
  useScreenCommandLaunchers()
  return null
}

function studioWith(readOnly: boolean) {
  const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
  stores.project.setState({ project: { path: '/p/Shop.capmap', name: 'Shop', readOnly } } as never)
  render(
    <StudioProvider stores={stores}>
      <Launchers />
    </StudioProvider>
  )
  const launcher = (id: string) => stores.commands.getState().commands.find((command) => command.id === `launch.${id}`)
  return { stores, launcher }
}

describe('screen command launchers', () => {
  it('show the screen, then run its command once the screen offers it', async () => {
    const { stores, launcher } = studioWith(false)
    await launcher('integrations.new')?.run()
    expect(stores.navigation.getState().screen).toBe('integrations')
    const create = vi.fn()
    // The Integrations screen mounts and registers its own command.
    stores.commands
      .getState()
      .register([{ id: 'integrations.new', title: 'New Integration', category: 'Integrations', run: create }])
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1))
    // Its screen shown, the launcher steps aside for the screen's own command.
    expect(launcher('integrations.new')?.enabled?.()).toBe(false)
  })

  it('offer no command that changes a project open read-only, and still those that only read', () => {
    const { launcher } = studioWith(true)
    expect(launcher('integrations.new')?.enabled?.()).toBe(false)
    expect(launcher('events.newCustom')?.enabled?.()).toBe(false)
    expect(launcher('tests.runAll')?.enabled?.()).toBe(true)
  })
})
