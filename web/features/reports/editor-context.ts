import { createContext, useContext } from 'react';
import type { FieldValue } from '../../../core/contracts/report.js';

/**
 * What every control of the editor needs and that changes rarely (so memoised fields re-render only when
 * their own value changes): where edits go, whether the report can be edited, the programme's currency.
 */
export interface EditorActions {
  onChange: (path: string, value: FieldValue) => void;
  /** a control lost the focus: save now */
  onBlur: () => void;
  readOnly: boolean;
  currency: string;
}

export const EditorContext = createContext<EditorActions>({
  onChange: () => {},
  onBlur: () => {},
  readOnly: true,
  currency: 'USD',
});

export function useEditor(): EditorActions {
  return useContext(EditorContext);
}
