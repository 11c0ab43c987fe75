#!/usr/bin/python3
"""Device alerts (issue 10 §4): time from a fault at the printer to the alert e-mail accepted by the
SMTP relay.

A real ippeveprinter and mps-server with `[devices] poll-seconds` (default 60, as shipped; --poll to
change) and `[mail]` pointing at a real aiosmtpd with STARTTLS and AUTH (tests/fixtures/mail.py). Per run
the toner is set low through ippeveprinter's /supplies page (the fault) and the clock runs from just
before that request to the moment aiosmtpd wrote the accepted message into its Maildir (the file's
mtime, i.e. after the relay answered 250 to the DATA); then the toner is refilled and the all-clear mail
is timed the same way. The time is the wait for the next poll (up to poll-seconds: the fault comes at a
random point of the poll cycle) plus the rest (the poll itself, the alert, the mail on the alert thread,
SMTP with STARTTLS and AUTH); run with --poll 1 to see the rest, with the shipped 60 s for the whole.

usage: bench/bench_device_alerts.py [--runs 10] [--poll 60] [--out device-alerts]
MPS_BUILD_DIR: the build with mps-server and mps-admin.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log, peers  # noqa: E402

import mail as mailfixture  # noqa: E402  (tests/fixtures/mail.py)


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--poll", type=int, default=60)
    ap.add_argument("--out", default="device-alerts")
    args = ap.parse_args()
    build_dir, binary = common.snapshot_build()
    relay = mailfixture.MailServer(user="mps", password="bench-relay")
    tmp = peers._make_dir("mps-bench-alerts-")  # noqa: SLF001
    ini = os.path.join(tmp, "server.ini")
    with open(ini, "w") as f:
        f.write(f"[devices]\npoll-seconds={args.poll}\nlow-percent=15\nalert-recipients=ops@example.test\n\n")
        f.write(relay.config_lines())
    server = peers.MpsServer(build_dir=build_dir, extra_args=["--config", ini])
    printer = peers.IppEvePrinter("alerts-mfp", settle=False)
    server.admin("printer", "add", "alerts-mfp", "--uri", printer.uri, "--location", "Bench/1F")
    known = set(mail_times(relay.maildir))
    low, clear = [], []
    try:
        # The first poll (start-up) must have seen the printer before the first fault.
        deadline = time.monotonic() + max(3 * args.poll, 30)
        while "not polled yet" in server.admin("devices").stdout and time.monotonic() < deadline:
            time.sleep(0.2)
        for run in range(args.runs):
            t0 = time.time()
            printer.set_supplies(black=5)
            t1, msg = wait_new_mail(relay.maildir, known, "Supply low", 3 * args.poll + 30)
            low.append(t1 - t0)
            t0 = time.time()
            printer.set_supplies(black=90)
            t1, msg = wait_new_mail(relay.maildir, known, "All clear", 3 * args.poll + 30)
            clear.append(t1 - t0)
            log(f"run {run + 1}: low -> mail {low[-1] * 1000:.0f} ms, refill -> all clear {clear[-1] * 1000:.0f} ms")
    finally:
        printer.close()
        server.close()
        relay.close()
    result = {"poll_seconds": args.poll, "runs": args.runs, "low_to_mail": common.summary_ms(low),
              "refill_to_all_clear": common.summary_ms(clear), "machine": common.machine_info(),
              "binary": binary}
    common.save(args.out, result)
    print(common.md_table(["path", "runs", "p50 ms", "max ms"],
                          [["toner low -> alert mail accepted", args.runs, result["low_to_mail"].get("p50"),
                            result["low_to_mail"].get("max")],
                           ["refill -> all-clear mail accepted", args.runs,
                            result["refill_to_all_clear"].get("p50"), result["refill_to_all_clear"].get("max")]]))


if __name__ == "__main__":
    main()
