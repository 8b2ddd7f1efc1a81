import { APPENDICES, APPENDIX_CODES, isAppendix, labelOf } from '../../../domain/codes';

describe('Appendices', () => {
  it('lists I, II and III in order of protection', () => {
    expect(APPENDIX_CODES).toEqual(['I', 'II', 'III']);
  });

  it.each([
    ['I', 'en', 'Appendix I'],
    ['II', 'fr', 'Annexe II'],
    ['III', 'es', 'Apéndice III'],
  ] as const)('labels %s in %s as %s', (code, language, label) => {
    expect(labelOf(APPENDICES, code, language)).toBe(label);
  });

  it.each([
    ['I', true],
    ['II', true],
    ['III', true],
    ['IV', false],
    ['N', false],
    ['i', false],
    ['', false],
    [1, false],
    [null, false],
    [undefined, false],
  ])('isAppendix(%p) is %p', (value, expected) => {
    expect(isAppendix(value)).toBe(expected);
  });
});
