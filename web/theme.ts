import { createTheme, type MantineThemeOverride } from '@mantine/core';

/** Accessible names of Mantine's own icon buttons, which it would otherwise leave unnamed or in English. */
export type WidgetLabels = { close: string; clear: string; revealCharacters: string };

export const makeTheme = (labels: WidgetLabels): MantineThemeOverride =>
  createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    components: {
      Drawer: {
        defaultProps: { position: 'right', size: 'lg', closeButtonProps: { 'aria-label': labels.close } },
      },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Select: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': labels.revealCharacters } },
      },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Table: { defaultProps: { verticalSpacing: 'xs' } },
      // A badge says a state ("Sent", "Clawback"): in a narrow table column it keeps its whole word, never "N…".
      Badge: { styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } },
    },
  });
