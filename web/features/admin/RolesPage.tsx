import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { RecordTable } from '../../components/form/RecordTable.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { scopes, useRoles, useSetRoleScope, type Role, type Scope } from './api.js';

const ScopeSelect = ({ role }: { role: Role }) => {
  const { t } = useTranslation();
  const setScope = useSetRoleScope({ onSuccess: () => notifySuccess(t('admin.roles.saved')) });
  return (
    <Select
      aria-label={t('admin.roles.scopeOf', { role: t(`admin.roles.names.${role.key}`) })}
      data={scopes.map((scope) => ({ value: scope, label: t(`admin.roles.scopes.${scope}`) }))}
      value={setScope.isPending ? setScope.variables.scope : role.scope}
      allowDeselect={false}
      disabled={setScope.isPending}
      w={270}
      onChange={(value) => {
        if (value && value !== role.scope) {
          setScope.mutate(
            { key: role.key, scope: value as Scope, version: role.version },
            { onError: (error) => notifyError(t, error) },
          );
        }
      }}
    />
  );
};

/** Each role's record scope (own / team / owner company / all) and what it may do. */
export const RolesPage = () => {
  const { t } = useTranslation();
  const roles = useRoles();
  return (
    <>
      <PageHeader title={t('admin.roles.title')} description={t('admin.roles.description')} />
      <ListPanel query={roles}>
        <RecordTable
          label={t('admin.roles.title')}
          minWidth={720}
          verticalSpacing="sm"
          columns={[
            t('admin.roles.fields.role'),
            t('admin.roles.fields.scope'),
            t('admin.roles.fields.permissions'),
          ]}
        >
          {roles.data?.map((role) => (
            <Table.Tr key={role.key}>
              <Table.Td>
                <Text fw={500} size="sm">
                  {t(`admin.roles.names.${role.key}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ScopeSelect role={role} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {role.permissions.map((permission) => (
                    <Badge
                      key={permission}
                      variant="light"
                      color="gray"
                      size="sm"
                      style={{ textTransform: 'none' }}
                    >
                      {t(`admin.permissions.${permission}`, { defaultValue: permission })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
    </>
  );
};
