"""Self-test of tests/fixtures/peers.py against the real programs (ippeveprinter, ipptool,
cupsd, dbus-daemon). Run from tests/integration with PYTHONPATH=../fixtures:

    /usr/bin/python3 -m unittest -v test_peers_selftest
"""

import os
import stat
import subprocess
import tempfile
import textwrap
import time
import unittest

import mpsit
import peers
from peers import (ApiClient, Cupsd, IppEvePrinter, MpsServer, TEST_PDF, ipptool,
                   ipptool_counts)

HERE = os.path.dirname(os.path.abspath(__file__))
HOLD_TEST = os.path.join(HERE, "..", "ipp", "mps-hold-queue.test")


def session_alive(sid):
    return bool(peers._session_members(sid))


class IppEvePrinterTest(unittest.TestCase):
    def setUp(self):
        self.printer = IppEvePrinter("selftest-mfp")
        self.addCleanup(self.printer.close)

    def test_answers_and_passes_ipp20(self):
        p = self.printer
        attrs = p.get_attributes()
        self.assertEqual(attrs["printer-make-and-model"], "Acme MFP 9000")
        self.assertIn("application/pdf", attrs["document-format-supported"])
        self.assertEqual(attrs["printer-state"], 3)  # idle
        self.assertEqual(p.uri, f"ipp://localhost:{p.port}/ipp/print")
        rc, out = ipptool(p.uri, "ipp-2.0.test", document=TEST_PDF)
        counts = ipptool_counts(out)
        self.assertEqual(counts.failed, 0, out)
        self.assertGreaterEqual(counts.passed, 30, out)
        self.assertEqual(rc, 0, out)
        # ipp-2.0 prints documents: they were kept and "printed" by the control script.
        self.assertTrue(p.received_files())
        self.assertTrue(all(o == "printed" for o in p.job_outcomes().values()))

    def test_hold_queue_file_runs_and_fails_on_ippeveprinter(self):
        res = ipptool(self.printer.uri, HOLD_TEST, document=TEST_PDF)
        counts = ipptool_counts(res.stdout)
        self.assertEqual(res.returncode, 1)
        # Parsed and ran to the end (IGNORE-ERRORS yes): 15 tests, none lost to a syntax error.
        self.assertEqual(counts.passed + counts.failed + counts.skipped, 15, res.stdout)
        self.assertEqual(res.stderr, "")
        self.assertIn("Get-Printer-Attributes: hold queue attributes", counts.failures)

    def test_supplies_show_in_attributes(self):
        p = self.printer
        self.assertEqual(p.supplies(), {"waste": 25, "black": 75})
        p.set_supplies(black=5)
        self.assertEqual(p.supplies(), {"waste": 25, "black": 5})
        attrs = p.get_attributes()
        self.assertIn("level=5;", attrs["printer-supply"][1])
        self.assertTrue(p.has_reason("toner-low"), p.state_reasons())
        p.set_supplies(black=0, waste=100)
        self.assertTrue(p.has_reason("toner-empty"))
        self.assertTrue(p.has_reason("marker-waste-full"))
        p.set_supplies(black=80, waste=10)
        self.assertEqual(p.state_reasons(), ["none"])

    def test_jam_before_any_job_then_jobs_abort(self):
        p = self.printer
        p.jam()
        self.assertTrue(p.has_reason("media-jam"), p.state_reasons())
        rc, out = ipptool(p.uri, "print-job.test", document=TEST_PDF)
        self.assertEqual(ipptool_counts(out).failed, 0, out)
        files = p.wait_for_files(1)
        job_id = int(os.path.basename(files[0]).split("-")[0])
        state = peers._wait_until(
            lambda: (lambda s: s if s in ("aborted", "completed") else None)(
                p.job_attributes(job_id)["job-state-keyword"]), 15, what="job end")
        self.assertEqual(state, "aborted")
        self.assertEqual(p.job_outcomes(), {job_id: "jammed"})
        self.assertEqual(p.printed_files(), [])
        p.clear_jam()
        self.assertEqual(p.state_reasons(), ["none"])

    def test_stop_start_and_freeze(self):
        p = self.printer
        port = p.port
        p.stop()
        with self.assertRaises(peers.PeerError):
            peers.ipp_get_printer_attributes(p.uri, ("printer-state",), timeout=10)
        p.start()
        self.assertEqual(p.port, port)
        self.assertEqual(p.get_attributes(("printer-state",))["printer-state"], 3)
        p.freeze()
        t0 = time.monotonic()
        r = subprocess.run(["ipptool", "-T", "2", p.uri, "get-printer-attributes.test"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertNotEqual(r.returncode, 0)
        self.assertGreaterEqual(time.monotonic() - t0, 1.5)
        p.thaw()
        self.assertEqual(p.get_attributes(("printer-state",))["printer-state"], 3)

    def test_close_leaves_no_process(self):
        p = IppEvePrinter("selftest-close")
        sids = [p.proc.pid, p.dbus.proc.pid]
        spool = p.dir
        self.assertTrue(all(session_alive(s) for s in sids))
        p.close()
        p.close()  # idempotent
        self.assertFalse(any(session_alive(s) for s in sids))
        self.assertFalse(os.path.exists(spool))


class CupsdTest(unittest.TestCase):
    def setUp(self):
        # settle=False: these tests run no ipp-1.1 suite, which needs printer-up-time > 0.
        self.printer = IppEvePrinter("selftest-cups-mfp", settle=False)
        self.addCleanup(self.printer.close)
        self.cupsd = Cupsd()
        self.addCleanup(self.cupsd.close)

    def test_driverless_queue_delivers_pdf(self):
        c, p = self.cupsd, self.printer
        c.add_queue("mfp", p.uri)
        job = c.lp("mfp", TEST_PDF)
        self.assertEqual(c.wait_job_done(job, 60), "completed", c.diagnostics())
        [doc] = p.wait_for_files(1)
        with open(doc, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")  # pdftopdf rewrites it, still PDF
        self.assertTrue(doc.endswith(".pdf"))
        self.assertEqual(mpsit.pdf_pages(doc), mpsit.pdf_pages(TEST_PDF))
        env = p.job_env(p.received_jobs()[0]["id"])
        self.assertEqual(env["IPP_DOCUMENT_FORMAT_SUPPLIED"], "application/pdf")
        self.assertEqual(env["IPP_JOB_ORIGINATING_USER_NAME"], "root")
        self.assertEqual(env["IPP_JOB_NAME"], "default-testpage.pdf")

    def test_lp_user_is_forwarded(self):
        c, p = self.cupsd, self.printer
        c.add_queue("mfp", p.uri)
        job = c.lp("mfp", TEST_PDF, user="kim")  # lp -U kim, as root
        self.assertEqual(c.job_attributes(job)["job-originating-user-name"], "kim")
        self.assertEqual(c.wait_job_done(job), "completed")
        p.wait_for_files(1)
        [rj] = p.received_jobs()
        self.assertEqual(rj["env"]["IPP_JOB_ORIGINATING_USER_NAME"], "kim")

    def test_lp_as_local_user(self):
        c, p = self.cupsd, self.printer
        Cupsd.ensure_local_user("mps-selftest")
        c.add_queue("mfp", p.uri)
        job = c.lp("mfp", TEST_PDF, user="mps-selftest", as_local_user=True)
        self.assertEqual(c.job_attributes(job)["job-originating-user-name"], "mps-selftest")
        self.assertEqual(c.wait_job_done(job), "completed")
        p.wait_for_files(1)
        self.assertEqual(p.received_jobs()[0]["env"]["IPP_JOB_ORIGINATING_USER_NAME"],
                         "mps-selftest")

    def test_ipps_queue_with_self_signed_certificate(self):
        c, p = self.cupsd, self.printer
        c.add_queue("mfps", p.ipps_uri)
        job = c.lp("mfps", TEST_PDF)
        self.assertEqual(c.wait_job_done(job), "completed", c.diagnostics())
        p.wait_for_files(1)
        log = c.error_log()
        self.assertIn("Credentials are OK/trusted", log)

    def test_empty_tray_makes_job_wait(self):
        c, p = self.cupsd, self.printer
        c.add_queue("mfp", p.uri)
        p.empty_tray()
        self.assertTrue(p.has_reason("media-empty"))
        job = c.lp("mfp", TEST_PDF)
        peers._wait_until(lambda: p.has_reason("media-needed"), 20, 0.2, "media-needed",
                          c.diagnostics)
        self.assertEqual(c.job_state(job), "processing")
        peers._wait_until(
            lambda: any(r.startswith("media-needed") for r in peers._as_list(
                c.queue_attributes("mfp", ("printer-state-reasons",)).get("printer-state-reasons"))),
            20, 0.2, "media-needed on the CUPS queue")
        self.assertEqual(p.printed_files(), [])
        p.refill_tray()
        self.assertEqual(c.wait_job_done(job, 30), "completed")
        self.assertEqual(len(p.printed_files()), 1)

    def test_reference_hold_queue_passes_hold_test_file(self):
        c, p = self.cupsd, self.printer
        c.add_queue("hold", p.uri, ["-o", "job-hold-until-default=indefinite"])
        rc, out = ipptool(c.queue_uri("hold"), HOLD_TEST, document=TEST_PDF)
        counts = ipptool_counts(out)
        self.assertEqual((rc, counts.failed, counts.passed), (0, 0, 15), out)
        # It cleaned up after itself: nothing left held, nothing printed.
        jobs = peers.ipptool_plist(c.queue_uri("hold"), textwrap.dedent("""\
            {
              OPERATION Get-Jobs
              GROUP operation-attributes-tag
              ATTR charset attributes-charset utf-8
              ATTR naturalLanguage attributes-natural-language en
              ATTR uri printer-uri $uri
              ATTR keyword which-jobs not-completed
            }
            """))
        self.assertNotIn("job-id", str(jobs["Tests"][0].get("ResponseAttributes")))
        self.assertEqual(p.received_files(), [])
        # The desktop path of the anchor: lp into the hold queue, release, printed.
        job = c.lp("hold", TEST_PDF)
        self.assertEqual(c.wait_job_state(job, "pending-held", 10), "pending-held")
        self.assertIn("job-hold-until-specified", peers._as_list(
            c.job_attributes(job)["job-state-reasons"]))
        c.release("hold", job)
        self.assertEqual(c.wait_job_done(job), "completed")
        self.assertEqual(len(p.wait_for_files(1)), 1)

    def test_close_leaves_no_process(self):
        c = Cupsd()
        sid = c.proc.pid
        c.add_queue("q", self.printer.uri)
        job = c.lp("q", TEST_PDF)
        c.close()
        self.assertFalse(session_alive(sid))
        self.assertFalse(os.path.exists(c.dir))
        del job


_FAKE_SERVER = r'''#!/usr/bin/python3
# Stand-in for mps-server: same CLI, answers /healthz and /api/v1/session.
import http.server, json, sys
args = sys.argv[1:]
listen = args[args.index("--listen") + 1]
host, port = listen.rsplit(":", 1)
print("fake mps-server", " ".join(args), file=sys.stderr, flush=True)
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def _send(self, code, obj):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        if self.path == "/healthz":
            return self._send(200, {"ok": True})
        if self.headers.get("Authorization") != "Bearer t0k":
            return self._send(401, {"error": "unauthorized"})
        return self._send(200, {"path": self.path})
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        if self.path == "/api/v1/session":
            if body == {"username": "kim", "password": "pw"}:
                return self._send(201, {"token": "t0k"})
            return self._send(401, {"error": "bad credentials"})
        return self._send(200, {"echo": body})
    do_PATCH = do_POST
    def do_DELETE(self):
        self.send_response(204)
        self.end_headers()
http.server.ThreadingHTTPServer((host, int(port)), H).serve_forever()
'''

_FAKE_ADMIN = r'''#!/bin/sh
echo "admin $*"
cat
[ "$4" = "fail" ] && exit 3
exit 0
'''


class MpsServerFixtureTest(unittest.TestCase):
    """MpsServer/ApiClient against a stand-in binary with the same CLI (the real one is
    exercised by the lead's tests once server/mps-server exists)."""

    def setUp(self):
        self.build = tempfile.mkdtemp(prefix="mps-fakebuild-")
        self.addCleanup(peers._remove_dir, self.build)
        os.makedirs(os.path.join(self.build, "server"))
        for name, text in (("mps-server", _FAKE_SERVER), ("mps-admin", _FAKE_ADMIN)):
            path = os.path.join(self.build, "server", name)
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, stat.S_IRWXU)

    def test_lifecycle_admin_and_api(self):
        srv = MpsServer(self.build, extra_args=("--verbose",))
        self.addCleanup(srv.close)
        self.assertEqual(srv.ipp_uri, f"ipp://127.0.0.1:{srv.port}/ipp/print")
        api = ApiClient(srv.base_url)
        self.assertEqual(api.get("jobs")[0], 401)
        self.assertEqual(api.login("kim", "pw"), "t0k")
        self.assertEqual(api.get("jobs"), (200, {"path": "/api/v1/jobs"}))
        self.assertEqual(api.post("/api/v1/x", {"a": 1}), (200, {"echo": {"a": 1}}))
        self.assertEqual(api.patch("x", {"b": 2})[1], {"echo": {"b": 2}})
        self.assertEqual(api.delete("x"), (204, None))
        with self.assertRaises(peers.ApiError):
            ApiClient(srv.base_url).login("kim", "wrong")
        res = srv.admin("user", "add", stdin="secret\n")
        self.assertEqual(res.stdout, f"admin --data {srv.data_dir} user add\nsecret\n")
        self.assertEqual(srv.admin("x", "fail", check=False).returncode, 3)
        with self.assertRaises(peers.PeerError):
            srv.admin("x", "fail")
        pid = srv.pid
        self.assertEqual(srv.kill9(), -9)
        self.assertFalse(session_alive(pid))
        srv.restart()
        self.assertNotEqual(srv.pid, pid)
        self.assertEqual(api.get("jobs")[0], 200)
        srv.restart()
        self.assertIn(f"--data {srv.data_dir} --listen 127.0.0.1:{srv.port} --allow-plain-http "
                      "--verbose", srv.log())
        self.assertEqual(srv.log().count("=== starting"), 3)
        self.assertEqual(srv.stop(), -15)
        data_parent = srv.dir
        srv.close()
        self.assertFalse(os.path.exists(data_parent))

    def test_start_failure_reports_log(self):
        with open(os.path.join(self.build, "server", "mps-server"), "w") as f:
            f.write("#!/bin/sh\necho 'cannot open database' >&2\nexit 2\n")
        with self.assertRaises(peers.PeerError) as cm:
            MpsServer(self.build)
        self.assertIn("cannot open database", str(cm.exception))


class HelpersTest(unittest.TestCase):
    def test_free_port_distinct(self):
        ports = {peers.free_port() for _ in range(20)}
        self.assertEqual(len(ports), 20)

    def test_ipptool_counts(self):
        out = textwrap.dedent("""\
            "/usr/share/cups/ipptool/ipp-2.0.test":
                RFC 8011 section 4.1.1: Bad request-id value 0                       [PASS]
                Create-Job (hold queue default)                                      [0001]
                Create-Job (hold queue default)                                      [PASS]
                RFC 8011 section 4.2.2: Print-URI Operation                          [SKIP]
                Get-Printer-Attributes: hold queue attributes                        [FAIL]
                    EXPECTED: job-hold-until-default
            """)
        self.assertEqual(ipptool_counts(out),
                         (2, 1, 1, ["Get-Printer-Attributes: hold queue attributes"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
