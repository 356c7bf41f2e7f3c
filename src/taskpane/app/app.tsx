import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../pane';
import { PaneServicesProvider, type PaneServices } from '../services';
import type { Lang } from '../strings';

export interface AppProps {
  services: PaneServices;
  lang?: Lang;
}

/** Theme (following Office's, or the system's when standalone) + injected services around the pane. */
export function App({ services, lang }: AppProps) {
  const theme = services.host.theme === 'dark' ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <PaneServicesProvider value={services}>
        <Pane lang={lang} />
      </PaneServicesProvider>
    </FluentProvider>
  );
}
