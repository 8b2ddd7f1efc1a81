import { TranslatableString, type ErrorListProps, type IconButtonProps } from '@rjsf/utils';
import type { MouseEvent } from 'react';
import { errorPointer } from '../../forms/form-errors';
import { fieldIdOf, fieldLabel } from '../../forms/problem-fields';

/** Array buttons with words rather than icon-font glyphs that Pangolin does not load. */
function textButton(text: TranslatableString, extraClass = '') {
  return function TextButton(props: IconButtonProps) {
    const { registry, className, uiSchema: _uiSchema, iconType: _iconType, icon: _icon, ...button } = props;
    return (
      <button type="button" {...button} className={`secondary small ${extraClass} ${className ?? ''}`.trim()}>
        {registry.translateString(text)}
      </button>
    );
  };
}

export const buttonTemplates = {
  AddButton: textButton(TranslatableString.AddButton, 'add-item'),
  CopyButton: textButton(TranslatableString.CopyButton),
  MoveDownButton: textButton(TranslatableString.MoveDownButton),
  MoveUpButton: textButton(TranslatableString.MoveUpButton),
  RemoveButton: textButton(TranslatableString.RemoveButton, 'danger'),
};

/**
 * The list of errors above the form, like the app's error summaries: each problem named by its
 * field's title and linked to the field, so keyboard users can go straight to it.
 */
export function ErrorListTemplate({ errors, schema, registry }: ErrorListProps) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.focus();
  };
  return (
    <div className="alert error-summary" role="alert" data-testid="form-errors">
      <p className="alert-title">{registry.translateString(TranslatableString.ErrorsLabel)}</p>
      <ul>
        {errors.map((error, index) => {
          const pointer = errorPointer(error);
          const target = fieldIdOf(pointer, registry.globalFormOptions.idPrefix);
          const label = pointer === '/' ? '' : `${fieldLabel(schema, pointer)}: `;
          return (
            <li key={`${pointer}-${index}`}>
              <a href={`#${target}`} onClick={(event) => jump(event, target)}>
                {label}
                {error.message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
