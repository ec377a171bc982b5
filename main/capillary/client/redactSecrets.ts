const mask = '[redacted]'

/**
 * Removes every occurrence of the given secrets from a text (longest first, so a secret containing another is
 * removed whole). Secrets shorter than 4 characters are left alone: masking every "a" would hide the message.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((redacted, secret) => redacted.split(secret).join(mask), text)
}
