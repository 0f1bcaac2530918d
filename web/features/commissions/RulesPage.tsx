import { Center, EmptyState, Paper, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { AddButton } from '../../components/form/RecordButtons.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useMe } from '../auth/api.js';
import { useArchiveRule, useRules, type Rule } from './api.js';
import { ProblemsPanel } from './components/ProblemsPanel.js';
import { RuleForm } from './components/RuleForm.js';
import { RuleTable } from './components/RuleTable.js';

const RulesPanel = () => {
  const { t } = useTranslation();
  const me = useMe();
  const rules = useRules();
  const archive = useArchiveRule();
  const dialog = useEditDialog<Rule>();
  const confirmArchive = (rule: Rule) =>
    modals.openConfirmModal({
      title: t('commissions.rules.archiveTitle'),
      children: <Text size="sm">{t('commissions.rules.archiveText', { name: rule.name })}</Text>,
      labels: { confirm: t('commissions.rules.archive'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => archive.mutate(rule, { onSuccess: () => notifySuccess(t('commissions.rules.archived')), onError: (error) => notifyError(t, error) }),
    });
  const create = <AddButton onClick={() => dialog.open(null)}>{t('commissions.rules.create')}</AddButton>;
  return (
    <>
      {rules.isPending ? (
        <PageLoader />
      ) : rules.isError ? (
        <Center p="md">
          <PageError error={rules.error} onRetry={() => void rules.refetch()} />
        </Center>
      ) : rules.data.length === 0 ? (
        <EmptyState py="xl" icon={<IconScale size={28} aria-hidden />} title={t('commissions.rules.empty')} description={t('commissions.rules.emptyHint')}>
          <EmptyState.Actions>{create}</EmptyState.Actions>
        </EmptyState>
      ) : (
        <>
          {create}
          <Paper withBorder radius="md" p={0} mt="sm">
            <RuleTable rules={rules.data} currency={me.data?.owner.currency ?? 'EUR'} onEdit={dialog.open} onArchive={confirmArchive} />
          </Paper>
        </>
      )}
      <RuleForm opened={dialog.opened} rule={dialog.editing} onClose={dialog.close} />
    </>
  );
};

const tabs = ['rules', 'problems'] as const;

/** Commission rules (COMM-1) and the signed contracts no rule covered (administration). */
export const RulesPage = () => {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'problems' ? 'problems' : 'rules';
  return (
    <>
      <PageHeader title={t('commissions.nav.rules')} description={t('commissions.rules.description')} />
      <Tabs value={tab} onChange={(value) => setSearch(value && value !== 'rules' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`commissions.rules.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="problems">
          <ProblemsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
};
