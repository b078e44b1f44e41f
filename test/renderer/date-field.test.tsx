// @vitest-environment jsdom
/** The date field as staff use it: typed 和暦 shown back with the age, impossible dates said at the field and kept from the parent. */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../src/renderer/src/components/DateField.tsx';
import { formatDate } from '../../src/renderer/src/components/dateText.ts';
import { renderScreen } from './render.tsx';

afterEach(cleanup);

const CHECK_DATE = '2026-12-06';

function type(label: RegExp | string, text: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

describe('DateField', () => {
  it('S55.5.5 in a birth date shows 昭和55年5月5日, 1980年5月5日 and the age; the parent gets the ISO date', () => {
    const onChange = vi.fn();
    renderScreen(
      <DateField id="birth" label="生年月日" value={undefined} onChange={onChange} birth onDate={CHECK_DATE} />,
    );
    const input = screen.getByLabelText('生年月日') as HTMLInputElement;
    expect(input.type).toBe('text');
    type('生年月日', 'S55.5.5');
    const note = screen.getByTestId('birth-note');
    expect(note.textContent).toBe('昭和55年5月5日（1980年5月5日）46歳');
    expect(input.getAttribute('aria-describedby')).toBe(note.id);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith('1980-05-05');
  });

  it.each(['S550505', '3550505', '昭和55年5月5日', '１９８０／５／５', '19800505'])(
    '%s gives the same date',
    (text) => {
      const onChange = vi.fn();
      renderScreen(
        <DateField id="birth" label="生年月日" value={undefined} onChange={onChange} birth onDate={CHECK_DATE} />,
      );
      type('生年月日', text);
      expect(onChange).toHaveBeenLastCalledWith('1980-05-05');
      expect(screen.getByTestId('birth-note').textContent).toContain('昭和55年5月5日');
    },
  );

  it('S99.99.99 gets a Japanese message at the field and the parent receives undefined, never the bad value', () => {
    const onChange = vi.fn();
    renderScreen(
      <DateField id="birth" label="生年月日" value={undefined} onChange={onChange} birth onDate={CHECK_DATE} />,
    );
    type('生年月日', 'S55.5.5');
    type('生年月日', 'S99.99.99');
    const input = screen.getByLabelText('生年月日');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.id).toBe(input.getAttribute('aria-describedby'));
    expect(alert.textContent).toBe('ありえない日付です。月と日を確かめてください');
    expect(alert.textContent).not.toMatch(/[A-Za-z]{2,}/);
    expect(onChange.mock.calls).toEqual([['1980-05-05'], [undefined]]);
  });

  it('half-typed text waits; unreadable text is said when staff leave the field', () => {
    const onChange = vi.fn();
    renderScreen(<DateField id="exp" label="有効期限" value={undefined} onChange={onChange} />);
    type('有効期限', 'R8.7');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(screen.getByLabelText('有効期限'));
    expect(screen.getByRole('alert').textContent).toContain('日付として読めません');
    type('有効期限', 'R8.7.31');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('exp-note').textContent).toBe('令和8年7月31日（2026年7月31日）');
    expect(onChange).toHaveBeenLastCalledWith('2026-07-31');
  });

  it('typing 19800530 digit by digit says nothing on the way (1980053 would be 明治80年)', () => {
    const onChange = vi.fn();
    renderScreen(
      <DateField id="birth" label="生年月日" value={undefined} onChange={onChange} birth onDate={CHECK_DATE} />,
    );
    for (let i = 1; i <= 8; i++) {
      type('生年月日', '19800530'.slice(0, i));
      if (i < 8) expect(screen.queryByRole('alert')).toBeNull();
    }
    expect(onChange).toHaveBeenLastCalledWith('1980-05-30');
    type('生年月日', '9999999');
    fireEvent.blur(screen.getByLabelText('生年月日'));
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('a birth date after the check day and a day outside its era are refused with their own words', () => {
    const onChange = vi.fn();
    renderScreen(
      <DateField id="birth" label="生年月日" value={undefined} onChange={onChange} birth onDate={CHECK_DATE} />,
    );
    type('生年月日', 'R9.1.1');
    expect(screen.getByRole('alert').textContent).toBe('生年月日が今日より後になっています');
    type('生年月日', 'R1.4.30');
    expect(screen.getByRole('alert').textContent).toBe('令和にはない日付です。元号を確かめてください');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('a value set from outside is shown in 和暦, and clearing it empties the field', () => {
    function Parent() {
      const [v, setV] = useState<string | undefined>('2019-05-01');
      return (
        <>
          <DateField id="d" label="交付年月日" value={v} onChange={setV} />
          <button onClick={() => setV(undefined)}>clear</button>
          <output data-testid="parent">{String(v)}</output>
        </>
      );
    }
    renderScreen(<Parent />);
    const input = screen.getByLabelText('交付年月日') as HTMLInputElement;
    expect(input.value).toBe('令和元年5月1日');
    type('交付年月日', 'H31.4.30');
    expect(screen.getByTestId('parent').textContent).toBe('2019-04-30');
    expect(input.value).toBe('H31.4.30');
    fireEvent.click(screen.getByText('clear'));
    expect(input.value).toBe('');
    expect(screen.getByTestId('parent').textContent).toBe('undefined');
  });

  it('in English the day comes first, 和暦 beside it, and messages are English', () => {
    renderScreen(
      <DateField
        id="birth"
        label="Birth date"
        value={undefined}
        onChange={() => undefined}
        birth
        onDate={CHECK_DATE}
      />,
      'en',
    );
    type('Birth date', 'S55.5.5');
    expect(screen.getByTestId('birth-note').textContent).toBe('5 May 1980(昭和55年5月5日)age 46');
    type('Birth date', 'S99.99.99');
    expect(screen.getByRole('alert').textContent).toBe('No such day: check the month and day');
  });
});

describe('formatDate', () => {
  it('never shows an ISO date raw', () => {
    expect(formatDate('1980-05-05', 'ja')).toBe('昭和55年5月5日（1980年5月5日）');
    expect(formatDate('1980-05-05', 'en')).toBe('5 May 1980 (昭和55年5月5日)');
    expect(formatDate('1800-01-01', 'ja')).toBe('1800年1月1日');
    expect(formatDate('S55.5.5', 'ja')).toBe('');
    expect(formatDate(undefined, 'en')).toBe('');
  });
});
