#!/usr/bin/python3
"""Tray client benchmark (issue 3, section 6): mps-client start-up to a visible tray icon, its idle
memory (RSS and PSS), and the capture latency from `lp` to the job held on the server.

Part A (tray), as a person would run it (like scripts/client-screenshots.sh): a real mps-server over
TLS with demo data (user kim, two printers, four held jobs), Xvfb with trayer as the tray host, and a
private D-Bus session with an unlocked gnome-keyring for QtKeychain. A first mps-client run signs in
through the app's own sign-in dialog (its --screenshot-dir mode: SignInDialog, certificate pinned,
token stored in the keychain, settings file written). Then mps-client starts N times with that
settings file and keychain (so it restores the stored session: signed in, job list fetched):
start-up = from just before fork/exec to the first paint of the tray icon's window (logged by
client/main.cpp as "tray icon visible after ... monotonic N ms"; CLOCK_MONOTONIC on both sides).
Then one instance stays idle for --idle seconds and /proc/PID/status and smaps_rollup are read.

Part B (capture): tests/integration/test_capture.py's set-up (throwaway cupsd with the
MPS-Secure-Print queue and the real backend, mps-server, a local user's desktop session with
CaptureAgent), then --jobs `lp` submissions one after the other; latency = from just before `lp`
starts to the first GET /api/v1/jobs that lists the job (polled every 5 ms).

Needs root (part B: useradd, runuser, root-run backend). Stdlib only.
usage: bench/bench_client.py [--runs 10] [--idle 60] [--jobs 20] [--skip-tray] [--skip-capture]
"""
import argparse
import json
import os
import re
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (sets MPS_PEER_TMP, imports peers)
from common import log, percentile  # noqa: E402

import peers  # noqa: E402

REPO = common.REPO
BINARIES = ("server/mps-server", "server/mps-admin", "client/mps-client", "tests/capture/CaptureAgent",
            "installer/backend/mps")
VISIBLE = re.compile(r"tray icon visible after (\d+) ms \(since main; monotonic (\d+) ms, main at (\d+) ms\)")
LINE_TIME = re.compile(r"^\s*(\d+\.\d{3}) ")


def snapshot(dest):
    """Copy the binaries out of the shared build tree (others rebuild it during a run)."""
    import hashlib
    info = {}
    for rel in BINARIES:
        src = os.path.join(common.BUILD_DIR, rel)
        dst = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)
        with open(dst, "rb") as f:
            info[rel] = {"sha256": hashlib.sha256(f.read()).hexdigest()[:16],
                         "mtime": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.stat(src).st_mtime))}
    return info


def stats_ms(values_s):
    ms = sorted(v * 1000.0 for v in values_s)
    return {"n": len(ms), "min": round(ms[0], 1), "median": round(statistics.median(ms), 1),
            "p90": round(percentile(ms, 90), 1), "p95": round(percentile(ms, 95), 1),
            "max": round(ms[-1], 1), "all": [round(v, 1) for v in ms]}


def uptime():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def memory(pid):
    """VmRSS/VmHWM (status), smaps_rollup, and RSS/PSS per kind of mapping (smaps)."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem", "Threads"):
                out[k] = int(v.split()[0])
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[2] == "kB":
                out["rollup_" + parts[0].rstrip(":")] = int(parts[1])
    kinds, files = {}, {}
    name = path = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            first = line.split(None, 1)[0]
            if re.match(r"^[0-9a-f]+-[0-9a-f]+$", first):
                fields = line.split()
                path = fields[5] if len(fields) > 5 else "[anon]"
                base = os.path.basename(path)
                if base.startswith("libQt6"):
                    name = "Qt 6 libraries"
                elif path.startswith("/") and ".so" in base:
                    name = "other shared libraries"
                elif path.endswith("mps-client"):
                    name = "mps-client executable"
                elif path in ("[heap]", "[anon]"):
                    name = "heap and anonymous"
                elif path.startswith("/memfd:") or "SYSV" in path or path.startswith("/dev/shm"):
                    name = "shared memory (X/MIT-SHM, memfd)"
                elif path.startswith("/"):
                    name = "other files (fonts, locale, caches)"
                else:
                    name = path  # [stack], [vvar], ...
                continue
            if first in ("Rss:", "Pss:"):
                key = "rss_kb" if first == "Rss:" else "pss_kb"
                for table, k in ((kinds, name), (files, os.path.basename(path))):
                    d = table.setdefault(k, {"rss_kb": 0, "pss_kb": 0})
                    d[key] += int(line.split()[1])
    out["by_mapping"] = dict(sorted(kinds.items(), key=lambda kv: -kv[1]["rss_kb"]))
    out["top_files"] = dict(sorted(files.items(), key=lambda kv: -kv[1]["rss_kb"])[:12])
    return out


# --------------------------------------------------------------------------- part A: the tray app

class TrayDesktop:
    """mps-server over TLS with demo data, Xvfb + trayer, private D-Bus + gnome-keyring (as root)."""

    def __init__(self, bin_dir, work):
        self.bin_dir, self.work = bin_dir, work
        self.procs = []
        self.home = os.path.join(work, "home")
        self.runtime = os.path.join(work, "runtime")
        for d in (self.home, self.runtime):
            os.makedirs(d, mode=0o700)
        self.settings = os.path.join(work, "mps-client.conf")
        # The capture outbox (like /var/spool/mps-outbox: root's, 1733), so the capture service runs.
        self.outbox = os.path.join(work, "outbox")
        os.makedirs(self.outbox)
        os.chmod(self.outbox, 0o1733)
        self.password = "client-bench-1"

    def spawn(self, name, argv, env=None, stdin=None):
        log_file = open(os.path.join(self.work, f"{name}.log"), "ab")
        p = subprocess.Popen(argv, stdin=stdin or subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                             env=env, start_new_session=True, close_fds=True)
        log_file.close()
        self.procs.append(p)
        return p

    def start(self):
        admin = os.path.join(self.bin_dir, "server", "mps-admin")
        data = os.path.join(self.work, "data")

        def run_admin(*args, stdin=None):
            subprocess.run([admin, "--data", data, *args], input=stdin, check=True, stdout=subprocess.DEVNULL)
        run_admin("user", "add", "kim", "--department", "Finance", "--password-stdin",
                  stdin=(self.password + "\n").encode())
        run_admin("printer", "add", "3F-East", "--uri", "ipp://127.0.0.1:9/ipp/print", "--location", "3rd floor")
        run_admin("printer", "add", "2F-West", "--uri", "ipp://127.0.0.1:9/ipp/print", "--location", "2nd floor")
        port = peers.free_port()
        self.server = self.spawn("server", [os.path.join(self.bin_dir, "server", "mps-server"), "--data", data,
                                            "--listen", f"127.0.0.1:{port}"])
        self.url = f"https://127.0.0.1:{port}"
        ctx = ssl.create_default_context()
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        self.ctx = ctx

        def healthy():
            try:
                with urllib.request.urlopen(self.url + "/healthz", context=ctx, timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False
        peers._wait_until(healthy, 30, 0.1, "mps-server (TLS)")
        token = self.request("POST", "/api/v1/session", json.dumps({"username": "kim", "password": self.password})
                             .encode(), {"Content-Type": "application/json"})["token"]
        docs = [("/usr/share/cups/data/default-testpage.pdf", "회의록 2026-11-23.pdf", "&copies=2"),
                ("/usr/share/cups/data/form_english.pdf", "2027 budget request.pdf", "&sides=two-sided-long-edge"),
                ("/usr/share/cups/data/standard.pdf", "주간 업무 보고.pdf", ""),
                ("/usr/share/cups/data/default-testpage.pdf", "site-plan.pdf", "&colorMode=monochrome")]
        for path, name, query in docs:
            with open(path, "rb") as f:
                self.request("POST", f"/api/v1/jobs?name={urllib.parse.quote(name)}{query}", f.read(),
                             {"Content-Type": "application/pdf", "Authorization": f"Bearer {token}"})

        # X server and tray host
        display = None
        for n in range(140, 200):
            if not os.path.exists(f"/tmp/.X{n}-lock") and not os.path.exists(f"/tmp/.X11-unix/X{n}"):
                display = f":{n}"
                break
        self.display = display
        self.spawn("xvfb", ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        peers._wait_until(lambda: os.path.exists(f"/tmp/.X11-unix/X{display[1:]}"), 10, 0.05, "Xvfb")
        xenv = dict(os.environ, DISPLAY=display)
        self.spawn("trayer", ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height",
                              "32", "--SetDockType", "true", "--transparent", "false", "--expand", "false"], env=xenv)
        # Private session bus with an unlocked keyring (what QtKeychain talks to).
        bus = os.path.join(self.runtime, "bus")
        self.bus_address = f"unix:path={bus}"
        base_env = self.env()
        self.spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--address={self.bus_address}"],
                   env=base_env)
        peers._wait_until(lambda: os.path.exists(bus), 10, 0.05, "D-Bus")
        keyring = self.spawn("keyring", ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                             env=base_env, stdin=subprocess.PIPE)
        keyring.stdin.write(b"keyring-pw")
        keyring.stdin.close()

        def secrets():
            out = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                  "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                                  "string:org.freedesktop.secrets"], env=base_env, capture_output=True, timeout=10)
            return b"boolean true" in out.stdout
        peers._wait_until(secrets, 15, 0.1, "Secret Service")
        time.sleep(1)  # trayer has claimed the tray selection

    def request(self, method, path, body, headers):
        req = urllib.request.Request(self.url + path, data=body, headers=headers, method=method)
        with urllib.request.urlopen(req, context=self.ctx, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def env(self, **extra):
        env = {"HOME": self.home, "USER": "root", "LOGNAME": "root", "PATH": "/usr/bin:/bin",
               "XDG_RUNTIME_DIR": self.runtime, "LANG": "C.UTF-8", "DISPLAY": self.display,
               "QT_QPA_PLATFORM": "xcb", "MPS_OUTBOX_BASE": self.outbox}
        if getattr(self, "bus_address", None):
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        env.update(extra)
        return env

    def client_argv(self, *args):
        return [os.path.join(self.bin_dir, "client", "mps-client"), "--lang", "en", "--settings", self.settings,
                *args]

    def sign_in(self):
        """The app's own sign-in (SignInDialog, certificate trusted, token into the keychain)."""
        shots = os.path.join(self.work, "shots")
        p = self.spawn("client-signin", self.client_argv("--screenshot-dir", shots),
                       env=self.env(MPS_SCREENSHOT_SERVER=self.url, MPS_SCREENSHOT_USER="kim",
                                    MPS_SCREENSHOT_PASSWORD=self.password))
        rc = p.wait(120)
        if rc != 0:
            raise RuntimeError(f"sign-in run failed rc={rc}: {peers._tail(os.path.join(self.work, 'client-signin.log'))}")
        with open(self.settings) as f:
            conf = f.read()
        assert "certificateSha256" in conf and "username=kim" in conf, conf

    def start_client(self, i):
        path = os.path.join(self.work, f"client-{i}.log")
        env = self.env(QT_LOGGING_RULES="mps.*.debug=true", QT_MESSAGE_PATTERN="%{time boot} %{category}: %{message}")
        log_file = open(path, "wb")
        t0 = time.monotonic()
        p = subprocess.Popen(self.client_argv(), stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                             env=env, start_new_session=True, close_fds=True)
        log_file.close()
        self.procs.append(p)
        return p, t0, path

    def close(self):
        for p in reversed(self.procs):
            peers._terminate(p, timeout=5)


def read_log(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def wait_visible(p, path, timeout=30):
    def found():
        if p.poll() is not None:
            raise RuntimeError(f"mps-client exited rc={p.returncode}:\n{read_log(path)}")
        return VISIBLE.search(read_log(path))
    return peers._wait_until(found, timeout, 0.005, "tray icon visible", lambda: read_log(path))


def timeline(path, t0):
    """Each log line with its time after the spawn (ms)."""
    out = []
    for line in read_log(path).splitlines():
        m = LINE_TIME.match(line)
        if m:
            out.append(f"{float(m.group(1)) * 1000 - t0 * 1000:8.1f} ms  {line[m.end():]}")
    return out


def bench_tray(args, bin_dir, result):
    work = tempfile.mkdtemp(prefix="bench-client-", dir=os.environ["MPS_PEER_TMP"])
    desk = TrayDesktop(bin_dir, work)
    try:
        desk.start()
        log(f"tray: server {desk.url}, display {desk.display}, signing in through the app")
        desk.sign_in()
        runs = []
        for i in range(args.runs):
            p, t0, path = desk.start_client(i)
            m = wait_visible(p, path)
            since_main, mono, main_at = (int(x) for x in m.groups())
            total = mono / 1000.0 - t0
            runs.append({"startup_s": total, "exec_to_main_ms": round(main_at - t0 * 1000, 1),
                         "main_to_visible_ms": since_main})
            log(f"tray run {i + 1}: {total * 1000:.0f} ms to the visible icon (exec->main "
                f"{main_at - t0 * 1000:.0f} ms, main->visible {since_main} ms)")
            time.sleep(1.5)  # let it finish restoring the session before it is stopped
            if i == 0:
                result["tray_timeline_run1"] = timeline(path, t0)
            peers._terminate(p, timeout=10)
            time.sleep(0.5)
        result["tray_startup_ms"] = stats_ms([r["startup_s"] for r in runs])
        result["tray_exec_to_main_ms"] = stats_ms([r["exec_to_main_ms"] / 1000 for r in runs])
        result["tray_main_to_visible_ms"] = stats_ms([r["main_to_visible_ms"] / 1000 for r in runs])
        result["tray_runs"] = runs

        # Idle memory of one signed-in instance.
        p, t0, path = desk.start_client("idle")
        wait_visible(p, path)
        time.sleep(3)
        mem_start = memory(p.pid)
        log(f"idle: waiting {args.idle} s (pid {p.pid})")
        time.sleep(args.idle)
        if p.poll() is not None:
            raise RuntimeError(read_log(path))
        mem = memory(p.pid)
        held = desk.request("POST", "/api/v1/session",
                            json.dumps({"username": "kim", "password": desk.password}).encode(),
                            {"Content-Type": "application/json"})["token"]
        jobs = desk.request("GET", "/api/v1/jobs", None, {"Authorization": f"Bearer {held}"})
        result["idle"] = {"seconds": args.idle, "held_jobs": len(jobs.get("jobs", [])),
                          "after_3s": {k: v for k, v in mem_start.items() if k != "by_mapping"},
                          "after_idle": mem, "log": timeline(path, t0)}
        log(f"idle: VmRSS {mem['VmRSS'] / 1024:.1f} MiB, Pss {mem['rollup_Pss'] / 1024:.1f} MiB, "
            f"RssAnon {mem['RssAnon'] / 1024:.1f} MiB, Pss_Anon {mem.get('rollup_Pss_Anon', 0) / 1024:.1f} MiB")
        peers._terminate(p, timeout=10)
    finally:
        desk.close()
        if os.environ.get("MPS_KEEP_PEER_DIRS"):
            log(f"kept {work}")


# --------------------------------------------------------------------------- part B: capture

def bench_capture(args, result):
    os.environ.setdefault("MPS_SOURCE_DIR", REPO)
    sys.path.insert(0, os.path.join(REPO, "tests", "integration"))
    import test_capture as tc  # reads MPS_BUILD_DIR at import
    cls = tc.CaptureTest
    cls.setUpClass()
    try:
        case = cls("test_each_user_gets_their_own_job")
        user = tc.USERS[0]
        api = cls.server.api()
        api.login(user, tc.PASSWORD)

        def listed(title):
            status, body = api.get("jobs")
            if status != 200:
                raise RuntimeError(body)
            return [j for j in body["jobs"] if j["name"].split(tc.MARKER)[0] == title]
        lat, uploaded = [], []
        for i in range(args.jobs + args.warmup):
            title = f"bench-capture-{i}-{os.getpid()}"
            t0 = time.monotonic()
            case.lp_ok(user, title)
            t_lp = time.monotonic() - t0
            jobs = peers._wait_until(lambda: listed(title), 60, 0.005, f"{title} on the server")
            t = time.monotonic() - t0
            assert jobs[0]["state"] == "held" and jobs[0]["owner"] == user, jobs
            if i >= args.warmup:
                lat.append(t)
                uploaded.append(t_lp)
            log(f"capture {i + 1}{' (warm-up)' if i < args.warmup else ''}: {t * 1000:.0f} ms "
                f"(lp returned after {t_lp * 1000:.0f} ms)")
            time.sleep(0.3)
        result["capture_ms"] = stats_ms(lat)
        result["capture_lp_returns_ms"] = stats_ms(uploaded)
    finally:
        cls.doClassCleanups()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--idle", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--skip-tray", action="store_true")
    ap.add_argument("--skip-capture", action="store_true")
    ap.add_argument("--out", default="client")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("bench_client: run as root (capture: useradd, runuser, a root-run CUPS backend)")
    for tool in ("Xvfb", "trayer", "dbus-daemon", "gnome-keyring-daemon", "dbus-send", "lp"):
        if not shutil.which(tool):
            sys.exit(f"bench_client: {tool} is missing")

    bin_dir = os.path.join(common.RESULTS, "bin-client")
    result = {"machine": common.machine_info(), "loadavg_before": uptime(), "args": vars(args)}
    result["binaries"] = snapshot(bin_dir)
    os.environ["MPS_BUILD_DIR"] = bin_dir
    meter = common.LoadMeter()
    if not args.skip_tray:
        bench_tray(args, bin_dir, result)
    if not args.skip_capture:
        bench_capture(args, result)
    result["load"] = meter.stop()
    result["loadavg_after"] = uptime()
    common.save(args.out, result)
    for key in ("tray_startup_ms", "tray_exec_to_main_ms", "tray_main_to_visible_ms", "capture_ms",
                "capture_lp_returns_ms"):
        if key in result:
            print(f"{key}: {result[key]}")
    if "idle" in result:
        m = result["idle"]["after_idle"]
        print("idle:", {k: v for k, v in m.items() if k != "by_mapping"})
        print("by mapping:", json.dumps(m["by_mapping"], ensure_ascii=False))
        print("top files:", json.dumps(m["top_files"], ensure_ascii=False))


if __name__ == "__main__":
    main()
