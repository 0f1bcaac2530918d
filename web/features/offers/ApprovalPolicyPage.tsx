import { Alert, Button, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/errors.js';
import { FormAlert } from '../../components/FormAlert.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useApprovalPolicy, useSaveApprovalPolicy, type ApprovalPolicy } from './api.js';

type Values = { minimumMarginPercent: string; aboveMinimum: 'manager' | 'none' };

/** Per cent with at most two decimals; a comma is read as the decimal mark, as Slovak users type it. */
export const normalisePercent = (raw: string): string | null => {
  const text = raw.trim().replace(',', '.');
  return /^-?\d{1,5}(\.\d{1,2})?$/.test(text) ? text : null;
};

const PolicyForm = ({ policy }: { policy: ApprovalPolicy }) => {
  const { t } = useTranslation();
  const save = useSaveApprovalPolicy();
  const form = useForm<Values>({
    initialValues: { minimumMarginPercent: policy.minimumMarginPercent, aboveMinimum: policy.aboveMinimum },
    validate: { minimumMarginPercent: (value) => (normalisePercent(value) === null ? t('offers.policy.percentInvalid') : null) },
  });
  const problems = useFormProblems(form, ['minimumMarginPercent', 'aboveMinimum']);
  useEffect(() => {
    form.setValues({ minimumMarginPercent: policy.minimumMarginPercent, aboveMinimum: policy.aboveMinimum });
    form.resetDirty();
  }, [policy.version]); // eslint-disable-line react-hooks/exhaustive-deps -- only a saved version resets the form

  const submit = form.onSubmit((values) => {
    problems.clear();
    save.mutate(
      { minimumMarginPercent: normalisePercent(values.minimumMarginPercent)!, aboveMinimum: values.aboveMinimum, version: policy.version },
      {
        onSuccess: () => notifySuccess(t('offers.policy.saved')),
        onError: problems.show,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={560}>
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        {policy.isDefault && (
          <Alert variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('offers.policy.default')}
          </Alert>
        )}
        <TextInput
          label={t('offers.policy.minimumMarginPercent')}
          description={t('offers.policy.minimumMarginHint')}
          rightSection={<Text size="sm" c="dimmed">%</Text>}
          inputMode="decimal"
          required
          data-autofocus
          {...form.getInputProps('minimumMarginPercent')}
        />
        <Radio.Group label={t('offers.policy.aboveMinimum')} {...form.getInputProps('aboveMinimum')}>
          <Stack gap="xs" mt="xs">
            <Radio value="manager" label={t('offers.policy.route.manager')} />
            <Radio value="none" label={t('offers.policy.route.none')} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** The owner company's offer approval policy (OFFER-5), for administrators. */
export const ApprovalPolicyPage = () => {
  const { t } = useTranslation();
  const policy = useApprovalPolicy();
  return (
    <>
      <PageHeader title={t('offers.policy.title')} description={t('offers.policy.description')} />
      <Paper withBorder radius="md" p="lg">
        {policy.isPending ? (
          <PageLoader />
        ) : policy.isError ? (
          <PageError error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <PolicyForm policy={policy.data} />
        )}
      </Paper>
    </>
  );
};
