import { networkInterfaces } from 'node:os'
import { listenerUrl } from './ProjectListener'

/** Whether a listener bound to `host` is reached from this machine only (an IPv4 loopback written as IPv6 too). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127\./i.test(host)
}

/**
 * What to tell the user of a listener other machines can reach, or undefined when none can. Bound to every interface
 * (0.0.0.0, ::), its own URL names no machine: the warning gives the addresses other machines would use.
 */
export function exposureWarning(host: string, port: number): string | undefined {
  if (isLoopbackHost(host)) return undefined
  const warning = `Listening on ${host}: other machines that can reach this one can send to it and read its answers.`
  const everywhere = host === '0.0.0.0' || host === '::'
  const addresses = everywhere ? ownAddresses(host === '::') : []
  if (addresses.length === 0) return warning
  return `${warning} They reach it at ${addresses.map((address) => listenerUrl(address, port)).join(', ')}.`
}

/** This machine's addresses other machines may reach it at (IPv4, and IPv6 when asked; link-local ones left out). */
function ownAddresses(withIpv6: boolean): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && (entry.family === 'IPv4' || (withIpv6 && !/^fe80:/i.test(entry.address))))
    .map((entry) => entry.address)
    .slice(0, 4)
}
