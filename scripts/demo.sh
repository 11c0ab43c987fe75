#!/usr/bin/env bash
# make demo: a fresh MPS server on its embedded default (SQLCipher + local spool), a demo user,
# a simulated MFP (ippeveprinter) registered as a printer, and, where a display exists, the kiosk
# (windowed, with libfprint's virtual fingerprint sensor) and the tray client, both pinned to the
# server's certificate. As root also the desktop print and fax queues in a cupsd of the demo's own
# and a fax line (two HylaFAX+ instances joined by iaxmodem software modems: scripts/demo-fax.sh).
# Prints what to use; Ctrl-C stops all.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
demo=$root/.demo
port=${MPS_DEMO_PORT:-8631}
mfp_port=${MPS_DEMO_MFP_PORT:-8632}
rm -rf "$demo"
mkdir -p "$demo"
chmod 700 "$demo"
pids=()
capture_dir=""
sudo_capture=()
fax_dir=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$fax_dir" ]; then
    "${sudo_capture[@]}" "$root/scripts/demo-fax.sh" stop "$fax_dir" || true
    "${sudo_capture[@]}" rm -rf "$fax_dir" || true
  fi
  if [ -n "$capture_dir" ]; then
    "${sudo_capture[@]}" "$root/scripts/demo-capture.sh" stop "$capture_dir" || true
    "${sudo_capture[@]}" rm -rf "$capture_dir" || true
  fi
  [ -f "$demo/dbus.pid" ] && kill "$(cat "$demo/dbus.pid")" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# A small fleet for the Devices window (docs/devices.md), each printer with its supplies at its own level:
# three simulated MFPs (ippeveprinter; it needs a D-Bus for Avahi even with -r off: a private one) and
# 2F-Lobby, an older printer that speaks SNMP only (snmpd playing its Printer MIB, as
# tests/fixtures/snmp.py does). 3F-East takes the kiosk's jobs.
dbus-daemon --session --address="unix:path=$demo/dbus.sock" --fork --print-pid > "$demo/dbus.pid"
mfp() { # NAME PORT MODEL [ippeveprinter options...]
  local name=$1 p=$2 model=$3; shift 3
  mkdir -p "$demo/$name-spool" "$demo/$name-ssl"
  DBUS_SYSTEM_BUS_ADDRESS="unix:path=$demo/dbus.sock" ippeveprinter -k -d "$demo/$name-spool" -K "$demo/$name-ssl" \
    -p "$p" -n localhost -r off -f application/pdf,image/pwg-raster,image/urf,image/jpeg \
    -M Acme -m "$model" "$@" "$name" > "$demo/$name.log" 2>&1 &
  pids+=($!)
}
mfp 3F-East "$mfp_port" "MFP 9000" -l "3F East"
mfp 3F-West "$((mfp_port + 1))" "MFP 9000" -l "3F West"
mfp 5F-Color "$((mfp_port + 2))" "Color MFP 5500" -l "5F by the lifts" -s 30,20 # a colour speed: CMYK supplies
snmp_port=$((mfp_port + 3))
fleet_snmp=""
if command -v snmpd > /dev/null; then
  mkdir -p "$demo/snmpd"
  s=1.3.6.1.2.1.43.11.1.1
  {
    echo "agentAddress udp:127.0.0.1:$snmp_port"
    echo "rocommunity public 127.0.0.1"
    echo "override -rw 1.3.6.1.2.1.25.3.5.1.1.1 integer 3"          # hrPrinterStatus idle
    echo "override -rw 1.3.6.1.2.1.25.3.5.1.2.1 octet_str \"\""  # no error bits (empty, not "\x00")
    echo "override -rw 1.3.6.1.2.1.43.10.2.1.4.1.1 unsigned 48210"  # prtMarkerLifeCount
    i=0
    for supply in "Black Toner Cartridge TN-2420:3:34:black" "Drum Unit DR-2400:9:81:"; do
      IFS=: read -r description kind level colorant <<< "$supply"
      i=$((i + 1))
      echo "override -rw $s.3.1.$i integer $([ -n "$colorant" ] && echo $i || echo 0)"
      echo "override -rw $s.4.1.$i integer 3"
      echo "override -rw $s.5.1.$i integer $kind"
      echo "override -rw $s.6.1.$i octet_str \"$description\""
      echo "override -rw $s.7.1.$i integer 19"
      echo "override -rw $s.8.1.$i integer 100"
      echo "override -rw $s.9.1.$i integer $level"
      [ -n "$colorant" ] && echo "override -rw 1.3.6.1.2.1.43.12.1.1.4.1.$i octet_str \"$colorant\""
    done
  } > "$demo/snmpd/snmpd.conf"
  SNMP_PERSISTENT_DIR="$demo/snmpd" MIBS="" MIBDIRS="" snmpd -f -Lf "$demo/snmpd/snmpd.log" -C \
    -c "$demo/snmpd/snmpd.conf" -I -hr_print,hr_device -p "$demo/snmpd/snmpd.pid" > /dev/null 2>&1 &
  pids+=($!)
  fleet_snmp="127.0.0.1:$snmp_port"
fi
# Supply levels as a person refilling them would set them (each MFP's /supplies page; a mono one has
# supply0 the waste tank, supply1 black; a colour one then cyan, magenta, yellow). Every supply is
# given: a supply left out of the query disappears from the printer's answer.
supplies() { # PORT QUERY
  for _ in $(seq 50); do curl -sf "http://localhost:$1/supplies?$2" > /dev/null && return; sleep 0.1; done
  echo "demo: the simulated MFP on port $1 did not start" >&2
}
supplies "$mfp_port" "supply0=20&supply1=62"
supplies "$((mfp_port + 1))" "supply0=55&supply1=9"
supplies "$((mfp_port + 2))" "supply0=40&supply1=48&supply2=12&supply3=71&supply4=5"

password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 12)
admin() { "$build/server/mps-admin" --data "$demo/data" "$@" > /dev/null; }
# A small city hall (scripts/demo-usage.py): departments, their staff and MFPs. Everyone signs in with
# the same demo password; kim (head of 재무과) also has PIN 1234 and card 04A1B2C3.
while IFS=$'\t' read -r what a b c; do
  case $what in
    department) admin department add "$a" --name "$b" ${c:+--parent "$c"} ;;
    user)
      extra=(); [ "$a" = kim ] && extra=(--card 04A1B2C3 --pin-stdin)
      admin user add "$a" --department "$b" --role "$c" --email "$a@example.org" --password-stdin "${extra[@]}" \
        <<< "$password${extra:+
1234}"
      [ "$c" = dept-head ] && admin department set-head "$b" "$a" ;;
    printer)
      # The fleet above; the model and serial as the Devices window shows them.
      case $a in
        3F-East) device=(--uri "ipp://localhost:$mfp_port/ipp/print" --model "Acme MFP 9000" --serial ACM9-31001) ;;
        3F-West) device=(--uri "ipp://localhost:$((mfp_port + 1))/ipp/print" --model "Acme MFP 9000" --serial ACM9-31002) ;;
        5F-Color) device=(--uri "ipp://localhost:$((mfp_port + 2))/ipp/print" --model "Acme Color MFP 5500"
                          --serial ACC5-50107) ;;
        *) device=(--uri "ipp://localhost:9/ipp/print" --model "Brother HL-L2360" --serial E73158K4N210)
           [ -n "$fleet_snmp" ] && device+=(--protocol snmp --snmp "$fleet_snmp") ;;
      esac
      admin printer add "$a" "${device[@]}" --location "$b" --department "$c" ;;
  esac
done < <(python3 "$root/scripts/demo-usage.py" org)
# The print admin: the tray client shows them the Devices window and device alerts.
admin user add printadmin --department GEN --role admin --email printadmin@example.org --password-stdin <<< "$password"
# Six months of plausible usage so that the Usage window's charts show something, a colour A3 MFP
# that costs more, and quotas: kim's own (soft) and 재무과's (hard).
python3 "$root/scripts/demo-usage.py" ledger 6 "$(date -Iseconds)" > "$demo/usage.csv"
admin rate set --printer 5F-Color --from 2000-01-01 a4-color-simplex=120 a4-color-duplex=110 a3-color-simplex=240 \
  a3-color-duplex=220
admin usage import "$demo/usage.csv"
admin quota set --department FIN --limit 60000 --policy hard
admin quota set --user kim --limit 12000 --policy soft
kiosk_token=$("$build/server/mps-admin" --data "$demo/data" kiosk add kiosk-3F-East --printer 3F-East \
  | sed -n 's/.*: //p' | tail -1)
echo "$kiosk_token" > "$demo/kiosk.token"
chmod 600 "$demo/kiosk.token"

# PC-fax (docs/fax.md): a fax line of the demo's own (scripts/demo-fax.sh): HylaFAX+ "gateway" the
# server sends through and receives from (hook mps-fax-received with a gateway token), and a
# "remote" fax machine. kim's DID is 3101; sub-address 77 goes to 재무과's (FIN) shared mailbox.
# iaxmodem and HylaFAX's daemons run as root: as root directly, else through sudo without a password.
fax="Fax           not available in this demo: the simulated fax line needs root (iaxmodem, faxq and
                faxgetty run as root). Run make demo as root to send and receive faxes; the tray
                client's fax windows still open, and sending answers that fax is not set up."
fax_args=()
fax_hook="$build/installer/mps-fax-received"
if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
  [ "$(id -u)" -eq 0 ] || sudo_capture=(sudo -n)
  if [ ! -x "$fax_hook" ]; then
    fax="Fax           not available: $fax_hook is not built"
  else
    "$build/server/mps-admin" --data "$demo/data" fax gateway-token demo-gateway > "$demo/fax-token.out"
    # The token is the last word mps-admin prints.
    awk 'NF { last = $NF } END { print last }' "$demo/fax-token.out" > "$demo/fax.token"
    rm -f "$demo/fax-token.out"
    chmod 600 "$demo/fax.token"
    admin fax route add did 3101 --user kim
    admin fax route add subaddress 77 --department FIN
    # A directory lp and uucp can traverse, without '_' (HylaFAX turns '_' into '/').
    fax_dir=$(mktemp -d /tmp/mps-demo-fax.XXXXXXXX)
    while case "$fax_dir" in *_*) true ;; *) false ;; esac; do
      rmdir "$fax_dir"; fax_dir=$(mktemp -d /tmp/mps-demo-fax.XXXXXXXX)
    done
    chmod 755 "$fax_dir"
    if "${sudo_capture[@]}" "$root/scripts/demo-fax.sh" start "$fax_dir" "$fax_hook" "http://127.0.0.1:$port" \
        "$demo/fax.token" > "$demo/fax.log" 2>&1; then
      read -r -a fax_args < "$fax_dir/server-args"
      fax="Fax line      simulated (HylaFAX+ and iaxmodem on loopback; logs $fax_dir/loop)
                send: sign in to the tray client as kim, then print to MPS Fax (above) or use
                \"Send fax...\" in its menu; any number (e.g. 02-555-0200) rings the simulated remote
                fax machine, which keeps what it receives in $fax_dir/loop/remote/recvq (~45 s a page)
                receive: $fax_dir/remote-send 3101       kim's DID: kim's fax inbox, with a notification
                         $fax_dir/remote-send 3101#77    sub-address 77: 재무과's shared mailbox"
    else
      fax="Fax line could not be set up: $demo/fax.log"
      "${sudo_capture[@]}" rm -rf "$fax_dir" || true
      fax_dir=""
    fi
  fi
fi

# The monitor polls every 15 s in the demo (60 s by default), so a level changed on a /supplies page shows soon.
printf '[devices]\npoll-seconds = 15\n' > "$demo/server.conf"
"$build/server/mps-server" --config "$demo/server.conf" --data "$demo/data" --listen "127.0.0.1:$port" \
  --allow-plain-http "${fax_args[@]}" \
  > "$demo/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" > /dev/null || { cat "$demo/server.log"; exit 1; }

fingerprint=$(sed -n 's/.*SHA-256 fingerprint //p' "$demo/server.log" | head -1)
for _ in $(seq 50); do [ -n "$fingerprint" ] && break; sleep 0.1
  fingerprint=$(sed -n 's/.*SHA-256 fingerprint //p' "$demo/server.log" | head -1); done

# A print job waiting for kim, so that the kiosk has something to show.
curl -sf "http://127.0.0.1:$port/api/v1/session" -H 'Content-Type: application/json' \
  -d "{\"username\":\"kim\",\"password\":\"$password\"}" > "$demo/session.json"
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$demo/session.json")
curl -sf "http://127.0.0.1:$port/api/v1/jobs?name=Welcome%20to%20MPS.pdf" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/pdf' --data-binary @/usr/share/cups/data/default-testpage.pdf > /dev/null
rm -f "$demo/session.json"

# Desktop capture in the demo's OWN cupsd (never the system's): the "MPS Secure Print" queue and the
# mps backend (scripts/demo-capture.sh, the same set-up test_demo_capture.py runs). cupsd must run
# the backend as root: as root directly, else through sudo when it needs no password.
capture="Desktop print not set up: it needs root for the demo's own cupsd (run make demo as root, or
                allow sudo). To use the system's CUPS instead: sudo installer/mps-queue-setup.sh install"
client_env=()
if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
  [ "$(id -u)" -eq 0 ] || sudo_capture=(sudo -n)
  # Filters run as lp and reach the socket and spool here: a traversable directory outside .demo.
  capture_dir=$(mktemp -d "${TMPDIR:-/tmp}/mps-demo-cups.XXXXXX")
  chmod 755 "$capture_dir"
  if "${sudo_capture[@]}" "$root/scripts/demo-capture.sh" start "$capture_dir" "$build/installer/backend/mps" \
      > "$demo/capture.log" 2>&1; then
    client_env=(env "MPS_OUTBOX_BASE=$capture_dir/outbox")
    capture="Desktop print from this desktop through the demo's own CUPS and the tray client:
                $(cat "$capture_dir/try-command")
                (applications started with CUPS_SERVER=$capture_dir/cups.sock show \"MPS Secure Print\";
                the job appears held for you in the tray client and at the kiosk; logs $capture_dir/log)
  Desktop fax   $(cat "$capture_dir/try-fax-command")
                (the \"MPS Fax\" queue: the tray client opens its fax dialog on the document)"
  else
    capture="Desktop print could not be set up: $demo/capture.log"
  fi
fi

apps="(no display: start the apps yourself, see docs/kiosk.md and docs/client.md)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # The kiosk in a window, its fingerprint sensor libfprint's virtual one (touch it as shown below),
  # its scanner SANE's test backend alone ("Scan to my e-mail"; without a [mail] relay the server
  # answers that mail is not set up, and the kiosk says so).
  mkdir -p "$demo/sane" && echo test > "$demo/sane/dll.conf"
  SANE_CONFIG_DIR="$demo/sane" FP_VIRTUAL_DEVICE_STORAGE="$demo/fingerprint.sock" "$build/kiosk/mps-kiosk" \
    --config /nonexistent --server "https://localhost:$port" --certificate-sha256 "$fingerprint" \
    --device-token-file "$demo/kiosk.token" --size 1024x600 --no-card-reader --scanner test \
    > "$demo/kiosk.log" 2>&1 &
  pids+=($!)
  printf '[server]\nurl=https://localhost:%s\ncertificateSha256=%s\n' "$port" "$fingerprint" > "$demo/client.ini"
  # With the demo's capture queue, the tray client reads the outbox that queue's backend writes.
  "${client_env[@]}" "$build/client/mps-client" --settings "$demo/client.ini" > "$demo/client.log" 2>&1 &
  pids+=($!)
  apps="Kiosk (1024x600 window) and tray client are running (logs: $demo/kiosk.log, $demo/client.log).
  At the kiosk  sign in with ID kim and PIN 1234, or type 0077705923 and Enter (a keyboard-wedge
                reader reading kim's card). Register a fingerprint there (\"Register fingerprint\",
                then touch 5 times), sign out, and touch the sensor to see kim's jobs:
                scripts/touch-fingerprint.py $demo/fingerprint.sock kim-finger [TIMES]
  Desktop       sign in to the tray client as kim: what this desktop prints to MPS Secure Print
                becomes a held job for whoever is signed in there (docs/capture.md)"
fi

cat <<MSG

MPS demo is running.
  Server        https://localhost:$port/   (TLS, self-signed; plain http on loopback for the demo)
  Print to it   ipps://kim:$password@localhost:$port/ipp/print
                e.g. ipptool -tf /usr/share/cups/data/default-testpage.pdf ipps://kim:$password@localhost:$port/ipp/print print-job.test
  REST API      curl -sk https://localhost:$port/api/v1/session -d '{"username":"kim","password":"$password"}'
  User          kim / $password   (PIN 1234, card 04A1B2C3, head of 재무과 FIN); every demo user
                (park, lee, yoon, oh, ...: scripts/demo-usage.py) has the same password
  Usage         6 months of history; the tray client's "Usage" window, or
                $build/server/mps-admin --data $demo/data report usage --by department
  Fleet         3F-East  ipp://localhost:$mfp_port/ipp/print   (received files in $demo/3F-East-spool)
                3F-West  ipp://localhost:$((mfp_port + 1))/ipp/print   (black toner low)
                5F-Color ipp://localhost:$((mfp_port + 2))/ipp/print   (yellow and cyan low)
                2F-Lobby ${fleet_snmp:-not simulated (snmpd is missing)}   (SNMP only)
                Devices window: sign in to the tray client as printadmin (same password). Change a level at
                http://localhost:$mfp_port/supplies (give every supply); the window follows in 15 s
  Kiosk token   in $demo/kiosk.token (kiosk-3F-East)
  Certificate   SHA-256 $fingerprint
  Logs          $demo/server.log, $demo/3F-East.log
  $capture
  $fax
$apps
Press Ctrl-C to stop.
MSG
wait "${pids[1]}"
