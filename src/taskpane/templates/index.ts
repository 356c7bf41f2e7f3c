export { TemplateGallery } from './template-gallery';
export type * from './template-gallery.types';
