// Mounting workbench components with the app's plugins (Pinia, vue-i18n in English).
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { i18n } from '../../../renderer/src/i18n';
import { freshPinia } from './support';

export function mountWith<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  const pinia = freshPinia();
  i18n.global.locale.value = 'en';
  return mount(component, { ...options, global: { plugins: [pinia, i18n], ...(options.global ?? {}) } } as ComponentMountingOptions<C>);
}
