import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { messages, type Language, type MessageKey } from '../../messages';

/** react-jsonschema-form's own words that appear in Pangolin's forms, in the app's messages. */
const keyOf: Partial<Record<TranslatableString, MessageKey>> = {
  [TranslatableString.ArrayItemTitle]: 'rjsfItem',
  [TranslatableString.EmptyArray]: 'rjsfEmptyArray',
  [TranslatableString.YesLabel]: 'yes',
  [TranslatableString.NoLabel]: 'no',
  [TranslatableString.ErrorsLabel]: 'thereIsAProblem',
  [TranslatableString.AddButton]: 'rjsfAdd',
  [TranslatableString.AddItemButton]: 'rjsfAdd',
  [TranslatableString.CopyButton]: 'rjsfCopy',
  [TranslatableString.MoveDownButton]: 'rjsfMoveDown',
  [TranslatableString.MoveUpButton]: 'rjsfMoveUp',
  [TranslatableString.RemoveButton]: 'rjsfRemove',
  [TranslatableString.ClearButton]: 'rjsfClear',
  [TranslatableString.ClearLabel]: 'rjsfClear',
  [TranslatableString.NowLabel]: 'rjsfNow',
  [TranslatableString.OptionalObjectAdd]: 'rjsfOptionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'rjsfOptionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'rjsfOptionalEmpty',
};

/** The `translateString` of a form in its language; anything not listed stays in English. */
export function rjsfTranslator(language: Language) {
  return (text: TranslatableString, params?: string[]): string => {
    const key = keyOf[text];
    return key ? messages[language][key] : englishStringTranslator(text, params);
  };
}
