import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { commodities, currencies, priceModels, useCreateProduct, useUpdateProduct, type Product } from './api.js';
import {
  currencyOfCountry,
  emptyProductValues,
  productFormFields,
  productToValues,
  productValuesToBody,
  validateProduct,
  type ProductFormValues,
} from './product-form.js';

const ProductFormBody = ({
  product,
  hasPriceLists,
  onClose,
  onSaved,
}: {
  product: Product | null;
  hasPriceLists: boolean;
  onClose: () => void;
  onSaved?: ((product: Product) => void) | undefined;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useForm<ProductFormValues>({
    initialValues: product ? productToValues(product) : emptyProductValues(),
    validate: validateProduct(t),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, productFormFields);
  const countryInput = form.getInputProps('country');
  // A new product's currency follows its country until the user picks another one.
  const changeCountry = (country: string | null) => {
    if (!product && form.values.currency === currencyOfCountry(form.values.country))
      form.setFieldValue('currency', currencyOfCountry(country));
    form.setFieldValue('country', country);
  };
  const saved = (answer: Product) => {
    onClose();
    onSaved?.(answer);
  };
  const create = useCreateProduct({ onSuccess: saved });
  const update = useUpdateProduct(product?.id ?? '', { onSuccess: saved });

  const submit = form.onSubmit((values) => {
    problems.clear();
    const body = productValuesToBody(values);
    if (product) update.mutate({ ...body, version: product.version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput label={t('priceLists.fields.supplier')} required data-autofocus {...form.getInputProps('supplier')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('priceLists.fields.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('priceLists.fields.code')}
            description={t('priceLists.products.codeHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            {...form.getInputProps('code')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('priceLists.fields.commodity')}
            data={commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) }))}
            required
            allowDeselect={false}
            disabled={hasPriceLists}
            {...form.getInputProps('commodity')}
          />
          <Select
            label={t('priceLists.fields.country')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            required
            allowDeselect={false}
            searchable
            disabled={hasPriceLists}
            {...countryInput}
            onChange={changeCountry}
          />
          <Select
            label={t('priceLists.fields.currency')}
            data={[...currencies]}
            required
            allowDeselect={false}
            disabled={hasPriceLists}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        {hasPriceLists && (
          <Text size="xs" c="dimmed" mt={-6}>
            {t('priceLists.products.fixedByPriceLists')}
          </Text>
        )}
        <Select
          label={t('priceLists.fields.priceModel')}
          data={priceModels.map((m) => ({ value: m, label: t(`priceLists.priceModel.${m}`) }))}
          required
          allowDeselect={false}
          {...form.getInputProps('priceModel')}
        />
        <Textarea
          label={t('priceLists.fields.description')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <Checkbox label={t('priceLists.products.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions onCancel={onClose} pending={create.isPending || update.isPending} submitLabel={product ? t('common.save') : t('priceLists.products.create')} />
      </Stack>
    </form>
  );
};

/** Create a product or change one, in a dialog; Enter saves, Escape closes. */
export const ProductForm = ({
  opened,
  product = null,
  hasPriceLists = false,
  onClose,
  onSaved,
}: {
  opened: boolean;
  product?: Product | null;
  /** Commodity, country and currency stay as they are once the product has price lists. */
  hasPriceLists?: boolean;
  onClose: () => void;
  onSaved?: (product: Product) => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={product ? t('priceLists.products.editTitle') : t('priceLists.products.createTitle')}
      size="lg"
    >
      <ProductFormBody product={product} hasPriceLists={hasPriceLists} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
};
