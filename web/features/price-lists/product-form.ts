import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import type { Commodity, PriceModel, Product, ProductBody } from './api.js';

export type ProductFormValues = {
  supplier: string;
  name: string;
  code: string;
  commodity: Commodity;
  country: string | null;
  currency: string | null;
  priceModel: PriceModel;
  active: boolean;
  description: string;
};

/** The form's fields, in the order the server's field problems may name them. */
export const productFormFields = [
  'supplier',
  'name',
  'code',
  'commodity',
  'country',
  'currency',
  'priceModel',
  'active',
  'description',
] as const;

/** The currency a new product of a country usually has. */
export const currencyOfCountry = (country: string | null): string | null =>
  country === 'CZ' ? 'CZK' : country === 'PL' ? 'PLN' : country ? 'EUR' : null;

export const emptyProductValues = (): ProductFormValues => ({
  supplier: '',
  name: '',
  code: '',
  commodity: 'electricity',
  country: 'SK',
  currency: 'EUR',
  priceModel: 'fixed',
  active: true,
  description: '',
});

export const productToValues = (product: Product): ProductFormValues => ({
  supplier: product.supplier,
  name: product.name,
  code: product.code,
  commodity: product.commodity,
  country: product.country,
  currency: product.currency,
  priceModel: product.priceModel,
  active: product.active,
  description: product.description ?? '',
});

export const productValuesToBody = (values: ProductFormValues): ProductBody => ({
  supplier: values.supplier.trim(),
  name: values.name.trim(),
  code: values.code.trim(),
  commodity: values.commodity,
  country: values.country ?? '',
  currency: values.currency ?? '',
  priceModel: values.priceModel,
  active: values.active,
  description: emptyToNull(values.description),
});

const required = (value: string | null) => Boolean(value);

/** The API's product rules (price-lists.api.ts), so the form refuses what the server would. */
const ProductRules = z.object({
  supplier: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(40),
  country: z.string().nullable().refine(required, { params: { rule: 'required' } }),
  currency: z.string().nullable().refine(required, { params: { rule: 'required' } }),
  description: z.string().max(4000),
});

export const validateProduct = (t: TFunction): ((values: ProductFormValues) => FormErrors) =>
  zodValidate<ProductFormValues>(ProductRules, t);
