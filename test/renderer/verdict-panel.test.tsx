// @vitest-environment jsdom
/** The verdict panel with verdicts from the real rules engine: each outcome in words, colour class and icon. */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerdictPanel } from '../../src/renderer/src/screens/VerdictPanel.tsx';
import { renderScreen } from './render.tsx';
import { verdictFor } from './verdicts.ts';

afterEach(cleanup);

describe('VerdictPanel', () => {
  it.each([
    ['accept', '使えます'],
    ['need_more', '追加の書類が必要'],
    ['check_online', 'オンライン資格確認で確認'],
    ['self_pay', '10割負担'],
  ] as const)('%s → %s', (decision, words) => {
    renderScreen(<VerdictPanel verdict={verdictFor(decision)} />);
    const panel = screen.getByTestId('verdict');
    expect(panel.className).toContain(decision);
    expect(panel.textContent).toContain(words);
    // Every reason names its rule and its source.
    expect(panel.querySelectorAll('.why li').length).toBeGreaterThan(0);
    expect(panel.textContent).toMatch(/根拠: \S+/);
  });

  it('need_more lists what is missing, what to say, and the 申立書 fallback with a print button', () => {
    const onPrint = vi.fn();
    renderScreen(<VerdictPanel verdict={verdictFor('need_more')} onPrintDeclaration={onPrint} />);
    expect(screen.getByText('あと1つ、次のいずれかが必要です')).toBeTruthy();
    expect(screen.getAllByRole('listitem').some((li) => li.textContent?.includes('資格確認書'))).toBe(true);
    screen.getByRole('button', { name: '被保険者資格申立書を印刷' }).click();
    expect(onPrint).toHaveBeenCalledOnce();
  });

  it('speaks English with the English rule messages and steps', () => {
    const v = verdictFor('accept');
    renderScreen(<VerdictPanel verdict={v} />, 'en');
    const panel = screen.getByTestId('verdict');
    expect(panel.textContent).toContain('Accepted');
    expect(panel.textContent).toContain(v.nextStepsEn[0]!);
    expect(panel.textContent).toContain('30%');
  });
});
