#!/usr/bin/python3
"""Idle push subscribers and request latency (issue 14 §1), on loopback.

A fresh mps-server (per-address and per-user stream caps raised so one user on a few addresses can
hold them all). For each step N (default 1,000 / 5,000 / 10,000) the benchmark adds subscribers
until N are open: each sends GET /api/v1/events and reads its response head and ": connected"
(one selector thread reads them all, as a client would not notice the difference). Then, with N
idle subscribers held:
  - server memory per idle subscriber: (VmRSS with N - VmRSS before any) / N, after the server has
    been idle a moment (VmRSS from /proc/PID/status; glibc keeps freed heap, so this is an upper
    bound of what the streams hold);
  - request latency: 300 GET /api/v1/jobs on one keep-alive connection, p50 / p99;
  - fan-out: one job upload, time until every subscriber has the job-held event.
Plain HTTP by default; --tls runs the same over TLS (handshakes from 8 threads).

Usage: MPS_BUILD_DIR=build bench/bench_connections.py [--steps 1000,5000,10000] [--tls]
"""
import argparse
import http.client
import json
import os
import resource
import selectors
import socket
import ssl
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (PASSWORD, log, machine_info, md_table, mps_add_user, peers, percentile,  # noqa: E402
                    proc_status, save, snapshot_build, unverified_tls)


class Subscribers:
    def __init__(self, port, token, tls):
        self.port, self.token, self.tls = port, token, tls
        self.sel = selectors.DefaultSelector()
        self.socks = []
        self.connected = 0
        self.got = {}  # index -> bytes seen since mark()
        self.marker = None
        self.hits = 0
        self.lock = threading.Lock()
        self.stop = False
        self.ctx = unverified_tls()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def _open(self, i):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=60,
                                     source_address=(f"127.0.2.{1 + i % 200}", 0))
        if self.tls:
            s = self.ctx.wrap_socket(s)
        s.sendall((f"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {self.token}\r\n"
                   "Accept: text/event-stream\r\n\r\n").encode())
        s.setblocking(False)
        return s

    def add(self, n):
        start = len(self.socks)
        with ThreadPoolExecutor(8 if self.tls else 1) as pool:
            for s in pool.map(self._open, range(start, start + n)):
                with self.lock:
                    self.sel.register(s, selectors.EVENT_READ, len(self.socks))
                    self.socks.append(s)
                    self.got[len(self.socks) - 1] = b""

    def mark(self, needle):
        with self.lock:
            self.marker = needle.encode()
            self.hits = 0
            for k in self.got:
                self.got[k] = b""

    def run(self):
        while not self.stop:
            for key, _ in self.sel.select(timeout=0.1):
                try:
                    data = key.fileobj.recv(65536)
                except (BlockingIOError, ssl.SSLWantReadError):
                    continue
                except OSError:
                    data = b""
                with self.lock:
                    if not data:
                        self.sel.unregister(key.fileobj)
                        continue
                    i = key.data
                    buf = self.got[i] + data
                    if b": connected" in data:
                        self.connected += 1
                    if self.marker is not None and self.marker in buf and self.marker not in self.got[i]:
                        self.hits += 1
                    self.got[i] = buf[-4096:]

    def close(self):
        self.stop = True
        self.thread.join(5)
        for s in self.socks:
            try:
                s.close()
            except OSError:
                pass


def wait(pred, timeout, what):
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.05)


def latency(port, token, n=300):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.request("GET", "/api/v1/jobs", headers={"Authorization": f"Bearer {token}"})
        resp = conn.getresponse()
        resp.read()
        times.append(time.perf_counter() - t0)
        assert resp.status == 200, resp.status
    conn.close()
    return percentile(times, 50) * 1000, percentile(times, 99) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", default="1000,5000,10000")
    ap.add_argument("--tls", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < max(steps) + 200:
        log(f"open-file hard limit {hard}: steps above {hard - 200} skipped")
        steps = [s for s in steps if s <= hard - 200]
    build_dir, binary = snapshot_build()
    tmp = peers._make_dir("bench-conn-")
    ini = os.path.join(tmp, "server.ini")
    with open(ini, "w") as f:
        f.write("max-connections-per-address=1000\nmax-event-streams-per-user=100000\n")
    server = peers.MpsServer(build_dir=build_dir, extra_args=["--config", ini])
    try:
        mps_add_user(server, "kim")
        api = server.api()
        api.login("kim", PASSWORD)
        token = api.token
        with open("/usr/share/cups/data/default-testpage.pdf", "rb") as f:  # one page, CUPS's own
            pdf = f.read()
        time.sleep(1)
        base = proc_status(server.pid)["VmRSS"]  # KiB
        p50, p99 = latency(server.port, token)
        rows = [{"subscribers": 0, "rss_kib": base, "per_sub_kib": None, "p50_ms": p50, "p99_ms": p99,
                 "fanout_s": None}]
        log(f"0 subscribers: RSS {base} KiB, GET /api/v1/jobs p50 {p50:.2f} ms p99 {p99:.2f} ms")
        subs = Subscribers(server.port, token, args.tls)
        try:
            for n in steps:
                subs.add(n - len(subs.socks))
                wait(lambda: subs.connected >= n, 600, f"{n} subscribers connected")
                time.sleep(2)  # let the server settle before reading its RSS (not a test)
                rss = proc_status(server.pid)["VmRSS"]
                p50, p99 = latency(server.port, token)
                subs.mark('"job-held"')
                t0 = time.perf_counter()
                status, body = api.post("jobs?name=fanout.pdf", raw=pdf,
                                        headers={"Content-Type": "application/pdf"})
                assert status == 201, (status, body)
                wait(lambda: subs.hits >= n, 300, "fan-out to every subscriber")
                fan = time.perf_counter() - t0
                per = (rss - base) / n
                rows.append({"subscribers": n, "rss_kib": rss, "per_sub_kib": per, "p50_ms": p50,
                             "p99_ms": p99, "fanout_s": fan})
                log(f"{n} subscribers: RSS {rss} KiB ({per:.1f} KiB each), GET /api/v1/jobs p50 {p50:.2f} ms "
                    f"p99 {p99:.2f} ms, job-held to all {fan:.2f} s")
        finally:
            subs.close()
        result = {"machine": machine_info(), "binary": binary, "tls": args.tls, "rows": rows}
        save(args.out or ("connections-tls" if args.tls else "connections"), result)
        print(md_table(["subscribers", "server RSS KiB", "KiB per subscriber", "p50 ms", "p99 ms",
                        "job-held to all, s"],
                       [[r["subscribers"], r["rss_kib"],
                         "" if r["per_sub_kib"] is None else f"{r['per_sub_kib']:.1f}",
                         f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.2f}",
                         "" if r["fanout_s"] is None else f"{r['fanout_s']:.2f}"] for r in rows]))
    finally:
        server.close()


if __name__ == "__main__":
    main()
