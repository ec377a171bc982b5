import { describe, expect, it } from 'vitest'
import { rankCommands } from '../../../renderer/app/rankCommands'
import { undoRedoCommands } from '../../../renderer/app/undoRedoCommands'

const command = (category: string, title: string) => ({ category, title })
const titles = (ranked: { title: string }[]) => ranked.map((entry) => entry.title)

/**
 * The palette's commands with a project open on the Events screen, in the palette's group order, as the studio
 * registers them (CommandPalette.test.tsx searches the registered ones themselves); Undo and Redo are the real ones.
 */
const studioCommands = [
  command('Bundle', 'Export Bundle…'),
  command('Bundle', 'Import Bundle…'),
  ...undoRedoCommands({ getState: () => ({ canUndo: true, canRedo: true, undo() {}, redo() {} }) })
    .filter((entry) => !entry.hidden)
    .map((entry) => command(entry.category, entry.title)),
  command('Events', 'New Custom Event'),
  command('Events', 'Add Standard Event from the Library…'),
  command('Events', 'Duplicate Event'),
  command('Events', 'Undo Delete of Event'),
  command('Help', 'Welcome Tour'),
  command('Help', 'Reveal Logs'),
  command('Help', 'Copy Diagnostics'),
  command('Help', 'About Capillary Mapping Studio'),
  command('Project', 'New Project…'),
  command('Project', 'Open Project…'),
  command('Project', 'Save Project As…'),
  command('Project', 'Close Project'),
  command('Project', 'Save Now'),
  ...['Events', 'Integrations', 'Inbox', 'Mappings', 'Tests', 'Deliveries', 'Publish', 'Settings'].map((screen) =>
    command('View', `Show ${screen}`)
  ),
  command('View', 'Show All Commands'),
  command('View', 'Toggle Light/Dark Theme'),
  command('View', 'Theme: Follow the System')
]

describe('ranking the commands for a palette search', () => {
  it('puts Show Tests first for "tests", not a command of an earlier group', () => {
    expect(titles(rankCommands(studioCommands, 'tests'))).toEqual(['Show Tests'])
  })

  it('puts Undo first for "undo", then Undo Delete of Event, and leaves out Export Bundle…', () => {
    expect(titles(rankCommands(studioCommands, 'undo'))).toEqual(['Undo', 'Undo Delete of Event'])
  })

  it('ranks the whole title, its start, a whole word, then a word’s start', () => {
    const ranked = rankCommands(
      [
        command('A', 'Save Project As…'),
        command('A', 'Close Project'),
        command('A', 'Project Settings'),
        command('A', 'Project')
      ],
      'project'
    )
    expect(titles(ranked)).toEqual(['Project', 'Project Settings', 'Save Project As…', 'Close Project'])
    expect(titles(rankCommands([command('A', 'Show Projects'), command('A', 'Close Project')], 'project'))).toEqual([
      'Close Project',
      'Show Projects'
    ])
  })

  it('ranks a word’s start above the starts of several words, those above the category, then a run inside a word', () => {
    const ranked = rankCommands(
      [
        command('Bundle', 'Reimport Everything'),
        command('Imports', 'Reveal Logs'),
        command('A', 'Insert Missing Possible Output'),
        command('A', 'Quick Import')
      ],
      'impo'
    )
    expect(titles(ranked)).toEqual([
      'Quick Import',
      'Insert Missing Possible Output',
      'Reveal Logs',
      'Reimport Everything'
    ])
  })

  it('finds the starts of several words, typed together or apart', () => {
    for (const query of ['ncev', 'new cus', 'nce'])
      expect(titles(rankCommands(studioCommands, query))[0]).toBe('New Custom Event')
    expect(titles(rankCommands(studioCommands, 'exp bun'))).toEqual(['Export Bundle…'])
  })

  it('finds category and title together: "bundle import"', () => {
    expect(titles(rankCommands(studioCommands, 'bundle import'))).toEqual(['Import Bundle…'])
  })

  it('forgives a slip, letters in order from a word’s start, the fewest skipped first, after every closer match', () => {
    expect(titles(rankCommands(studioCommands, 'exprt'))).toEqual(['Export Bundle…'])
    const slips = [command('A', 'Express Rate'), command('A', 'Export'), command('A', 'Reexport')]
    expect(titles(rankCommands(slips, 'exprt'))).toEqual(['Export', 'Express Rate'])
  })

  it('offers no command whose letters are merely scattered over its title', () => {
    expect(rankCommands([command('Help', 'About Capillary Mapping Studio')], 'undo')).toEqual([])
    expect(rankCommands([command('Bundle', 'Export Bundle…')], 'undo')).toEqual([])
  })

  it('keeps the given order between equal matches', () => {
    const ranked = rankCommands(studioCommands, 'show')
    expect(titles(ranked)).toEqual(titles(studioCommands.filter((entry) => entry.title.startsWith('Show '))))
  })

  it('ignores case, accents, extra spaces and how an ellipsis is written', () => {
    const commands = [command('A', 'Créer un Événement'), command('A', 'Export Bundle…')]
    expect(titles(rankCommands(commands, '  EVENEMENT '))).toEqual(['Créer un Événement'])
    expect(titles(rankCommands(commands, 'export bundle...'))).toEqual(['Export Bundle…'])
  })

  it('gives every command in its order for an empty search', () => {
    expect(rankCommands(studioCommands, '   ')).toEqual(studioCommands)
  })
})
