export const unpackedBinary: string
export default function afterPack(context: {
  appOutDir: string
  electronPlatformName: string
  packager: unknown
}): Promise<void>
