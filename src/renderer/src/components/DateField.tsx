/**
 * A date typed the way desks type it (S55.5.5, 3550505, 昭和55年5月5日…), shown back in 和暦 and
 * 西暦, with the age for a birth date. A date that cannot be right is said at the field and never
 * reaches the parent: it receives undefined until the date is whole and real.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageOnDate,
  parseBirthDate,
  parseDeskDate,
  toWareki,
  type DeskDateResult,
} from '../../../shared/dates/desk-date.ts';
import { toHalfWidth } from '../../../shared/domain/text.ts';
import { dateText } from './dateText.ts';

export interface DateFieldProps {
  id: string;
  label: ReactNode;
  /** ISO date, or undefined when none (yet). */
  value: string | undefined;
  onChange(iso: string | undefined): void;
  /** A birth date: shows the age on `onDate` and refuses a day after it. */
  birth?: boolean;
  /** The day of the check (ISO). */
  onDate?: string;
  autoFocus?: boolean;
  /** Extra class on the field (e.g. `unsure` for an OCR reading to confirm). */
  className?: string;
  /** The form field's name, as `data-field`. */
  name?: string;
}

// Whole forms that cannot be a real day are said at once; an unreadable text may still be half typed.
const SAY_WHILE_TYPING = new Set(['date.impossible', 'date.era_range', 'date.before_meiji', 'date.birth_after_check']);

const initialText = (iso: string | undefined) => (iso ? (toWareki(iso) ?? iso) : '');

export function DateField(props: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(() => initialText(props.value));
  const [left, setLeft] = useState(false);
  const emitted = useRef(props.value);

  // A value set from outside (a document filled it, the check was cleared) replaces the text.
  useEffect(() => {
    if (props.value !== emitted.current) {
      emitted.current = props.value;
      setText(initialText(props.value));
      setLeft(false);
    }
  }, [props.value]);

  const parse = (s: string): DeskDateResult =>
    props.birth && props.onDate ? parseBirthDate(s, props.onDate) : parseDeskDate(s);
  const result = parse(text);

  const change = (s: string) => {
    setText(s);
    const r = parse(s);
    const iso = r.ok ? r.iso : undefined;
    if (iso !== emitted.current) {
      emitted.current = iso;
      props.onChange(iso);
    }
  };

  // Seven digits may still become a 西暦 YYYYMMDD (1980053 → 19800530): wait for the eighth or for leaving.
  const mayGrow = /^\d{1,7}$/.test(toHalfWidth(text).trim());
  const error =
    !result.ok && result.code !== 'date.empty' && (left || (SAY_WHILE_TYPING.has(result.code) && !mayGrow))
      ? result
      : null;
  const shown = result.ok ? dateText(result.iso, i18n.language) : null;
  const age = result.ok && props.birth && props.onDate ? ageOnDate(result.iso, props.onDate) : null;
  const noteId = `${props.id}-note`;

  return (
    <div
      className={`field date-field${props.className ? ` ${props.className}` : ''}${error ? ' bad' : ''}`}
      data-field={props.name}
    >
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('date.placeholder')}
        value={text}
        autoFocus={props.autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId}
        onChange={(e) => change(e.target.value)}
        onBlur={() => setLeft(true)}
      />
      <span
        id={noteId}
        className={error ? 'hint' : 'date-shown'}
        role={error ? 'alert' : undefined}
        data-testid={`${props.id}-note`}
      >
        {error
          ? t(error.code, { ...error.params })
          : shown && (
              <>
                <span className="date-main">{shown.main}</span>
                {shown.sub && <small className="date-sub">{t('date.sub', { date: shown.sub })}</small>}
                {age !== null && <span className="date-age">{t('date.age', { age })}</span>}
              </>
            )}
      </span>
    </div>
  );
}
