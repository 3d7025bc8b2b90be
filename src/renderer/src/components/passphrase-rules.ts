import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { passphraseProblems } from '../../../shared/passphrase';

/** The core's strength rule, shown next to the field as the manager types. */
export function passphraseRules(t: TFunction, managerId?: string): Rule[] {
  return [
    { required: true, message: t('errors.required', { field: t('firstRun.passphrase') }) },
    {
      validator: (_r, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const problems = passphraseProblems(value, managerId);
        return problems.length ? Promise.reject(new Error(problems.map((p) => t(`passphraseProblems.${p}`)).join('；'))) : Promise.resolve();
      },
    },
  ];
}
