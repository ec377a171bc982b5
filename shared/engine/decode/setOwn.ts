/**
 * Sets an own, enumerable property, even for the key `__proto__` (plain assignment would change the prototype):
 * decoded bodies are data, whatever their keys.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}
