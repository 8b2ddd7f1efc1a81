/** What a designer edits and a publisher freezes: JSON Schema, UI schema and translations. */
export interface FormContent {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  translations: Record<string, unknown>;
}
