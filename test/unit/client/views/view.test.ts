/**
 * The view's package.json contributions agree with the code: the menus show each action on the
 * nodes it works for (their context values), every command a menu names is declared, and the
 * welcome buttons open the right commands.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { COMMANDS } from '../../../../client/src/commandIds';
import { ITEM_ACTIONS, VIEW_ID } from '../../../../client/src/views/actions';

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string; title: string; icon?: string }>;
    viewsContainers: { activitybar: Array<{ id: string; title: string; icon: string }> };
    views: Record<string, Array<{ id: string; name: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    menus: Record<string, MenuItem[]>;
    configuration: { properties: Record<string, { default?: unknown; minimum?: number }> };
  };
};
const contributes = manifest.contributes;
const declared = new Set(contributes.commands.map((command) => command.command));

/** Does a menu item's `when` clause hold for a node with this context value in our view? */
function shownFor(item: MenuItem, contextValue: string): boolean {
  const clauses = (item.when ?? '').split('&&').map((clause) => clause.trim());
  if (!clauses.includes(`view == ${VIEW_ID}`)) return false;
  return clauses.every((clause) => {
    const equals = /^viewItem == (.+)$/.exec(clause);
    if (equals) return equals[1] === contextValue;
    const matches = /^viewItem =~ \/(.+)\/$/.exec(clause);
    if (matches) return new RegExp(matches[1]).test(contextValue);
    return true;
  });
}

const itemMenu = (command: string) =>
  contributes.menus['view/item/context'].filter((item) => item.command === command && !item.group?.startsWith('inline'));
const shownOn = (command: string, contextValue: string) => itemMenu(command).some((item) => shownFor(item, contextValue));

test('the activity bar holds the Elastic container with the "Remote Clusters" view and our own monochrome icon', () => {
  const container = contributes.viewsContainers.activitybar.find((candidate) => candidate.id === 'elasticRemoteClusters');
  assert.ok(container);
  assert.deepEqual(
    contributes.views[container.id].map((view) => [view.id, view.name]),
    [[VIEW_ID, 'Remote Clusters']],
  );
  const svgPath = join(ROOT, container.icon);
  assert.ok(existsSync(svgPath), `${container.icon} exists`);
  const svg = readFileSync(svgPath, 'utf8');
  assert.match(svg, /^<svg [^>]*viewBox="0 0 24 24"/);
  assert.match(svg, /currentColor/);
  assert.doesNotMatch(svg, /<(image|script|foreignObject)/);
});

test('every command the view uses is declared, and the node-only actions are hidden from the Command Palette', () => {
  for (const command of [COMMANDS.refreshRemoteClusters, COMMANDS.copyClusterId, COMMANDS.openItemJson])
    assert.ok(declared.has(command), command);
  const hidden = new Set(contributes.menus.commandPalette.filter((item) => item.when === 'false').map((item) => item.command));
  for (const action of Object.values(ITEM_ACTIONS)) {
    assert.ok(declared.has(action.command), action.command);
    assert.ok(hidden.has(action.command), `${action.command} is hidden from the palette`);
  }
  for (const item of [...contributes.menus['view/title'], ...contributes.menus['view/item/context']]) {
    assert.ok(declared.has(item.command), `${item.command} used in a menu is declared`);
  }
  for (const item of contributes.menus['view/item/context'].filter((candidate) => candidate.group?.startsWith('inline'))) {
    assert.ok(
      contributes.commands.find((command) => command.command === item.command)?.icon,
      `inline ${item.command} has an icon`,
    );
  }
});

test('the context menus offer each action on the nodes it applies to, and only there', () => {
  const cases: Array<[string, string[], string[]]> = [
    [ITEM_ACTIONS.addRemoteCluster.command, ['connection.elasticsearch'], ['connection.cloud', 'remoteCluster.removable']],
    [ITEM_ACTIONS.removeRemoteCluster.command, ['remoteCluster.removable'], ['remoteCluster', 'connection.elasticsearch']],
    [
      ITEM_ACTIONS.diagnoseRemoteCluster.command,
      ['remoteCluster', 'remoteCluster.removable'],
      ['connection.elasticsearch', 'deployment'],
    ],
    [
      ITEM_ACTIONS.editTrust.command,
      ['deployment', 'deployment.hasClusterId', 'trust'],
      ['trustRelationship', 'connection.cloud', 'allowedCluster.hasClusterId'],
    ],
    [
      ITEM_ACTIONS.addTrustedEnvironment.command,
      ['deployment.hasClusterId', 'connection.cloud', 'connection.ece'],
      ['connection.elasticsearch', 'trust'],
    ],
    [
      ITEM_ACTIONS.testConnection.command,
      ['connection.elasticsearch', 'connection.cloud', 'connection.ece'],
      ['deployment', 'remoteCluster'],
    ],
    [ITEM_ACTIONS.removeConnection.command, ['connection.ece'], ['remoteCluster.removable']],
    [ITEM_ACTIONS.changeCrossClusterApiKey.command, ['crossClusterKey'], ['crossClusterKeys', 'remoteCluster', 'loadMore']],
    [
      ITEM_ACTIONS.migrateToApiKeyModel.command,
      ['remoteCluster', 'remoteCluster.removable'],
      ['connection.elasticsearch', 'crossClusterKey'],
    ],
    [COMMANDS.openItemJson, ['crossClusterKey'], ['crossClusterKeys', 'loadMore']],
    [
      COMMANDS.copyClusterId,
      ['deployment.hasClusterId', 'allowedCluster.hasClusterId'],
      ['deployment', 'connection.elasticsearch'],
    ],
    [
      COMMANDS.openItemJson,
      ['connection.cloud', 'remoteCluster', 'deployment', 'trust', 'trustRelationship', 'allowedCluster.hasClusterId', 'error'],
      ['loading', 'notice', 'settingsProblems'],
    ],
    [
      COMMANDS.refreshRemoteClusters,
      ['connection.elasticsearch', 'deployment.hasClusterId', 'platformTrust', 'error'],
      ['remoteCluster.removable', 'trust'],
    ],
  ];
  for (const [command, shown, hidden] of cases) {
    for (const contextValue of shown) assert.ok(shownOn(command, contextValue), `${command} is offered on ${contextValue}`);
    for (const contextValue of hidden) assert.ok(!shownOn(command, contextValue), `${command} is not offered on ${contextValue}`);
  }
});

test('the view title offers filter and sort; "Clear Filter" only while a filter is set', () => {
  const title = contributes.menus['view/title'];
  const when = (command: string) => title.find((item) => item.command === command)?.when ?? '';
  assert.equal(when(COMMANDS.filterRemoteClusters), `view == ${VIEW_ID}`);
  assert.equal(when(COMMANDS.sortRemoteClusters), `view == ${VIEW_ID}`);
  assert.equal(when(COMMANDS.clearRemoteClustersFilter), `view == ${VIEW_ID} && elasticRemoteClusters.viewFiltered`);
  for (const command of [COMMANDS.filterRemoteClusters, COMMANDS.clearRemoteClustersFilter, COMMANDS.sortRemoteClusters])
    assert.ok(contributes.commands.find((entry) => entry.command === command)?.icon, `${command} has an icon`);
});

test('the empty view offers Add Connection and the walkthrough', () => {
  const welcome = contributes.viewsWelcome.find((entry) => entry.view === VIEW_ID);
  assert.ok(welcome);
  const links = [...welcome.contents.matchAll(/\[([^\]]+)\]\(command:([^?)]+)(?:\?([^)]+))?\)/g)].map((match) => ({
    label: match[1],
    command: match[2],
    args: match[3],
  }));
  assert.deepEqual(
    links.map((link) => link.command),
    ['elasticRemoteClusters.addConnection', 'workbench.action.openWalkthrough'],
  );
  assert.deepEqual(JSON.parse(decodeURIComponent(links[1].args ?? '')), [
    'elastic-remote-clusters.elastic-remote-clusters#elasticRemoteClusters.gettingStarted',
    false,
  ]);
});

test('timed refresh is off unless the user sets an interval', () => {
  const setting = contributes.configuration.properties['elasticRemoteClusters.remoteClustersView.refreshIntervalSeconds'];
  assert.equal(setting.default, 0);
  assert.equal(setting.minimum, 0);
});
