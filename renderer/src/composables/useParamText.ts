// Names, units and sources of documented parameters in the UI language. The catalogue of defaults lives in
// core (English); translations are keyed by the parameter's path. A parameter documented after this UI was
// written still shows, with core's English text, until it gets a translation.
import { useI18n } from 'vue-i18n';
import { documentedDefault } from '../../../core/edit/params';

export const paramKey = (path: string): string => `param.${path.replace(/\[\]/g, '').replace(/\./g, '_')}`;

const humanise = (path: string): string => {
  const last = path.split('.').at(-1) ?? path;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
};

export function useParamText() {
  const { t, te } = useI18n();
  const text = (path: string, field: 'label' | 'unit' | 'source', fallback: string) => {
    const key = `${paramKey(path)}.${field}`;
    return te(key) ? t(key) : te(key, 'en') ? t(key, {}, { locale: 'en' }) : fallback;
  };
  return {
    label: (path: string) => text(path, 'label', humanise(path)),
    unit: (path: string) => text(path, 'unit', documentedDefault(path)?.unit ?? ''),
    source: (path: string) => text(path, 'source', documentedDefault(path)?.source ?? ''),
  };
}
