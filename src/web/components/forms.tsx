/**
 * Form pieces every screen uses: the session's CSRF token, a form that is one button (claim,
 * close, deactivate …), options of a select with one chosen, and the wijk filter.
 */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface ActionButtonProps {
  action: string;
  csrf: string;
  text: string;
  secondary?: boolean;
  /** A hidden field sent with the button. */
  field?: { name: string; value: string };
}

/** A POST form that is only a button. */
export function ActionButton({ action, csrf, text, secondary, field }: ActionButtonProps) {
  return (
    <form method="post" action={action}>
      <CsrfField token={csrf} />
      {field && <input type="hidden" name={field.name} value={field.value} />}
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {text}
      </button>
    </form>
  );
}

export interface Option {
  value: string;
  text: string;
}

export function Options({
  options,
  selected,
}: {
  options: readonly Option[];
  selected?: string | null;
}) {
  return (
    <>
      {options.map((o) => (
        <option value={o.value} selected={o.value === selected}>
          {o.text}
        </option>
      ))}
    </>
  );
}

export interface WijkSelectProps {
  label: string;
  /** The first option, meaning "no filter". */
  allText: string;
  wijken: ReadonlyMap<string, string>;
  selected: string | null;
}

/** `<label>` and `<select name="wijk">` with every wijk by name. */
export function WijkSelect({ label, allText, wijken, selected }: WijkSelectProps) {
  return (
    <>
      <label for="wijk">{label}</label>
      <select id="wijk" name="wijk">
        <option value="">{allText}</option>
        <Options
          options={[...wijken].map(([value, text]) => ({ value, text }))}
          selected={selected}
        />
      </select>
    </>
  );
}
