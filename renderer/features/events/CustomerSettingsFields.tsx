import type { DesignIssue } from '../../../shared/capillary/designIssue'
import { customerSources, identifierTypes, isMultiAccountSource } from '../../../shared/capillary/sourceAccounts'
import { customerSettingsLimits, type CustomerSettings } from '../../../shared/model/event'
import { SelectField } from '../../ui/SelectField'
import { LimitedTextField } from './LimitedTextField'

interface CustomerSettingsFieldsProps {
  settings: CustomerSettings
  /** The rule messages about the account ID, shown under it. */
  accountIdIssues: readonly DesignIssue[]
  disabled: boolean
  onChange(settings: CustomerSettings): void
}

/**
 * The customer field's settings (Capillary notes §3, §6.3): the identifier type and source are fixed here, not sent
 * per event; the account only for sources with several accounts (WeChat, Line).
 */
export function CustomerSettingsFields({ settings, accountIdIssues, disabled, onChange }: CustomerSettingsFieldsProps) {
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
        <LimitedTextField
          label="Account ID"
          value={settings.accountId ?? ''}
          limit={customerSettingsLimits.accountIdLength}
          issues={accountIdIssues}
          mono
          disabled={disabled}
          placeholder="The brand's account on this source"
          onChange={(accountId) => set({ accountId: accountId === '' ? undefined : accountId })}
        />
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
