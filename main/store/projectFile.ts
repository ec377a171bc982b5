/** Marks a SQLite file as ours (`PRAGMA application_id`): the ASCII of "CPMS". */
export const capmapApplicationId = 0x43504d53

export const projectFileExtension = '.capmap'
