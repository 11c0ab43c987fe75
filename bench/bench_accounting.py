#!/usr/bin/python3
"""Usage accounting at scale (issue 8, section 5): reports over a 1,000,000-row ledger, and the
latency the quota decision adds to a release. Targets: report p99 < 200 ms, decision < 1 ms p99.

Populating (mps-admin against the stopped server's data directory, timed):
  ~40 departments (8 divisions with 4 sub-departments each), --users users spread over them
  (`user add NAME --department CODE`, no password, --admin-parallel processes at a time),
  ~50 printers owned by departments, then a --rows ledger CSV in the `usage import` format of
  docs/accounting.md over 13 periods (the current one up to now and the 12 before; each period gets
  the same number of rows, so the current one is as full as at the end of a month), imported with
  `mps-admin usage import` in one transaction.

Measuring, over HTTPS (mps-server's own self-signed certificate, one keep-alive connection, as an
admin; time from writing the request to the last byte of the answer in this Python client):
  (a) GET /api/v1/usage/report?by=user&period=P&department=D   (D rotates over the divisions)
  (b) GET /api/v1/usage/trend?months=12&department=D
  (c) GET /api/v1/usage/report?by=department&period=P         (P rotates over the 12 past periods)
  --warmup requests each, then --requests counted ones, twice (round 1, round 2); the server's
  VmRSS/VmHWM when fresh, after warm-up and after each round (memory should stay flat).
  (d) POST /api/v1/jobs/{id}/release to an ippeveprinter: user `rq` (hard user quota, hard quota on
  its department, soft on the parent) against user `rn` (no quota anywhere), alternating, each
  release waiting for the job to be printed before the next; response times and their difference.
  The decision itself (pricing, the store's spent sums, decideRelease, reserving) is inside the
  server's answer time; the difference of the two distributions is its added latency.

--data DIR keeps the populated data directory and reuses it next time (skips populating).
--quick: 500 users, 50,000 rows, 20 requests (a smoke run, results accounting-quick.json).
"""
import argparse
import datetime
import http.client
import json
import os
import random
import socket
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, PASSWORD, Http, LoadMeter, dir_size, load_snapshot, log, machine_info,  # noqa: E402
                    md_table, mkpdf, peers, proc_status, save, snapshot_build, summary_ms)

KST = datetime.timezone(datetime.timedelta(hours=9))  # Asia/Seoul has no daylight saving time
DIVISIONS = [("FIN", "재무본부"), ("HR", "인사본부"), ("SAL", "영업본부"), ("ENG", "기술본부"),
             ("OPS", "운영본부"), ("LEG", "법무본부"), ("MKT", "마케팅본부"), ("RND", "연구소")]
ADMIN, RQ, RN = "acct-admin", "rq", "rn"


def tls_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE  # the server's own self-signed certificate
    return ctx


class Https(Http):
    """common.Http over TLS."""

    def _connect(self):
        self.conn = http.client.HTTPSConnection(self.host, self.port, timeout=self.timeout,
                                                context=tls_context(), blocksize=1 << 20)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reconnects += 1


class TlsMpsServer(peers.MpsServer):
    """peers.MpsServer serving HTTPS (no --allow-plain-http)."""

    @property
    def base_url(self):
        return f"https://127.0.0.1:{self.port}"

    def argv(self):
        return [self.server_bin, "--data", self.data_dir, "--listen", f"127.0.0.1:{self.port}"] + \
            list(self.extra_args)

    def _healthy(self):
        if self.proc.poll() is not None:
            raise peers.PeerError(f"mps-server exited rc={self.proc.returncode}:\n{self.log()[-3000:]}")
        try:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=2, context=tls_context())
            conn.request("GET", "/healthz")
            ok = conn.getresponse().status == 200
            conn.close()
            return ok
        except OSError:
            return False


def login(port, user):
    h = Https("127.0.0.1", port)
    status, body = h.json("POST", "/api/v1/session", {"username": user, "password": PASSWORD})
    if status != 200:
        raise RuntimeError(f"login {user}: HTTP {status} {body}")
    h.token = body["token"]
    return h


# --------------------------------------------------------------------------- populating

def departments():
    """[(code, name, parent or None)]: 8 divisions, 4 teams each (40)."""
    out = []
    for code, name in DIVISIONS:
        out.append((code, name, None))
        for t in range(1, 5):
            out.append((f"{code}-{t}", f"{name} {t}팀", code))
    return out


def run_admin_many(server, commands, parallel):
    """Runs mps-admin for each (args, stdin) `parallel` at a time; raises on the first failure."""
    pending = list(commands)
    running = []
    while pending or running:
        while pending and len(running) < parallel:
            args, stdin = pending.pop(0)
            p = subprocess.Popen([server.admin_bin, "--data", server.data_dir] + list(args),
                                 stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if stdin:
                p.stdin.write(stdin.encode())
                p.stdin.close()
            running.append((args, p))
        args, p = running.pop(0)
        if p.wait() != 0:
            raise RuntimeError(f"mps-admin {' '.join(args)}: {p.stderr.read().decode()}")
        p.stderr.close()


def period_starts(now, count):
    """The first instants (KST, start day 1) of the `count` periods ending with the current one."""
    y, m = now.year, now.month
    out = []
    for _ in range(count):
        out.append(datetime.datetime(y, m, 1, tzinfo=KST))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return list(reversed(out))


def write_ledger(path, rows, users, dept_of_user, printers_of_dept, all_printers, now, seed=8):
    """The `usage import` CSV: `rows` rows over the 13 periods ending now; returns counts per kind."""
    rng = random.Random(seed)
    # Every period gets the same share of rows, the current one too (squeezed into its days so far):
    # its quota sums then read a whole month's worth of rows, as at the end of a month.
    starts = period_starts(now, 13)
    spans = [(s.timestamp(), ((starts[i + 1] if i + 1 < len(starts) else now).timestamp() - 60) - s.timestamp())
             for i, s in enumerate(starts)]
    kinds = {"printed": 0, "deleted": 0, "expired": 0}
    pages_choice = [1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20, 35]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("at,user,printer,kind,pages,copies,duplex,color,size\n")
        for _ in range(rows):
            user = users[rng.randrange(len(users))]
            r = rng.random()
            kind = "printed" if r < 0.88 else ("deleted" if r < 0.96 else "expired")
            kinds[kind] += 1
            own = printers_of_dept.get(dept_of_user[user])
            if kind != "printed":
                printer = ""
            elif own and rng.random() < 0.85:
                printer = own[rng.randrange(len(own))]
            else:
                printer = all_printers[rng.randrange(len(all_printers))]  # cross-department
            t0, span = spans[rng.randrange(len(spans))]
            at = datetime.datetime.fromtimestamp(t0 + rng.randrange(int(span)), KST).strftime("%Y-%m-%dT%H:%M:%S+09:00")
            pages = pages_choice[rng.randrange(len(pages_choice))]
            copies = 1 if rng.random() < 0.9 else rng.randrange(2, 6)
            duplex = 1 if rng.random() < 0.55 else 0
            color = 1 if rng.random() < 0.25 else 0
            s = rng.random()
            size = "a4" if s < 0.9 else ("a3" if s < 0.98 else "other")
            f.write(f"{at},{user},{printer},{kind},{pages},{copies},{duplex},{color},{size}\n")
    return kinds


def populate(server, a, mfp_uri):
    """Departments, users, printers, quotas and the imported ledger; returns timings and counts."""
    out = {}
    depts = departments()
    t = time.monotonic()
    # Parents before children: one at a time (each is one short mps-admin run).
    run_admin_many(server, [(["department", "add", c, "--name", n] + (["--parent", p] if p else []), None)
                            for c, n, p in depts], 1)
    out["departments"] = {"count": len(depts), "s": round(time.monotonic() - t, 2)}
    log(f"{len(depts)} departments in {out['departments']['s']} s")

    codes = [c for c, _, _ in depts]
    users = [f"u{i:05d}" for i in range(a.users)]
    dept_of_user = {u: codes[i % len(codes)] for i, u in enumerate(users)}
    t = time.monotonic()
    run_admin_many(server, [(["user", "add", u, "--department", dept_of_user[u]], None) for u in users],
                   a.admin_parallel)
    users_s = time.monotonic() - t
    out["users"] = {"count": len(users), "s": round(users_s, 1), "per_s": round(len(users) / users_s, 1),
                    "parallel": a.admin_parallel}
    log(f"{len(users)} users (no password) in {users_s:.1f} s = {len(users) / users_s:.0f}/s")
    # The people who log in: an admin, and the two release users (rq with quotas, rn without).
    extra = [(ADMIN, "FIN", "admin"), (RQ, "ENG-1", "user"), (RN, "OPS-1", "user")]
    run_admin_many(server, [(["user", "add", n, "--department", d, "--role", r, "--password-stdin"],
                             PASSWORD + "\n") for n, d, r in extra], 2)
    for n, d, _ in extra[1:]:
        dept_of_user[n] = d

    printers = [f"P{i:02d}" for i in range(1, a.printers + 1)]
    printers_of_dept = {}
    cmds = []
    for i, p in enumerate(printers):
        d = codes[i % len(codes)]
        printers_of_dept.setdefault(d, []).append(p)
        cmds.append((["printer", "add", p, "--uri", "ipp://127.0.0.1:9/ipp/print", "--department", d], None))
    cmds.append((["printer", "add", "mfp", "--uri", mfp_uri, "--department", "ENG-1"], None))
    t = time.monotonic()
    run_admin_many(server, cmds, a.admin_parallel)
    out["printers"] = {"count": len(printers) + 1, "s": round(time.monotonic() - t, 2)}

    now = datetime.datetime.now(KST)
    csv_path = os.path.join(server.dir, "ledger.csv")
    t = time.monotonic()
    kinds = write_ledger(csv_path, a.rows, users + [RQ, RN], dept_of_user, printers_of_dept, printers, now)
    out["ledger_csv"] = {"rows": a.rows, "kinds": kinds, "bytes": os.path.getsize(csv_path),
                         "generate_s": round(time.monotonic() - t, 1)}
    log(f"ledger CSV: {a.rows} rows, {out['ledger_csv']['bytes'] / 1e6:.1f} MB in {out['ledger_csv']['generate_s']} s")
    t = time.monotonic()
    res = server.admin("usage", "import", csv_path, timeout=3600)
    out["import"] = {"s": round(time.monotonic() - t, 1), "output": res.stdout.strip()[-300:]}
    out["import"]["rows_per_s"] = round(a.rows / max(out["import"]["s"], 1e-3))
    log(f"imported in {out['import']['s']} s: {out['import']['output']}")
    os.remove(csv_path)

    # Quotas for rq only: large enough never to refuse (every release must go through).
    for args in (["quota", "set", "--user", RQ, "--limit", "100000000", "--policy", "hard"],
                 ["quota", "set", "--department", "ENG-1", "--limit", "10000000000", "--policy", "hard"],
                 ["quota", "set", "--department", "ENG", "--limit", "10000000000", "--policy", "soft"]):
        server.admin(*args)
    out["data_dir_bytes"] = dir_size(server.data_dir)
    return out


# --------------------------------------------------------------------------- measuring

def measure(api, name, paths, warmup, requests, check):
    """GET paths (rotating) `warmup` + `requests` times; returns the summary of the counted ones."""
    for i in range(warmup):
        status, body, _ = api.request("GET", paths[i % len(paths)])
        if status != 200:
            raise RuntimeError(f"{name}: GET {paths[i % len(paths)]}: HTTP {status} {body[:300]}")
    times, sizes, shapes = [], [], set()
    meter = LoadMeter({})
    for i in range(requests):
        status, body, dt = api.request("GET", paths[i % len(paths)])
        if status != 200:
            raise RuntimeError(f"{name}: GET {paths[i % len(paths)]}: HTTP {status} {body[:300]}")
        times.append(dt)
        sizes.append(len(body))
        if i < len(paths):
            shapes.add(check(json.loads(body)))
    s = summary_ms(times)
    s.update({"name": name, "example": paths[0], "distinct_paths": len(paths),
              "response_bytes": [min(sizes), max(sizes)], "shape": sorted(shapes), "load": meter.stop()})
    return s


def report_rows(body):
    if not body.get("rows"):
        raise RuntimeError(f"a report without rows: {str(body)[:300]}")
    return f"{len(body['rows'])} rows"


def trend_periods(body):
    periods = body.get("periods") or []
    if len(periods) != 12:
        raise RuntimeError(f"a 12-month trend with {len(periods)} periods: {str(body)[:300]}")
    return f"{len(periods)} periods"


def server_memory(server):
    st = proc_status(server.pid)
    return {k: st.get(k) for k in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "Threads")}


def release_bench(server, runs, warmup, doc):
    """Alternating releases by rq (quotas) and rn (none) to the ippeveprinter `mfp`."""
    with open(doc, "rb") as f:
        data = f.read()
    apis = {RQ: login(server.port, RQ), RN: login(server.port, RN)}
    quotas = {}
    for user, api in apis.items():
        status, body = api.json("GET", "/api/v1/usage/quota")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/usage/quota for {user}: HTTP {status} {body}")
        quotas[user] = [q for q in body.get("quotas", []) if "limit" in q]
    if len(quotas[RQ]) != 3 or quotas[RN]:
        raise RuntimeError(f"expected 3 quotas for {RQ} and none for {RN}, got {quotas}")
    jobs = {}
    for user, api in apis.items():
        jobs[user] = []
        for i in range(runs + warmup):
            status, body, _ = api.request("POST", f"/api/v1/jobs?name=release-{i}.pdf", data,
                                          {"Content-Type": "application/pdf"})
            if status != 201:
                raise RuntimeError(f"upload for {user}: HTTP {status} {body[:300]}")
            jobs[user].append(json.loads(body)["job"]["id"])

    def wait_printed(api, job):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status, body = api.json("GET", f"/api/v1/jobs/{job}")
            state = body["job"]["state"] if status == 200 else None
            if state == "printed":
                return
            if state == "held":
                raise RuntimeError(f"job {job} came back held: {body['job'].get('stateReason')}")
            time.sleep(0.02)
        raise TimeoutError(f"job {job} not printed within 60 s")

    times = {RQ: [], RN: []}
    meter = LoadMeter({"server": server.pid})
    for i in range(runs + warmup):
        for user in ((RQ, RN) if i % 2 == 0 else (RN, RQ)):
            api, job = apis[user], jobs[user][i]
            status, body, dt = api.request("POST", f"/api/v1/jobs/{job}/release", {"printer": "mfp"})
            if status != 202:
                raise RuntimeError(f"release {job} by {user}: HTTP {status} {body[:300]}")
            if i >= warmup:
                times[user].append(dt)
            wait_printed(api, job)
    load = meter.stop()
    status, body = apis[RQ].json("GET", "/api/v1/usage/quota")
    for api in apis.values():
        api.close()
    out = {"runs": runs, "warmup": warmup, "quotas_rq": quotas[RQ], "quotas_rq_after": body.get("quotas"),
           "with_quota": summary_ms(times[RQ]), "without_quota": summary_ms(times[RN]), "load": load}
    out["added_ms"] = {k: round(out["with_quota"][k] - out["without_quota"][k], 3) for k in ("p50", "p90", "p99")}
    # The noise floor of that difference: the same comparison between two halves of rn's own runs.
    a_half, b_half = summary_ms(times[RN][0::2]), summary_ms(times[RN][1::2])
    out["noise_ms"] = {k: round(a_half[k] - b_half[k], 3) for k in ("p50", "p90", "p99")}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=10000)
    ap.add_argument("--printers", type=int, default=50)
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--admin-parallel", type=int, default=1,
                    help="mps-admin processes at a time (2 failed before 416c84d: a concurrent open reported "
                         "\"cannot be read with this master key\")")
    ap.add_argument("--requests", type=int, default=100, help="counted requests per report, per round")
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--release-runs", type=int, default=200, help="counted releases per user")
    ap.add_argument("--skip-release", action="store_true")
    ap.add_argument("--data", default=None, help="keep (and reuse) the populated data directory here")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    if a.quick:
        a.users, a.rows, a.requests, a.warmup, a.release_runs = 500, 50000, 20, 3, 10
    out_name = a.out or ("accounting-quick" if a.quick else "accounting")

    build_dir, info_build = snapshot_build()
    info = machine_info()
    info.update(info_build)
    info["load_before"] = load_snapshot()
    doc = os.path.join(DOCS, "tiny-2KiB.pdf")
    mkpdf.ensure_pdf(doc, 2048)
    if a.data:
        os.makedirs(a.data, exist_ok=True)
    marker = os.path.join(a.data, "bench-populated.json") if a.data else None
    reuse = None
    if marker and os.path.exists(marker):
        with open(marker) as f:
            reuse = json.load(f)
    # Printer `mfp` is stored with its URI: a reused data directory needs the printer on the same port.
    printer = peers.IppEvePrinter("bench-acct-mfp", port=reuse["mfp_port"] if reuse else None)
    # The server starts once (TLS certificate, stored accounting settings), then is stopped while
    # mps-admin populates its data directory.
    server = TlsMpsServer(build_dir, data_dir=a.data)
    result = {"machine": info, "args": vars(a)}
    try:
        if reuse:
            server.stop()
            result["populate"] = dict(reuse, reused=True)
            log(f"reusing populated data in {a.data}")
        else:
            server.stop()
            result["populate"] = populate(server, a, printer.uri)
            result["populate"]["mfp_port"] = printer.port
            if marker:
                with open(marker, "w") as f:
                    json.dump(result["populate"], f)
        t = time.monotonic()
        server.start()
        result["start_s"] = round(time.monotonic() - t, 2)
        result["memory"] = {"fresh": server_memory(server)}
        log(f"server started in {result['start_s']} s, {result['memory']['fresh']}")

        now = datetime.datetime.now(KST)
        past = [p.strftime("%Y-%m") for p in period_starts(now, 13)[:-1]]  # the 12 complete periods
        month = past[-1]
        divisions = [c for c, _ in DIVISIONS]
        reports = [
            ("a. by=user, one department, one month",
             [f"/api/v1/usage/report?by=user&period={month}&department={d}" for d in divisions], report_rows),
            ("b. 12-month department trend", [f"/api/v1/usage/trend?months=12&department={d}" for d in divisions],
             trend_periods),
            ("c. by=department, one month", [f"/api/v1/usage/report?by=department&period={p}" for p in past],
             report_rows),
        ]
        api = login(server.port, ADMIN)
        for name, paths, check in reports:
            for i in range(a.warmup):
                api.request("GET", paths[i % len(paths)])
        result["memory"]["after_warmup"] = server_memory(server)
        result["reports"] = []
        for rnd in (1, 2):
            for name, paths, check in reports:
                m = measure(api, name, paths, 0 if rnd == 2 else a.warmup, a.requests, check)
                m["round"] = rnd
                result["reports"].append(m)
                log(f"round {rnd} {name}: p50 {m['p50']} ms, p90 {m['p90']} ms, p99 {m['p99']} ms, "
                    f"max {m['max']} ms ({m['shape']}, {m['response_bytes']} B)")
            result["memory"][f"after_round{rnd}"] = server_memory(server)
            log(f"server memory after round {rnd}: {result['memory'][f'after_round{rnd}']}")
        api.close()

        if not a.skip_release:
            result["release"] = release_bench(server, a.release_runs, max(2, a.warmup // 2), doc)
            r = result["release"]
            log(f"release with quotas: p50 {r['with_quota']['p50']} ms, p99 {r['with_quota']['p99']} ms; "
                f"without: p50 {r['without_quota']['p50']} ms, p99 {r['without_quota']['p99']} ms; "
                f"added p50 {r['added_ms']['p50']} ms, p99 {r['added_ms']['p99']} ms")
            result["memory"]["after_release"] = server_memory(server)
    finally:
        server.close()
        printer.close()
    info["load_after"] = load_snapshot()
    save(out_name, result)

    rows = [[m["round"], m["name"], m["n"], m["p50"], m["p90"], m["p99"], m["max"], m["shape"][0]]
            for m in result["reports"]]
    print(md_table(["round", "request", "n", "p50 ms", "p90 ms", "p99 ms", "max ms", "answer"], rows))
    mem = result["memory"]
    print("server VmRSS MiB: " + ", ".join(f"{k} {v['VmRSS'] / 1024:.1f}" for k, v in mem.items())
          + f"; VmHWM {list(mem.values())[-1]['VmHWM'] / 1024:.1f} MiB")
    if "release" in result:
        r = result["release"]
        print(md_table(["release", "n", "p50 ms", "p90 ms", "p99 ms", "max ms"],
                       [[k, r[k]["n"], r[k]["p50"], r[k]["p90"], r[k]["p99"], r[k]["max"]]
                        for k in ("with_quota", "without_quota")]))
        print(f"added by the quota decision: {r['added_ms']}; noise (rn even runs - rn odd runs): {r['noise_ms']}")


if __name__ == "__main__":
    main()
