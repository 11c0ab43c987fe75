#!/usr/bin/python3
"""Soak: does mps-server hold steady under hours of mixed load? (issue 14, "the server under load")

A fresh mps-server (plain HTTP on loopback, its embedded default store) with one ippeveprinter as
its MFP. For --minutes, --workers threads each act as one user, in a loop:
  - upload a small PDF over REST, list their jobs, ask for its thumbnail;
  - release every second job to the MFP once the job it released before has printed (one job per
    worker on the printer at a time), delete the others; every fifth job is sent over IPP Print-Job
    (Basic) instead of REST and deleted;
  - sign out and in again every 25 rounds (a new session token each time).
Beside them: push subscribers that come and go (--streams held; every 5 s a quarter are closed
and reopened with Last-Event-ID), and wrong passwords from other source addresses (one every
--wrong-every seconds, throttled by the server as an attacker would be).

Every --sample seconds: the server's VmRSS and RssAnon, threads, open file descriptors, CPU
seconds, and the operations done so far. After the load stops and the server has been idle
a moment, one more sample. What is reported: RSS, descriptors and threads after the warm-up
(--warmup minutes) against the end, and the RSS trend over the loaded samples after the warm-up
(least squares) in KiB per 1,000 jobs. A leak shows as a trend that does not flatten; descriptors
or threads that grow with the jobs are a leak whatever the RSS does.

Usage: MPS_BUILD_DIR=build bench/bench_soak.py [--minutes 20] [--workers 4] [--streams 20] [--tls]
"""
import argparse
import base64
import http.client
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, IPP_PRINT_JOB, PASSWORD, TAG_MIME, TAG_NAME, TAG_URI, Http,  # noqa: E402
                    ipp_request, log, machine_info, md_table, mkpdf, mps_add_user, mps_login, peers,
                    proc_cpu_seconds, proc_status, save, snapshot_build, unverified_tls)

class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.n = {}

    def add(self, key, k=1):
        with self.lock:
            self.n[key] = self.n.get(key, 0) + k

    def snapshot(self):
        with self.lock:
            return dict(self.n)


class Worker(threading.Thread):
    def __init__(self, port, user, pdf, counters, stop, tls):
        super().__init__(daemon=True)
        self.port, self.user, self.pdf, self.c, self.stop, self.tls = port, user, pdf, counters, stop, tls
        self.errors = []
        self.releasing = None  # the job this worker released last, until it has printed

    def fail(self, what, status, body):
        self.c.add("errors")
        if len(self.errors) < 20:
            self.errors.append(f"{self.user}: {what}: HTTP {status} {str(body)[:200]}")

    def run(self):
        api = mps_login(self.port, self.user, tls=self.tls)
        ipp = Http("127.0.0.1", self.port, tls=self.tls)
        auth = "Basic " + base64.b64encode(f"{self.user}:{PASSWORD}".encode()).decode()
        uri = f"{'ipps' if self.tls else 'ipp'}://127.0.0.1:{self.port}/ipp/print"
        i = 0
        while not self.stop.is_set():
            i += 1
            try:
                if i % 25 == 0:
                    status, _, _ = api.request("DELETE", "/api/v1/session")
                    if status != 200:
                        self.fail("sign out", status, "")
                    api.close()
                    api = mps_login(self.port, self.user, tls=self.tls)
                    self.c.add("sign-ins")
                if i % 5 == 0:
                    request = ipp_request(IPP_PRINT_JOB, i, [(TAG_URI, "printer-uri", uri),
                                                             (TAG_NAME, "requesting-user-name", self.user),
                                                             (TAG_NAME, "job-name", f"soak-ipp-{i}"),
                                                             (TAG_MIME, "document-format", "application/pdf")])
                    status, body, _ = ipp.request("POST", "/ipp/print", request + self.pdf,
                                                  {"Content-Type": "application/ipp", "Authorization": auth})
                    if status != 200 or body[2:4] != b"\x00\x00":
                        self.fail("IPP Print-Job", status, body[:16].hex())
                        continue
                    self.c.add("ipp-jobs")
                    status, listed = api.json("GET", "/api/v1/jobs")
                    mine = [j for j in (listed or {}).get("jobs", []) if j.get("name") == f"soak-ipp-{i}"]
                    if status != 200 or not mine:
                        self.fail("the IPP job in my list", status, listed)
                        continue
                    job = mine[0]["id"]
                    status, body = api.json("DELETE", f"/api/v1/jobs/{job}")
                    if status != 200:
                        self.fail("delete", status, body)
                    self.c.add("deleted")
                    continue
                status, body, _ = api.request("POST", f"/api/v1/jobs?name=soak-{i}.pdf", self.pdf,
                                              {"Content-Type": "application/pdf"})
                if status != 201:
                    self.fail("upload", status, body)
                    continue
                job = json.loads(body)["job"]["id"]
                self.c.add("rest-jobs")
                status, _ = api.json("GET", "/api/v1/jobs")
                if status != 200:
                    self.fail("list", status, "")
                self.c.add("lists")
                status, _, _ = api.request("GET", f"/api/v1/jobs/{job}/thumbnail")
                if status not in (200, 202):
                    self.fail("thumbnail", status, "")
                if self.releasing is not None:
                    # One job at a time on the printer per worker, as a person at a desk would: an
                    # ippeveprinter prints a few jobs a second, fewer than the workers make.
                    status, body = api.json("GET", f"/api/v1/jobs/{self.releasing}")
                    if status != 200:
                        self.fail("the released job", status, body)
                        self.releasing = None
                    elif body["job"]["state"] not in ("releasing", "printing"):
                        self.c.add("printed" if body["job"]["state"] == "printed" else "not-printed")
                        self.releasing = None
                if i % 2 == 0 and self.releasing is None:
                    status, body = api.json("POST", f"/api/v1/jobs/{job}/release", {"printer": "mfp"})
                    if status != 202:
                        self.fail("release", status, body)
                    self.c.add("released")
                    self.releasing = job
                else:
                    status, body = api.json("DELETE", f"/api/v1/jobs/{job}")
                    if status != 200:
                        self.fail("delete", status, body)
                    self.c.add("deleted")
            except (OSError, http.client.HTTPException, ValueError) as e:
                self.fail("exception", 0, repr(e))
                api.close()
                ipp.close()
                time.sleep(0.5)
        api.close()
        ipp.close()


class Streams(threading.Thread):
    """`count` push subscribers; every 5 s a quarter are closed and reopened with Last-Event-ID."""

    def __init__(self, port, tokens, count, counters, stop, tls):
        super().__init__(daemon=True)
        self.port, self.tokens, self.count, self.c, self.stop = port, tokens, count, counters, stop
        self.tls = unverified_tls() if tls else None
        self.socks = []  # [socket, last id seen, bytes pending]
        self.errors = []

    def open(self, n, last_id=None):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        if self.tls:
            s = self.tls.wrap_socket(s)
        token = self.tokens[n % len(self.tokens)]
        extra = f"Last-Event-ID: {last_id}\r\n" if last_id else ""
        s.sendall((f"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                   f"Accept: text/event-stream\r\n{extra}\r\n").encode())
        s.setblocking(False)
        self.c.add("stream-opens")
        return [s, last_id, b""]

    def drain(self, entry):
        try:
            while True:
                data = entry[0].recv(65536)
                if not data:
                    return False
                entry[2] = (entry[2] + data)[-65536:]
                self.c.add("stream-bytes", len(data))
                for line in entry[2].split(b"\n"):
                    if line.startswith(b"id: "):
                        entry[1] = line[4:].strip().decode()
                entry[2] = entry[2][entry[2].rfind(b"\n") + 1:]
        except (BlockingIOError, ssl.SSLWantReadError):
            return True
        except OSError:
            return False

    def run(self):
        self.socks = [self.open(n) for n in range(self.count)]
        turn = 0
        while not self.stop.wait(0.2):
            for n, entry in enumerate(self.socks):
                if not self.drain(entry):
                    self.c.add("stream-drops")
                    entry[0].close()
                    self.socks[n] = self.open(n, entry[1])
            turn += 1
            if turn % 25 == 0:  # every ~5 s
                for n in range(turn // 25 % 4, self.count, 4):
                    last = self.socks[n][1]
                    self.socks[n][0].close()
                    self.socks[n] = self.open(n, last)
        for entry in self.socks:
            entry[0].close()


class WrongPasswords(threading.Thread):
    def __init__(self, port, every, counters, stop, tls):
        super().__init__(daemon=True)
        self.port, self.every, self.c, self.stop, self.tls = port, every, counters, stop, tls

    def run(self):
        k = 0
        while not self.stop.wait(self.every):
            k += 1
            try:
                where = {"timeout": 30, "source_address": (f"127.0.3.{1 + k % 50}", 0)}
                conn = (http.client.HTTPSConnection("127.0.0.1", self.port, context=unverified_tls(), **where)
                        if self.tls else http.client.HTTPConnection("127.0.0.1", self.port, **where))
                body = json.dumps({"username": f"soak{k % 4}", "password": "wrong-" + str(k)})
                conn.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
                status = conn.getresponse().status
                conn.close()
                self.c.add(f"wrong-{status}")
            except (OSError, http.client.HTTPException):
                self.c.add("wrong-errors")


def sample(pid, t0, counters):
    st = proc_status(pid)
    return {"t": round(time.monotonic() - t0, 1), "rssKiB": st.get("VmRSS"), "anonKiB": st.get("RssAnon"),
            "threads": st.get("Threads"), "fds": len(os.listdir(f"/proc/{pid}/fd")),
            "cpuS": round(proc_cpu_seconds(pid), 2), **counters.snapshot()}


def trend(points):
    """Least-squares slope of y over x."""
    n = len(points)
    if n < 2:
        return None
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--warmup", type=float, default=3, help="minutes before the trend is measured")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--streams", type=int, default=20, help="held in all (the server allows 8 per user)")
    ap.add_argument("--wrong-every", type=float, default=2.0)
    ap.add_argument("--sample", type=float, default=10)
    ap.add_argument("--tls", action="store_true", help="everything over TLS (plain HTTP by default)")
    ap.add_argument("--out", default="soak")
    a = ap.parse_args()

    # Started in the background, a script ignores SIGINT: make both signals end the run through the
    # finally below, which stops the server and the printer.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    build, binary = snapshot_build()
    pdf_path = os.path.join(DOCS, "soak-20KiB.pdf")
    os.makedirs(DOCS, exist_ok=True)
    mkpdf.write_pdf(pdf_path, 20 * 1024)
    with open(pdf_path, "rb") as f:
        pdf = f.read()

    printer = peers.IppEvePrinter("soak-mfp")
    server = peers.MpsServer(build)
    try:
        server.admin("printer", "add", "mfp", "--uri", printer.uri)
        users = [f"soak{w}" for w in range(a.workers)]
        for u in users:
            mps_add_user(server, u)
        tokens = [mps_login(server.port, u, tls=a.tls).token for u in users]
        counters = Counters()
        stop = threading.Event()
        t0 = time.monotonic()
        samples = [sample(server.pid, t0, counters)]
        log(f"server pid {server.pid}: {samples[0]}")
        threads = [Worker(server.port, u, pdf, counters, stop, a.tls) for u in users]
        threads.append(Streams(server.port, tokens, a.streams, counters, stop, a.tls))
        threads.append(WrongPasswords(server.port, a.wrong_every, counters, stop, a.tls))
        for t in threads:
            t.start()
        end = t0 + a.minutes * 60
        while time.monotonic() < end:
            time.sleep(min(a.sample, max(0.0, end - time.monotonic())))
            s = sample(server.pid, t0, counters)
            samples.append(s)
            log(json.dumps(s))
            if not server.running():
                raise RuntimeError("mps-server died")
        stop.set()
        for t in threads:
            t.join(60)
        time.sleep(15)  # releases finish, idle connections close
        idle = sample(server.pid, t0, counters)
        log("idle:", json.dumps(idle))
        errors = [e for t in threads for e in getattr(t, "errors", [])]

        loaded = [s for s in samples if s["t"] >= a.warmup * 60]
        jobs = lambda s: s.get("rest-jobs", 0) + s.get("ipp-jobs", 0)  # noqa: E731
        slope = trend([(jobs(s) / 1000.0, s["rssKiB"]) for s in loaded])
        first = loaded[0] if loaded else samples[-1]
        result = {
            "benchmark": "soak", "machine": machine_info(), "binary": binary, "args": vars(a),
            "samples": samples, "idle": idle, "errors": errors,
            "jobs": jobs(samples[-1]),
            "afterWarmup": first, "end": samples[-1],
            "rssTrendKiBPer1000Jobs": round(slope, 1) if slope is not None else None,
        }
        save(a.out, result)
        rows = [["after warm-up", first["t"], jobs(first), first["rssKiB"], first["anonKiB"], first["threads"],
                 first["fds"], first["cpuS"]],
                ["end of load", samples[-1]["t"], jobs(samples[-1]), samples[-1]["rssKiB"],
                 samples[-1]["anonKiB"], samples[-1]["threads"], samples[-1]["fds"], samples[-1]["cpuS"]],
                ["idle after", idle["t"], jobs(idle), idle["rssKiB"], idle["anonKiB"], idle["threads"], idle["fds"],
                 idle["cpuS"]]]
        print(md_table(["when", "s", "jobs", "VmRSS KiB", "RssAnon KiB", "threads", "fds", "CPU s"], rows))
        print(f"RSS trend after the warm-up: {result['rssTrendKiBPer1000Jobs']} KiB per 1,000 jobs; "
              f"errors: {len(errors)}; counters: {json.dumps(idle)}")
        for e in errors:
            print("  ", e)
    finally:
        server.close()
        printer.close()


if __name__ == "__main__":
    main()
