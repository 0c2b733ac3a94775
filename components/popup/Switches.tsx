/**
 * The on/off switches: QuoteLens on this site, and on all sites. Switch-role
 * buttons so screen readers announce "on"/"off". View only: the caller persists.
 */

interface Props {
  /** '' when the page has no site (then only the all-sites switch shows). */
  site: string;
  siteEnabled: boolean;
  allEnabled: boolean;
  onSite(enabled: boolean): void;
  onAll(enabled: boolean): void;
}

export function Switch(props: {
  id: string;
  label: string;
  detail?: string;
  on: boolean;
  disabled?: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <div class="ql-switch-row">
      <span class="ql-switch-text" id={`${props.id}-label`}>
        {props.label}
        {props.detail && <span class="ql-switch-detail">{props.detail}</span>}
      </span>
      <button
        type="button"
        role="switch"
        id={props.id}
        class="ql-switch"
        aria-checked={props.on ? 'true' : 'false'}
        aria-labelledby={`${props.id}-label`}
        disabled={props.disabled}
        onClick={() => props.onChange(!props.on)}
      >
        <span class="ql-switch-thumb" aria-hidden="true" />
      </button>
    </div>
  );
}

export function Switches({ site, siteEnabled, allEnabled, onSite, onAll }: Props) {
  return (
    <section class="ql-switches" aria-label="Switches">
      {site && (
        <Switch
          id="ql-switch-site"
          label="On this site"
          detail={site}
          on={siteEnabled}
          disabled={!allEnabled}
          onChange={onSite}
        />
      )}
      <Switch id="ql-switch-all" label="On all sites" on={allEnabled} onChange={onAll} />
    </section>
  );
}
