import { describe, it, expect } from 'vitest'
import { restoreWindowState, type Rectangle } from '../../../../main/app/windowState'

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 }
const monitorRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 }

describe('restoreWindowState', () => {
  it('centres a default-sized window on the primary display on the first start', () => {
    expect(restoreWindowState(undefined, [laptop])).toEqual({
      bounds: { x: 80, y: 38, width: 1280, height: 800 },
      maximized: false
    })
  })

  it('restores the remembered size, position and maximised state when they are on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: true }
    expect(restoreWindowState(saved, [laptop, monitorRight])).toEqual(saved)
  })

  it('centres the window on the primary display when its display is gone (monitor unplugged)', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false }
    const restored = restoreWindowState(saved, [laptop])
    expect(restored.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
    expect(restored.maximized).toBe(false)
  })

  it('moves a window whose title bar is above the screen back where it can be grabbed', () => {
    const restored = restoreWindowState({ bounds: { x: 100, y: -500, width: 900, height: 600 }, maximized: false }, [
      laptop
    ])
    expect(restored.bounds.y).toBeGreaterThanOrEqual(0)
    expect(restored.bounds.y + 32).toBeLessThanOrEqual(laptop.height)
  })

  it('pulls a window hanging off the right edge back inside its display', () => {
    const restored = restoreWindowState({ bounds: { x: 1200, y: 50, width: 900, height: 600 }, maximized: false }, [
      laptop
    ])
    expect(restored.bounds).toEqual({ x: 540, y: 50, width: 900, height: 600 })
  })

  it('shrinks a window larger than the display it lands on (a resolution dropped)', () => {
    const restored = restoreWindowState({ bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false }, [
      laptop
    ])
    expect(restored.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
  })

  it('keeps the minimum size when a tiny size was stored', () => {
    const restored = restoreWindowState({ bounds: { x: 10, y: 10, width: 50, height: 20 }, maximized: false }, [laptop])
    expect(restored.bounds).toMatchObject({ width: 800, height: 500 })
  })

  it('uses a display left of or above the primary one (negative coordinates)', () => {
    const left: Rectangle = { x: -1920, y: -200, width: 1920, height: 1080 }
    const saved = { bounds: { x: -1800, y: -100, width: 1200, height: 800 }, maximized: false }
    expect(restoreWindowState(saved, [laptop, left])).toEqual(saved)
  })
})
