import { format, messages, type MessageKey } from '../../../admin-ui/src/messages';

/** The web app's English texts, as `useI18n().t` gives them. */
export const t = (key: MessageKey, values?: Record<string, string | number>) =>
  format(messages.en[key], values);
