import type { SecretSource } from '../../shared/model/listenerSettings'
import { environmentVariableFor, type SecretName, type SecretStore } from './SecretStore'

/**
 * Web mode and the CLI: a secret comes from its environment variable (`CAPMAP_SIGNING_SECRET_<SLUG>`), or from
 * what the user typed (a prompt, the studio's form), held in memory only and gone when the process ends. What was
 * typed wins over the environment: it was given later, on purpose.
 */
export class EnvironmentSecretStore implements SecretStore {
  readonly backend = 'environment'
  private readonly memory = new Map<SecretName, string>()

  constructor(private readonly environment: Readonly<Record<string, string | undefined>>) {}

  get(name: SecretName): string | undefined {
    return this.memory.get(name) ?? this.fromEnvironment(name)
  }

  source(name: SecretName): SecretSource | undefined {
    if (this.memory.has(name)) return 'memory'
    return this.fromEnvironment(name) === undefined ? undefined : 'environment'
  }

  set(name: SecretName, value: string): void {
    this.memory.set(name, value)
  }

  delete(name: SecretName): void {
    this.memory.delete(name)
  }

  private fromEnvironment(name: SecretName): string | undefined {
    const value = this.environment[environmentVariableFor(name)]
    return value === undefined || value === '' ? undefined : value
  }
}
