"""Desktop capture end to end with real peers (docs/capture.md).

A throwaway cupsd with the "MPS Secure Print" queue made by installer/mps-queue-setup.sh (backend
installed into a copy of /usr/lib/cups, the mps-secure-print policy added to its cupsd.conf), a real
mps-server, and throwaway local users, each with a desktop session (D-Bus, unlocked gnome-keyring)
running CaptureAgent: the tray app's capture classes without a screen.

Proves: `lp` as two local users lands each job on the server under its owner; `lp -U other` and
unauthenticated TCP submissions are refused, and a queue without the policy cannot be abused
(the backend cancels unauthenticated jobs); a user who never ran the app gets the job held in CUPS;
the outbox keeps jobs encrypted while the agent or the server is down and uploads each exactly once;
kill -9 of the agent during an upload and right after the server's 201 still gives exactly one job;
the set-up script installs and removes the queue and policy cleanly; a print the server has no room
for (the person's held-job ceiling) waits in the outbox, is told once and goes by itself once a held
job is deleted.

The "MPS Fax" queue (same script, backend and policy; device URI mps:/fax): `lp -d MPS-Fax` becomes a
fax draft of the printing user (GET /api/v1/fax/drafts/{id}), never a print job, and
CaptureService::faxDraftReady fires; with the server down the capture is kept and delivered once;
kill -9 right after the server's 201 still gives one draft (the server answers the repeat as a
duplicate of the same draft).

Runs as root (useradd, runuser, a root-run backend). MPS_BUILD_DIR: the build with mps-server;
MPS_CAPTURE_BUILD_DIR (default: MPS_BUILD_DIR) the one with CaptureAgent and the backend.
"""

import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import peers

SOURCE_DIR = os.environ.get("MPS_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "capture"))
from desktop_session import DesktopSession  # noqa: E402

BUILD_DIR = os.environ.get("MPS_BUILD_DIR", "")
CAPTURE_BUILD_DIR = os.environ.get("MPS_CAPTURE_BUILD_DIR") or BUILD_DIR
AGENT = os.path.join(CAPTURE_BUILD_DIR, "tests", "capture", "CaptureAgent")
BACKEND = os.path.join(CAPTURE_BUILD_DIR, "installer", "backend", "mps")
SETUP = os.path.join(SOURCE_DIR, "installer", "mps-queue-setup.sh")
QUEUE = "MPS-Secure-Print"
FAX_QUEUE = "MPS-Fax"
USERS = ("mpscap-ann", "mpscap-bob")
NEWCOMER = "mpscap-new"  # never runs the app
PASSWORD = "capture-secret-1"
MARKER = " [mps-capture:"


def _big_pdf(path, size):
    """A one-page PDF whose page shows a grey image of `size` random bytes: large, valid, and not
    compressible, so an upload takes a moment."""
    side = int(size ** 0.5)
    pixels = os.urandom(side * side)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
            b"/Contents 4 0 R >>"]
    content = b"q 500 0 0 500 40 170 cm /Im0 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, len(pixels)) + pixels
                + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


@unittest.skipUnless(os.geteuid() == 0, "needs root: local users, runuser and a root-run CUPS backend")
class CaptureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for path in (AGENT, BACKEND):
            if not os.access(path, os.X_OK):
                raise unittest.SkipTest(f"{path} is not built")
        cls.dir = tempfile.mkdtemp(prefix="mps-capture-", dir=os.environ.get("MPS_PEER_TMP", "/tmp"))
        os.chmod(cls.dir, 0o755)
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            cls.addClassCleanup(shutil.rmtree, cls.dir, True)
        cls.serverbin = os.path.join(cls.dir, "serverbin")
        subprocess.run(["cp", "-a", "/usr/lib/cups", cls.serverbin], check=True)
        cls.outbox = os.path.join(cls.dir, "outbox")
        cls.runtime = os.path.join(cls.dir, "run")
        os.makedirs(cls.runtime, mode=0o755)
        cls.socket = os.path.join(cls.dir, "cups.sock")
        # Like Debian's cupsd: a local domain socket (where PeerCred works) and DefaultAuthType Basic
        # (the fixture's default is None). SetEnv points the backend at this test's directories.
        cls.cupsd = peers.Cupsd(
            serverbin=cls.serverbin,
            extra_conf=f"Listen {cls.socket}\nDefaultAuthType Basic\n",
            extra_files_conf=f"SetEnv MPS_OUTBOX_BASE {cls.outbox}\nSetEnv MPS_RUNTIME_BASE {cls.runtime}\n")
        cls.addClassCleanup(cls.cupsd.close)
        cls.setup_script("install", "--backend", BACKEND)

        cls.server = peers.MpsServer()
        cls.addClassCleanup(cls.server.close)
        cls.sessions = {}
        for user in USERS + (NEWCOMER,):
            peers.Cupsd.ensure_local_user(user)
            cls.server.admin("user", "add", user, "--department", "QA", "--password-stdin",
                             stdin=PASSWORD + "\n")
        for user in USERS:
            session = DesktopSession(user, cls.dir, cls.runtime)
            cls.addClassCleanup(session.close)
            cls.sessions[user] = session
            cls.start_agent(user)

    @classmethod
    def setup_script(cls, *args):
        env = cls.cupsd.env(CUPS_SERVER=cls.socket)
        return subprocess.run(
            ["sh", SETUP, args[0], "--serverbin", cls.serverbin, "--cupsd-conf", cls.cupsd.conf_path,
             "--reload", f"kill -HUP {cls.cupsd.proc.pid}", "--outbox", cls.outbox] + list(args[1:]),
            env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)

    @classmethod
    def start_agent(cls, user, **kw):
        session = cls.sessions[user]
        session.start_agent(AGENT, cls.server.base_url, PASSWORD, cls.outbox_of(user), **kw)
        if not kw.get("crash_after_accept"):
            session.wait_event(lambda e: e.get("event") == "started", 30, "capture started")

    @classmethod
    def outbox_of(cls, user):
        return os.path.join(cls.outbox, str(pwd.getpwnam(user).pw_uid))

    def setUp(self):
        # Every test starts with both agents running (a failed test may have left one stopped).
        for user, session in self.sessions.items():
            if session.agent is None or session.agent.poll() is not None:
                self.start_agent(user)

    # -- helpers
    def lp(self, user, file=peers.TEST_PDF, title=None, options=(), server=None, extra=(), queue=QUEUE):
        """lp as local `user` (runuser), to the domain socket by default. Returns (rc, out, err)."""
        argv = ["runuser", "-u", user, "--", "env", f"CUPS_SERVER={server or self.socket}",
                "lp", "-d", queue, "-t", title or os.path.basename(file)]
        for opt in options:
            argv += ["-o", opt]
        argv += list(extra) + ["--", file]
        # No controlling terminal, so a password prompt fails at once instead of waiting.
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60, start_new_session=True)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")

    def lp_ok(self, user, title, **kw):
        rc, out, err = self.lp(user, title=title, **kw)
        self.assertEqual(rc, 0, f"lp as {user} failed: {err}{out}")
        job = int(out.rsplit("-", 1)[1].split()[0])
        return job

    def api(self, user):
        api = self.server.api()
        api.login(user, PASSWORD)
        return api

    def server_jobs(self, user, title=None):
        status, body = self.api(user).get("jobs?history=1")
        self.assertEqual(status, 200, body)
        jobs = body["jobs"]
        if title is not None:
            jobs = [j for j in jobs if j["name"].split(MARKER)[0] == title]
        return jobs

    def wait_uploaded(self, user, capture_id=None, timeout=60, recovered=None):
        def match(e):
            return (e.get("event") == "uploaded" and (capture_id is None or e["captureId"] == capture_id)
                    and (recovered is None or e["recovered"] == recovered))
        return self.sessions[user].wait_event(match, timeout, f"upload of {capture_id or 'a capture'}")

    def outbox_files(self, user, pattern="*"):
        return sorted(glob.glob(os.path.join(self.outbox_of(user), pattern)))

    def captures(self, user):
        return self.outbox_files(user, "*.mpsout") + self.outbox_files(user, "*.uploading")

    def wait_outbox_file(self, user, pattern, timeout=60):
        return peers._wait_until(lambda: self.outbox_files(user, pattern), timeout, 0.01,
                                 f"{pattern} in the outbox of {user}", self.cupsd.diagnostics)

    def wait_fax_draft(self, user, title, timeout=60, recovered=None):
        return self.sessions[user].wait_event(
            lambda e: e.get("event") == "fax-draft" and e["name"] == title
            and (recovered is None or e["recovered"] == recovered), timeout, f"fax draft {title}")

    def fax_events(self, user, capture_id):
        return [e for e in self.sessions[user].events()
                if e.get("event") == "fax-draft" and e["captureId"] == capture_id]

    def repeat_draft_upload(self, user, capture_id):
        """POST the same capture id again, as an agent would after a lost answer: the server must
        answer with the draft it already has (one draft per capture)."""
        with open(peers.TEST_PDF, "rb") as f:
            pdf = f.read()
        return self.api(user).post(f"fax/drafts?name=repeat&captureId={capture_id}", raw=pdf,
                                   headers={"Content-Type": "application/pdf"})

    # -- tests
    def test_fax_queue_makes_a_draft_not_a_job(self):
        ann, bob = USERS
        job = self.lp_ok(ann, "ann-fax", queue=FAX_QUEUE)
        self.assertEqual(self.cupsd.wait_job_done(job), "completed")
        self.assertEqual(self.cupsd.job_attributes(job)["job-originating-user-name"], ann)
        event = self.wait_fax_draft(ann, "ann-fax")
        self.assertFalse(event["recovered"])
        ready = self.sessions[ann].wait_event(
            lambda e: e.get("event") == "fax-draft-ready" and e["draftId"] == event["draftId"], 10,
            "faxDraftReady")
        self.assertEqual(ready["name"], "ann-fax")
        status, body = self.api(ann).get(f"fax/drafts/{event['draftId']}")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["draft"]["name"], "ann-fax")
        self.assertEqual(body["draft"]["pages"], 1)
        self.assertFalse(body["draft"]["hasCover"])
        # Nobody else sees it, and it is no print job.
        status, body = self.api(bob).get(f"fax/drafts/{event['draftId']}")
        self.assertEqual(status, 404, body)
        self.assertEqual(self.server_jobs(ann, "ann-fax"), [])
        self.assertEqual(self.captures(ann), [])
        # The server holds exactly one draft for the capture: a repeat is answered with it.
        status, body = self.repeat_draft_upload(ann, event["captureId"])
        self.assertEqual(status, 200, body)
        self.assertTrue(body.get("duplicate"), body)
        self.assertEqual(body["draft"]["id"], event["draftId"])

    def test_fax_capture_kept_while_the_server_is_down(self):
        ann = USERS[0]
        self.server.stop()
        try:
            job = self.lp_ok(ann, "fax-server-away", queue=FAX_QUEUE)
            self.assertEqual(self.cupsd.wait_job_done(job), "completed")
            files = peers._wait_until(lambda: self.captures(ann), 60, 0.05, "the fax capture in the outbox")
            capture_id = os.path.basename(files[0]).split(".")[0]
            self.sessions[ann].wait_event(lambda e: e.get("event") == "failed" and e["captureId"] == capture_id
                                          and e["willRetry"], 30, "a failed attempt")
            self.assertTrue(self.outbox_files(ann, capture_id + "*"))
        finally:
            self.server.start()
        event = self.wait_fax_draft(ann, "fax-server-away", timeout=90)
        self.assertEqual(event["captureId"], capture_id)
        time.sleep(3)  # longer than the recovery grace: nothing is sent a second time
        self.assertEqual(len(self.fax_events(ann, capture_id)), 1, self.sessions[ann].agent_output())
        self.assertEqual(self.outbox_files(ann, capture_id + "*"), [])
        status, body = self.repeat_draft_upload(ann, capture_id)
        self.assertEqual((status, body["draft"]["id"]), (200, event["draftId"]), body)
        self.assertEqual(self.server_jobs(ann, "fax-server-away"), [])

    def test_fax_kill9_after_the_server_accepted_gives_one_draft(self):
        bob = USERS[1]
        self.start_agent(bob, crash_after_accept=True)
        self.lp_ok(bob, "fax-crash-after-201", queue=FAX_QUEUE)
        accepted = self.sessions[bob].wait_event(lambda e: e.get("event") == "accepted", 60, "the 201")
        capture_id = accepted["captureId"]
        peers._wait_until(lambda: self.sessions[bob].agent.poll() is not None, 10, 0.05, "the agent's death")
        self.assertTrue(self.outbox_files(bob, capture_id + ".uploading"))

        self.start_agent(bob)
        event = self.wait_fax_draft(bob, "fax-crash-after-201", timeout=60)
        self.assertEqual(event["captureId"], capture_id)
        self.assertTrue(event["recovered"])
        self.sessions[bob].wait_event(
            lambda e: e.get("event") == "fax-draft-ready" and e["draftId"] == event["draftId"], 10,
            "faxDraftReady after recovery")
        time.sleep(3)
        self.assertEqual(len(self.fax_events(bob, capture_id)), 1)
        self.assertEqual(self.outbox_files(bob, capture_id + "*"), [])
        status, body = self.repeat_draft_upload(bob, capture_id)
        self.assertEqual((status, body["draft"]["id"]), (200, event["draftId"]), body)

    def test_each_user_gets_their_own_job(self):
        ann, bob = USERS
        started = time.monotonic()
        ann_job = self.lp_ok(ann, "ann-report", options=("sides=two-sided-long-edge",), extra=("-n", "2"))
        bob_job = self.lp_ok(bob, "bob-report")
        self.assertEqual(self.cupsd.wait_job_done(ann_job), "completed")
        self.assertEqual(self.cupsd.wait_job_done(bob_job), "completed")
        self.assertEqual(self.cupsd.job_attributes(ann_job)["job-originating-user-name"], ann)
        ann_event = self.sessions[ann].wait_event(
            lambda e: e.get("event") == "uploaded" and e["name"].startswith("ann-report" + MARKER), 60,
            "ann's upload")
        if os.environ.get("MPS_TEST_VERBOSE"):
            print(f"\ncapture latency, lp to held on the server (with a 2nd job): {time.monotonic() - started:.3f} s")
        self.sessions[bob].wait_event(
            lambda e: e.get("event") == "uploaded" and e["name"].startswith("bob-report" + MARKER), 60,
            "bob's upload")

        ann_jobs = self.server_jobs(ann, "ann-report")
        self.assertEqual(len(ann_jobs), 1, ann_jobs)
        self.assertEqual(ann_jobs[0]["owner"], ann)
        self.assertEqual(ann_jobs[0]["id"], ann_event["jobId"])
        self.assertEqual(ann_jobs[0]["state"], "held")
        self.assertEqual(ann_jobs[0]["documentFormat"], "application/pdf")
        self.assertEqual(ann_jobs[0]["pages"], 1)
        # The print dialog's options reach the held job.
        self.assertEqual(ann_jobs[0]["options"]["copies"], 2)
        self.assertEqual(ann_jobs[0]["options"]["sides"], "two-sided-long-edge")
        bob_jobs = self.server_jobs(bob, "bob-report")
        self.assertEqual([j["owner"] for j in bob_jobs], [bob])
        # Neither sees the other's job.
        self.assertEqual(self.server_jobs(ann, "bob-report"), [])
        self.assertEqual(self.server_jobs(bob, "ann-report"), [])
        self.assertEqual(self.outbox_files(ann, "*.mpsout") + self.outbox_files(ann, "*.uploading"), [])

    def test_claiming_another_name_is_refused(self):
        ann, bob = USERS
        before_bob = len(self.server_jobs(bob))
        # Over the local socket cupsd checks the sender's uid: -U someone else is not accepted.
        rc, out, err = self.lp(ann, title="ann-as-bob", extra=("-U", bob))
        self.assertNotEqual(rc, 0, out)
        self.assertIn("Unauthorized", err)
        # Over TCP there is no peer credential: without a password nothing is accepted at all.
        rc, out, err = self.lp(ann, title="ann-over-tcp", server=self.cupsd.server)
        self.assertNotEqual(rc, 0, out)
        rc, out, err = self.lp(ann, title="ann-as-bob-tcp", server=self.cupsd.server, extra=("-U", bob))
        self.assertNotEqual(rc, 0, out)
        # Root's `lp -U bob` is refused as well.
        p = subprocess.run(["lp", "-d", QUEUE, "-U", bob, "-t", "root-as-bob", peers.TEST_PDF],
                           env=self.cupsd.env(CUPS_SERVER=self.socket), capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL, start_new_session=True)
        self.assertNotEqual(p.returncode, 0, p.stdout)
        time.sleep(1)
        self.assertEqual(len(self.server_jobs(bob)), before_bob)
        self.assertEqual(self.outbox_files(bob, "*.mpsout"), [])

    def test_backend_cancels_unauthenticated_jobs(self):
        # Defence in depth: a queue on the mps backend without the policy (as if set up by hand).
        ann, bob = USERS
        self.cupsd.add_queue("MPS-No-Policy", "mps:/", ("-P", os.path.join(SOURCE_DIR, "installer", "cups",
                                                                           "mps-secure-print.ppd")), model=None)
        job = self.cupsd.lp("MPS-No-Policy", peers.TEST_PDF, user=bob, title="spoofed")
        self.assertIn(self.cupsd.wait_job_done(job), ("canceled", "aborted"))
        self.assertIn("was not", self.cupsd.error_log())
        time.sleep(1)
        self.assertEqual(self.server_jobs(bob, "spoofed"), [])
        self.assertEqual([f for f in self.outbox_files(bob) if not f.endswith("outbox.pub")], [])

    def test_user_without_the_app_is_held_in_cups(self):
        job = self.lp_ok(NEWCOMER, "newcomer-report")
        self.assertEqual(self.cupsd.wait_job_state(job, ("pending-held",)), "pending-held")
        self.assertIn("not set up", self.cupsd.error_log())

    def test_outbox_keeps_jobs_while_the_agent_is_down(self):
        ann = USERS[0]
        session = self.sessions[ann]
        session.stop_agent()
        job = self.lp_ok(ann, "while-away")
        self.assertEqual(self.cupsd.wait_job_done(job), "completed")
        files = self.wait_outbox_file(ann, "*.mpsout")
        self.assertEqual(len(files), 1, files)
        st = os.stat(files[0])
        self.assertEqual((st.st_uid, st.st_mode & 0o777), (session.uid, 0o600))
        with open(files[0], "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"MPSO"))
        # Encrypted: no PDF syntax and nothing of the title in the file.
        for needle in (b"%PDF", b"endobj", b"/Type", b"while-away"):
            self.assertNotIn(needle, data)
        self.assertEqual(self.server_jobs(ann, "while-away"), [])

        capture_id = os.path.basename(files[0]).split(".")[0]
        self.start_agent(ann)
        event = self.wait_uploaded(ann, capture_id)
        self.assertFalse(event["recovered"])
        jobs = self.server_jobs(ann, "while-away")
        self.assertEqual(len(jobs), 1, jobs)
        self.assertEqual(jobs[0]["name"], f"while-away{MARKER}{capture_id}]")
        self.assertEqual(self.outbox_files(ann, capture_id + "*"), [])

    def test_outbox_keeps_jobs_while_the_server_is_down(self):
        ann = USERS[0]
        self.server.stop()
        try:
            job = self.lp_ok(ann, "server-away")
            self.assertEqual(self.cupsd.wait_job_done(job), "completed")
            files = peers._wait_until(lambda: self.captures(ann), 60, 0.05, "the capture in the outbox")
            capture_id = os.path.basename(files[0]).split(".")[0]
            # The agent tries, fails, and keeps it.
            self.sessions[ann].wait_event(lambda e: e.get("event") == "failed" and e["captureId"] == capture_id
                                          and e["willRetry"], 30, "a failed attempt")
            self.assertTrue(self.outbox_files(ann, capture_id + "*"))
        finally:
            self.server.start()
        self.wait_uploaded(ann, capture_id, timeout=90)
        self.assertEqual(len(self.server_jobs(ann, "server-away")), 1)
        time.sleep(3)  # longer than the recovery grace: no second upload follows
        self.assertEqual(len(self.server_jobs(ann, "server-away")), 1)
        self.assertEqual(self.outbox_files(ann, capture_id + "*"), [])

    def test_kill9_during_upload_uploads_once(self):
        bob = USERS[1]
        big = os.path.join(self.dir, "big.pdf")
        _big_pdf(big, 40 * 1024 * 1024)
        os.chmod(big, 0o644)
        job = self.lp_ok(bob, "big-one", file=big)
        uploading = self.wait_outbox_file(bob, "*.uploading", timeout=120)
        capture_id = os.path.basename(uploading[0]).split(".")[0]
        # Kill once the document is going over the wire (the agent logs just before it sends).
        session = self.sessions[bob]
        peers._wait_until(lambda: f"uploading capture {capture_id}" in session.agent_output(), 60, 0.005,
                          "the upload to start", session.agent_output)
        time.sleep(0.03)
        session.kill_agent()
        self.assertEqual(self.cupsd.wait_job_done(job, timeout=120), "completed")
        self.assertTrue(self.outbox_files(bob, capture_id + ".uploading"))

        self.start_agent(bob)
        self.wait_uploaded(bob, capture_id, timeout=180)
        time.sleep(3)
        jobs = self.server_jobs(bob, "big-one")
        self.assertEqual(len(jobs), 1, jobs)
        self.assertEqual(self.outbox_files(bob, capture_id + "*"), [])

    def test_kill9_after_the_server_accepted_uploads_once(self):
        ann = USERS[0]
        self.start_agent(ann, crash_after_accept=True)
        self.lp_ok(ann, "crash-after-201")
        accepted = self.sessions[ann].wait_event(lambda e: e.get("event") == "accepted", 60, "the 201")
        capture_id = accepted["captureId"]
        peers._wait_until(lambda: self.sessions[ann].agent.poll() is not None, 10, 0.05, "the agent's death")
        # The server has the job and the file is still there, in doubt.
        self.assertEqual(len(self.server_jobs(ann, "crash-after-201")), 1)
        self.assertTrue(self.outbox_files(ann, capture_id + ".uploading"))

        self.start_agent(ann)
        event = self.wait_uploaded(ann, capture_id, timeout=60)
        self.assertTrue(event["recovered"])
        time.sleep(3)
        jobs = self.server_jobs(ann, "crash-after-201")
        self.assertEqual(len(jobs), 1, jobs)
        self.assertEqual(self.outbox_files(ann, capture_id + "*"), [])

    def test_capture_waits_while_the_server_has_no_room(self):
        # docs/server.md "Spool space": once ann holds as many jobs as the server keeps for one person,
        # her next print is not refused for good. It waits in her outbox, she is told once, and it goes
        # by itself when she deletes a held job.
        ann = USERS[0]
        api = self.api(ann)
        held = [j for j in self.server_jobs(ann) if j["state"] == "held"]
        if not held:
            with open(peers.TEST_PDF, "rb") as f:
                status, body = api.post("jobs?name=room-filler", raw=f.read(),
                                        headers={"Content-Type": "application/pdf"})
            self.assertEqual(status, 201, body)
            held = [body["job"]]
        ini = os.path.join(self.dir, "no-room.ini")
        with open(ini, "w") as f:
            f.write(f"max-held-jobs = {len(held)}\n")
        self.server.stop()
        self.server.extra_args = ("--config", ini)
        try:
            self.server.start()
            job = self.lp_ok(ann, "no-room")
            self.assertEqual(self.cupsd.wait_job_done(job), "completed")
            waiting = self.sessions[ann].wait_event(lambda e: e.get("event") == "waiting-for-room", 60,
                                                    "the notice that the server has no room")
            capture_id = waiting["captureId"]
            self.assertTrue(waiting["title"].startswith("no-room"), waiting)
            self.assertIn("My jobs", waiting["message"])
            self.assertTrue(self.outbox_files(ann, capture_id + "*"))
            self.assertEqual(self.server_jobs(ann, "no-room"), [])
            # Room again: the capture goes by itself, once.
            self.assertEqual(api.delete(f"jobs/{held[0]['id']}")[0], 200)
            self.wait_uploaded(ann, capture_id, timeout=60)
            self.assertEqual(len(self.server_jobs(ann, "no-room")), 1)
            self.assertEqual(self.outbox_files(ann, capture_id + "*"), [])
            told = [e for e in self.sessions[ann].events() if e.get("event") == "waiting-for-room"]
            self.assertEqual(len(told), 1, "told once, not at every attempt")
        finally:
            self.server.stop()
            self.server.extra_args = ()
            self.server.start()


@unittest.skipUnless(os.geteuid() == 0, "needs root")
class QueueSetupTest(unittest.TestCase):
    """mps-queue-setup.sh install and remove against a throwaway cupsd."""

    def test_install_then_remove(self):
        if not os.access(BACKEND, os.X_OK):
            self.skipTest(f"{BACKEND} is not built")
        d = tempfile.mkdtemp(prefix="mps-setup-", dir=os.environ.get("MPS_PEER_TMP", "/tmp"))
        os.chmod(d, 0o755)
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            self.addCleanup(shutil.rmtree, d, True)
        serverbin = os.path.join(d, "serverbin")
        subprocess.run(["cp", "-a", "/usr/lib/cups", serverbin], check=True)
        sock = os.path.join(d, "cups.sock")
        cupsd = peers.Cupsd(serverbin=serverbin, extra_conf=f"Listen {sock}\nDefaultAuthType Basic\n")
        self.addCleanup(cupsd.close)
        with open(cupsd.conf_path) as f:
            original = f.read()
        outbox = os.path.join(d, "outbox")

        def setup(*args):
            return subprocess.run(
                ["sh", SETUP, args[0], "--serverbin", serverbin, "--cupsd-conf", cupsd.conf_path,
                 "--reload", f"kill -HUP {cupsd.proc.pid}", "--outbox", outbox] + list(args[1:]),
                env=cupsd.env(CUPS_SERVER=sock), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                timeout=120, text=True)

        res = setup("install", "--backend", BACKEND)
        self.assertEqual(res.returncode, 0, res.stdout)
        if os.environ.get("MPS_TEST_VERBOSE"):
            print(res.stdout)
        st = os.stat(os.path.join(serverbin, "backend", "mps"))
        self.assertEqual((st.st_uid, st.st_mode & 0o7777), (0, 0o700))
        st = os.stat(outbox)
        self.assertEqual((st.st_uid, st.st_mode & 0o7777), (0, 0o1733))
        attrs = cupsd.queue_attributes(QUEUE, ("device-uri", "printer-op-policy", "printer-is-shared",
                                               "document-format-supported"))
        self.assertEqual(attrs["device-uri"], "mps:/")
        self.assertEqual(attrs["printer-op-policy"], "mps-secure-print")
        self.assertFalse(attrs["printer-is-shared"])
        # The fax queue: same backend and policy, its own device URI and PPD.
        attrs = cupsd.queue_attributes(FAX_QUEUE, ("device-uri", "printer-op-policy", "printer-is-shared",
                                                   "printer-info", "printer-make-and-model"))
        self.assertEqual(attrs["device-uri"], "mps:/fax")
        self.assertEqual(attrs["printer-info"], "MPS Fax")
        self.assertEqual(attrs["printer-op-policy"], "mps-secure-print")
        self.assertFalse(attrs["printer-is-shared"])
        self.assertIn("MPS Fax", attrs["printer-make-and-model"])
        # Installing again replaces the policy instead of adding a second copy.
        self.assertEqual(setup("install").returncode, 0)
        with open(cupsd.conf_path) as f:
            self.assertEqual(f.read().count("<Policy mps-secure-print>"), 1)

        res = setup("remove")
        self.assertEqual(res.returncode, 0, res.stdout)
        with open(cupsd.conf_path) as f:
            self.assertEqual(f.read(), original)
        out, _ = cupsd._run(["lpstat", "-p"], check=False)
        self.assertNotIn(QUEUE, out)
        self.assertNotIn(FAX_QUEUE, out)
        self.assertTrue(os.path.isdir(outbox), "remove keeps the outbox")
        self.assertEqual(setup("remove", "--purge").returncode, 0)
        self.assertFalse(os.path.exists(outbox))


if __name__ == "__main__":
    unittest.main()
