#!/usr/bin/env bash
# make demo: a fresh MPS server on its embedded default (SQLCipher + local spool), a demo user,
# and a simulated MFP (ippeveprinter) registered as a printer. Prints what to use; Ctrl-C stops all.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
demo=$root/.demo
port=${MPS_DEMO_PORT:-8631}
mfp_port=${MPS_DEMO_MFP_PORT:-8632}
rm -rf "$demo"
mkdir -p "$demo/mfp-spool" "$demo/mfp-ssl"
chmod 700 "$demo"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$demo/dbus.pid" ] && kill "$(cat "$demo/dbus.pid")" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# The simulated MFP: ippeveprinter needs a D-Bus for Avahi even with -r off; give it a private one.
dbus-daemon --session --address="unix:path=$demo/dbus.sock" --fork --print-pid > "$demo/dbus.pid"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$demo/dbus.sock" ippeveprinter -k -d "$demo/mfp-spool" -K "$demo/mfp-ssl" \
  -p "$mfp_port" -n localhost -r off -f application/pdf,image/pwg-raster,image/urf,image/jpeg \
  -M Acme -m "MFP 9000" -l "3F East" "3F-East" > "$demo/mfp.log" 2>&1 &
pids+=($!)

password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 12)
"$build/server/mps-admin" --data "$demo/data" user add kim --department Finance --role dept-head \
  --email kim@example.org --card 04A1B2C3 --password-stdin --pin-stdin <<< "$password
1234" > /dev/null
"$build/server/mps-admin" --data "$demo/data" printer add 3F-East \
  --uri "ipp://localhost:$mfp_port/ipp/print" --location "3rd floor, east wing" > /dev/null
kiosk_token=$("$build/server/mps-admin" --data "$demo/data" kiosk add kiosk-3F-East --printer 3F-East \
  | sed -n 's/.*: //p' | tail -1)
echo "$kiosk_token" > "$demo/kiosk.token"
chmod 600 "$demo/kiosk.token"

"$build/server/mps-server" --data "$demo/data" --listen "127.0.0.1:$port" --allow-plain-http \
  > "$demo/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$demo/server.log"; exit 1; }

cat <<MSG

MPS demo is running.
  Server        https://localhost:$port/   (TLS, self-signed; plain http on loopback for the demo)
  Print to it   ipps://kim:$password@localhost:$port/ipp/print
                e.g. ipptool -tf /usr/share/cups/data/default-testpage.pdf ipps://kim:$password@localhost:$port/ipp/print print-job.test
  REST API      curl -sk https://localhost:$port/api/v1/session -d '{"username":"kim","password":"$password"}'
  User          kim / $password   (PIN 1234, card 04A1B2C3, department Finance)
  Simulated MFP 3F-East  ipp://localhost:$mfp_port/ipp/print   (received files in $demo/mfp-spool)
  Kiosk token   in $demo/kiosk.token (kiosk-3F-East)
  Logs          $demo/server.log, $demo/mfp.log
Press Ctrl-C to stop.
MSG
wait "${pids[1]}"
