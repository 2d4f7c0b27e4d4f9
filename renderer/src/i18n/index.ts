// All UI text goes through vue-i18n (English and Simplified Chinese); numbers use the locale's formats.
import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN from './zh-CN';

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];

const numberFormats = {
  percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  integer: { style: 'decimal', maximumFractionDigits: 0 },
} as const;

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem('hostfit.locale');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
  numberFormats: { en: numberFormats, 'zh-CN': numberFormats },
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem('hostfit.locale', locale);
  document.documentElement.lang = locale;
}
