import type { RJSFValidationError } from '@rjsf/utils';
import type { Language } from '../api/types';
import { createFormFormats } from '../../../forms/formats';
import { pointerOf } from './json-pointer';

const formats = createFormFormats();

/** The JSON pointer of the field an RJSF error is about: `.blocks.0.quantity` → `/blocks/0/quantity`. */
export function errorPointer(error: Pick<RJSFValidationError, 'property'>): string {
  const property = (error.property ?? '').replace(/^\./, '');
  return property === '' ? '/' : pointerOf(property.split('.'));
}

/**
 * The browser's validation errors as the server words them: the `if` half of a condition is not an
 * error of its own, and Pangolin's formats ("must be a CITES source code") say what they expect.
 */
export function friendlyErrors(errors: RJSFValidationError[], language: Language): RJSFValidationError[] {
  return errors
    .filter((error) => error.name !== 'if')
    .map((error) => {
      if (error.name !== 'format') return error;
      const format = formats[String((error.params as { format?: string } | undefined)?.format)];
      if (!format) return error;
      const message = format.message[language];
      return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
    });
}
