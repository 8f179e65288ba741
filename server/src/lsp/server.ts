/** The language server's main: serves `startServer` over stdio (or the transport given on the command line). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CONNECTION_OPTIONS, startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all, CONNECTION_OPTIONS));
