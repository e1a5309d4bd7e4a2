// Styles of the components only the programme page uses (see styles/base.ts for why not styles.css).
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Combobox.css'; // NativeSelect's chevron
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Accordion.css';
