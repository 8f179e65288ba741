import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clusterStep, type CheckedCluster } from '../../../../client/src/flows/pickers';
import { BACK } from '../../../../client/src/ui/steps';
import { esConnection, ScriptedFlowUi, testContext } from './support';

interface Draft {
  local?: CheckedCluster;
  alias?: string;
}

const POSITION = { title: 'Test', step: 1, totalSteps: 2, canGoBack: true };
// The check below makes no request, so the addresses are never used.
const SAVED = [esConnection('east', 'https://127.0.0.1:1'), esConnection('west', 'https://127.0.0.1:1')];

/** The step under test: its check passes every connection but `refused`; picking another cluster drops the alias. */
function localStep(ui: ScriptedFlowUi, refused?: string) {
  return clusterStep<'local', Draft>(testContext(ui, SAVED), {
    id: 'local',
    field: 'local',
    placeholder: (draft) => `The cluster that connects to ${draft.alias ?? 'the remote'}`,
    check: async (profile) => (profile.name === refused ? undefined : ({ profile, info: {} } as CheckedCluster)),
    changed: (draft) => (draft.alias = undefined),
  });
}

describe('clusterStep: the pick of a checked Elasticsearch connection that flows share', () => {
  test('the same cluster picked again keeps what was chosen for it; another cluster drops it', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^east$/ }, { pick: /^east$/ }, { pick: /^west$/ }]);
    const step = localStep(ui);
    const draft: Draft = {};
    assert.equal(await step.run(draft, POSITION), 'next');
    assert.equal(draft.local?.profile.name, 'east');
    draft.alias = 'europe';
    assert.equal(await step.run(draft, POSITION), 'next');
    assert.equal(draft.alias, 'europe');
    assert.equal(ui.shown[1].active, 'east', 'the pick opens on the cluster already chosen');
    assert.match(ui.shown[1].text ?? '', /connects to europe/);
    assert.equal(await step.run(draft, POSITION), 'next');
    assert.equal(draft.local?.profile.name, 'west');
    assert.equal(draft.alias, undefined);
  });

  test('a connection that fails its check is asked for again; Back leaves the draft as it was', async () => {
    const ui = new ScriptedFlowUi([{ pick: /^east$/ }, { pick: /^west$/ }, 'back']);
    const step = localStep(ui, 'east');
    const draft: Draft = {};
    assert.equal(await step.run(draft, POSITION), 'next');
    assert.equal(draft.local?.profile.name, 'west');
    assert.equal(ui.shown.length, 2, 'shown again after the refused one');
    draft.alias = 'europe';
    assert.equal(await step.run(draft, POSITION), BACK);
    assert.deepEqual([draft.local?.profile.name, draft.alias], ['west', 'europe']);
  });
});
