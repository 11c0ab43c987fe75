#!/bin/sh
# The demo's own CUPS with the "MPS Secure Print" and "MPS Fax" capture queues (docs/capture.md,
# docs/fax.md), so that printing from any application of this desktop to MPS-Secure-Print becomes a
# held job on the demo server, and to MPS-Fax a fax draft the tray client opens its fax dialog on,
# without touching the system's CUPS. Used by scripts/demo.sh and by
# tests/integration/test_demo_capture.py (the same commands, headless).
#
#   demo-capture.sh start DIR BACKEND   a cupsd under DIR (domain socket DIR/cups.sock, spool, logs),
#                                       the backend BACKEND and the queue installed by
#                                       installer/mps-queue-setup.sh, the outbox spool DIR/outbox
#   demo-capture.sh stop DIR            stops that cupsd (by its pid file)
#
# After start, DIR/env holds the two variables the desktop side needs:
#   CUPS_SERVER=DIR/cups.sock        for lp and for applications' print dialogs
#   MPS_OUTBOX_BASE=DIR/outbox       for the tray client (mps-client), where the backend writes
# and DIR/try-command the one command that prints a test page to the queue (make demo shows it),
# DIR/try-fax-command the same for the fax queue.
# Needs root: cupsd runs the backend as root, which drops to the printing user (docs/capture.md).
set -eu

die() { echo "demo-capture: $*" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 2 ] || die "usage: demo-capture.sh start DIR BACKEND | stop DIR"
action=$1
dir=$2

case "$action" in
start)
  [ $# -ge 3 ] || die "usage: demo-capture.sh start DIR BACKEND"
  backend=$3
  [ "$(id -u)" -eq 0 ] || die "needs root (cupsd runs the capture backend as root)"
  [ -x "$backend" ] || die "$backend is not built"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # Filters run as lp and people print through the socket here: the directory must be traversable.
  chmod 755 "$dir"
  for sub in spool tmp cache state log ssl ppd outbox; do mkdir -p "$dir/$sub"; done
  chmod 1777 "$dir/tmp"
  # A private copy of the CUPS filters and backends with the mps backend added to it.
  rm -rf "$dir/serverbin"
  cp -a /usr/lib/cups "$dir/serverbin"
  cat > "$dir/cups-files.conf" <<EOF
ServerRoot $dir
RequestRoot $dir/spool
TempDir $dir/tmp
CacheDir $dir/cache
StateDir $dir/state
DataDir /usr/share/cups
ServerBin $dir/serverbin
ServerKeychain $dir/ssl
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
User lp
Group lp
SystemGroup root
SetEnv MPS_OUTBOX_BASE $dir/outbox
EOF
  # Like a desktop's cupsd: local domain socket only (the sender's uid is its identity, PeerCred),
  # Basic as the default authentication, Debian's default policy (the mps policy is added below).
  cat > "$dir/cupsd.conf" <<EOF
LogLevel info
MaxLogSize 0
Listen $dir/cups.sock
Browsing No
WebInterface No
DefaultAuthType Basic
<Location />
  Order allow,deny
  Allow from localhost
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit Create-Job Print-Job Print-URI Validate-Job>
    Order deny,allow
  </Limit>
  <Limit Send-Document Send-URI Hold-Job Release-Job Restart-Job Purge-Jobs Set-Job-Attributes Create-Job-Subscription Renew-Subscription Cancel-Subscription Get-Notifications Reprocess-Job Cancel-Current-Job Suspend-Current-Job Resume-Job Cancel-My-Jobs Close-Job CUPS-Move-Job CUPS-Get-Document>
    Require user @OWNER @SYSTEM
    Order deny,allow
  </Limit>
  <Limit CUPS-Add-Modify-Printer CUPS-Delete-Printer CUPS-Add-Modify-Class CUPS-Delete-Class CUPS-Set-Default CUPS-Get-Devices>
    AuthType Default
    Require user @SYSTEM
    Order deny,allow
  </Limit>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
  if [ -f "$dir/cupsd.pid" ] && kill -0 "$(cat "$dir/cupsd.pid")" 2>/dev/null; then
    kill "$(cat "$dir/cupsd.pid")"
  fi
  rm -f "$dir/cups.sock"
  cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" > "$dir/log/cupsd.out" 2>&1 &
  echo $! > "$dir/cupsd.pid"
  export CUPS_SERVER="$dir/cups.sock"
  i=0
  until lpstat -r 2>/dev/null | grep -q "is running"; do
    i=$((i + 1))
    [ $i -lt 100 ] || { cat "$dir/log/cupsd.out" "$dir/log/error_log" >&2 2>/dev/null; die "cupsd did not start"; }
    sleep 0.1
  done
  sh "$root/installer/mps-queue-setup.sh" install --backend "$backend" --serverbin "$dir/serverbin" \
    --cupsd-conf "$dir/cupsd.conf" --reload "kill -HUP $(cat "$dir/cupsd.pid")" --outbox "$dir/outbox" \
    --default > "$dir/log/queue-setup.log" 2>&1 \
    || { cat "$dir/log/queue-setup.log" >&2; die "the capture queue could not be installed"; }
  printf 'CUPS_SERVER=%s\nMPS_OUTBOX_BASE=%s\n' "$dir/cups.sock" "$dir/outbox" > "$dir/env"
  echo "CUPS_SERVER=$dir/cups.sock lp -d MPS-Secure-Print /usr/share/cups/data/default-testpage.pdf" \
    > "$dir/try-command"
  echo "CUPS_SERVER=$dir/cups.sock lp -d MPS-Fax /usr/share/cups/data/default-testpage.pdf" \
    > "$dir/try-fax-command"
  ;;
stop)
  [ -f "$dir/cupsd.pid" ] || exit 0
  pid=$(cat "$dir/cupsd.pid")
  kill "$pid" 2>/dev/null || true
  rm -f "$dir/cupsd.pid"
  ;;
*) die "unknown action $action (start or stop)" ;;
esac
