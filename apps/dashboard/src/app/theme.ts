import { createTheme, type CSSVariablesResolver, v8CssVariablesResolver } from '@mantine/core';

// The calendar's month arrows are icons only; these names are what a screen reader announces.
// The calendar opens below its field, so a date field's error sits above the field, where it stays in sight.
const dateFieldDefaults = {
  previousLabel: 'Previous month',
  nextLabel: 'Next month',
  inputWrapperOrder: ['label', 'description', 'error', 'input'] as ('label' | 'description' | 'error' | 'input')[],
};

export const theme = createTheme({
  primaryColor: 'teal',
  // Mantine's default shade (6) puts white text on teal at 2.5:1 and teal text on white little better.
  // Shade 9 reads at 5:1, so buttons, links, badges and alerts meet WCAG AA (READABLE_SHADES covers the exceptions).
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'md',
  // Keyboard users always see where focus is; mouse clicks stay quiet.
  focusRing: 'auto',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // By name, not DateTimePicker.extend(): importing @mantine/dates here would put it in the first download.
    DateTimePicker: { defaultProps: dateFieldDefaults },
    DatePickerInput: { defaultProps: dateFieldDefaults },
    DateInput: { defaultProps: dateFieldDefaults },
    // The × of a dialog or a toast is an icon; give it a name, distinct from a dialog's own Close button.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // A toast's second line is Mantine's gray 6 (3.3:1); dimmed text reads at 5:1.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
  },
});

/**
 * Shade 9 is Mantine's darkest, yet white on orange, yellow, green or lime, those colours' tinted
 * badges and buttons, teal's tint, and every hover (Mantine lightens to shade 8) fall short of 4.5:1.
 * A darker fill and text shade, and a darker still hover, read at 4.8:1 or more.
 */
const READABLE_SHADES = {
  '--mantine-color-teal-light-color': '#06704f',
  '--mantine-color-teal-filled-hover': '#066649',
  '--mantine-color-red-filled-hover': '#a51d1d',
  '--mantine-color-orange-filled': '#a8380b',
  '--mantine-color-orange-filled-hover': '#8f2f09',
  '--mantine-color-orange-light-color': '#a8380b',
  '--mantine-color-yellow-filled': '#9c4f00',
  '--mantine-color-yellow-filled-hover': '#854300',
  '--mantine-color-yellow-light-color': '#9c4f00',
  '--mantine-color-green-filled': '#237032',
  '--mantine-color-green-filled-hover': '#1c5c29',
  '--mantine-color-green-light-color': '#237032',
  '--mantine-color-lime-filled': '#4a770a',
  '--mantine-color-lime-filled-hover': '#3d6208',
  '--mantine-color-lime-light-color': '#4a770a',
};

/**
 * Secondary text (descriptions, hints) and field errors dark enough to read comfortably (5:1 and more).
 * Light badges, alerts and buttons keep Mantine 8's tints (Mantine 9 paints them solid shade 1):
 * the ratios above were measured on those tints.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const mantine8 = v8CssVariablesResolver(theme);
  return {
    variables: mantine8.variables,
    light: {
      ...mantine8.light,
      '--mantine-color-dimmed': '#636b73',
      '--mantine-color-error': 'var(--mantine-color-red-9)',
      // Date pickers show their placeholder as the button's text, so it must be readable (4.7:1).
      '--mantine-color-placeholder': '#6c757d',
      ...READABLE_SHADES,
    },
    dark: mantine8.dark,
  };
};
