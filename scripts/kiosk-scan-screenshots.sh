#!/bin/sh
# Saves the scan screens (scan to my e-mail: the screen as it opens, three pages from the feeder, a jam
# after them) at 1024x600, 1280x800 and 600x1024, in Korean and English, into
# docs/screenshots/kiosk-<lang>-<size>-scan*.png. Runs mps-kiosk --scanner test (SANE's test backend)
# under Xvfb against a real mps-server whose [mail] points at aiosmtpd (tests/fixtures/mail.py).
#
#   scripts/kiosk-scan-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
OUT=${2:-$SRC/docs/screenshots}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
export MPS_BUILD_DIR="$BUILD" PYTHONPATH="$SRC/tests/fixtures:$SRC/tests/integration"

exec /usr/bin/python3 - "$BUILD" "$OUT" <<'PY'
import os, subprocess, sys, tempfile, shutil, time
from mail import MailServer
from peers import IppEvePrinter, MpsServer
import mpsit

build, out = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="mps-kiosk-scan-shots-")
xvfb = None
try:
    number = next(n for n in range(90, 200)
                  if not os.path.exists(f"/tmp/.X{n}-lock") and not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mpsit.wait_for(lambda: os.path.exists(f"/tmp/.X11-unix/X{number}"), 10, "Xvfb")
    display = f":{number}"
    sane = os.path.join(tmp, "sane")
    os.makedirs(sane)
    with open(os.path.join(sane, "dll.conf"), "w") as f:
        f.write("test\n")
    mail = MailServer()
    ini = os.path.join(tmp, "server.ini")
    with open(ini, "w") as f:
        f.write(mail.config_lines())
    server = MpsServer(extra_args=["--config", ini])
    east = IppEvePrinter("3F-East", settle=False, duplex=True)
    mpsit.add_printer(server, "3F-East", east, location="3F East wing")
    mpsit.add_user(server, "kim", pin="482913", card="04A1B2C3")
    server.admin("user", "edit", "kim", "--email", "kim@city.go.kr")
    token_file = mpsit.add_kiosk(server, "kiosk-3F-East", "3F-East", tmp)
    api = mpsit.login(server, "kim")
    status, body = mpsit.upload(api, open(mpsit.make_multipage_pdf(tmp), "rb").read(), name="2026 예산 보고서.pdf")
    assert status == 201, body
    failures = 0
    for lang in ("ko", "en"):
        for size in ("1024x600", "1280x800", "600x1024"):
            prefix = f"kiosk-{lang}-{size}"
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", MPS_KIOSK_DEMO_PIN="482913",
                       SANE_CONFIG_DIR=sane, MPS_KIOSK_DEMO_SCANNER="test")
            cmd = [os.path.join(build, "kiosk", "mps-kiosk"), "--config", "/nonexistent", "--server",
                   server.base_url, "--device-token-file", token_file, "--language", lang, "--size", size,
                   "--no-fingerprint", "--scanner", "test", "--screenshots", out, "--shot-prefix", prefix,
                   "--shots", "scan,scan-pages,scan-jam", "--demo-user", "kim"]
            res = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 timeout=180)
            print(f"{prefix}: rc {res.returncode}")
            if res.returncode != 0:
                print(res.stdout[-3000:])
                failures += 1
    east.close()
    server.close()
    mail.close()
    sys.exit(1 if failures else 0)
finally:
    if xvfb:
        xvfb.terminate()
        xvfb.wait()
    shutil.rmtree(tmp, True)
PY
