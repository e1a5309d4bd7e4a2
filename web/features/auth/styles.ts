// the sign-in form's components, on top of the shell's styles (web/styles/base.ts)
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/ActionIcon.css';
