/**
 * A date typed by hand as the reader writes it — `15/01/2024`, day first, in French and in English alike (UN
 * documents date day-month-year) — whatever language the browser's own date widget speaks. The form keeps the
 * ISO date (`2024-01-15`, or '' when empty); a calendar button opens the browser's picker for those who prefer it.
 */
import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';

/** `15/01/2024`, `15-1-2024`, `15.01.2024` or `2024-01-15` → `2024-01-15`; '' for ''; null when not a real date. */
export function isoFromTyped(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const dayFirst = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(typed);
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const [year, month, day] = dayFirst
    ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
    : isoLike
      ? [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])]
      : [NaN, NaN, NaN];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02 rolls over to March in Date: refuse it rather than store another day than the one typed
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** `2024-01-15` → `15/01/2024`; anything else as it is. */
export function typedFromIso(iso: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : iso;
}

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (iso: string) => void;
};

export function DateField({ value, onChange, error, onBlur, ...rest }: Props) {
  const t = useT();
  const [text, setText] = useState(() => typedFromIso(value));
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  // a value changed from outside (a reset, a prefilled form) shows as typed, unless it is what is being typed
  useEffect(() => {
    setText((current) => (isoFromTyped(current) === value ? current : typedFromIso(value)));
  }, [value]);
  const pickerSupported =
    typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;
  return (
    <>
      <TextInput
        {...rest}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('common.datePlaceholder')}
        error={error ?? (invalid ? t('common.dateInvalid') : undefined)}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          const iso = isoFromTyped(typed);
          if (iso !== null) {
            setInvalid(false);
            if (iso !== value) onChange(iso);
          }
        }}
        onBlur={(event) => {
          setInvalid(isoFromTyped(text) === null);
          onBlur?.(event);
        }}
        rightSection={
          pickerSupported ? (
            <ActionIcon
              variant="subtle"
              aria-label={t('common.datePick')}
              onClick={() => picker.current?.showPicker()}
            >
              <svg
                width="16"
                height="16"
                viewBox="0 0 24 24"
                aria-hidden="true"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <rect x="3" y="5" width="18" height="16" rx="2" />
                <path d="M3 10h18M8 3v4M16 3v4" />
              </svg>
            </ActionIcon>
          ) : undefined
        }
      />
      {pickerSupported && (
        <input
          ref={picker}
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          value={isoFromTyped(text) ?? ''}
          onChange={(event) => {
            const iso = event.currentTarget.value;
            setText(typedFromIso(iso));
            setInvalid(false);
            onChange(iso);
          }}
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
        />
      )}
    </>
  );
}
