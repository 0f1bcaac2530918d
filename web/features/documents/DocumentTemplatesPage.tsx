import { Alert, Badge, Button, Grid, Group, List, Paper, ScrollArea, Select, Stack, Tabs, Text, Textarea, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy, IconEye } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { errorMessage, notifyError, notifySuccess, translateCode } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import {
  documentLanguages,
  fetchPreview,
  problemParts,
  snippetOf,
  useDocumentTemplates,
  usePlaceholders,
  useSaveDocumentTemplate,
  type DocumentLanguage,
  type DocumentTemplate,
  type DocumentType,
} from './api.js';

const PlaceholderPanel = ({ type, onInsert }: { type: DocumentType; onInsert: (snippet: string) => void }) => {
  const { t } = useTranslation();
  const placeholders = usePlaceholders(type);
  if (placeholders.isPending) return <PageLoader />;
  if (placeholders.isError) return <PageError error={placeholders.error} />;
  const groups = new Map<string, typeof placeholders.data>();
  for (const p of placeholders.data) {
    const key = p.list ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm">{t('documents.placeholders')}</Text>
      <Text size="xs" c="dimmed" mb="xs">{t('documents.placeholdersHint')}</Text>
      <ScrollArea h={520}>
        {[...groups.entries()].map(([list, items]) => (
          <Stack key={list} gap={2} mb="sm">
            {list && <Text size="xs" fw={600}>{t('documents.insideList', { list })}</Text>}
            {items.map((p) => (
              <UnstyledButton key={`${list}.${p.path}`} onClick={() => onInsert(snippetOf(p))} aria-label={t('documents.insert', { path: p.path })}>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" ff="monospace">{p.path}</Text>
                  <Badge size="xs" variant="light">{t(`documents.kinds.${p.kind}`)}</Badge>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        ))}
      </ScrollArea>
    </Paper>
  );
};

const TemplateEditor = ({ template }: { template: DocumentTemplate }) => {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('documents.templates');
  const [body, setBody] = useState(template.body);
  const [language, setLanguage] = useState<DocumentLanguage>(template.language);
  const [error, setError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const save = useSaveDocumentTemplate(template.type);

  const insert = (snippet: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + snippet + body.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const onSave = () => {
    setError(null);
    save.mutate(
      { language, body, version: template.version },
      {
        onSuccess: () => notifySuccess(t('documents.saved')),
        onError: (e) => (isApiError(e) && e.status === 400 ? setError(e) : notifyError(t, e)),
      },
    );
  };

  const onPreview = async () => {
    setError(null);
    setPreviewing(true);
    try {
      const pdf = await fetchPreview(template.type, { language, body });
      window.open(URL.createObjectURL(pdf), '_blank', 'noopener');
    } catch (e) {
      if (isApiError(e) && e.status === 400) setError(e);
      else notifyError(t, e);
    } finally {
      setPreviewing(false);
    }
  };

  const problems = isApiError(error) ? error.errors : [];
  return (
    <Grid mt="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          <Group justify="space-between">
            <Group gap="xs">
              <Select
                label={t('documents.language')}
                data={documentLanguages.map((l) => ({ value: l, label: t(`documents.languages.${l}`) }))}
                value={language}
                onChange={(value) => value && setLanguage(value as DocumentLanguage)}
                allowDeselect={false}
                disabled={!canEdit}
                w={180}
              />
              {template.isDefault && <Badge variant="light" mt="lg">{t('documents.isDefault')}</Badge>}
            </Group>
            {canEdit && (
              <Group mt="lg">
                <Button variant="default" leftSection={<IconEye size={16} />} loading={previewing} onClick={onPreview}>
                  {t('documents.preview')}
                </Button>
                <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={onSave}>
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Group>
          {error !== null && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title={errorMessage(t, error)} role="alert">
              <List size="sm">
                {problems.map((problem, i) => {
                  const { placeholder, line } = problemParts(problem);
                  return (
                    <List.Item key={i}>
                      {translateCode(t, 'documents.rules', problem.code, { placeholder: placeholder ?? '', line: line ?? '?' }) ?? t('validation.invalid')}
                    </List.Item>
                  );
                })}
              </List>
            </Alert>
          )}
          <Textarea
            ref={textarea}
            label={t('documents.body')}
            description={t('documents.bodyHint')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            readOnly={!canEdit}
            autosize
            minRows={20}
            maxRows={40}
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <PlaceholderPanel type={template.type} onInsert={canEdit ? insert : () => undefined} />
      </Grid.Col>
    </Grid>
  );
};

/** Document templates (DOC-2): one per document type for the owner company, with placeholders and a PDF preview. */
export const DocumentTemplatesPage = () => {
  const { t } = useTranslation();
  const templates = useDocumentTemplates();
  const [active, setActive] = useState<DocumentType>('offer');
  if (templates.isPending) return <PageLoader />;
  if (templates.isError) return <PageError error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <>
      <PageHeader title={t('documents.title')} description={t('documents.description')} />
      <Tabs value={active} onChange={(value) => value && setActive(value as DocumentType)}>
        <Tabs.List>
          {templates.data.map((template) => (
            <Tabs.Tab key={template.type} value={template.type}>
              {t(`documents.types.${template.type}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {templates.data.map((template) => (
          <Tabs.Panel key={template.type} value={template.type}>
            {/* Keyed by version: after a save the editor starts again from what was stored. */}
            {active === template.type && <TemplateEditor key={`${template.type}-${template.version}`} template={template} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
};
