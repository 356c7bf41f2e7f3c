import type { SpecKind } from '../../specs';
import type { Lang } from '../strings';
import type { StructuredStrings } from '../strings/structured-strings';
import type { KindPreview } from '../structured/structured-kit';
import type { StructuredOutcome } from '../structured/structured-services';

export interface TemplateGalleryProps {
  strings: StructuredStrings;
  lang: Lang;
  mode: 'office' | 'standalone';
  /** The year the gallery starts from (the plan year's span around it). */
  thisYear?: number;
  onDone?(outcome: StructuredOutcome): void;
}

export interface TemplateGalleryState {
  kinds: KindPreview[] | null;
  kind: SpecKind;
  from: string;
  to: string;
  team: string;
  title: string;
  busy: boolean;
  message: { text: string; ok: boolean } | null;
}

export interface TemplateGalleryActions {
  setKind(kind: SpecKind): void;
  setFrom(v: string): void;
  setTo(v: string): void;
  setTeam(v: string): void;
  setTitle(v: string): void;
  insert(where: 'selection' | 'team-sheet'): Promise<void>;
}
