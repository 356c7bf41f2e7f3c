import { makeStyles, tokens } from '@fluentui/react-components';

export const useTemplateGalleryStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  kinds: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    textAlign: 'left',
    color: tokens.colorNeutralForeground1,
    // A grid item grows to its content by default: a wide header preview would push past the card into the next.
    minWidth: 0,
    overflow: 'hidden',
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  // Fixed layout shares the card's width among the columns; each cell then cuts its label with an ellipsis.
  preview: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase100, width: '100%', tableLayout: 'fixed' },
  previewCell: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, padding: '0 2px', textAlign: 'center', whiteSpace: 'nowrap', overflow: 'hidden', maxWidth: '48px', textOverflow: 'ellipsis' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});
