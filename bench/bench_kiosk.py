#!/usr/bin/python3
"""Kiosk benchmark (issue 4, section 5): cold start to the idle screen, card tap to the job list on
screen, and "Print" to the first byte at the MFP.

Peers: pcscd with the vpcd virtual reader and a virtual card (tests/kiosk/virtual_card.py, as in
tests/integration/test_kiosk.py), a real mps-server, an ippeveprinter "mfp" (tests/fixtures/peers.py),
Xvfb at 1024x600x24. Binaries are copied from build/ to results/bin-kiosk/ first (other sessions
rebuild build/).

A. Cold start: the real QML app (mps-kiosk, full screen on the 1024x600 Xvfb, kiosk token from
   `mps-admin kiosk add`, PC/SC reader on) is started --runs times; latency = from just before
   fork/exec to the first frame swapped after the idle screen holds the printer's name. The app logs
   it (kiosk/KioskApplication.cpp, FrameProbe) as "idle screen shown after N ms (since main;
   monotonic M ms, ...)"; CLOCK_MONOTONIC on both sides.
B. Card tap: one mps-kiosk stays up (--idle-timeout 3); per run the virtual card is put on the reader
   (start = the card process's "card ready", i.e. it is connected to vpcd) and the app logs "job list
   shown with N jobs ... (monotonic M ms, card read at R ms)" on the first frame swapped after the
   job model was filled from GET /api/v1/jobs on the jobs screen. The card is then removed and the
   app signs out by itself (3 s inactivity) before the next run. Split: tap -> card read by the
   app's PC/SC thread, card read -> frame.
C. Print: the headless driver (mps-kiosk-driver, the app's C++ layer without QML) signs in with a PIN,
   selects the one held 1 MiB PDF, and "print" is written to its stdin; latency = from just before
   that write to the first IN_MODIFY of the document in ippeveprinter's spool (the first document
   bytes the printer wrote after reading them off its socket; inotify, common.SpoolWatcher), plus
   the complete document (IN_CLOSE_WRITE). One job per run, waited until printed and the printer
   idle, then sign-out.
D. Finger touch: kim registers a finger at a headless kiosk (driver, PIN, five touches of libfprint's
   virtual sensor); then one mps-kiosk (QML, --idle-timeout 3, its own virtual sensor holding kim's
   finger) identifies on the idle screen. Per run the finger touches the sensor (start = just before
   scripts/touch-fingerprint.py connects) and the app logs "job list shown with N jobs ... after the
   finger was matched (monotonic M ms, finger matched at R ms)" on the first frame with kim's jobs.
   Split: touch -> match reported on the GUI thread, match -> frame (challenge answer, session,
   GET /jobs, render). The app signs out by itself after 3 s before the next run.

usage: bench/bench_kiosk.py [--runs 10] [--warmup 1] [--out kiosk]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import queue

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (sets MPS_PEER_TMP, imports peers)
from common import MiB, log, percentile  # noqa: E402
import mkpdf  # noqa: E402
from peers import IppEvePrinter, MpsServer  # noqa: E402

sys.path.insert(0, os.path.join(common.REPO, "tests", "integration"))
import mpsit  # noqa: E402
import test_kiosk as kiosk_it  # noqa: E402  (pcscd + vpcd as the kiosk tests start them)

CARD_SCRIPT = kiosk_it.CARD_SCRIPT
KIM_CARD = kiosk_it.KIM_CARD
VPCD_PORT = kiosk_it.VPCD_PORT

IDLE_RE = re.compile(r"idle screen shown after (\d+) ms \(since main; monotonic ([\d.]+) ms")
JOBS_RE = re.compile(r"job list shown with (\d+) jobs ([-\d.]+) ms after the card was read "
                     r"\(monotonic ([\d.]+) ms, card read at ([\d.]+) ms\)")
FINGER_RE = re.compile(r"job list shown with (\d+) jobs ([-\d.]+) ms after the finger was matched "
                       r"\(monotonic ([\d.]+) ms, finger matched at ([\d.]+) ms\)")
TOUCH = os.path.join(common.REPO, "scripts", "touch-fingerprint.py")


def snapshot(dest):
    import hashlib
    out = {}
    for sub, names in (("server", ("mps-server", "mps-admin")), ("kiosk", ("mps-kiosk", "mps-kiosk-driver"))):
        os.makedirs(os.path.join(dest, sub), exist_ok=True)
        for n in names:
            shutil.copy2(os.path.join(common.BUILD_DIR, sub, n), os.path.join(dest, sub, n))
            with open(os.path.join(dest, sub, n), "rb") as f:
                out[n] = hashlib.sha256(f.read()).hexdigest()[:16]
    return out


def stats(ms):
    return {"n": len(ms), "p50": round(statistics.median(ms), 1), "p90": round(percentile(ms, 90), 1),
            "min": round(min(ms), 1), "max": round(max(ms), 1), "runs": [round(v, 1) for v in ms]}


class Lines:
    """stdout+stderr of a process, line by line, with the CLOCK_MONOTONIC time each was read."""

    def __init__(self, proc):
        self.proc, self.q, self.all = proc, queue.Queue(), []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.all.append(line)
            self.q.put((time.monotonic(), line))

    def wait(self, regex, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"timed out waiting for {what}:\n" + "".join(self.all[-30:]))
            try:
                t, line = self.q.get(timeout=left)
            except queue.Empty:
                continue
            m = regex.search(line) if hasattr(regex, "search") else (regex in line and line)
            if m:
                return t, m


def start_pcscd():
    """pcscd with only the vpcd reader, as tests/integration/test_kiosk.py starts it."""
    try:
        return kiosk_it.Pcscd()
    except unittest.SkipTest as e:
        sys.exit(f"{e}: try later")


def start_xvfb(tmp):
    for _ in range(3):
        n = next(n for n in range(90, 300)
                 if not os.path.exists(f"/tmp/.X{n}-lock") and not os.path.exists(f"/tmp/.X11-unix/X{n}"))
        logf = open(os.path.join(tmp, "xvfb.log"), "wb")
        proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1024x600x24", "-nolisten", "tcp", "-noreset"],
                                stdout=logf, stderr=logf, start_new_session=True)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{n}") or proc.poll() is not None:
                break
            time.sleep(0.1)
        time.sleep(0.3)
        if proc.poll() is None:
            return proc, f":{n}"
    sys.exit("Xvfb did not start")


def stop(proc, timeout=10):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--out", default="kiosk")
    a = ap.parse_args()

    machine = common.machine_info()
    uptime_before = subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip()
    log("machine", machine, uptime_before)
    bindir = os.path.join(common.RESULTS, "bin-kiosk")
    sha = snapshot(bindir)
    kiosk_bin = os.path.join(bindir, "kiosk", "mps-kiosk")
    driver_bin = os.path.join(bindir, "kiosk", "mps-kiosk-driver")
    os.makedirs(common.DOCS, exist_ok=True)
    doc = os.path.join(common.DOCS, "release-1MiB.pdf")
    mkpdf.ensure_pdf(doc, MiB, page_bytes=MiB)
    with open(doc, "rb") as f:
        pdf_1m = f.read()

    tmp = tempfile.mkdtemp(prefix="bench-kiosk-", dir=os.environ["MPS_PEER_TMP"])
    result = {"machine": machine, "binaries_sha256": sha, "uptime_before": uptime_before,
              "runs": a.runs, "warmup": a.warmup}
    pcscd = xvfb = server = mfp = None
    try:
        pcscd = start_pcscd()
        xvfb, display = start_xvfb(tmp)
        ini = os.path.join(tmp, "server.ini")
        with open(ini, "w") as f:
            f.write("monitor-seconds=1\n")
        server = MpsServer(build_dir=bindir, extra_args=["--config", ini])
        mfp = IppEvePrinter("mfp", settle=False)
        mpsit.add_printer(server, "mfp", mfp, location="3F East")
        mpsit.add_user(server, "kim", pin="482913", card=KIM_CARD)
        mpsit.add_user(server, "lee", pin="135790")
        token_file = mpsit.add_kiosk(server, "k1", "mfp", tmp)
        kim = mpsit.login(server, "kim")
        small = open(mpsit.make_multipage_pdf(tmp), "rb").read()
        for i in range(5):
            status, body = mpsit.upload(kim, small, name=f"report-{i}.pdf")
            assert status == 201, body
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        base = [kiosk_bin, "--config", "/nonexistent", "--server", server.base_url,
                "--device-token-file", token_file, "--language", "en"]

        # A. cold start
        log("A. cold start to idle screen")
        cold, in_main = [], []
        for i in range(a.warmup + a.runs):
            t0 = time.monotonic()
            proc = subprocess.Popen(base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            lines = Lines(proc)
            _, m = lines.wait(IDLE_RE, 60, "idle screen line")
            total = float(m.group(2)) - t0 * 1000
            stop(proc)
            if i >= a.warmup:
                cold.append(total)
                in_main.append(float(m.group(1)))
            log(f"  run {i + 1 - a.warmup}: exec -> idle frame {total:.1f} ms (main -> frame {m.group(1)} ms)")
            time.sleep(0.5)
        result["cold_start_ms"] = stats(cold)
        result["cold_start_main_to_frame_ms"] = stats(in_main)

        # B. card tap -> job list on screen
        log("B. card tap to job list")
        proc = subprocess.Popen(base + ["--idle-timeout", "3"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        lines = Lines(proc)
        lines.wait(IDLE_RE, 60, "idle screen line")
        time.sleep(1.0)
        tap, tap_read, read_frame = [], [], []
        try:
            for i in range(a.warmup + a.runs):
                card = subprocess.Popen(["/usr/bin/python3", CARD_SCRIPT, KIM_CARD, "--port", str(VPCD_PORT)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        start_new_session=True)
                line = card.stdout.readline()
                t_card = time.monotonic()
                if "card ready" not in line:
                    raise RuntimeError(f"virtual card: {line}{card.stderr.read()}")
                _, m = lines.wait(JOBS_RE, 30, "job list line")
                jobs, frame_ms, read_ms = int(m.group(1)), float(m.group(3)), float(m.group(4))
                stop(card)
                card.stdout.close()
                card.stderr.close()
                total = frame_ms - t_card * 1000
                if i >= a.warmup:
                    tap.append(total)
                    tap_read.append(read_ms - t_card * 1000)
                    read_frame.append(frame_ms - read_ms)
                log(f"  run {i + 1 - a.warmup}: tap -> job list ({jobs} jobs) {total:.1f} ms "
                    f"(tap -> card read {read_ms - t_card * 1000:.1f}, read -> frame {frame_ms - read_ms:.1f})")
                lines.wait("signed out", 15, "sign-out after inactivity")
                time.sleep(0.7)
        finally:
            stop(proc)
        result["card_tap_ms"] = stats(tap)
        result["card_tap_to_read_ms"] = stats(tap_read)
        result["card_read_to_frame_ms"] = stats(read_frame)
        result["card_tap_jobs_listed"] = 5

        # D. finger touch -> job list on screen (identification on the idle screen)
        log("D. finger touch to job list")
        # kim registers a finger at a headless kiosk first (PIN, five touches).
        enrol_sock = os.path.join(tmp, "enrol-fp.sock")
        enrol = subprocess.Popen([driver_bin, "--server", server.base_url, "--device-token-file", token_file,
                                  "--no-card-reader", "--fingerprint"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                 env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                          FP_VIRTUAL_DEVICE_STORAGE=enrol_sock))
        try:
            enrol_lines = Lines(enrol)
            enrol_lines.wait('"fingerprint":true', 30, "enrolment kiosk's sensor")
            enrol.stdin.write("pin kim 482913\n")
            enrol.stdin.flush()
            enrol_lines.wait('"screen":"jobs"', 30, "kim signed in at the enrolment kiosk")
            enrol.stdin.write("enroll\n")
            enrol.stdin.flush()
            enrol_lines.wait('"screen":"enroll"', 30, "enrolment screen")
            subprocess.run(["/usr/bin/python3", TOUCH, enrol_sock, "kim-finger", "5"], check=True)
            enrol_lines.wait('"hasFingerprint":true', 30, "kim's fingerprint registered")
        finally:
            stop(enrol)
        app_sock = os.path.join(tmp, "app-fp.sock")
        proc = subprocess.Popen(base + ["--idle-timeout", "3"], env=dict(env, FP_VIRTUAL_DEVICE_STORAGE=app_sock),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = Lines(proc)
        lines.wait(IDLE_RE, 60, "idle screen line")
        # A match-on-chip sensor knows only fingers stored on it: put kim's on this one.
        for _ in range(50):
            if os.path.exists(app_sock):
                break
            time.sleep(0.1)
        subprocess.run(["/usr/bin/python3", TOUCH, "--insert", app_sock, "kim-finger"], check=True)
        time.sleep(2.0)  # candidates fetched, identification running
        touch, touch_match, match_frame = [], [], []
        try:
            for i in range(a.warmup + a.runs):
                t0 = time.monotonic()
                subprocess.run(["/usr/bin/python3", TOUCH, app_sock, "kim-finger"], check=True)
                _, m = lines.wait(FINGER_RE, 30, "job list line after the finger")
                jobs, frame_ms, match_ms = int(m.group(1)), float(m.group(3)), float(m.group(4))
                total = frame_ms - t0 * 1000
                if i >= a.warmup:
                    touch.append(total)
                    touch_match.append(match_ms - t0 * 1000)
                    match_frame.append(frame_ms - match_ms)
                log(f"  run {i + 1 - a.warmup}: touch -> job list ({jobs} jobs) {total:.1f} ms "
                    f"(touch -> match {match_ms - t0 * 1000:.1f}, match -> frame {frame_ms - match_ms:.1f})")
                lines.wait("signed out", 15, "sign-out after inactivity")
                time.sleep(1.0)  # candidates fetched again after the session
        finally:
            stop(proc)
        result["finger_touch_ms"] = stats(touch)
        result["finger_touch_to_match_ms"] = stats(touch_match)
        result["finger_match_to_frame_ms"] = stats(match_frame)

        # C. Print -> first byte at the MFP (driver)
        log("C. print to first byte at the printer (1 MiB PDF)")
        import json as _json
        drv = subprocess.Popen([driver_bin, "--server", server.base_url, "--device-token-file", token_file,
                                "--printer-poll", "1", "--idle-timeout", "600", "--no-card-reader"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        snaps = queue.Queue()
        last = {}

        def reader():
            for ln in drv.stdout:
                try:
                    snaps.put(_json.loads(ln))
                except ValueError:
                    pass
        threading.Thread(target=reader, daemon=True).start()

        def wait(pred, timeout=30, what="driver state"):
            nonlocal last
            deadline = time.monotonic() + timeout
            if last and pred(last):
                return last
            while time.monotonic() < deadline:
                try:
                    last = snaps.get(timeout=0.2)
                except queue.Empty:
                    continue
                if pred(last):
                    return last
            raise TimeoutError(f"{what}; last {last}")

        def send(cmd):
            drv.stdin.write(cmd + "\n")
            drv.stdin.flush()

        watcher = common.SpoolWatcher(mfp.spool_dir)
        lee = mpsit.login(server, "lee")
        first, complete = [], []
        try:
            wait(lambda s: s["screen"] == "idle" and s["printer"] == "mfp", what="driver idle")
            for i in range(a.warmup + a.runs):
                status, body = mpsit.upload(lee, pdf_1m, name=f"release-{i}.pdf")
                assert status == 201, body
                job_id = body["job"]["id"]
                send("pin lee 135790")
                wait(lambda s: s["screen"] == "jobs" and any(j["id"] == job_id for j in s["jobs"]), what="lee's job")
                send("select-all")
                wait(lambda s: all(j["selected"] for j in s["jobs"]) and s["jobs"], what="selected")
                before = watcher.known_jobs()
                time.sleep(0.2)
                t0 = time.perf_counter()
                send("print")
                pjob, created, first_write, closed = watcher.wait_new(before, 60)
                mpsit.wait_job(lee, job_id, "printed", 60, server)
                # The printer has finished too (its -c command recorded the outcome): idle again.
                mpsit.wait_for(lambda: pjob in mfp.job_outcomes(), 30, f"printer job {pjob} done")
                send("sign-out")
                wait(lambda s: s["screen"] == "idle" and s["user"] == "", what="signed out")
                fw = ((first_write or closed) - t0) * 1000
                cl = (closed - t0) * 1000
                if i >= a.warmup:
                    first.append(fw)
                    complete.append(cl)
                log(f"  run {i + 1 - a.warmup}: print -> first byte {fw:.1f} ms, complete {cl:.1f} ms")
                time.sleep(0.3)
        finally:
            watcher.close()
            try:
                send("quit")
                drv.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                drv.kill()
                drv.wait()
        result["print_first_byte_ms"] = stats(first)
        result["print_complete_ms"] = stats(complete)
    finally:
        for p in (mfp, server):
            if p:
                p.close()
        if xvfb:
            stop(xvfb)
        if pcscd:
            pcscd.close()
        shutil.rmtree(tmp, True)
    result["uptime_after"] = subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip()
    log("uptime after", result["uptime_after"])
    for k, v in result.items():
        if k.endswith("_ms"):
            log(f"{k}: p50 {v['p50']} p90 {v['p90']} min {v['min']} max {v['max']}")
    common.save(a.out, result)


if __name__ == "__main__":
    main()
