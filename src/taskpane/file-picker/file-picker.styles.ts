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
  // Once a file is open the zone shrinks to a line: the findings need the room.
  compact: {
    flexDirection: 'row',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    textAlign: 'left',
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
