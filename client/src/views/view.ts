/**
 * The "Remote Clusters" view in the Elastic activity-bar container: a thin TreeDataProvider over
 * RemoteClustersTreeModel, its commands (refresh, copy cluster ID, open JSON, and item actions that
 * open the set-up flows pre-filled) and the optional timed refresh.
 */
import * as vscode from 'vscode';
import type { Connections } from '../connections/commands';
import type { ExtensionLog } from '../log';
import type { ReadOnlyDocuments } from '../readOnlyDocuments';
import { COMMANDS } from '../commandIds';
import { errorText } from '../errorText';
import { arrangementText, ITEM_ACTIONS, itemActionArgument, VIEW_ID, type ItemAction } from './actions';
import { startAutoRefresh } from './autoRefresh';
import { RemoteClustersTreeModel, type SortOrder } from './treeModel';
import {
  expiryText,
  keyExpiry,
  keysToWarnAbout,
  KEY_EXPIRY_WARNING_DAYS,
  type CrossClusterKeySummary,
  type TreeNode,
} from './nodes';
import type { ConnectionProfile } from '../connections/profile';

const SECTION = 'elasticRemoteClusters';
const REFRESH_INTERVAL_SETTING = 'remoteClustersView.refreshIntervalSeconds';

/**
 * The in-editor test seam, returned from `activate` as `remoteClustersView`: the nodes the view
 * shows (waiting for their loads) and the TreeItem VS Code gets for one.
 */
export interface RemoteClustersViewApi {
  children(node?: TreeNode): Promise<TreeNode[]>;
  treeItem(node: TreeNode): vscode.TreeItem;
  /** What the view shows about its filter and sort order: its description and message. */
  arrangement(): { description?: string; message?: string };
}

export function registerRemoteClustersView(
  context: vscode.ExtensionContext,
  connections: Connections,
  log: ExtensionLog,
  documents: ReadOnlyDocuments,
): RemoteClustersViewApi {
  const changed = new vscode.EventEmitter<TreeNode | undefined>();
  let progressShown = false;
  /** Keys already warned about in this session (connection id / key id). */
  const warnedKeys = new Set<string>();
  const warnAboutKeys = (profile: ConnectionProfile, keys: CrossClusterKeySummary[]) => {
    const due = keysToWarnAbout(profile.id, keys, warnedKeys, Date.now());
    if (due.length === 0) return;
    const names = due.map((key) => `"${key.name}" (${expiryText(keyExpiry(key.expiration, Date.now()))})`).join(', ');
    const change = 'Change Key…';
    void vscode.window
      .showWarningMessage(
        `${due.length === 1 ? 'A cross-cluster API key' : `${due.length} cross-cluster API keys`} of "${profile.name}" ${due.length === 1 ? 'expires' : 'expire'} within ${KEY_EXPIRY_WARNING_DAYS} days or already expired: ${names}. Remote connections that use ${due.length === 1 ? 'it' : 'them'} then fail.`,
        change,
      )
      .then((answer) => {
        if (answer === change)
          void vscode.commands.executeCommand(COMMANDS.changeCrossClusterApiKey, {
            connectionId: profile.id,
            keyId: due[0].id,
            action: 'rotate',
          });
      });
  };
  const model: RemoteClustersTreeModel = new RemoteClustersTreeModel(
    {
      profiles: () => connections.store.list(),
      problems: () => connections.store.problems(),
      openClients: (profile) => connections.openClients(profile),
    },
    {
      // A progress bar at the top of the view while anything loads.
      onLoadStarted: () => {
        if (progressShown) return;
        progressShown = true;
        void vscode.window
          .withProgress({ location: { viewId: VIEW_ID } }, () => model.settled())
          .then(() => (progressShown = false));
      },
      onKeysLoaded: warnAboutKeys,
    },
  );
  const provider: vscode.TreeDataProvider<TreeNode> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: toTreeItem,
    getChildren: (node) => model.children(node),
  };
  const view = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // Several remote clusters can be removed at once.
    canSelectMany: true,
  });
  const modelSubscription = model.onDidChange(() => changed.fire(undefined));

  /** The filter and sort order in the view's description, and a context key for the "Clear Filter" button. */
  const showArrangement = () => {
    const text = arrangementText(model.filter, model.sort);
    view.description = text.description;
    view.message = text.message;
    void vscode.commands.executeCommand('setContext', 'elasticRemoteClusters.viewFiltered', Boolean(model.filter));
  };

  const setFilter = async (argument?: unknown): Promise<string> => {
    const text =
      typeof argument === 'string'
        ? argument
        : await vscode.window.showInputBox({
            title: 'Filter the Remote Clusters view',
            prompt: 'Show only remote clusters, deployments and keys whose name or details contain this text (empty: show all)',
            value: model.filter,
          });
    if (text === undefined) return model.filter;
    model.setFilter(text);
    showArrangement();
    return model.filter;
  };

  const setSort = async (argument?: unknown): Promise<SortOrder> => {
    const order =
      argument === 'name' || argument === 'status'
        ? argument
        : (
            await vscode.window.showQuickPick(
              [
                { label: 'By name', description: 'alphabetical', order: 'name' as const },
                {
                  label: 'By status',
                  description: 'problems first: disconnected, unhealthy, expiring',
                  order: 'status' as const,
                },
              ],
              { title: 'Sort the Remote Clusters view' },
            )
          )?.order;
    if (order) model.setSort(order);
    showArrangement();
    return model.sort;
  };

  /** The node a command acts on: its argument, else the selection, else a pick among loaded nodes. */
  const targetNode = async (
    argument: unknown,
    wanted: (node: TreeNode) => boolean,
    placeHolder: string,
  ): Promise<TreeNode | undefined> => {
    if (isTreeNode(argument)) return wanted(argument) ? argument : undefined;
    const selected = view.selection.find(wanted);
    if (selected) return selected;
    const candidates = model.loadedNodes().filter(wanted);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(
        'Nothing suitable is loaded in the Remote Clusters view yet. Open the view and expand a connection first.',
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((node) => ({ label: node.label, description: node.description, node })),
      { placeHolder },
    );
    return picked?.node;
  };

  const copyClusterId = async (argument?: unknown): Promise<string | undefined> => {
    const node = await targetNode(argument, (candidate) => Boolean(candidate.clusterId), 'Copy the cluster ID of…');
    if (!node?.clusterId) return undefined;
    await vscode.env.clipboard.writeText(node.clusterId);
    void vscode.window.showInformationMessage(
      `Copied the Elasticsearch cluster ID ${node.clusterId}${node.kind === 'deployment' ? ` of "${node.label}"` : ''}.`,
    );
    return node.clusterId;
  };

  const openItemJson = async (argument?: unknown): Promise<vscode.TextDocument | undefined> => {
    const node = await targetNode(argument, (candidate) => candidate.json !== undefined, 'Open the JSON of…');
    if (node?.json === undefined) return undefined;
    // The JSON was masked when the node was built; the log's redactor also knows this session's secrets.
    const content = log.redactor.scrub(JSON.stringify(node.json, null, 2));
    return documents.show(`${node.label}.json`, content, { preview: true });
  };

  const runItemAction = async (action: ItemAction, argument?: unknown, selection?: unknown): Promise<unknown> => {
    const { target, title } = ITEM_ACTIONS[action];
    try {
      return await vscode.commands.executeCommand(
        target,
        itemActionArgument(
          action,
          isTreeNode(argument) ? argument : undefined,
          Array.isArray(selection) ? selection.filter(isTreeNode) : [],
        ),
      );
    } catch (error) {
      // Commands report their own failures; this is for a target that is missing or broke.
      const message = errorText(error);
      log.error(`"${title}" from the Remote Clusters view failed: ${message}`);
      void vscode.window.showErrorMessage(`"${title}" could not run: ${message}`);
      return undefined;
    }
  };

  const autoRefresh = configuredAutoRefresh(model, view);

  context.subscriptions.push(
    view,
    changed,
    modelSubscription,
    autoRefresh,
    { dispose: () => model.dispose() },
    connections.store.onDidChange(() => model.connectionsChanged()),
    vscode.commands.registerCommand(COMMANDS.refreshRemoteClusters, (argument?: unknown) =>
      model.refresh(isTreeNode(argument) ? argument : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.copyClusterId, copyClusterId),
    vscode.commands.registerCommand(COMMANDS.filterRemoteClusters, setFilter),
    vscode.commands.registerCommand(COMMANDS.clearRemoteClustersFilter, () => setFilter('')),
    vscode.commands.registerCommand(COMMANDS.sortRemoteClusters, setSort),
    vscode.commands.registerCommand(COMMANDS.viewLoadMore, (argument?: unknown) => {
      if (isTreeNode(argument)) model.showMore(argument);
    }),
    vscode.commands.registerCommand(COMMANDS.openItemJson, openItemJson),
    ...(Object.keys(ITEM_ACTIONS) as ItemAction[]).map((action) =>
      vscode.commands.registerCommand(ITEM_ACTIONS[action].command, (argument?: unknown, selection?: unknown) =>
        runItemAction(action, argument, selection),
      ),
    ),
  );

  return {
    async children(node) {
      model.children(node);
      await model.settled();
      return model.children(node);
    },
    treeItem: toTreeItem,
    arrangement: () => ({ description: view.description, message: view.message }),
  };
}

/** Re-arms the timed refresh whenever its setting changes. */
function configuredAutoRefresh(model: RemoteClustersTreeModel, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  const arm = () =>
    startAutoRefresh(
      vscode.workspace.getConfiguration(SECTION).get<number>(REFRESH_INTERVAL_SETTING, 0),
      model,
      () => view.visible,
    );
  let current = arm();
  const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${SECTION}.${REFRESH_INTERVAL_SETTING}`)) return;
    current.dispose();
    current = arm();
  });
  return {
    dispose() {
      current.dispose();
      subscription.dispose();
    },
  };
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

function toTreeItem(node: TreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
  item.id = node.key;
  item.description = node.description;
  // Not trusted: names in it come from the APIs (and are escaped); theme icons are allowed.
  const tooltip = new vscode.MarkdownString(node.tooltip, true);
  tooltip.isTrusted = false;
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  item.contextValue = node.contextValue;
  if (node.kind === 'error') item.command = { command: COMMANDS.refreshRemoteClusters, title: 'Try Again', arguments: [node] };
  if (node.kind === 'loadMore') item.command = { command: COMMANDS.viewLoadMore, title: 'Load More', arguments: [node] };
  if (node.contextValue === 'settingsProblems') {
    item.command = { command: 'workbench.action.openSettingsJson', title: 'Open Settings (JSON)' };
  }
  return item;
}

function isTreeNode(value: unknown): value is TreeNode {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    typeof (value as TreeNode).key === 'string' &&
    typeof (value as TreeNode).kind === 'string' &&
    typeof (value as TreeNode).ownerKey === 'string'
  );
}
