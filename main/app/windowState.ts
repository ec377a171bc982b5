/** A window's rectangle in screen coordinates (Electron's `Rectangle`, kept local so tests need no Electron). */
export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** What is remembered of the main window between runs. */
export interface WindowState {
  bounds: Rectangle
  maximized: boolean
}

export const defaultWindowSize = { width: 1280, height: 800 }
export const minimumWindowSize = { width: 800, height: 500 }

/** How much of the window's top strip (where the title bar is) must be on a display for the user to grab it. */
const grabbableWidth = 120
const titleStripHeight = 32

/**
 * Where the main window opens: the remembered bounds when its title strip is still on a display, else centred on
 * the primary display (a monitor was unplugged, the resolution dropped); never larger than the display it lands on.
 * `workAreas` are the displays' work areas, the primary display's first.
 */
export function restoreWindowState(saved: WindowState | undefined, workAreas: Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultWindowSize }
  if (!saved) return { bounds: centred(sizeWithin(defaultWindowSize, primary), primary), maximized: false }
  const home = workAreas.find((area) => titleStripVisibleOn(saved.bounds, area))
  if (!home) return { bounds: centred(sizeWithin(saved.bounds, primary), primary), maximized: saved.maximized }
  const size = sizeWithin(saved.bounds, home)
  // Pulled back inside its display so the whole window, not only the strip, can be reached.
  const x = clamp(saved.bounds.x, home.x, home.x + home.width - size.width)
  const y = clamp(saved.bounds.y, home.y, home.y + home.height - size.height)
  return { bounds: { x, y, ...size }, maximized: saved.maximized }
}

function titleStripVisibleOn(bounds: Rectangle, area: Rectangle): boolean {
  const left = Math.max(bounds.x, area.x)
  const right = Math.min(bounds.x + bounds.width, area.x + area.width)
  const top = Math.max(bounds.y, area.y)
  const bottom = Math.min(bounds.y + titleStripHeight, area.y + area.height)
  return right - left >= grabbableWidth && bottom - top >= titleStripHeight / 2
}

function sizeWithin(size: { width: number; height: number }, area: Rectangle): { width: number; height: number } {
  return {
    width: Math.round(clamp(size.width, Math.min(minimumWindowSize.width, area.width), area.width)),
    height: Math.round(clamp(size.height, Math.min(minimumWindowSize.height, area.height), area.height))
  }
}

function centred(size: { width: number; height: number }, area: Rectangle): Rectangle {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
