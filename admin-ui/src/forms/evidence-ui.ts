type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name the evidence upload field is registered under: the default forms' UI schema names it. */
export const EVIDENCE_FIELD = 'evidenceUpload';

/** An item that refers to an uploaded file: an object with a `fileId` member. */
export function isEvidenceItemSchema(schema: unknown): boolean {
  return isObject(schema) && isObject(schema.properties) && 'fileId' in schema.properties;
}

/**
 * A copy of the UI schema in which every array of uploaded files (`evidence` in the default forms:
 * items with `fileId`, `name`, `mime`, `size`, `sha256`) uses the upload field, unless the designer
 * chose another field for it. Arrays are found wherever they are in the schema.
 */
export function withEvidenceFields(schema: unknown, uiSchema: Json | undefined): Json {
  const result = structuredClone(uiSchema ?? {});
  visit(schema, result);
  return result;
}

function visit(schema: unknown, ui: Json): void {
  if (!isObject(schema)) return;
  if (schema.type === 'array' && isEvidenceItemSchema(schema.items)) {
    const items = isObject(ui.items) ? ui.items : {};
    if (!('ui:field' in items)) items['ui:field'] = EVIDENCE_FIELD;
    ui.items = items;
    return;
  }
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const child = isObject(ui[name]) ? ui[name] : {};
      visit(property, child);
      if (Object.keys(child).length > 0) ui[name] = child;
    }
  }
  if (schema.type === 'array' && isObject(schema.items)) {
    const child = isObject(ui.items) ? ui.items : {};
    visit(schema.items, child);
    if (Object.keys(child).length > 0) ui.items = child;
  }
}

/**
 * The names of the kinds of evidence a form offers (`kind` written as `oneOf: [{const, title}]` in
 * its evidence items), by code, so a procedure's `proof-of-legal-acquisition` reads as a person
 * would say it. Pass the localized schema to get them in the reader's language.
 */
export function evidenceKindLabels(schema: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  const visitLabels = (node: unknown): void => {
    if (!isObject(node)) return;
    if (node.type === 'array' && isEvidenceItemSchema(node.items)) {
      const kind = ((node.items as Json).properties as Json).kind;
      const options = isObject(kind) && Array.isArray(kind.oneOf) ? kind.oneOf : [];
      for (const option of options) {
        if (isObject(option) && typeof option.const === 'string' && typeof option.title === 'string') {
          labels[option.const] = option.title;
        }
      }
      return;
    }
    if (isObject(node.properties)) Object.values(node.properties).forEach(visitLabels);
    if (isObject(node.items)) visitLabels(node.items);
  };
  visitLabels(schema);
  return labels;
}
