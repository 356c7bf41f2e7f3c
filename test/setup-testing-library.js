// React Testing Library waits 1 s by default for findBy*/waitFor; on a loaded 2-core CI machine the pane's
// async steps (reading a dropped file, lazy chunks) can take longer, which is slowness, not a failure.
if (typeof document !== 'undefined') {
  require('@testing-library/react').configure({ asyncUtilTimeout: 10000 });
}
