import { closeSync, openSync, readSync } from 'node:fs'

export interface ProjectFileHeader {
  isSqlite: boolean
  applicationId: number
  userVersion: number
}

/** The first 16 bytes of every SQLite file, a project among them. */
export const sqliteMagic = 'SQLite format 3\u0000'

/**
 * Reads SQLite's 100-byte file header in Node (https://sqlite.org/fileformat.html §1.3), so a file that is not
 * ours or is too new is refused before SQLite opens it: opening it would leave -wal/-shm files beside it.
 */
export function readProjectFileHeader(path: string): ProjectFileHeader {
  const header = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== sqliteMagic) {
    return { isSqlite: false, applicationId: 0, userVersion: 0 }
  }
  return { isSqlite: true, userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) }
}
