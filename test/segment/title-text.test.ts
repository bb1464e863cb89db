import { describe, expect, it } from 'vitest';
import { titleText } from '../../src/segment/title-text.js';

describe('title-text', () => {
  it.each([
    ['● Trygg och säker skolmiljö', 'Trygg och säker skolmiljö'],
    ['Residents can find good jobs ⬤ On track ↑', 'Residents can find good jobs'],
    ['Fler elever klarar målen ■', 'Fler elever klarar målen'],
    ['  Fler   barn i förskolan ', 'Fler barn i förskolan'],
  ])('takes the status symbols off %j', (raw, title) => {
    expect(titleText(raw)).toBe(title);
  });

  it.each(['Fler elever klarar målen', 'Andel (%) av eleverna', 'Kostnad ↑ per elev och år'])('leaves a title without symbols at its ends as it is: %j', (title) => {
    expect(titleText(title)).toBe(title);
  });
});
