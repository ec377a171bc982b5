import { describe, expect, it } from 'vitest'
import { fileDialogOptions, type FileDialogKind } from '../../../../main/services/FileDialogs'

describe('the native file dialogs', () => {
  it.each<[FileDialogKind, 'open' | 'save', string]>([
    ['project.open', 'open', 'capmap'],
    ['project.new', 'save', 'capmap'],
    ['project.saveAs', 'save', 'capmap'],
    ['bundle.import', 'open', 'json'],
    ['bundle.export', 'save', 'json']
  ])('%s is a %s dialog filtered on .%s files', (kind, mode, extension) => {
    const options = fileDialogOptions(kind)
    expect(options.mode).toBe(mode)
    expect(options.filters.map((filter) => filter.extensions)).toEqual([[extension]])
    expect(options.title).not.toBe('')
  })
})
