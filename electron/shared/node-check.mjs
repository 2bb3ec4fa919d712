// Runs before every tool that loads better-sqlite3: on a Node outside package.json's engines the
// addon crashes the process without a word (Node 20 segfaults), so say which Node is needed.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import semver from 'semver';

const { engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
if (!semver.satisfies(process.versions.node, engines.node)) {
  process.stderr.write(
    `Microblog's tools need Node.js ${engines.node}; this is Node ${process.versions.node}. ` +
      'On a machine whose own Node is older, run `source .ci/node.sh` first (it fetches the Node in .node-version).\n',
  );
  process.exit(1);
}
