import type { useForm } from '@mantine/form';
import type { ReactNode } from 'react';

// @mantine/form re-exports its types with an extension-less `export type * from './types'`, which
// NodeNext resolution cannot follow. The same shapes, derived from what `useForm` itself exposes.
export type FormErrors = Record<string, ReactNode>;

type FormInput<Values extends Record<string, unknown>> = NonNullable<Parameters<typeof useForm<Values>>[0]>;

/** `UseFormReturnType<Values>`: the `form` a `useForm<Values>()` call returns, whatever its rules. */
export type FormOf<Values extends Record<string, unknown>> = Parameters<
  NonNullable<FormInput<Values>['enhanceGetInputProps']>
>[0]['form'];
