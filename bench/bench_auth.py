#!/usr/bin/python3
"""Sign-in under attack (issue 14 §1 password-hashing pool, §2 throttling), on loopback.

A fresh mps-server with three users. Linux loopback accepts any 127.x source address, so each
client socket is bound to the address it plays (127.0.0.1 the real user, 127.0.0.2 an attacker,
127.0.1.x many attackers).

  flood-one:   64 concurrent wrong passwords for kim from one address (127.0.0.2), each on its own
               connection, released together; 0.1 s later kim signs in from 127.0.0.1.
  flood-many:  the same from 64 different addresses (127.0.1.1 .. 127.0.1.64): per-address
               throttling does not help, only the bounded Argon2id pool does.
  For both: peak RSS during the flood (VmHWM after `echo 5 > /proc/PID/clear_refs`, and VmRSS
  sampled every 20 ms), the answers' statuses, and kim's real sign-in latency meanwhile.
  brute:       100 wrong sign-ins in a row for lee from 127.0.0.3 (one connection): how many were
               checked (401) and how many refused (429/503), and the rate; then lee from 127.0.0.1.
  timing:      median latency of a wrong password for a real name, an unknown name, and a name
               locked from that address (each from its own fresh address).

Usage: MPS_BUILD_DIR=build bench/bench_auth.py [--label before|after]
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (PASSWORD, RssSampler, log, machine_info, md_table, mps_add_user, peers,  # noqa: E402
                    proc_status, save, snapshot_build)

FLOOD = 64


def sign_in(port, user, password, source, conn=None):
    """POST /api/v1/session from `source`; returns (status, body dict, seconds)."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    body = json.dumps({"username": user, "password": password}).encode()
    t0 = time.perf_counter()
    conn.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    dt = time.perf_counter() - t0
    if own:
        conn.close()
    try:
        parsed = json.loads(data)
    except ValueError:
        parsed = {}
    return resp.status, parsed, dt


def flood(server, sources, label):
    pid = server.pid
    before = proc_status(pid)
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")
    sampler = RssSampler(pid, interval=0.02)
    sampler.start()
    barrier = threading.Barrier(len(sources) + 1)
    statuses = []
    lock = threading.Lock()

    def attacker(src, i):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120, source_address=(src, 0))
        conn.connect()
        barrier.wait()
        try:
            st, _, dt = sign_in(server.port, "kim", f"wrong-{i}", src, conn)
        except OSError as e:
            st, dt = f"error {e.__class__.__name__}", 0
        conn.close()
        with lock:
            statuses.append((st, dt))

    threads = [threading.Thread(target=attacker, args=(s, i)) for i, s in enumerate(sources)]
    for t in threads:
        t.start()
    barrier.wait()
    t_start = time.perf_counter()
    time.sleep(0.1)
    real_status, _, real_dt = sign_in(server.port, "kim", PASSWORD, "127.0.0.1")
    for t in threads:
        t.join()
    flood_secs = time.perf_counter() - t_start
    peak_sampled = sampler.stop()
    after = proc_status(pid)
    counts = {}
    for st, _ in statuses:
        counts[str(st)] = counts.get(str(st), 0) + 1
    res = {
        "scenario": label,
        "rss_before_kb": before["VmRSS"],
        "peak_hwm_kb": after["VmHWM"],
        "peak_sampled_kb": peak_sampled,
        "rss_after_kb": after["VmRSS"],
        "answers": counts,
        "attacker_p50_ms": round(statistics.median(d for _, d in statuses) * 1000, 1),
        "attacker_max_ms": round(max(d for _, d in statuses) * 1000, 1),
        "flood_secs": round(flood_secs, 2),
        "real_login_status": real_status,
        "real_login_ms": round(real_dt * 1000, 1),
    }
    log(json.dumps(res))
    return res


def brute(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60, source_address=("127.0.0.3", 0))
    counts = {}
    t0 = time.perf_counter()
    for i in range(100):
        st, _, _ = sign_in(server.port, "lee", f"guess-{i}", "127.0.0.3", conn)
        counts[str(st)] = counts.get(str(st), 0) + 1
    secs = time.perf_counter() - t0
    conn.close()
    real, _, real_dt = sign_in(server.port, "lee", PASSWORD, "127.0.0.1")
    res = {"scenario": "brute", "answers": counts, "rate_per_s": round(100 / secs, 1),
           "lee_from_other_address": real, "lee_ms": round(real_dt * 1000, 1)}
    log(json.dumps(res))
    return res


def timing(server):
    """Median latency of wrong / unknown / locked-from-this-address answers, 15 samples each."""
    out = {}
    n = 15
    # Wrong password for a real name, each sample from a fresh address (so nothing is throttled).
    wrong = [sign_in(server.port, "park", "nope", f"127.0.2.{i + 1}") for i in range(n)]
    unknown = [sign_in(server.port, f"nobody{i}", "nope", f"127.0.3.{i + 1}") for i in range(n)]
    # Locked: six wrong answers from one address for park (the first five lock it there), then time
    # further attempts from that address.
    locked = []
    for i in range(n):
        src = f"127.0.4.{i + 1}"
        for j in range(6):
            sign_in(server.port, "choi", f"nope-{j}", src)
        locked.append(sign_in(server.port, "choi", "nope-x", src))
    for name, rows in (("wrong", wrong), ("unknown", unknown), ("locked", locked)):
        out[name] = {"status": sorted({r[0] for r in rows}),
                     "error": sorted({r[1].get("error", "") for r in rows}),
                     "p50_ms": round(statistics.median(r[2] for r in rows) * 1000, 1)}
    res = {"scenario": "timing", **out}
    log(json.dumps(res))
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", default="run")
    args = ap.parse_args()
    build_dir, binary = snapshot_build()
    results = {"machine": machine_info(), "binary": binary, "label": args.label, "runs": []}
    for scenario in ("flood-one", "flood-many", "brute", "timing"):
        server = peers.MpsServer(build_dir=build_dir)
        try:
            for name in ("kim", "lee", "park", "choi"):
                mps_add_user(server, name)
            # Warm up: one real sign-in pays for Argon2id's first allocation and the code pages.
            sign_in(server.port, "kim", PASSWORD, "127.0.0.1")
            if scenario == "flood-one":
                results["runs"].append(flood(server, ["127.0.0.2"] * FLOOD, scenario))
            elif scenario == "flood-many":
                results["runs"].append(flood(server, [f"127.0.1.{i + 1}" for i in range(FLOOD)], scenario))
            elif scenario == "brute":
                results["runs"].append(brute(server))
            else:
                results["runs"].append(timing(server))
        finally:
            server.close()
    save(f"auth-{args.label}", results)
    rows = []
    for r in results["runs"]:
        if r["scenario"].startswith("flood"):
            rows.append([r["scenario"], f"{r['rss_before_kb'] // 1024} MB", f"{r['peak_hwm_kb'] // 1024} MB",
                         json.dumps(r["answers"]), f"{r['real_login_status']} in {r['real_login_ms']} ms"])
    print(md_table(["flood", "RSS before", "peak RSS", "answers", "kim's real sign-in"], rows))


if __name__ == "__main__":
    main()
