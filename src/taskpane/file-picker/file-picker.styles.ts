import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const useFilePickerStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStroke1),
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  // Visually hidden but present and focusable through the button: the file input is a test hook.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  privacy: { color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
});
