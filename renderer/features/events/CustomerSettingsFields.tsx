import { customerSources, identifierTypes, isMultiAccountSource } from '../../../shared/capillary/sourceAccounts'
import type { CustomerSettings } from '../../../shared/model/event'
import { SelectField } from '../../ui/SelectField'

interface CustomerSettingsFieldsProps {
  settings: CustomerSettings
  disabled: boolean
  onChange(settings: CustomerSettings): void
}

/**
 * The customer field's settings (Capillary notes §3, §6.3): the identifier type and source are fixed here, not sent
 * per event; the account only for sources with several accounts (WeChat, Line).
 */
export function CustomerSettingsFields({ settings, disabled, onChange }: CustomerSettingsFieldsProps) {
  const set = (patch: Partial<CustomerSettings>) => onChange({ ...settings, ...patch })
  const multiAccount = isMultiAccountSource(settings.source)
  return (
    <div className="attribute-options">
      <SelectField
        label="Identifier type"
        value={settings.identifierType}
        options={identifierTypes}
        disabled={disabled}
        onChange={(identifierType) => set({ identifierType })}
      />
      <SelectField
        label="Source"
        value={settings.source}
        options={customerSources}
        disabled={disabled}
        onChange={(source) => set({ source, accountId: isMultiAccountSource(source) ? settings.accountId : undefined })}
      />
      {multiAccount && (
        <label className="field">
          <span className="field-label">Account ID</span>
          <input
            className="input mono"
            value={settings.accountId ?? ''}
            disabled={disabled}
            spellCheck={false}
            placeholder="The brand's account on this source"
            onChange={(event) => set({ accountId: event.target.value === '' ? undefined : event.target.value })}
          />
        </label>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.addCustomerIfNotExists}
          disabled={disabled}
          onChange={(event) => set({ addCustomerIfNotExists: event.target.checked })}
        />
        Add the customer if not registered
      </label>
    </div>
  )
}
