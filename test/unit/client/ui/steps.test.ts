import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACK, PICK_TEXT_LIMITS, runSteps, type FlowStep } from '../../../../client/src/ui/steps';
import { ScriptedFlowUi } from '../flows/support';

describe('the step runner', () => {
  interface Draft {
    answers: string[];
    extra?: boolean;
    wide?: boolean;
    narrow?: boolean;
  }
  /** A step that plays the next scripted outcome and records that it ran. */
  const scripted = (
    id: string,
    outcomes: Array<'next' | 'back' | 'cancel'>,
    options: { silent?: boolean; onNext?: (draft: Draft) => void } = {},
  ): FlowStep<Draft> => ({
    id,
    silent: options.silent,
    run: async (draft, position) => {
      draft.answers.push(
        `${id}@${position.step}${position.totalSteps === undefined ? '' : `/${position.totalSteps}`}${position.canGoBack ? '<' : ''}`,
      );
      const outcome = outcomes.shift() ?? 'next';
      if (outcome === 'cancel') return undefined;
      if (outcome === 'back') return BACK;
      options.onNext?.(draft);
      return 'next';
    },
  });

  test('Back goes to the previous step; answers can add steps; silent steps are not counted and Back skips them', async () => {
    const a = scripted('a', ['next', 'next']);
    const check = scripted('check', [], { silent: true });
    const b = scripted('b', ['next', 'back', 'next'], { onNext: (draft) => (draft.extra = true) });
    const c = scripted('c', ['back', 'next']);
    const d = scripted('d', []);
    const draft: Draft = { answers: [] };
    const finished = await runSteps('T', draft, (current) => [a, check, b, ...(current.extra ? [c] : []), d]);
    assert.equal(finished, true);
    assert.deepEqual(draft.answers, ['a@1', 'check@1<', 'b@2<', 'c@3<', 'b@2<', 'a@1', 'check@1<', 'b@2<', 'c@3<', 'd@4<']);
  });

  test('a step that disappears after its own answer hands over to the step after it', async () => {
    const draft: Draft = { answers: [] };
    const once = scripted('once', [], { silent: true, onNext: (current) => (current.extra = true) });
    const finished = await runSteps('T', draft, (current) => [
      scripted('first', []),
      ...(current.extra ? [] : [once]),
      scripted('last', []),
    ]);
    assert.equal(finished, true);
    assert.deepEqual(
      draft.answers.map((entry) => entry.split('@')[0]),
      ['first', 'once', 'last'],
    );
  });

  test('a fixed list of steps shows n/total; a list that answers change shows the step alone and never counts backwards', async () => {
    const fixed: Draft = { answers: [] };
    assert.equal(await runSteps('T', fixed, [scripted('a', []), scripted('b', []), scripted('c', [])]), true);
    assert.deepEqual(fixed.answers, ['a@1/3', 'b@2/3<', 'c@3/3<']);

    // The first answer adds two steps, the third removes one again: a total from the answers so far would read 1/3, 2/5, 3/4.
    const draft: Draft = { answers: [] };
    const steps = {
      first: scripted('first', [], { onNext: (current) => (current.wide = true) }),
      x: scripted('x', []),
      y: scripted('y', [], { onNext: (current) => (current.narrow = true) }),
      z: scripted('z', []),
      last: scripted('last', []),
    };
    const finished = await runSteps('T', draft, (current) => [
      steps.first,
      ...(current.wide ? [steps.x, steps.y] : []),
      ...(current.wide && !current.narrow ? [steps.z] : []),
      steps.last,
    ]);
    assert.equal(finished, true);
    assert.deepEqual(draft.answers, ['first@1', 'x@2<', 'y@3<', 'last@4<']);
  });

  test('Escape at any step cancels', async () => {
    const draft: Draft = { answers: [] };
    assert.equal(await runSteps('T', draft, () => [scripted('a', []), scripted('b', ['cancel']), scripted('c', [])]), false);
    assert.deepEqual(
      draft.answers.map((entry) => entry.split('@')[0]),
      ['a', 'b'],
    );
  });
});

describe('pick texts that fit', () => {
  // Every flow and wizard test runs through ScriptedFlowUi, which applies this check to each pick it shows.
  test('a pick item whose description or detail VS Code would cut off fails the scripted run that shows it', async () => {
    const pick = (description: string, detail?: string) =>
      new ScriptedFlowUi([{ pick: /Item/ }]).pick({
        title: 'T',
        step: 1,
        canGoBack: false,
        placeholder: 'p',
        items: [{ label: 'Item', description, detail, value: 1 }],
      });
    assert.equal(await pick('d'.repeat(PICK_TEXT_LIMITS.description), 'x'.repeat(PICK_TEXT_LIMITS.detail)), 1);
    await assert.rejects(pick('d'.repeat(PICK_TEXT_LIMITS.description + 1)), /description of pick item "Item" has 41 characters/);
    await assert.rejects(pick('d', 'x'.repeat(PICK_TEXT_LIMITS.detail + 1)), /detail of pick item "Item" has 91 characters/);
  });
});
