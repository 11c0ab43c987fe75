"""Crash durability (issue 2, section 8 "Durability"): kill -9 mps-server during uploads and
during releases, in a loop. After every restart each acknowledged job is intact, nothing
partial remains, and no release prints twice. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_durability

MPS_DURABILITY_SEED=N replays one random schedule (the seed is printed on failure).
"""

import http.client
import json
import os
import random
import shutil
import struct
import threading
import time
import unittest

from peers import IppEvePrinter, MpsServer

import mpsit
from mpsit import add_printer, add_user, login, sha256_bytes, sha256_file, upload, wait_job

DOC_BYTES = 8 * 1024 * 1024
DOC_PAGES = 2
ROUNDS = 8
UPLOADS_PER_ROUND = 4
CHUNK = 128 * 1024


class SlowUpload(threading.Thread):
    """One upload over its own connection, the body sent in chunks with short pauses, so a
    kill can land before, during or after the document is committed. kind 'rest' is
    POST /api/v1/jobs (acknowledged by 201), kind 'ipp' an IPP Print-Job with HTTP Basic
    (acknowledged by successful-ok with a job-id). .job_id is the acknowledged job, .outcome
    what the client saw."""

    def __init__(self, server, token, data, name, delay, pause, kind):
        super().__init__(daemon=True)
        self.port, self.token, self.data, self.job_name = server.port, token, data, name
        self.ipp_uri = server.ipp_uri
        self.delay, self.pause, self.kind = delay, pause, kind
        self.job_id = None
        self.outcome = "not sent"

    def run(self):
        time.sleep(self.delay)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            if self.kind == "rest":
                head = b""
                conn.putrequest("POST", f"/api/v1/jobs?name={self.job_name}")
                conn.putheader("Authorization", f"Bearer {self.token}")
                conn.putheader("Content-Type", "application/pdf")
            else:
                head = mpsit.ipp_request(0x0002, 1, self.ipp_uri,
                                         extra=[("name", "job-name", self.job_name),
                                                ("mime", "document-format", "application/pdf")])
                conn.putrequest("POST", "/ipp/print")
                conn.putheader("Authorization", mpsit.basic_auth("kim", mpsit.PASSWORD["kim"]))
                conn.putheader("Content-Type", "application/ipp")
            conn.putheader("Content-Length", str(len(head) + len(self.data)))
            conn.endheaders()
            self.outcome = "cut"
            conn.send(head)
            view = memoryview(self.data)
            for off in range(0, len(self.data), CHUNK):
                conn.send(view[off:off + CHUNK])
                time.sleep(self.pause)
            resp = conn.getresponse()
            body = resp.read()
            self.outcome = f"HTTP {resp.status}"
            if self.kind == "rest" and resp.status == 201:
                self.job_id = json.loads(body)["job"]["id"]
            elif self.kind == "ipp" and resp.status == 200:
                _, status, _, attrs = mpsit.parse_ipp_response(body)
                self.outcome = f"IPP 0x{status:04x}"
                if status == 0 and attrs.get("job-id"):
                    self.job_id = struct.unpack(">i", attrs["job-id"][0])[0]
            if self.job_id:
                self.outcome = "acknowledged"
        except (OSError, http.client.HTTPException) as e:
            self.outcome = f"cut ({e.__class__.__name__})"
        finally:
            conn.close()


class DurabilityTest(unittest.TestCase):
    def setUp(self):
        self.seed = int(os.environ.get("MPS_DURABILITY_SEED") or random.SystemRandom().randrange(1 << 30))
        self.rng = random.Random(self.seed)
        self.tmp = mpsit.make_dir("mps-durable-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")

    def msg(self, text=""):
        return f"{text}\n(seed {self.seed}; MPS_DURABILITY_SEED={self.seed} replays it)\n" \
               f"{mpsit.log_tail(self.server, 3000)}"

    def crash_and_restart(self):
        self.server.kill9()
        self.assertFalse(self.server.running())
        self.server.start()
        self.assertTrue(mpsit.healthy(self.server))
        return login(self.server, "kim")

    def check_consistent(self, api, acknowledged, doc_size):
        """Every acknowledged job is listed, held and whole; nothing partial is on disk; one
        spool file per held job."""
        jobs = {j["id"]: j for j in mpsit.all_jobs(api)}
        for jid, name in acknowledged.items():
            self.assertIn(jid, jobs, self.msg(f"acknowledged job {jid} ({name}) lost after kill -9"))
        for j in jobs.values():
            self.assertEqual(j["state"], "held", self.msg(f"job {j}"))
            self.assertEqual((j["size"], j["pages"]), (doc_size, DOC_PAGES),
                             self.msg(f"job {j['id']} is not whole: {j}"))
        self.assertEqual(mpsit.spool_tmp_files(self.server), [],
                         self.msg("partial files left in spool/tmp after restart"))
        files = mpsit.spool_job_files(self.server)
        self.assertEqual(len(files), len(jobs),
                         self.msg(f"{len(files)} spool files for {len(jobs)} held jobs: {files}"))
        return jobs

    def test_a_crash_writes_no_core_file(self):
        """The keys and documents in the server's memory go into no core file when it crashes: its
        core size limit is 0, soft and hard (ProcessPrivacy; it is also made undumpable, which
        TestProcessPrivacy checks, as root cannot see it from outside)."""
        with open(f"/proc/{self.server.pid}/limits") as f:
            line = next(row for row in f if row.startswith("Max core file size"))
        self.assertEqual(line.split()[4:6], ["0", "0"], line)

    def test_kill9_during_uploads_keeps_every_acknowledged_job(self):
        doc = mpsit.make_padded_pdf(os.path.join(self.tmp, "eight.pdf"), DOC_BYTES, DOC_PAGES,
                                    seed=self.seed)
        with open(doc, "rb") as f:
            data = f.read()
        doc_sha = sha256_bytes(data)
        api = login(self.server, "kim")
        acknowledged = {}   # job id -> name, for every 201 seen
        outcomes = []
        started = time.monotonic()
        for rnd in range(ROUNDS):
            pause = self.rng.uniform(0.002, 0.012)
            uploads = [SlowUpload(self.server, api.token, data, f"r{rnd}u{i}.pdf",
                                  self.rng.uniform(0, 0.3), pause, ("rest", "ipp")[i % 2])
                       for i in range(UPLOADS_PER_ROUND)]
            for u in uploads:
                u.start()
            time.sleep(self.rng.uniform(0.05, 0.9))
            api = self.crash_and_restart()
            for u in uploads:
                u.join(30)
                self.assertFalse(u.is_alive(), "an upload thread hung")
                if u.job_id:
                    acknowledged[u.job_id] = u.job_name
                outcomes.append(u.outcome)
            self.check_consistent(api, acknowledged, len(data))
        ok = sum(1 for o in outcomes if o == "acknowledged")
        # The survivors print byte-identical: a sample across rounds, plus any job that made
        # it to the store although its client never heard the 201.
        jobs = self.check_consistent(api, acknowledged, len(data))
        unacknowledged = [jid for jid in jobs if jid not in acknowledged]
        print(f"\n  seed {self.seed}: {ROUNDS} kills, {ok} acknowledged, "
              f"{len(outcomes) - ok} cut off ({len(unacknowledged)} of them stored whole), "
              f"{time.monotonic() - started:.1f}s")
        self.assertGreater(ok, 0, self.msg("no upload ever finished: the test proves nothing"))
        ids = sorted(acknowledged)
        sample = sorted({ids[0], ids[len(ids) // 2], ids[-1]} | set(unacknowledged[:1]))
        mfp = IppEvePrinter("mfp-durable", settle=False)
        self.addCleanup(mfp.close)
        add_printer(self.server, "mfp-durable", mfp)
        for n, jid in enumerate(sample, start=1):
            status, body = api.post(f"jobs/{jid}/release", {"printer": "mfp-durable"})
            self.assertEqual(status, 202, body)
            done = wait_job(api, jid, ("printed", "held"), 60, self.server)
            self.assertEqual(done["state"], "printed", self.msg(f"{done}"))
            kept = mfp.wait_for_files(n)[-1]
            self.assertEqual(sha256_file(kept), doc_sha,
                             self.msg(f"job {jid} did not print byte-identical"))
        self.assertEqual(len(mpsit.spool_job_files(self.server)), len(jobs) - len(sample))

    def test_kill9_during_release_never_prints_twice(self):
        pdf = mpsit.make_multipage_pdf(self.tmp)
        with open(pdf, "rb") as f:
            data = f.read()
        mfp = IppEvePrinter("mfp-slow", settle=False)
        self.addCleanup(mfp.close)
        add_printer(self.server, "mfp-slow", mfp)
        mfp.set_mode("slow:3")
        api = login(self.server, "kim")
        # Kill right after the release call, once the printer has the document (mid-print),
        # and at a random moment in between.
        for case, when in enumerate(("at-once", "printing", "random")):
            name = f"release-{case}.pdf"
            status, body = upload(api, data, name)
            self.assertEqual(status, 201, body)
            jid = body["job"]["id"]
            already = len(mfp.received_files())
            status, body = api.post(f"jobs/{jid}/release", {"printer": "mfp-slow"})
            self.assertEqual(status, 202, body)
            if when == "printing":
                mfp.wait_for_files(already + 1, 20)
            elif when == "random":
                time.sleep(self.rng.uniform(0.0, 1.5))
            api = self.crash_and_restart()

            # After restart: printed (followed to completion), or held with a reason.
            def settled():
                j = mpsit.job(api, jid)
                if j and (j["state"] == "printed" or (j["state"] == "held" and j["stateReason"])):
                    return j
                return None
            final = mpsit.wait_for(settled, 30, f"job {jid} to settle after kill -9 ({when})",
                                   detail=lambda: self.msg(f"{mpsit.job(api, jid)}"))
            # Let the slow printer finish whatever it had, then count.
            mpsit.wait_for(lambda: all(mfp.job_outcomes().get(j["id"]) for j in mfp.received_jobs()),
                           20, "the printer to finish its jobs")
            mine = [j for j in mfp.received_jobs() if j["env"].get("IPP_JOB_NAME") == name]
            printed = [j for j in mine if j["outcome"] == "printed"]
            self.assertLessEqual(len(mine), 1, self.msg(f"{when}: job sent {len(mine)} times: {mine}"))
            if final["state"] == "printed":
                self.assertEqual(len(printed), 1, self.msg(f"{when}: printed but not at the printer"))
                self.assertEqual(sha256_file(printed[0]["path"]), sha256_bytes(data))
            # Still settled the same way a moment later (no late second send).
            time.sleep(0.5)
            again = mpsit.job(api, jid)
            self.assertEqual(again["state"], final["state"], self.msg(f"{again}"))
            self.assertLessEqual(len([j for j in mfp.received_jobs()
                                      if j["env"].get("IPP_JOB_NAME") == name]), 1)
            print(f"\n  kill during release ({when}): job {final['state']}"
                  f"{' (' + final['stateReason'] + ')' if final['stateReason'] else ''}; "
                  f"printer received it {len(mine)}x, printed {len(printed)}x")
        self.assertEqual(mpsit.spool_tmp_files(self.server), [])


if __name__ == "__main__":
    unittest.main()
