import { localizeSchema, localizeUiSchema } from '../../admin-ui/src/forms/localize-schema';

const translations = {
  fr: {
    'Application for a CITES export permit': "Demande de permis d'exportation CITES",
    Quantity: 'Quantité',
    'How many specimens': 'Combien de spécimens',
    Male: 'Mâle',
    Title: 'Titre',
    'Say why': 'Dites pourquoi',
  },
  es: { Quantity: 'Cantidad', Empty: '  ' },
};

const schema = {
  type: 'object',
  title: 'Application for a CITES export permit',
  required: ['quantity'],
  properties: {
    quantity: { type: 'number', title: 'Quantity', description: 'How many specimens', default: 1 },
    sex: {
      type: 'string',
      oneOf: [
        { const: 'male', title: 'Male' },
        { const: 'female', title: 'Female' },
      ],
    },
    // A field may be called "title": its schema is an object, never replaced as if it were text.
    title: { type: 'string', title: 'Title' },
    blocks: {
      type: 'array',
      items: { type: 'object', properties: { quantity: { type: 'number', title: 'Quantity' } } },
    },
    preset: { type: 'object', default: { title: 'Quantity' }, examples: [{ title: 'Quantity' }] },
    label: { type: 'string', const: 'Quantity', enum: ['Quantity'] },
  },
  allOf: [
    {
      if: { properties: { sex: { const: 'male' } } },
      then: { properties: { reason: { title: 'Say why' } } },
    },
  ],
};

describe('localizing a form schema', () => {
  const french = localizeSchema(schema, translations, 'fr');

  it('translates titles and descriptions by their English text, everywhere in the schema', () => {
    expect(french.title).toBe("Demande de permis d'exportation CITES");
    expect(french.properties.quantity).toMatchObject({
      title: 'Quantité',
      description: 'Combien de spécimens',
    });
    expect(french.properties.blocks.items.properties.quantity.title).toBe('Quantité');
    expect(french.allOf[0]!.then.properties.reason.title).toBe('Dites pourquoi');
  });

  it('translates enum labels written as oneOf const/title, and keeps untranslated text in English', () => {
    expect(french.properties.sex.oneOf).toEqual([
      { const: 'male', title: 'Mâle' },
      { const: 'female', title: 'Female' },
    ]);
  });

  it('leaves data alone: defaults, examples, const and enum values, and a property named title', () => {
    expect(french.properties.title).toEqual({ type: 'string', title: 'Titre' });
    expect(french.properties.preset.default).toEqual({ title: 'Quantity' });
    expect(french.properties.preset.examples).toEqual([{ title: 'Quantity' }]);
    expect(french.properties.label).toEqual({ type: 'string', const: 'Quantity', enum: ['Quantity'] });
    expect(french.properties.quantity.default).toBe(1);
    expect(french.required).toEqual(['quantity']);
  });

  it('returns a copy and never changes the schema it was given', () => {
    const before = JSON.stringify(schema);
    const copy = localizeSchema(schema, translations, 'en');
    expect(copy).toEqual(schema);
    expect(copy).not.toBe(schema);
    copy.properties.quantity.title = 'changed';
    expect(JSON.stringify(schema)).toBe(before);
  });

  it('keeps English where the language has no table or a blank translation', () => {
    expect(localizeSchema(schema, translations, 'en').properties.quantity.title).toBe('Quantity');
    expect(localizeSchema(schema, undefined, 'fr').title).toBe(schema.title);
    expect(localizeSchema({ title: 'Empty' }, translations, 'es').title).toBe('Empty');
    expect(localizeSchema(schema, translations, 'es').properties.quantity.title).toBe('Cantidad');
  });

  it('does not take inherited members of the table for translations', () => {
    expect(localizeSchema({ title: 'toString' }, translations, 'fr').title).toBe('toString');
  });
});

describe('localizing a UI schema', () => {
  it('translates ui:title, ui:help, ui:description, ui:placeholder and ui:enumNames', () => {
    const ui = {
      quantity: { 'ui:help': 'How many specimens', 'ui:placeholder': 'Quantity', 'ui:widget': 'Quantity' },
      sex: { 'ui:enumNames': ['Male', 'Female'], 'ui:title': 'Title', 'ui:description': 'Say why' },
      'ui:order': ['quantity', 'sex'],
    };
    expect(localizeUiSchema(ui, translations, 'fr')).toEqual({
      quantity: { 'ui:help': 'Combien de spécimens', 'ui:placeholder': 'Quantité', 'ui:widget': 'Quantity' },
      sex: { 'ui:enumNames': ['Mâle', 'Female'], 'ui:title': 'Titre', 'ui:description': 'Dites pourquoi' },
      'ui:order': ['quantity', 'sex'],
    });
  });
});
