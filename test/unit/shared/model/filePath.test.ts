import { describe, expect, it } from 'vitest'
import { FilePath } from '../../../../shared/model/filePath'

const problem = (path: string) => {
  const parsed = FilePath.safeParse(path)
  return parsed.success ? null : parsed.error.issues[0]?.message
}

describe('a file path from the user', () => {
  it('takes full paths on POSIX and Windows, trimmed', () => {
    expect(FilePath.parse('  /home/asha/shop.capmap ')).toBe('/home/asha/shop.capmap')
    expect(problem('C:\\Users\\asha\\shop.capmap')).toBeNull()
    expect(problem('d:/work/shop.capmap.json')).toBeNull()
    expect(problem('\\\\server\\share\\shop.capmap')).toBeNull()
    expect(problem('/tmp/Ünïcödé 🛒.capmap')).toBeNull()
  })

  it('refuses a relative path, which would land wherever the studio was started', () => {
    for (const path of ['shop.capmap', './shop.capmap', '~/shop.capmap', 'file:///tmp/x.capmap']) {
      expect(problem(path)).toMatch(/^Give the full path/)
    }
  })

  it('refuses control characters and broken text, which name another file or none', () => {
    expect(problem('/tmp/z\u0000y.capmap')).toBe('The path holds a control character: give it on one line.')
    expect(problem('/tmp/a\nb.capmap')).toBe('The path holds a control character: give it on one line.')
    expect(problem('/tmp/q\ud800.capmap')).toBe('The path holds a broken character: type it again.')
    expect(problem('/tmp/q\udc00.capmap')).toBe('The path holds a broken character: type it again.')
  })
})
