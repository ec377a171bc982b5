/** A listener that could not bind: the error, and the address it tried (`scan` ports from `port` on). */
export interface FailedBind {
  error: NodeJS.ErrnoException
  host: string
  port: number
  scan: number
}

/**
 * Why the listener cannot bind, in words, for the studio and `capmap listen` alike. `portSetting` says where the
 * reader chooses another port ("in Settings › Webhook listener", "with --port"); null where they are choosing one.
 */
export function bindErrorMessage({ error, host, port, scan }: FailedBind, portSetting: string | null): string {
  switch (error.code) {
    case 'EADDRINUSE':
      if (scan > 1) return `Ports ${port}–${port + scan - 1} are all in use: choose a free port${where(portSetting)}.`
      return portSetting === null
        ? `Port ${port} is in use by another program: choose another one.`
        : `Port ${port} is in use by another program: close it, or choose another port ${portSetting}.`
    case 'EACCES':
      return `This system does not allow listening on port ${port}: choose a port above 1024.`
    case 'EADDRNOTAVAIL':
      return `This machine has no address ${host}: choose 127.0.0.1 or one of its own addresses.`
    default:
      return `The listener could not start on ${host}:${port}: ${error.message}`
  }
}

const where = (portSetting: string | null) => (portSetting === null ? '' : ` ${portSetting}`)
