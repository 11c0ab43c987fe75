#!/usr/bin/python3
"""Device faults (issue 10 §4): time from a fault at the printer to the alert e-mail accepted by the
SMTP relay, and to the kiosk's screen.

Peers: a real mps-server with `[devices] poll-seconds` (default 60, as shipped; --poll to change) and
`[mail]` pointing at a real aiosmtpd with STARTTLS and AUTH (tests/fixtures/mail.py); the printer is
snmpd playing a Printer MIB (tests/fixtures/snmp.py), registered SNMP-only, so that a fault is one
snmpset (hrPrinterDetectedErrorState "jammed") that takes effect at once; a kiosk bound to that printer
runs as mps-kiosk-driver (tests/kiosk/KioskDriver.cpp): the kiosk's own C++ session layer
(KioskController, PrinterStatusController, the kiosk's EventStream on GET /api/v1/kiosk/events) without
the QML scene, printing a snapshot line whenever what the screen shows changes. "On the kiosk's screen"
is the moment the bench reads the snapshot with canPrint false (QML would paint it in the next frame:
not included).

Per run: wait a random time, uniform over one poll period (so the fault falls at a random phase of the
poll cycle, not right after a poll), then jam; time to the kiosk snapshot showing the fault and to the
fault mail's arrival in the relay's Maildir (the file's mtime, after the relay answered 250 to the DATA).
Then again a random wait, clear the jam, and time the kiosk's all-clear and the all-clear mail. Each time
is the wait for the next poll (uniform in 0..poll-seconds) plus the processing (the poll, the event to the
kiosk; the alert, the mail thread, SMTP); the bound is poll-seconds + processing. The processing alone is
the time at --poll 1 minus about half a second.

usage: bench/bench_device_alerts.py [--runs 20] [--poll 60] [--out device-alerts]
MPS_BUILD_DIR: the build with mps-server, mps-admin and kiosk/mps-kiosk-driver.
"""
import argparse
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log, peers  # noqa: E402

import mail as mailfixture  # noqa: E402  (tests/fixtures/mail.py)
from snmp import SnmpPrinter  # noqa: E402  (tests/fixtures/snmp.py)

TONER = "Black Toner Cartridge TN-2420"


def mail_times(maildir):
    """{message file: mtime in seconds} of every delivered message."""
    out = {}
    new = os.path.join(maildir, "new")
    if os.path.isdir(new):
        for name in os.listdir(new):
            out[name] = os.stat(os.path.join(new, name)).st_mtime_ns / 1e9
    return out


def wait_new_mail(maildir, known, subject_part, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, mtime in mail_times(maildir).items():
            if name in known:
                continue
            with open(os.path.join(maildir, "new", name), "rb") as f:
                msg = mailfixture.Mail(f.read())
            known.add(name)
            if subject_part in msg.subject:
                return mtime, msg
        time.sleep(0.02)
    raise TimeoutError(f"no mail with {subject_part!r} within {timeout}s")


class Kiosk:
    """mps-kiosk-driver on the kiosk's device token; every snapshot line with the wall time it was read."""

    def __init__(self, server, token_file):
        exe = os.path.join(common.BUILD_DIR, "kiosk", "mps-kiosk-driver")
        self.proc = subprocess.Popen([exe, "--server", server.base_url, "--device-token-file", token_file,
                                      "--no-card-reader"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True,
                                     env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        self.lines = queue.Queue()
        self.last = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                self.lines.put((time.time(), json.loads(line)))
            except ValueError:
                pass

    def wait(self, predicate, timeout):
        """-> (wall time the matching snapshot was read, snapshot)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                at, snap = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.last = snap
            if predicate(snap):
                return at, snap
        raise TimeoutError(f"kiosk: no such snapshot within {timeout}s; last {self.last}")

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--poll", type=int, default=60)
    ap.add_argument("--seed", type=int, default=None, help="random phases (default: time-based)")
    ap.add_argument("--out", default="device-alerts")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    build_dir, binary = common.snapshot_build()
    relay = mailfixture.MailServer(user="mps", password="bench-relay")
    tmp = peers._make_dir("mps-bench-alerts-")  # noqa: SLF001
    ini = os.path.join(tmp, "server.ini")
    with open(ini, "w") as f:
        f.write(f"[devices]\npoll-seconds={args.poll}\nlow-percent=15\nalert-recipients=ops@example.test\n\n")
        f.write(relay.config_lines())
    server = peers.MpsServer(build_dir=build_dir, extra_args=["--config", ini])
    printer = SnmpPrinter(supplies=[(TONER, 3, 60, "black")], pages=100)
    kiosk = None
    server.admin("printer", "add", "lobby", "--uri", "ipp://127.0.0.1:9/ipp/print", "--protocol", "snmp",
                 "--snmp", printer.address, "--location", "Bench/1F")
    token_file = os.path.join(tmp, "kiosk-token")
    with open(token_file, "w") as f:
        f.write(server.admin("kiosk", "add", "k-lobby", "--printer", "lobby").stdout.rsplit("): ", 1)[1].strip())
    known = set(mail_times(relay.maildir))
    times = {"fault_to_kiosk": [], "fault_to_mail": [], "clear_to_kiosk": [], "clear_to_mail": []}
    limit = 3 * args.poll + 30
    try:
        kiosk = Kiosk(server, token_file)
        # The first poll must have seen the printer, and the kiosk's stream be open, before the first fault.
        kiosk.wait(lambda s: s.get("kioskStream") and s.get("printer") == "lobby" and s.get("canPrint")
                   and s.get("printerState"), max(3 * args.poll, 30))
        deadline = time.monotonic() + limit
        while "not polled yet" in server.admin("devices").stdout and time.monotonic() < deadline:
            time.sleep(0.2)
        fetches = kiosk.last.get("printerFetches")
        for run in range(args.runs):
            for fault, kiosk_ok, subject in ((True, False, "Fault"), (False, True, "All clear")):
                time.sleep(rnd.uniform(0, args.poll))  # a random phase of the poll cycle
                t0 = time.time()
                printer.set_errors(jammed=fault)
                tk, _ = kiosk.wait(lambda s, ok=kiosk_ok: s.get("canPrint") == ok, limit)
                tm, _ = wait_new_mail(relay.maildir, known, subject, limit)
                key = "fault" if fault else "clear"
                times[f"{key}_to_kiosk"].append(tk - t0)
                times[f"{key}_to_mail"].append(tm - t0)
            log(f"run {run + 1}: jam -> kiosk {times['fault_to_kiosk'][-1] * 1000:.0f} ms, "
                f"mail {times['fault_to_mail'][-1] * 1000:.0f} ms; clear -> kiosk "
                f"{times['clear_to_kiosk'][-1] * 1000:.0f} ms, mail {times['clear_to_mail'][-1] * 1000:.0f} ms")
        # Everything came as events: the kiosk fetched its printer no more after its stream opened.
        kiosk_fetches = kiosk.last.get("printerFetches", 0) - (fetches or 0)
    finally:
        if kiosk:
            kiosk.close()
        printer.close()
        server.close()
        relay.close()
    result = {"poll_seconds": args.poll, "runs": args.runs, "kiosk_fetches_during_runs": kiosk_fetches,
              "kiosk_path": "mps-kiosk-driver (KioskController, PrinterStatusController, EventStream on "
                            "/api/v1/kiosk/events; no QML)",
              "bound_ms": f"poll-seconds * 1000 + processing = {args.poll * 1000} + processing",
              "machine": common.machine_info(), "binary": binary}
    for k, v in times.items():
        result[k] = common.summary_ms(v)
    common.save(args.out, result)
    rows = [[k.replace("_", " "), args.runs, result[k]["min"], result[k]["p50"], result[k]["p95"],
             result[k]["max"]] for k in times]
    print(common.md_table(["path", "runs", "min ms", "p50 ms", "p95 ms", "max ms"], rows))
    print(f"poll-seconds {args.poll}; kiosk fetches of its printer during the runs: {kiosk_fetches}")


if __name__ == "__main__":
    main()
