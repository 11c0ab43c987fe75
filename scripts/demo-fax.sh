#!/bin/sh
# The demo's fax line (docs/fax.md): the fax loop of tests/fixtures/hylafax.py, two HylaFAX+
# instances joined by two iaxmodem software modems on loopback. The "gateway" instance is the one
# the demo's mps-server sends through (hfaxd) and whose faxgetty hands every received fax to the
# server with the hook mps-fax-received; the "remote" instance is the fax machine outside. Used by
# scripts/demo.sh.
#
#   demo-fax.sh start DIR HOOK SERVER_URL TOKEN_FILE
#       DIR         a new directory for the loop (no '_' in its path: HylaFAX turns '_' into '/')
#       HOOK        the built mps-fax-received
#       SERVER_URL  where the hook delivers received faxes (the demo server)
#       TOKEN_FILE  a gateway token from `mps-admin fax gateway-token NAME`
#     runs the loop in the background and writes
#       DIR/loop.json          the loop's ports, numbers and spool directories
#       DIR/server-args        the mps-server options that point [fax] at the gateway's hfaxd
#       DIR/remote-send        a command that makes the remote fax a page: remote-send NUMBER[#SUB] [FILE]
#   demo-fax.sh stop DIR    stops the loop (by its pid file)
#
# Needs root: iaxmodem, faxq and faxgetty run as root (faxgetty runs the hook as uucp).
set -eu

die() { echo "demo-fax: $*" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 2 ] || die "usage: demo-fax.sh start DIR HOOK SERVER_URL TOKEN_FILE | stop DIR"
action=$1
dir=$2

case "$action" in
start)
  [ $# -ge 5 ] || die "usage: demo-fax.sh start DIR HOOK SERVER_URL TOKEN_FILE"
  hook=$3
  server_url=$4
  token_file=$5
  [ "$(id -u)" -eq 0 ] || die "needs root (iaxmodem, faxq and faxgetty run as root)"
  for tool in iaxmodem faxq hfaxd faxgetty sendfax; do
    command -v "$tool" > /dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] ||
      die "$tool is missing: install hylafax-server, hylafax-client and iaxmodem (installer/debian-packages.txt)"
  done
  [ -x "$hook" ] || die "$hook is not built"
  [ -s "$token_file" ] || die "no gateway token in $token_file"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  case "$dir" in *_*) die "$dir: HylaFAX paths must not contain '_'" ;; esac
  chmod 755 "$dir"
  # The hook runs as uucp: its configuration, token and pending directory must be uucp's.
  mkdir -p "$dir/hook/pending"
  install -m 0600 "$token_file" "$dir/hook/token"
  cat > "$dir/hook/fax-gateway.conf" <<EOF
server = $server_url
gateway = demo-gateway
token-file = $dir/hook/token
pending-dir = $dir/hook/pending
EOF
  chown -R uucp:uucp "$dir/hook"
  chmod 0755 "$dir/hook"
  chmod 0700 "$dir/hook/pending"

  if [ -f "$dir/loop.pid" ] && kill -0 "$(cat "$dir/loop.pid")" 2>/dev/null; then
    kill "$(cat "$dir/loop.pid")"
  fi
  rm -f "$dir/loop.json"
  PYTHONDONTWRITEBYTECODE=1 MPS_PEER_TMP="$dir" /usr/bin/python3 "$root/tests/fixtures/hylafax.py" loop \
    --dir "$dir/loop" --hook "$hook" --hook-env "MPS_FAX_GATEWAY_CONF=$dir/hook/fax-gateway.conf" \
    > "$dir/loop.json" 2> "$dir/loop.log" &
  echo $! > "$dir/loop.pid"
  i=0
  until [ -s "$dir/loop.json" ]; do
    i=$((i + 1))
    kill -0 "$(cat "$dir/loop.pid")" 2>/dev/null || { cat "$dir/loop.log" >&2; die "the fax loop did not start"; }
    [ $i -lt 900 ] || { cat "$dir/loop.log" >&2; die "the fax loop did not start in 90 s"; }
    sleep 0.1
  done
  field() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$dir/loop.json" "$1"; }
  gw_port=$(field gatewayPort)
  remote_port=$(field remotePort)
  echo "--fax-gateway hylafax --fax-host 127.0.0.1 --fax-port $gw_port --fax-user mps" > "$dir/server-args"
  cat > "$dir/remote-send" <<EOF
#!/bin/sh
# The remote fax machine sends FILE (default: CUPS's test page) to NUMBER (the digits arrive at the
# MPS gateway as the DID; NUMBER#SUB adds a T.30 sub-address). Runs as anyone; the call takes ~45 s.
[ \$# -ge 1 ] || { echo "usage: \$0 NUMBER[#SUBADDRESS] [FILE]" >&2; exit 2; }
FAXUSER=remote exec sendfax -n -h 127.0.0.1:$remote_port -d "\$1" "\${2:-/usr/share/cups/data/default-testpage.pdf}"
EOF
  chmod 755 "$dir/remote-send"
  ;;
stop)
  [ -f "$dir/loop.pid" ] || exit 0
  pid=$(cat "$dir/loop.pid")
  # The loop closes its daemons (faxq, hfaxd, faxgetty, iaxmodem) on SIGTERM.
  kill "$pid" 2>/dev/null || true
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
  rm -f "$dir/loop.pid"
  ;;
*) die "unknown action $action (start or stop)" ;;
esac
