#!/usr/bin/python3
"""Benchmark 3, my-jobs list latency with 100,000 held jobs in the store (target p99 < 10 ms).

Populating: --users users (u0000...) each get --jobs-per-user held jobs, uploaded through the
REST API (POST /api/v1/jobs, a 2 KiB one-page PDF, Bearer token, keep-alive), plus a user
`light` with 10 jobs. The ingest rate is measured first with one client (user u0000), then the
rest is uploaded by --clients worker processes in parallel (each logs in its users, one
keep-alive connection per worker). Everything goes through the real server path: encryption,
fsync, Poppler, thumbnail, SQLCipher.

Measuring: GET /api/v1/jobs for a user with 100 jobs and for `light` (10 jobs), each --requests
times in sequence on one persistent keep-alive connection after 50 warm-up requests; latency is
from writing the request to having read the whole response, in this (Python) client. Then the
server's VmRSS/VmHWM, the database and spool size; then the server is restarted on the same data
(start-up time, RSS of a fresh process with 100k held jobs) and the latency measured again.

--data DIR keeps the populated data directory (and reuses it on the next run, skipping the
upload); without it everything lives in a temp dir removed at the end.
"""
import argparse
import json
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, LoadMeter, dir_size, load_snapshot, log, machine_info, md_table,  # noqa: E402
                    mkpdf, mps_login, peers, proc_status, save, snapshot_build, summary_ms)


def upload_jobs(port, user, count, data, progress=None):
    api = mps_login(port, user)
    for i in range(count):
        status, body, _ = api.request("POST", f"/api/v1/jobs?name={user}-{i}.pdf", data,
                                      {"Content-Type": "application/pdf"})
        if status != 201:
            raise RuntimeError(f"upload for {user}: HTTP {status} {body[:300]}")
        if progress is not None:
            with progress.get_lock():
                progress.value += 1
    api.close()


def worker(port, users, count, data, progress, errors):
    try:
        for user in users:
            upload_jobs(port, user, count, data, progress)
    except Exception as e:  # noqa: BLE001 - reported by the parent
        with errors.get_lock():
            errors.value += 1
        print(f"worker failed: {e}", file=sys.stderr, flush=True)
        os._exit(1)


def add_users(server, names, parallel=2):
    """mps-admin user add for each name, `parallel` at a time (each hashes with Argon2id)."""
    import subprocess
    pending = list(names)
    running = []
    while pending or running:
        while pending and len(running) < parallel:
            name = pending.pop(0)
            p = subprocess.Popen([server.admin_bin, "--data", server.data_dir, "user", "add", name,
                                  "--department", "Bench", "--password-stdin"],
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            p.stdin.write(b"bench-password-1\n")
            p.stdin.close()
            running.append((name, p))
        name, p = running.pop(0)
        if p.wait() != 0:
            raise RuntimeError(f"mps-admin user add {name}: {p.stderr.read().decode()}")


def populate(server, users, per_user, clients, doc):
    with open(doc, "rb") as f:
        data = f.read()
    names = [f"u{i:04d}" for i in range(users)]
    t = time.monotonic()
    add_users(server, names + ["light"])
    users_s = time.monotonic() - t
    log(f"{len(names) + 1} users added in {users_s:.1f} s")

    # Ingest rate, one client (user u0000's jobs).
    meter = LoadMeter({"server": server.pid})
    t = time.monotonic()
    upload_jobs(server.port, names[0], per_user, data)
    single = time.monotonic() - t
    single_load = meter.stop()
    log(f"1 client: {per_user} jobs in {single:.2f} s = {per_user / single:.1f} jobs/s")
    upload_jobs(server.port, "light", 10, data)

    # The rest with `clients` worker processes.
    rest = names[1:]
    ctx = multiprocessing.get_context("fork")
    progress, errors = ctx.Value("l", 0), ctx.Value("i", 0)
    slices = [rest[i::clients] for i in range(clients)]
    meter = LoadMeter({"server": server.pid})
    t = time.monotonic()
    procs = [ctx.Process(target=worker, args=(server.port, s, per_user, data, progress, errors))
             for s in slices if s]
    for p in procs:
        p.start()
    total = per_user * len(rest)
    last = (t, 0)
    samples = []
    while any(p.is_alive() for p in procs):
        time.sleep(1)
        now, done = time.monotonic(), progress.value
        if now - last[0] >= 15 or done == total:
            rate = (done - last[1]) / (now - last[0])
            rss = proc_status(server.pid)["VmRSS"]
            samples.append({"t": round(now - t, 1), "jobs": done, "rate": round(rate, 1), "rss_kb": rss})
            log(f"  {done}/{total} jobs, {rate:.0f} jobs/s now, server RSS {rss / 1024:.0f} MiB")
            last = (now, done)
        if errors.value:
            for p in procs:
                p.terminate()
            raise RuntimeError("an upload worker failed (see stderr); server log tail:\n"
                               + server.log()[-3000:])
    for p in procs:
        p.join()
    parallel = time.monotonic() - t
    parallel_load = meter.stop()
    log(f"{clients} clients: {total} jobs in {parallel:.1f} s = {total / parallel:.1f} jobs/s")
    return {"users": users + 1, "jobs": users * per_user + 10, "users_add_s": round(users_s, 1),
            "doc_bytes": len(data),
            "single_client": {"jobs": per_user, "s": round(single, 2), "jobs_per_s": round(per_user / single, 1),
                              "load": single_load},
            "parallel": {"clients": clients, "jobs": total, "s": round(parallel, 1),
                         "jobs_per_s": round(total / parallel, 1), "load": parallel_load, "progress": samples}}


def measure(port, user, expected, requests, warmup=50):
    api = mps_login(port, user)
    for _ in range(warmup):
        api.request("GET", "/api/v1/jobs")
    times, bodies = [], []
    meter = LoadMeter({})
    for _ in range(requests):
        status, body, dt = api.request("GET", "/api/v1/jobs")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/jobs for {user}: HTTP {status}")
        times.append(dt)
        bodies.append(body)
    load = meter.stop()
    counts = {len(json.loads(b)["jobs"]) for b in bodies[:: max(1, requests // 20)]}
    if counts != {expected}:
        raise RuntimeError(f"{user}: expected {expected} jobs per response, got {counts}")
    reconnects = api.reconnects
    api.close()
    s = summary_ms(times)
    s.update({"user": user, "jobs_in_response": expected, "response_bytes": len(bodies[-1]),
              "reconnects": reconnects, "load": load})
    return s


def server_memory(server):
    st = proc_status(server.pid)
    return {k: st.get(k) for k in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=1000)
    ap.add_argument("--jobs-per-user", type=int, default=100)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--data", default=None, help="keep (and reuse) the populated data directory here")
    ap.add_argument("--out", default="list")
    a = ap.parse_args()

    build_dir, info_build = snapshot_build()
    info = machine_info()
    info.update(info_build)
    info["load_before"] = load_snapshot()
    doc = os.path.join(DOCS, "tiny-2KiB.pdf")
    mkpdf.ensure_pdf(doc, 2048)
    marker = os.path.join(a.data, "bench-populated.json") if a.data else None
    if a.data:
        os.makedirs(a.data, exist_ok=True)
    server = peers.MpsServer(build_dir, data_dir=a.data)
    result = {"machine": info}
    try:
        if marker and os.path.exists(marker):
            with open(marker) as f:
                result["populate"] = json.load(f)
            result["populate"]["reused"] = True
            log(f"reusing populated data in {a.data}: {result['populate']['jobs']} jobs")
        else:
            result["populate"] = populate(server, a.users, a.jobs_per_user, a.clients, doc)
            if marker:
                with open(marker, "w") as f:
                    json.dump(result["populate"], f)
        spool = os.path.join(server.data_dir, "spool")
        result["store"] = {"spool_files": len(os.listdir(spool)) if os.path.isdir(spool) else None,
                           "spool_bytes": dir_size(spool),
                           "data_dir_bytes": dir_size(server.data_dir)}
        log(f"store: {result['store']}")
        time.sleep(2)
        result["memory_after_populate"] = server_memory(server)
        probe = "u0500" if a.users > 500 else "u0000"
        result["latency"] = [measure(server.port, probe, a.jobs_per_user, a.requests),
                             measure(server.port, "light", 10, a.requests)]
        for m in result["latency"]:
            log(f"{m['user']} ({m['jobs_in_response']} jobs, {m['response_bytes']} B): p50 {m['p50']} ms, "
                f"p99 {m['p99']} ms, max {m['max']} ms")
        log(f"server memory after populate: {result['memory_after_populate']}")

        t = time.monotonic()
        server.restart()
        result["restart_s"] = round(time.monotonic() - t, 2)
        time.sleep(2)
        result["memory_fresh"] = server_memory(server)
        result["latency_after_restart"] = [measure(server.port, probe, a.jobs_per_user, a.requests),
                                           measure(server.port, "light", 10, a.requests)]
        result["memory_fresh_after_requests"] = server_memory(server)
        for m in result["latency_after_restart"]:
            log(f"after restart {m['user']}: p50 {m['p50']} ms, p99 {m['p99']} ms, max {m['max']} ms")
        log(f"restart took {result['restart_s']} s; fresh server memory {result['memory_fresh']}")
    finally:
        server.close()
    info["load_after"] = load_snapshot()
    save(a.out, result)
    rows = []
    for phase, ms in (("after populate", result["latency"]), ("after restart", result["latency_after_restart"])):
        for m in ms:
            rows.append([phase, m["user"], m["jobs_in_response"], m["n"], m["p50"], m["p90"], m["p99"], m["max"]])
    print(md_table(["server", "user", "jobs in list", "requests", "p50 ms", "p90 ms", "p99 ms", "max ms"], rows))
    mem = result["memory_after_populate"]
    fresh = result["memory_fresh"]
    print(f"RSS with {result['populate']['jobs']} held jobs: {mem['VmRSS'] / 1024:.1f} MiB after populating "
          f"(peak {mem['VmHWM'] / 1024:.1f} MiB), {fresh['VmRSS'] / 1024:.1f} MiB after a restart")


if __name__ == "__main__":
    main()
