#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring providing the Secret
# Service, as QtKeychain needs on Linux (shared/peers.md). The keyring lives in a throwaway directory.
# usage: tests/run-with-keyring.sh COMMAND [ARGS...]
set -eu
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/mps-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT INT TERM
export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" XDG_CACHE_HOME="$keyring_home/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
dbus-run-session -- sh -c '
  printf %s mps-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"
' sh "$@"
