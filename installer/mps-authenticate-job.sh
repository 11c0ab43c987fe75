#!/bin/sh
# mps-authenticate-job: give CUPS your MPS password for the jobs it holds "for authentication".
#
#   mps-authenticate-job [-U MPS-USER] [QUEUE]
#
# A driverless queue on the MPS server (lpadmin ... -v ipps://SERVER:8631/ipp/print -m everywhere
# -o auth-info-required=username,password) needs the MPS user name and password of whoever prints.
# `lp` cannot send them: CUPS 2.4 creates the job and holds it (job-hold-until auth-info-required,
# `lpstat -l` shows "cups-held-for-authentication") until a client answers with the IPP operation
# CUPS-Authenticate-Job, as a desktop's print-queue applet does. This is that client for a shell:
# it asks for the password on the terminal (never on the command line, never in a file) and sends
# it with ipptool to the CUPS the other commands use ($CUPS_SERVER, `lpstat -H`), for each of your
# jobs held for authentication (on QUEUE only when given). CUPS keeps it with the job only until the
# job has been sent, then the MPS server holds the job for you until you release it at an MFP.
set -eu

die() { echo "mps-authenticate-job: $*" >&2; exit 1; }
mps_user=""
queue=""
while [ $# -gt 0 ]; do
  case "$1" in
    -U) [ $# -ge 2 ] || die "-U needs a user name"; mps_user=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) queue=$1; shift ;;
  esac
done
command -v ipptool >/dev/null || die "ipptool is missing: install the package cups-ipp-utils"
me=$(id -un)

# This user's jobs (lpstat -l, untranslated, prints a job line, then its "Alerts:" line): those held for
# authentication, and all not yet done. CUPS holds a job only after its first try was refused, a moment
# after lp returned: wait (up to 30 s) until every job of this user is held or gone.
my_jobs() {
  LC_ALL=C lpstat -l -o ${queue:+"$queue"} 2>/dev/null | awk -v me="$me" -v want="$1" '
    function flush() { if (id != "" && owner == me && (want == "all" || held)) { n = split(id, p, "-"); print p[n] } }
    /^[^ \t]/ { flush(); id = $1; owner = $2; held = 0; next }
    /Alerts:.*cups-held-for-authentication/ { held = 1 }
    END { flush() }'
}
i=0
while :; do
  jobs=$(my_jobs held)
  [ "$(my_jobs all)" = "$jobs" ] && break
  i=$((i + 1))
  [ $i -lt 60 ] || break
  sleep 0.5
done
[ -n "$jobs" ] || { echo "mps-authenticate-job: no job of yours waits for a password"; exit 0; }

[ -r /dev/tty ] || die "needs a terminal to ask for the password"
if [ -z "$mps_user" ]; then
  printf 'MPS user name [%s]: ' "$me" > /dev/tty
  IFS= read -r mps_user < /dev/tty || mps_user=""
  [ -n "$mps_user" ] || mps_user=$me
fi
stty -echo < /dev/tty 2>/dev/null || true # before the prompt: nothing typed may be echoed
printf 'MPS password for %s: ' "$mps_user" > /dev/tty
IFS= read -r MPS_AUTH_PASSWORD < /dev/tty || MPS_AUTH_PASSWORD=""
stty echo < /dev/tty 2>/dev/null || true
echo > /dev/tty
[ -n "$MPS_AUTH_PASSWORD" ] || die "no password given"

# ipptool reads the password from its environment ($ENV[...] in the test), not from argv or a file.
server=$(lpstat -H)
case "$server" in
  /*) host=$(printf '%s' "$server" | sed 's,/,%2F,g') ;; # a domain socket, URL-encoded
  *) host=$server ;;
esac
test_file=$(mktemp)
trap 'rm -f "$test_file"' EXIT INT TERM
cat > "$test_file" <<'EOF'
{
  NAME "CUPS-Authenticate-Job"
  OPERATION CUPS-Authenticate-Job
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri job-uri $uri
  ATTR name requesting-user-name $ENV[MPS_AUTH_ME]
  ATTR text auth-info "$ENV[MPS_AUTH_USER]","$ENV[MPS_AUTH_PASSWORD]"
  STATUS successful-ok
}
EOF
listed() { printf '%s\n' "$1" | grep -qx "$2"; }
failed=0
for id in $jobs; do
  if ! MPS_AUTH_ME=$me MPS_AUTH_USER=$mps_user MPS_AUTH_PASSWORD=$MPS_AUTH_PASSWORD \
      ipptool -q -T 30 "ipp://$host/jobs/$id" "$test_file"; then
    echo "job $id: CUPS did not take the password (ipptool -tv shows why)" >&2
    failed=1
    continue
  fi
  # CUPS sends the job on: it is done, or held again when the server refused the password.
  i=0
  while :; do
    if ! listed "$(my_jobs all)" "$id"; then
      echo "job $id: sent to the MPS server for $mps_user"
      break
    elif listed "$(my_jobs held)" "$id"; then
      echo "job $id: the MPS server refused the user name or password; run mps-authenticate-job again" >&2
      failed=1
      break
    fi
    i=$((i + 1))
    [ $i -lt 120 ] || { echo "job $id: still being sent (lpstat -l -o shows how it goes)"; break; }
    sleep 0.5
  done
done
exit $failed
