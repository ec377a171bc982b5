export function abisOfBinary(path: string): number[]
export function electronAbi(electronVersion: string): number
export function assertBinaryAbi(path: string, expectedAbi: number, what: string): void
