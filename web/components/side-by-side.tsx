/**
 * An original and its translation side by side, one above the other on a phone (docs/decisions/0020): the
 * PBF report's editor and the quarterly report's page. The translation is an element of class `translation`,
 * marked `data-untranslated` or `data-out-of-date` while it needs a person.
 */
import type { ReactNode } from 'react';
import './side-by-side.css';

export function SideBySide({ original, translation }: { original: ReactNode; translation: ReactNode }) {
  return (
    <div className="side-by-side">
      <div>{original}</div>
      {translation}
    </div>
  );
}
