import { describe, expect, it, vi } from 'vitest'
import { rankCommands } from '../../../../renderer/app/rankCommands'
import { useProjectCommands } from '../../../../renderer/features/projects/useProjectCommands'
import { renderInStudio } from '../../support/renderInStudio'

function ProjectCommands() {
  useProjectCommands(vi.fn())
  return null
}

describe('the project commands in the palette', () => {
  it('run Save Now for "save" then Enter, not Save Project As', async () => {
    const stores = await renderInStudio({}, <ProjectCommands />)
    const ranked = rankCommands(stores.commands.getState().commands, 'save').map((command) => command.title)
    expect(ranked.slice(0, 2)).toEqual(['Save Now', 'Save Project As…'])
  })
})
