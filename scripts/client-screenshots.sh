#!/usr/bin/env bash
# Screenshots of the tray client for docs/screenshots/, taken the way a person would see the app:
# a real mps-server (TLS, self-signed) with demo data and a simulated MFP (ippeveprinter), an X server
# (Xvfb) with a system tray host (trayer), a private D-Bus session with gnome-keyring for QtKeychain,
# and mps-client in its screenshot mode, once in Korean and once in English. Writes
# docs/screenshots/client-{signin,tray-menu,notification,notification-server-alert,myjobs,release}-{ko,en}.png and the Usage
# window of a department head (both tabs) and of a staff member at 1366x768 and 1920x1080:
# client-usage-{head,head-department,user}-<size>-{ko,en}.png. The organisation and a year of usage
# history come from scripts/demo-usage.py (several departments, quotas, printers of each department).
# The PC-fax windows (client-fax-{dialog,cover,sent,inbox}-<size>-{ko,en}.png, client-fax-coverpage-*)
# are grabbed on the same display by TestFaxDialog and TestFaxInbox over their fixtures (a real fax
# needs root and the modem loop); build those two tests first. The Devices window
# (client-devices{,-order}-{ko,en}.png) likewise by TestDevicesWindow over its fleet of demo printers.
#
# usage: scripts/client-screenshots.sh [BUILD_DIR]      (KEEP=1 keeps the work directory and logs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=$root/docs/screenshots
display=${MPS_SCREENSHOT_DISPLAY:-:99}
for tool in Xvfb trayer dbus-run-session gnome-keyring-daemon curl pdftoppm; do
  command -v "$tool" > /dev/null || { echo "client-screenshots: $tool is missing (installer/debian-packages.txt)" >&2; exit 1; }
done
if [ -e "/tmp/.X${display#:}-lock" ]; then
  echo "client-screenshots: display $display is in use; set MPS_SCREENSHOT_DISPLAY=:N" >&2
  exit 1
fi
[ -x "$build/client/mps-client" ] || { echo "client-screenshots: build mps-client first" >&2; exit 1; }
[ -f "$root/scripts/demo-usage.py" ] || { echo "client-screenshots: scripts/demo-usage.py (the demo organisation and usage history) is missing" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mps-client-shots.XXXXXX")
chmod 700 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  [ -f "$work/dbus.pid" ] && kill "$(cat "$work/dbus.pid")" 2> /dev/null || true
  wait 2> /dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "client-screenshots: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
urlencode() {
  /usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"
}

# The simulated MFP (3F-East, ready) needs a D-Bus for Avahi even with -r off: a private one.
mfp_port=$(free_port)
mkdir -p "$work/mfp-spool" "$work/mfp-ssl"
dbus-daemon --session --address="unix:path=$work/dbus.sock" --fork --print-pid > "$work/dbus.pid"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/dbus.sock" ippeveprinter -k -d "$work/mfp-spool" -K "$work/mfp-ssl" \
  -p "$mfp_port" -n localhost -r off -f application/pdf,image/pwg-raster,image/urf,image/jpeg \
  -M Acme -m "MFP 9000" "3F-East" > "$work/mfp.log" 2>&1 &
pids+=($!)

# Demo data: a city hall's departments, staff (kim heads 재무과, park works there) and MFPs of each
# department (3F-East is the simulated one, the others unreachable), quotas, a year of usage history,
# and documents held for kim.
password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 12)
admin() { "$build/server/mps-admin" --data "$work/data" "$@" > /dev/null; }
while IFS=$'\t' read -r kind name a b; do
  case $kind in
    department) admin department add "$name" --name "$a" ${b:+--parent "$b"} ;;
    user)
      admin user add "$name" --department "$a" --role "$b" --email "$name@example.org" --password-stdin <<< "$password"
      [ "$b" = dept-head ] && admin department set-head "$a" "$name" ;;
    printer)
      uri="ipp://127.0.0.1:9/ipp/print"
      [ "$name" = 3F-East ] && uri="ipp://localhost:$mfp_port/ipp/print"
      admin printer add "$name" --uri "$uri" --location "$a" --department "$b" ;;
  esac
done < <(/usr/bin/python3 "$root/scripts/demo-usage.py" org)
/usr/bin/python3 "$root/scripts/demo-usage.py" ledger 12 "$(date -Iseconds)" > "$work/ledger.csv"
# This month so far, whatever day it is: park printed colour handouts (close to the quota: an orange
# bar), kim the budget draft.
/usr/bin/python3 - >> "$work/ledger.csv" << 'EOF'
import datetime as dt
kst = dt.timezone(dt.timedelta(hours=9))
now = dt.datetime.now(kst) - dt.timedelta(minutes=5)
start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
at = lambda f: (start + (now - start) * f).isoformat(timespec="seconds")
for f, user, pages, copies, duplex, color in [(0.2, "park", 40, 2, 0, 1), (0.5, "park", 40, 2, 0, 1),
                                              (0.8, "park", 40, 2, 0, 1), (0.6, "kim", 60, 2, 1, 1)]:
    print(f"{at(f)},{user},3F-East,printed,{pages},{copies},{duplex},{color},a4")
EOF
admin usage import "$work/ledger.csv"
admin quota set --department FIN --limit 70000 --policy soft
admin quota set --department FIN-BUD --limit 20000 --policy hard
for u in choi jung; do admin quota set --user "$u" --limit 10000 --policy hard; done
admin quota set --user kim --limit 15000 --policy hard
admin quota set --user park --limit 30000 --policy soft
admin quota set --user lee --limit 8000 --policy soft
port=$(free_port)
"$build/server/mps-server" --data "$work/data" --listen "127.0.0.1:$port" > "$work/server.log" 2>&1 &
pids+=($!)
server=https://127.0.0.1:$port
for _ in $(seq 100); do curl -sfk "$server/healthz" > /dev/null && break; sleep 0.1; done
curl -sfk "$server/healthz" > /dev/null || { cat "$work/server.log" >&2; exit 1; }

token=$(curl -sfk "$server/api/v1/session" -d "{\"username\":\"kim\",\"password\":\"$password\"}" |
  /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
upload() { # FILE NAME TYPE [QUERY]
  curl -sfk -H "Authorization: Bearer $token" -H "Content-Type: $3" --data-binary "@$1" \
    "$server/api/v1/jobs?name=$(urlencode "$2")${4:-}" > /dev/null
}
pdftoppm -jpeg -r 50 -singlefile /usr/share/cups/data/form_english.pdf "$work/site-plan"
upload /usr/share/cups/data/default-testpage.pdf "회의록 2026-11-23.pdf" application/pdf "&copies=2"
upload "$work/site-plan.jpg" "site-plan.jpg" image/jpeg "&colorMode=monochrome"
upload /usr/share/cups/data/form_english.pdf "2027 budget request.pdf" application/pdf "&sides=two-sided-long-edge"
upload /usr/share/cups/data/standard.pdf "주간 업무 보고.pdf" application/pdf

# The desktop: an X server and a tray host.
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display
trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false \
  --tint 0x303030 --expand false > "$work/trayer.log" 2>&1 &
pids+=($!)
sleep 1

mkdir -p "$out"
status=0
# kim (a department head) for every screen; park (staff) for the Usage window only.
for lang in ko en; do
  for who in kim park; do
    run=$lang-$who
    runtime=$work/runtime-$run
    mkdir -p "$runtime" "$work/home-$run"
    chmod 700 "$runtime"
    only=
    [ "$who" = park ] && only=usage
    # A fresh settings file and keyring per run: the sign-in dialog shows the certificate as the first time.
    if ! env XDG_RUNTIME_DIR="$runtime" XDG_DATA_HOME="$work/home-$run/data" XDG_CONFIG_HOME="$work/home-$run/config" \
        QT_QPA_PLATFORM=xcb MPS_SCREENSHOT_SERVER="$server" MPS_SCREENSHOT_USER=$who MPS_SCREENSHOT_PASSWORD="$password" \
        MPS_SCREENSHOT_ONLY=$only \
        dbus-run-session -- sh -c 'printf %s screenshots | gnome-keyring-daemon --unlock --components=secrets > /dev/null
                                   exec "$@"' sh \
        "$build/client/mps-client" --lang "$lang" --settings "$work/settings-$run.conf" --screenshot-dir "$out" \
        > "$work/client-$run.log" 2>&1; then
      echo "client-screenshots: the $run run failed:" >&2
      cat "$work/client-$run.log" >&2
      status=1
    fi
  done
done
# The fax dialog, Sent faxes and the Fax inbox over fixtures, on the same X display.
for t in TestFaxDialog TestFaxInbox TestDevicesWindow; do
  if [ ! -x "$build/tests/$t" ]; then
    echo "client-screenshots: build $t for the fax screenshots" >&2
    status=1
    continue
  fi
  if ! QT_QPA_PLATFORM=xcb MPS_CLIENT_GRAB_DIR="$out" "$build/tests/$t" screenshots > "$work/$t.log" 2>&1; then
    echo "client-screenshots: the fax screenshots of $t failed:" >&2
    cat "$work/$t.log" >&2
    status=1
  fi
done
ls -1 "$out"/client-*.png
exit $status
