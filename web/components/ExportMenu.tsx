import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A list's export of exactly what it shows: `urlOf` builds the export address from the list's own parameters. */
export const ExportMenu = ({ urlOf }: { urlOf: (format: 'xlsx' | 'csv') => string }) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('common.export.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={urlOf('xlsx')} download leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
          {t('common.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={urlOf('csv')} download leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
          {t('common.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
