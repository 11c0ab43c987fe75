"""Shared helpers for the MPS benchmarks (stdlib only; run under /usr/bin/python3).

Peers come from tests/fixtures/peers.py (imported from the repository, not copied).
"""
import ctypes
import datetime
import http.client
import json
import os
import platform
import re
import resource
import select
import socket
import ssl
import statistics
import struct
import subprocess
import sys
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
sys.path.insert(0, os.path.join(REPO, "tests", "fixtures"))

# The peers' temp dirs go into a private directory, not /tmp/mps-*: during a run on the shared
# machine something else deleted a running benchmark server's /tmp/mps-server-XXXX tree.
if not os.environ.get("MPS_PEER_TMP"):
    import atexit
    import shutil
    import tempfile
    _peer_base = tempfile.mkdtemp(prefix="benchpeers-", dir="/tmp")
    os.chmod(_peer_base, 0o755)  # cupsd's filters and backends run as lp
    os.environ["MPS_PEER_TMP"] = _peer_base
    if not os.environ.get("MPS_KEEP_PEER_DIRS"):
        atexit.register(shutil.rmtree, _peer_base, True)

import peers  # noqa: E402  (tests/fixtures/peers.py)
import mkpdf  # noqa: E402,F401

BUILD_DIR = os.environ.get("MPS_BUILD_DIR", os.path.join(REPO, "build"))
RESULTS = os.environ.get("MPS_BENCH_RESULTS", os.path.join(BENCH_DIR, "results"))
DOCS = os.path.join(RESULTS, "docs")
PASSWORD = "bench-password-1"

MiB = 1024 * 1024


def snapshot_build():
    """Copy mps-server and mps-admin out of the shared build tree (other sessions rebuild it
    while benchmarks run) into results/bin/server/; returns the directory to use as build_dir
    and a description of the binary (sha256, mtime, HEAD when copied).
    MPS_BENCH_SNAPSHOT=0 runs the build tree as is; =keep reuses an earlier copy (run-all.sh
    copies once, so every benchmark of a run tests the same binary)."""
    import hashlib
    import shutil
    mode = os.environ.get("MPS_BENCH_SNAPSHOT", "1")
    src = os.path.join(BUILD_DIR, "server")
    dest_root = BUILD_DIR if mode == "0" else os.path.join(RESULTS, "bin")
    meta_path = os.path.join(dest_root, "snapshot.json")
    if mode == "keep" and os.path.exists(meta_path):
        with open(meta_path) as f:
            return dest_root, json.load(f)
    if mode != "0":
        os.makedirs(os.path.join(dest_root, "server"), exist_ok=True)
        for name in ("mps-server", "mps-admin"):
            tmp = os.path.join(dest_root, "server", name + ".tmp")
            shutil.copy2(os.path.join(src, name), tmp)
            os.replace(tmp, os.path.join(dest_root, "server", name))
    binary = os.path.join(dest_root, "server", "mps-server")
    with open(binary, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    mtime = datetime.datetime.fromtimestamp(os.path.getmtime(binary),
                                            datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    m = machine_info()
    meta = {"server_sha256": digest[:16], "built": mtime, "run_from": binary,
            "head_when_copied": f"{m['commit']} ({m['tree']} tree)"}
    if mode != "0":
        with open(meta_path, "w") as f:
            json.dump(meta, f)
    return dest_root, meta


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


# --------------------------------------------------------------------------- machine and load

def machine_info():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))

    def git(*args):
        try:
            return subprocess.run(["git", "-C", REPO, *args], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"
    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "commit": git("rev-parse", "--short", "HEAD"),
        "tree": "dirty" if status not in ("", "?") else "clean",
        "cups": _version(["cupsd", "-v"]) or _dpkg_version("cups-daemon"),
        "mps_server": os.path.join(BUILD_DIR, "server", "mps-server"),
    }


def _version(argv):
    try:
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"\d+\.\d+\.\d+", out)
    return m.group(0) if m else None


def _dpkg_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True).stdout.strip() or None
    except OSError:
        return None


def _cpu_fields():
    """The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal ..."""
    with open("/proc/stat") as f:
        return [int(x) for x in f.readline().split()[1:]]


def _stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    return stat[stat.rfind(")") + 2:].split()


def proc_cpu_seconds(pid):
    """CPU seconds of one process (all threads) plus its reaped children (cupsd's filters,
    ippeveprinter's -c command), from /proc/PID/stat."""
    try:
        fields = _stat_fields(pid)
    except OSError:
        return None
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / os.sysconf("SC_CLK_TCK")


def _process_table():
    """{(pid, start time): (ppid, own cpu s, cpu incl. reaped children s, comm, kernel thread?)}."""
    table = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.find("(") + 1:stat.rfind(")")]
        fields = stat[stat.rfind(")") + 2:].split()
        try:
            ppid, flags, start = int(fields[1]), int(fields[6]), int(fields[19])
            own = (int(fields[11]) + int(fields[12])) / tick
            children = (int(fields[13]) + int(fields[14])) / tick
        except (IndexError, ValueError):
            continue
        table[(int(entry), start)] = (ppid, own, own + children, comm, bool(flags & 0x00200000))  # PF_KTHREAD
    return table


def _classify(table):
    """{(pid, start): (class, cpu seconds, comm)}, class 'ours' (descendants of this process;
    cpu includes their reaped children), 'kernel' (kernel threads) or 'other' (other sessions;
    own cpu only)."""
    me = os.getpid()
    parent = {pid: v[0] for (pid, _), v in table.items()}
    out = {}
    for key, (ppid, own, total, comm, kthread) in table.items():
        pid = key[0]
        if pid == me:
            continue
        if kthread or pid == 2 or ppid == 2:
            out[key] = ("kernel", own, comm)
            continue
        p, hops = ppid, 0
        while p and p != me and hops < 64:
            p, hops = parent.get(p, 0), hops + 1
        out[key] = ("ours", total, comm) if p == me else ("other", own, comm)
    return out


class LoadMeter:
    """Machine CPU use over an interval (all cores, from /proc/stat) and whose it was:
    - ours: this process, its reaped children (ipptool, mps-admin) and every live descendant
      (servers, printers, cupsd with its filters);
    - kernel: kernel threads (writeback of what the servers wrote, ksoftirqd, ...) plus
      interrupt/softirq time (loopback networking);
    - others_pct: the rest, i.e. other sessions' processes on the shared machine (including
      ones that started and ended within the interval), in % of the whole machine;
      `other_top` names the busiest other processes that were visible at the end.
    `proc_cpu_s` gives CPU seconds of the named processes."""

    def __init__(self, pids=()):
        self.pids = {name: pid for name, pid in dict(pids).items() if pid}
        self.start()

    def start(self):
        self.t0 = time.monotonic()
        self.stat0 = _cpu_fields()
        self.proc0 = {n: proc_cpu_seconds(p) or 0.0 for n, p in self.pids.items()}
        self.table0 = _classify(_process_table())
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        me = resource.getrusage(resource.RUSAGE_SELF)
        self.own0 = ru.ru_utime + ru.ru_stime + me.ru_utime + me.ru_stime
        self.load0 = os.getloadavg()[0]

    def stop(self):
        wall = time.monotonic() - self.t0
        stat1 = _cpu_fields()
        delta = [b - a for a, b in zip(self.stat0, stat1)]
        total = max(1, sum(delta[:8]))
        idle = delta[3] + delta[4]
        irq = delta[5] + delta[6]
        busy_pct = 100.0 * (total - idle) / total
        irq_pct = 100.0 * irq / total
        steal_pct = 100.0 * delta[7] / total
        ncpu = os.cpu_count() or 1
        proc = {n: round((proc_cpu_seconds(p) or 0.0) - self.proc0[n], 3) for n, p in self.pids.items()}
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        me = resource.getrusage(resource.RUSAGE_SELF)
        sums = {"ours": ru.ru_utime + ru.ru_stime + me.ru_utime + me.ru_stime - self.own0,
                "kernel": 0.0, "other": 0.0}
        other_procs = []
        for key, (cls, cpu, comm) in _classify(_process_table()).items():
            before = self.table0.get(key)
            if before is None and cls == "kernel":
                continue  # a kernel thread that appeared meanwhile: its time is unknown, skip
            d = max(0.0, cpu - (before[1] if before else 0.0))
            sums[cls] += d
            if cls == "other" and d > 0.05 * wall:
                other_procs.append((d, comm))
        pct = {k: 100.0 * v / max(wall, 1e-9) / ncpu for k, v in sums.items()}
        kernel_pct = pct["kernel"] + irq_pct
        others_pct = max(0.0, busy_pct - pct["ours"] - kernel_pct - steal_pct)
        return {"wall_s": round(wall, 3), "machine_busy_pct": round(busy_pct, 1),
                "ours_pct": round(min(100.0, pct["ours"]), 1), "kernel_pct": round(kernel_pct, 1),
                "steal_pct": round(steal_pct, 1), "others_pct": round(others_pct, 1),
                "other_top": [f"{comm} {100 * d / wall:.0f}%" for d, comm in sorted(other_procs, reverse=True)[:3]],
                "proc_cpu_s": proc, "loadavg_1m": [round(self.load0, 2), round(os.getloadavg()[0], 2)]}


def load_snapshot():
    """Top CPU users right now (other engineers' tests share the machine)."""
    out = subprocess.run(["ps", "-eo", "pcpu,rss,comm", "--sort=-pcpu"], stdout=subprocess.PIPE,
                         text=True).stdout.splitlines()
    return {"loadavg": os.getloadavg(), "top": [line.strip() for line in out[1:6]]}


# --------------------------------------------------------------------------- statistics

def percentile(values, p):
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary_ms(seconds):
    ms = [v * 1000.0 for v in seconds]
    return {"n": len(ms), "min": round(min(ms), 2), "p50": round(statistics.median(ms), 2),
            "p90": round(percentile(ms, 90), 2), "p95": round(percentile(ms, 95), 2),
            "p99": round(percentile(ms, 99), 2), "max": round(max(ms), 2),
            "mean": round(statistics.fmean(ms), 2)}


# --------------------------------------------------------------------------- processes

def proc_status(pid):
    """VmRSS, VmHWM, Threads ... from /proc/PID/status, in kB (Threads as a count)."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "VmSize", "VmPeak", "RssAnon", "RssFile", "Threads"):
                out[key] = int(value.split()[0])
    return out


class RssSampler(threading.Thread):
    """Samples VmRSS of pid every `interval` s; .max_kb is the highest sample."""

    def __init__(self, pid, interval=0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.max_kb = 0
        self.samples = 0
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            try:
                rss = proc_status(self.pid)["VmRSS"]
            except (OSError, KeyError):
                break
            self.max_kb = max(self.max_kb, rss)
            self.samples += 1
            self._halt.wait(self.interval)

    def stop(self):
        self._halt.set()
        self.join(5)
        return self.max_kb


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


# --------------------------------------------------------------------------- HTTP

class Http:
    """One persistent HTTP/1.1 connection (keep-alive), reconnecting when the server closed it.
    request() returns (status, body bytes, seconds from send to full body)."""

    def __init__(self, host, port, token=None, timeout=600, tls=False):
        self.host, self.port, self.token, self.timeout, self.tls = host, port, token, timeout, tls
        self.conn = None
        self.reconnects = -1

    def _connect(self):
        if self.tls:  # the server's own self-signed certificate: not verified
            self.conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                                    blocksize=1 << 20, context=unverified_tls())
        else:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                   blocksize=1 << 20)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reconnects += 1

    def request(self, method, path, body=None, headers=None, *, encode_chunked=False):
        hdrs = {}
        if self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        for attempt in (0, 1):
            if self.conn is None:
                self._connect()
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=hdrs, encode_chunked=encode_chunked)
                resp = self.conn.getresponse()
                data = resp.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A keep-alive connection the server had closed: retry once on a new one
                # (only for bodies that can be re-sent).
                self.close()
                if attempt or not (body is None or isinstance(body, (bytes, str))):
                    raise
                continue
            dt = time.perf_counter() - t0
            if resp.will_close:
                self.close()
            return resp.status, data, dt
        raise RuntimeError("unreachable")

    def json(self, method, path, body=None, headers=None):
        status, data, _ = self.request(method, path, body, headers)
        try:
            return status, json.loads(data) if data else None
        except ValueError:
            return status, data.decode("utf-8", "replace")

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def unverified_tls():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def mps_login(port, user, password=PASSWORD, tls=False):
    h = Http("127.0.0.1", port, tls=tls)
    status, body = h.json("POST", "/api/v1/session", {"username": user, "password": password})
    if status != 200:
        raise RuntimeError(f"login {user}: HTTP {status} {body}")
    h.token = body["token"]
    return h


def mps_add_user(server, name, password=PASSWORD, department="Bench"):
    server.admin("user", "add", name, "--department", department, "--password-stdin",
                 stdin=password + "\n")


# --------------------------------------------------------------------------- inotify

_IN_MODIFY, _IN_CLOSE_WRITE, _IN_CREATE = 0x2, 0x8, 0x100
_libc = ctypes.CDLL(None, use_errno=True)


class SpoolWatcher(threading.Thread):
    """Timestamps (time.perf_counter) of the first write and the close of each document file
    ippeveprinter keeps in its spool dir ("<job-id>-<name>.<ext>", -k), via inotify.

    first_write[job_id] = when the first document bytes were written to disk by the printer
    (the printer had just read them from its socket); closed[job_id] = document complete."""

    NAME_RE = re.compile(r"^(\d+)-(.*)\.([A-Za-z0-9]+)$")

    def __init__(self, directory):
        super().__init__(daemon=True)
        self.fd = _libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        wd = _libc.inotify_add_watch(self.fd, os.fsencode(directory),
                                     _IN_MODIFY | _IN_CLOSE_WRITE | _IN_CREATE)
        if wd < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {directory}")
        self.created, self.first_write, self.closed = {}, {}, {}
        self.cond = threading.Condition()
        self._stop_r, self._stop_w = os.pipe()
        self.start()

    def run(self):
        poller = select.poll()
        poller.register(self.fd, select.POLLIN)
        poller.register(self._stop_r, select.POLLIN)
        while True:
            ready = poller.poll()
            now = time.perf_counter()
            if any(fd == self._stop_r for fd, _ in ready):
                return
            try:
                buf = os.read(self.fd, 65536)
            except BlockingIOError:
                continue
            pos = 0
            with self.cond:
                while pos + 16 <= len(buf):
                    _wd, mask, _cookie, length = struct.unpack_from("iIII", buf, pos)
                    name = buf[pos + 16:pos + 16 + length].rstrip(b"\0").decode("utf-8", "replace")
                    pos += 16 + length
                    m = self.NAME_RE.match(name)
                    if not m or m.group(3) == "prn" or m.group(2).startswith("mps-fixture-control"):
                        continue
                    job = int(m.group(1))
                    if mask & _IN_CREATE:
                        self.created.setdefault(job, now)
                    if mask & _IN_MODIFY:
                        self.first_write.setdefault(job, now)
                    if mask & _IN_CLOSE_WRITE:
                        self.closed.setdefault(job, now)
                self.cond.notify_all()

    def known_jobs(self):
        with self.cond:
            return set(self.created) | set(self.first_write)

    def wait_new(self, before, timeout=60):
        """Wait for a job id not in `before` to be written and closed; returns
        (job_id, created, first_write, closed)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                new = [j for j in self.closed if j not in before]
                if new:
                    j = min(new)
                    return j, self.created.get(j), self.first_write.get(j), self.closed[j]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no new document arrived at the printer")
                self.cond.wait(left)

    def close(self):
        os.write(self._stop_w, b"x")
        self.join(5)
        os.close(self.fd)
        os.close(self._stop_r)
        os.close(self._stop_w)


# --------------------------------------------------------------------------- minimal IPP

def _ipp_attr(tag, name, value):
    v = value if isinstance(value, bytes) else (value.encode() if isinstance(value, str)
                                               else struct.pack(">i", value))
    return struct.pack(">BH", tag, len(name)) + name.encode() + struct.pack(">H", len(v)) + v


def ipp_request(op, request_id, attrs):
    """An IPP/1.1 request with one operation-attributes group; attrs = [(tag, name, value)]."""
    out = struct.pack(">BBHI", 1, 1, op, request_id) + b"\x01"
    out += _ipp_attr(0x47, "attributes-charset", "utf-8")
    out += _ipp_attr(0x48, "attributes-natural-language", "en")
    for tag, name, value in attrs:
        out += _ipp_attr(tag, name, value)
    return out + b"\x03"


def ipp_status(body):
    """The status-code of an IPP response."""
    return struct.unpack(">H", body[2:4])[0] if len(body) >= 4 else None


IPP_PRINT_JOB, IPP_RELEASE_JOB = 0x0002, 0x000D
TAG_URI, TAG_NAME, TAG_INTEGER, TAG_MIME = 0x45, 0x42, 0x21, 0x49


# --------------------------------------------------------------------------- output

def save(name, data):
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, f"{name}.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
    log(f"results written to {path}")
    return path


def md_table(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(lines)
