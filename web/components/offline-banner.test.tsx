import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { noteAnswer, onReconnect } from '../lib/offline-status.js';
import { renderWithProviders } from '../test-utils.js';
import { OfflineBanner } from './offline-banner.js';

afterEach(() => {
  // a fresh answer: the shared state is back to online for the next test
  act(() => noteAnswer(null));
});

describe('OfflineBanner', () => {
  it('shows nothing while the answers are fresh', () => {
    renderWithProviders(<OfflineBanner />);
    act(() => noteAnswer(null));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
  });

  it('says in French that the data are saved ones, with the oldest save date', () => {
    renderWithProviders(<OfflineBanner />);
    act(() => {
      noteAnswer('2026-11-26T10:05:00Z');
      noteAnswer('2026-11-25T08:40:00Z');
    });
    const banner = screen.getByTestId('offline-banner');
    expect(banner.textContent).toMatch(/^Hors ligne — données enregistrées le 25 novembre 2026 à \d{2}:40/);
    expect(banner.textContent).toContain('attendent l’envoi sur cet appareil');
  });

  it('says it in English too', () => {
    renderWithProviders(<OfflineBanner />, { locale: 'en' });
    act(() => noteAnswer('2026-11-25T08:40:00Z'));
    expect(screen.getByTestId('offline-banner').textContent).toMatch(
      /^Offline — data saved on November 25, 2026 at \d{1,2}:40/,
    );
  });

  it('goes away at the first fresh answer, which announces the connection is back', () => {
    let reconnected = 0;
    const stop = onReconnect(() => reconnected++);
    renderWithProviders(<OfflineBanner />);
    act(() => noteAnswer('2026-11-25T08:40:00Z'));
    expect(screen.getByTestId('offline-banner')).toBeTruthy();
    act(() => noteAnswer(null));
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    expect(reconnected).toBe(1);
    stop();
  });
});
