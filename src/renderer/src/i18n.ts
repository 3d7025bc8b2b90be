import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../shared/i18n';

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(resources).map(([lng, msgs]) => [lng, { translation: msgs }])),
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18n;
