// Loaded with `node --import=<this file>` (through NODE_OPTIONS) to prove the CLI makes no network
// connection: every way Node has to open one records the attempt in the file named by
// NO_NETWORK_LOG, then throws.
import {appendFileSync} from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import {syncBuiltinESMExports} from 'node:module';
import net from 'node:net';
import process from 'node:process';
import tls from 'node:tls';

const log = process.env.NO_NETWORK_LOG;

function blocked(name) {
	return function () {
		if (log) {
			appendFileSync(log, `${name}\n`);
		}

		throw new Error(`privacy-wizard tests: network access attempted (${name})`);
	};
}

net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
net.Socket.prototype.connect = blocked('net.Socket#connect');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
dns.promises.lookup = blocked('dns.promises.lookup');
dns.promises.resolve = blocked('dns.promises.resolve');
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
globalThis.fetch = blocked('fetch');
// Named ESM imports (`import {connect} from 'node:net'`) see the replacements too.
syncBuiltinESMExports();
