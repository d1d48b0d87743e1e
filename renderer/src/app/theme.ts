/**
 * The look of the workstation: sober government-office blue, dense tables, the bundled CJK font
 * (a county PC may have no Chinese font installed, so nothing relies on system fonts).
 * A PC set to show no animations (Windows: 设置 → 辅助功能 → 视觉效果 → 动画效果 off, which Chromium
 * reports as `prefers-reduced-motion: reduce`) gets `reducedMotionTheme`: dialogs, menus and toasts
 * appear at once and buttons draw no ripple. That also spares an old office PC the frames.
 */
import { createTheme, type ThemeOptions } from '@mui/material/styles';
import notoSansScUrl from '../../../resources/fonts/NotoSansSC-Regular.ttf?url';

/** 13 px, the smallest text anywhere in the workstation (e2e/desk1366.spec.ts checks every screen). */
const minFontRem = '0.8125rem';

export const uiFontFamily = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const fontFace = `
@font-face {
  font-family: 'Noto Sans SC';
  font-style: normal;
  font-weight: 100 900;
  font-display: swap;
  src: url('${notoSansScUrl}') format('truetype');
}`;

const options: ThemeOptions = {
  palette: {
    primary: { main: '#1d4f91', dark: '#143a6b', light: '#4a76b4' },
    secondary: { main: '#2e7d5b' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    text: { primary: '#1f2933', secondary: '#52606d' },
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily: uiFontFamily,
    fontSize: 14,
    h5: { fontWeight: 600, letterSpacing: 0.5 },
    h6: { fontWeight: 600, fontSize: '1.05rem' },
    subtitle1: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 500, letterSpacing: 0.5 },
    // Nothing under 13 px: MUI's 12 px captions are hard to read on a 1366×768 office screen.
    caption: { fontSize: minFontRem },
    overline: { fontSize: minFontRem },
  },
  components: {
    MuiCssBaseline: { styleOverrides: `${fontFace}\nbody { font-family: ${uiFontFamily}; }` },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600, backgroundColor: '#eef2f7', whiteSpace: 'nowrap' } } },
    MuiDialogTitle: { styleOverrides: { root: { fontWeight: 600 } } },
    MuiDialog: {
      defaultProps: { scroll: 'paper' },
      styleOverrides: {
        // A dialog whose title, content and actions sit in a <form>: the form, not the paper, takes the
        // height, so only DialogContent scrolls and the title and the buttons stay on a 768 px screen.
        paper: { '& > form': { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 } },
      },
    },
    MuiFormHelperText: { styleOverrides: { root: { fontSize: minFontRem } } },
    MuiBadge: { styleOverrides: { badge: { fontSize: minFontRem } } },
    MuiTooltip: { defaultProps: { arrow: true }, styleOverrides: { tooltip: { fontSize: minFontRem } } },
  },
};

export const theme = createTheme(options);

/** The media query a user's "no animations" setting answers; main.tsx follows it while the app runs. */
export const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

const noDuration = {
  shortest: 0,
  shorter: 0,
  short: 0,
  standard: 0,
  complex: 0,
  enteringScreen: 0,
  leavingScreen: 0,
};

export const reducedMotionTheme = createTheme(options, {
  // MUI's transitions read these: a zero duration ends a Fade/Grow/Collapse at once, and `none` draws no frames.
  transitions: { create: () => 'none', duration: noDuration },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: true } },
    // Menus and popovers size their opening to their height ('auto') unless told otherwise.
    MuiPopover: { defaultProps: { transitionDuration: 0 } },
    MuiMenu: { defaultProps: { transitionDuration: 0 } },
  },
});
