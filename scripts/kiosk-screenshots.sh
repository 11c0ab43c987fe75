#!/bin/sh
# Saves every kiosk screen (idle, PIN pad, a refused PIN, card linking, job list, confirm delete, printer fault,
# a release the printer aborted, fingerprint enrolment and fingerprint check, a locked card, a release
# refused over a hard quota, the fingerprint consent, the idle screen with the print server stopped) at
# 1024x600, 1280x800 and 600x1024, in Korean and English, into docs/screenshots/kiosk-<lang>-<size>-<screen>.png.
# Runs mps-kiosk under Xvfb against a real mps-server with demo data and two ippeveprinters
# (tests/fixtures/peers.py) and libfprint's virtual sensor; the fault shots are taken while one
# printer has a paper jam, the aborted release while it aborts every job.
#
#   scripts/kiosk-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
OUT=${2:-$SRC/docs/screenshots}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
export MPS_BUILD_DIR="$BUILD" PYTHONPATH="$SRC/tests/fixtures:$SRC/tests/integration"

exec /usr/bin/python3 - "$BUILD" "$OUT" <<'PY'
import os, subprocess, sys, tempfile, shutil, time
from peers import IppEvePrinter, MpsServer
import mpsit

build, out = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="mps-kiosk-shots-")
xvfb = None
try:
    # One X server large enough for every window size; each shot is the window's own content.
    def start_xvfb():
        number = next(n for n in range(90, 200)
                      if not os.path.exists(f"/tmp/.X{n}-lock") and not os.path.exists(f"/tmp/.X11-unix/X{n}"))
        log = open(os.path.join(tmp, "xvfb.log"), "wb")
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
                                stdout=log, stderr=log)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}") or proc.poll() is not None:
                break
            time.sleep(0.1)
        time.sleep(0.3)
        if proc.poll() is not None:
            print(open(os.path.join(tmp, "xvfb.log")).read()[-2000:], file=sys.stderr)
            return None, None
        return proc, f":{number}"

    for attempt in range(3):
        xvfb, display = start_xvfb()
        if xvfb:
            break
    else:
        sys.exit("Xvfb did not start")

    ini = os.path.join(tmp, "server.ini")
    with open(ini, "w") as f:
        f.write("monitor-seconds=1\n")
    server = MpsServer(extra_args=["--config", ini])
    # The kiosk's MFP prints double-sided and in colour (so both choices are offered); B1-Copy is a
    # one-sided black-and-white copier, whose kiosk offers neither (the "simplex" shots).
    east = IppEvePrinter("3F-East", settle=False, duplex=True, speed=(30, 20))
    west = IppEvePrinter("3F-West", settle=False)
    b1 = IppEvePrinter("B1-Copy", settle=False)
    mpsit.add_printer(server, "3F-East", east, location="3F East wing")
    mpsit.add_printer(server, "3F-West", west, location="3F West wing")
    mpsit.add_printer(server, "B1-Copy", b1, location="B1 print room")
    mpsit.add_user(server, "kim", pin="482913", card="04A1B2C3")
    mpsit.add_user(server, "lee", pin="135790", card="0A1B2C3D")
    token_file = mpsit.add_kiosk(server, "kiosk-3F-East", "3F-East", tmp)
    b1_token = mpsit.add_kiosk(server, "kiosk-B1", "B1-Copy", tmp)
    api = mpsit.login(server, "kim")
    pdf = mpsit.make_multipage_pdf(tmp)
    data = open(pdf, "rb").read()
    for name in ("2026 예산 보고서.pdf", "Meeting notes.pdf", "회의록-11월.pdf"):
        status, body = mpsit.upload(api, data, name=name)
        assert status == 201, body

    def run(lang, size, shots, user="kim", pin="482913", card="04A1B2C3", token=None, variant=""):
        w, h = size.split("x")
        prefix = f"kiosk-{lang}-{size}{variant}"
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", MPS_KIOSK_DEMO_PIN=pin,
                   MPS_KIOSK_DEMO_CARD=card, FP_VIRTUAL_DEVICE_STORAGE=os.path.join(tmp, f"fp-{prefix}.sock"))
        cmd = [os.path.join(build, "kiosk", "mps-kiosk"), "--config", "/nonexistent", "--server", server.base_url,
               "--device-token-file", token or token_file, "--language", lang, "--size", size, "--printer-poll", "1",
               "--screenshots", out, "--shot-prefix", prefix, "--shots", shots, "--demo-user", user]
        if xvfb.poll() is not None:
            raise RuntimeError(f"Xvfb ended with {xvfb.returncode}: " + open(os.path.join(tmp, "xvfb.log")).read()[-2000:])
        res = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
        print(f"{prefix}: {shots} -> rc {res.returncode}")
        if res.returncode != 0:
            print(res.stdout[-3000:])
        return res.returncode

    sizes = ("1024x600", "1280x800", "600x1024")
    failures = 0
    for lang in ("ko", "en"):
        for size in sizes:
            failures += run(lang, size, "idle,pin,pin-refused,link,jobs,confirm-delete,consent,enroll,verify") != 0
            failures += run(lang, size, "jobs", token=b1_token, variant="-simplex") != 0
    east.jam()
    mpsit.wait_for(lambda: any(p["name"] == "3F-East" and not p["canPrint"]
                               for p in api.get("printers")[1]["printers"]), 30, "the jam on the server")
    for lang in ("ko", "en"):
        for size in sizes:
            failures += run(lang, size, "idle-fault,fault") != 0
    # A release the printer aborts: the job is held again with the reason.
    east.clear_jam()
    east.set_mode("abort")
    mpsit.wait_for(lambda: any(p["name"] == "3F-East" and p["canPrint"]
                               for p in api.get("printers")[1]["printers"]), 30, "the jam cleared on the server")
    # Each run releases a job of its own, the newest (first in the list), and it is deleted after.
    for lang in ("ko", "en"):
        for size in sizes:
            status, body = mpsit.upload(api, data, name="견적서-12월.pdf")
            assert status == 201, body
            failures += run(lang, size, "release-failed") != 0
            api.delete(f"jobs/{body['job']['id']}")
    # A card whose account is locked (lee: five wrong PINs, then the card).
    for lang in ("ko", "en"):
        for size in sizes:
            failures += run(lang, size, "locked", user="lee", pin="135790", card="0A1B2C3D") != 0
    # A hard quota smaller than any job: the release is refused and the job stays held.
    east.set_mode("ok")
    server.admin("quota", "set", "--user", "kim", "--limit", "100", "--policy", "hard")
    for lang in ("ko", "en"):
        for size in sizes:
            failures += run(lang, size, "quota-refused") != 0
    for p in (east, west, b1):
        p.close()
    server.close()
    # The print server stopped: the idle screen says so instead of the printer's last state.
    for lang in ("ko", "en"):
        for size in sizes:
            failures += run(lang, size, "idle-unreachable") != 0
    sys.exit(1 if failures else 0)
finally:
    if xvfb:
        xvfb.terminate()
        xvfb.wait()
    shutil.rmtree(tmp, True)
PY
