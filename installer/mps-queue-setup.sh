#!/bin/sh
# mps-queue-setup: create or remove the "MPS Secure Print" and "MPS Fax" CUPS queues on a desktop.
#
#   mps-queue-setup install [options]   backend, outbox spool, cupsd policy, both queues
#   mps-queue-setup remove  [options]   queues and policy (the outbox keeps waiting jobs; --purge drops it)
#   mps-queue-setup status  [options]
#
# Options (defaults are the installed system; tests point them at a throwaway cupsd):
#   --backend FILE        install FILE as <serverbin>/backend/mps (mode 0700 root: cupsd runs it as root)
#   --serverbin DIR       CUPS ServerBin (default: cups-config --serverbin, else /usr/lib/cups)
#   --cupsd-conf FILE     cupsd.conf to add the policy to (default /etc/cups/cupsd.conf)
#   --reload CMD          how to make cupsd read cupsd.conf again (default: systemctl restart cups)
#   --outbox DIR          outbox spool (default /var/spool/mps-outbox)
#   --ppd FILE            the queue's PPD (default: mps-secure-print.ppd next to this script or in
#                         /usr/share/mps/cups)
#   --queue NAME          queue name (default MPS-Secure-Print)
#   --fax-ppd FILE        the fax queue's PPD (default: mps-fax.ppd, found as above)
#   --fax-queue NAME      fax queue name (default MPS-Fax; device URI mps:/fax, same backend and policy)
#   --no-fax              (install) leave the fax queue out; remove still removes one that is there
#   --default             also make it the default printer
#   --purge               (remove) also delete the outbox spool with every waiting job
# lpadmin/lpstat talk to $CUPS_SERVER when set. Needs root.
set -eu

queue=MPS-Secure-Print
fax_queue=MPS-Fax
fax_ppd=""
with_fax=yes
policy=mps-secure-print
cupsd_conf=/etc/cups/cupsd.conf
reload="systemctl restart cups"
outbox=/var/spool/mps-outbox
backend=""
serverbin=""
ppd=""
make_default=no
purge=no
begin_mark="# BEGIN mps-secure-print policy (mps-queue-setup)"
end_mark="# END mps-secure-print policy (mps-queue-setup)"

here=$(cd "$(dirname "$0")" && pwd)
die() { echo "mps-queue-setup: $*" >&2; exit 1; }
say() { echo "mps-queue-setup: $*"; }

find_data() {
  for d in "${MPS_DATA_DIR:-}" "$here/cups" "$here/../share/mps/cups" /usr/share/mps/cups /usr/local/share/mps/cups; do
    [ -n "$d" ] && [ -f "$d/$1" ] && { echo "$d/$1"; return 0; }
  done
  return 1
}

[ $# -ge 1 ] || die "usage: mps-queue-setup install|remove|status [options]"
action=$1; shift
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=$2; shift 2 ;;
    --serverbin) serverbin=$2; shift 2 ;;
    --cupsd-conf) cupsd_conf=$2; shift 2 ;;
    --reload) reload=$2; shift 2 ;;
    --outbox) outbox=$2; shift 2 ;;
    --ppd) ppd=$2; shift 2 ;;
    --queue) queue=$2; shift 2 ;;
    --fax-queue) fax_queue=$2; shift 2 ;;
    --fax-ppd) fax_ppd=$2; shift 2 ;;
    --no-fax) with_fax=no; shift ;;
    --default) make_default=yes; shift ;;
    --purge) purge=yes; shift ;;
    *) die "unknown option $1" ;;
  esac
done
if [ -z "$serverbin" ]; then
  serverbin=$(cups-config --serverbin 2>/dev/null || echo /usr/lib/cups)
fi

remove_policy() {
  [ -f "$cupsd_conf" ] || return 0
  if grep -qF "$begin_mark" "$cupsd_conf"; then
    tmp="$cupsd_conf.mps-tmp"
    awk -v b="$begin_mark" -v e="$end_mark" '$0==b{skip=1;next} $0==e{skip=0;next} !skip' "$cupsd_conf" >"$tmp"
    chmod --reference="$cupsd_conf" "$tmp" 2>/dev/null || true
    chown --reference="$cupsd_conf" "$tmp" 2>/dev/null || true
    mv "$tmp" "$cupsd_conf"
    return 0
  fi
  return 1
}

wait_for_cupsd() {
  i=0
  while [ $i -lt 100 ]; do
    lpstat -r 2>/dev/null | grep -q "is running" && return 0
    sleep 0.1; i=$((i + 1))
  done
  die "cupsd did not come back after: $reload"
}

case "$action" in
install)
  [ "$(id -u)" -eq 0 ] || die "run as root"
  policy_file=$(find_data mps-secure-print.policy) || die "mps-secure-print.policy not found"
  [ -n "$ppd" ] || ppd=$(find_data mps-secure-print.ppd) || die "mps-secure-print.ppd not found"
  if [ "$with_fax" = yes ]; then
    [ -n "$fax_ppd" ] || fax_ppd=$(find_data mps-fax.ppd) || die "mps-fax.ppd not found"
  fi

  # 1. The backend: root-owned, 0700, so that cupsd runs it as root (it drops to the job's user).
  target="$serverbin/backend/mps"
  if [ -n "$backend" ]; then
    install -o root -g root -m 0700 "$backend" "$target"
  fi
  [ -f "$target" ] || die "$target is missing: install the mps backend (cmake --install) or pass --backend"
  chown root:root "$target"; chmod 0700 "$target"

  # 2. The outbox spool (also created at boot by systemd-tmpfiles from mps-outbox.conf).
  mkdir -p "$outbox"; chown root:root "$outbox"; chmod 1733 "$outbox"

  # 3. The policy in cupsd.conf, replaced as a whole if an older one is there.
  [ -f "$cupsd_conf" ] || die "$cupsd_conf not found"
  remove_policy || true
  { echo "$begin_mark"; cat "$policy_file"; echo "$end_mark"; } >>"$cupsd_conf"
  say "policy $policy added to $cupsd_conf; reloading cupsd"
  sh -c "$reload"
  wait_for_cupsd

  # 4. The queues: PDF in, mps backend out, authenticated senders only, not shared. The backend
  # tells them apart by the device URI: mps:/ prints (held job), mps:/fax faxes (draft + fax dialog).
  # cupsd may still be reading its configuration after a reload signal: try for a few seconds.
  add_queue() { # NAME URI PPD INFO LOCATION
    i=0
    until lpadmin -p "$1" -E -v "$2" -P "$3" -D "$4" -L "$5" \
        -o printer-op-policy="$policy" -o printer-error-policy=retry-job -o printer-is-shared=false; do
      i=$((i + 1))
      [ $i -lt 20 ] || die "lpadmin could not create $1"
      sleep 0.5
    done
    say "queue $1 is ready"
  }
  add_queue "$queue" mps:/ "$ppd" "MPS Secure Print" "Held for you until you release it at any printer"
  if [ "$with_fax" = yes ]; then
    add_queue "$fax_queue" mps:/fax "$fax_ppd" "MPS Fax" "Sent as a fax from the MPS app"
  fi
  if [ "$make_default" = yes ]; then lpadmin -d "$queue"; fi
  ;;
remove)
  [ "$(id -u)" -eq 0 ] || die "run as root"
  for q in "$queue" "$fax_queue"; do
    if lpstat -p "$q" >/dev/null 2>&1; then
      lpadmin -x "$q"
      say "queue $q removed"
    fi
  done
  if remove_policy; then
    say "policy $policy removed from $cupsd_conf; reloading cupsd"
    sh -c "$reload"
    wait_for_cupsd
  fi
  if [ "$purge" = yes ]; then
    rm -rf "$outbox"
    say "outbox $outbox deleted"
  elif [ -d "$outbox" ]; then
    say "kept $outbox: jobs printed while nobody was signed in still wait there (--purge deletes them)"
  fi
  ;;
status)
  for q in "$queue" "$fax_queue"; do
    lpstat -p "$q" 2>/dev/null || echo "queue $q: not installed"
    lpoptions -p "$q" 2>/dev/null | tr ' ' '\n' | grep -E '^(device-uri|printer-op-policy)=' || true
  done
  grep -qF "$begin_mark" "$cupsd_conf" 2>/dev/null && echo "policy $policy: in $cupsd_conf" || echo "policy $policy: missing"
  ls -ld "$serverbin/backend/mps" "$outbox" 2>/dev/null || true
  ;;
*) die "unknown action $action (install, remove or status)" ;;
esac
