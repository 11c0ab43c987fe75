"""`make demo`'s desktop printing, headless (issue 13 §1).

Runs scripts/demo-capture.sh, the very set-up scripts/demo.sh uses: the demo's own cupsd with the
"MPS Secure Print" queue and the mps backend (installed by installer/mps-queue-setup.sh), never the
system's CUPS. Then, as a throwaway local user with a desktop session (D-Bus, unlocked
gnome-keyring) running CaptureAgent (the tray client's capture classes) pointed at the demo's outbox
as demo.sh points mps-client, it types the one command the demo prints (DIR/try-command) and checks
that the test page becomes a held job on a real mps-server for the account signed in to the agent.

Runs as root (useradd, runuser, cupsd running the backend as root).
"""

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
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
DEMO_CAPTURE = os.path.join(SOURCE_DIR, "scripts", "demo-capture.sh")
USER = "mpsdemo-kim"
PASSWORD = "demo-capture-pw-1"


@unittest.skipUnless(os.geteuid() == 0, "needs root: a local user, runuser and a root-run CUPS backend")
class DemoCaptureTest(unittest.TestCase):
    def setUp(self):
        for path in (AGENT, BACKEND):
            if not os.access(path, os.X_OK):
                self.skipTest(f"{path} is not built")
        self.dir = tempfile.mkdtemp(prefix="mps-demo-capture-", dir=os.environ.get("MPS_PEER_TMP", "/tmp"))
        os.chmod(self.dir, 0o755)
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            self.addCleanup(shutil.rmtree, self.dir, True)
        self.capture_dir = os.path.join(self.dir, "cups")

        # What demo.sh does: the demo's own cupsd with the capture queue.
        self.addCleanup(subprocess.run, ["sh", DEMO_CAPTURE, "stop", self.capture_dir], timeout=60)
        setup = subprocess.run(["sh", DEMO_CAPTURE, "start", self.capture_dir, BACKEND],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
        self.assertEqual(setup.returncode, 0, setup.stdout.decode(errors="replace"))

        self.server = peers.MpsServer()
        self.addCleanup(self.server.close)
        peers.Cupsd.ensure_local_user(USER)
        self.server.admin("user", "add", USER, "--department", "QA", "--password-stdin", stdin=PASSWORD + "\n")
        runtime = os.path.join(self.dir, "run")
        os.makedirs(runtime, mode=0o755)
        self.session = DesktopSession(USER, self.dir, runtime)
        self.addCleanup(self.session.close)

    def env_file(self):
        with open(os.path.join(self.capture_dir, "env"), encoding="utf-8") as f:
            return dict(line.strip().split("=", 1) for line in f if "=" in line)

    def test_demo_queue_prints_to_a_held_job(self):
        env = self.env_file()
        outbox = os.path.join(env["MPS_OUTBOX_BASE"], str(pwd.getpwnam(USER).pw_uid))
        # The queue is the capture queue in the demo's cupsd, not in the system's.
        out = subprocess.run(["lpstat", "-v", "MPS-Secure-Print"], env=dict(os.environ, CUPS_SERVER=env["CUPS_SERVER"]),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        self.assertIn(b"mps:/", out.stdout, out.stdout)
        # And the fax queue beside it, with the command the demo prints for it.
        out = subprocess.run(["lpstat", "-v", "MPS-Fax"], env=dict(os.environ, CUPS_SERVER=env["CUPS_SERVER"]),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        self.assertIn(b"mps:/fax", out.stdout, out.stdout)
        with open(os.path.join(self.capture_dir, "try-fax-command"), encoding="utf-8") as f:
            self.assertIn("lp -d MPS-Fax", f.read())

        self.session.start_agent(AGENT, self.server.base_url, PASSWORD, outbox)
        self.session.wait_event(lambda e: e.get("event") == "started", 30, "capture started")

        with open(os.path.join(self.capture_dir, "try-command"), encoding="utf-8") as f:
            command = f.read().strip()
        self.assertIn("lp -d MPS-Secure-Print", command)
        # Typed by the desktop's user in their shell.
        p = self.session.run(["bash", "-c", command], timeout=60)
        self.assertEqual(p.returncode, 0, (p.stdout + p.stderr).decode(errors="replace"))
        self.assertIn(b"request id is MPS-Secure-Print-", p.stdout)

        event = self.session.wait_event(lambda e: e.get("event") == "uploaded", 60, "the test page uploaded")
        api = self.server.api()
        api.login(USER, PASSWORD)
        status, body = api.get("jobs")
        self.assertEqual(status, 200, body)
        jobs = body["jobs"]
        self.assertEqual(len(jobs), 1, jobs)
        self.assertEqual(jobs[0]["owner"], USER, jobs[0])
        self.assertEqual(jobs[0]["state"], "held", jobs[0])
        self.assertTrue(jobs[0]["name"].startswith("default-testpage"), (jobs[0], event))


if __name__ == "__main__":
    unittest.main()
