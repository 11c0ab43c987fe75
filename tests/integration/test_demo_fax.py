"""`make demo`'s fax line, headless (issue 9 §3): scripts/demo-fax.sh, the very set-up scripts/demo.sh
uses. It starts the fax loop (tests/fixtures/hylafax.py loop: two HylaFAX+ instances and two
iaxmodems) with the hook mps-fax-received configured for a gateway token, and writes the mps-server
options pointing [fax] at the loop's gateway. Checks: a real mps-server started with those options
has fax enabled (GET /api/v1/fax/settings) and hands a sent fax to that gateway (its q-file carries
the fax's tag); the hook's configuration, token and pending directory belong to uucp (faxgetty runs
the hook as uucp); the remote-send command the demo prints exists; stop ends the loop's daemons.
No fax call is made here (test_fax_e2e makes them).

Needs root (iaxmodem, faxq, faxgetty): without it the test FAILS with a message.
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import unittest
from urllib.parse import quote

import peers
from hylafax import read_qfile

import mpsit

SOURCE_DIR = os.environ.get("MPS_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD_DIR = os.environ.get("MPS_BUILD_DIR", "")
HOOK = os.path.join(BUILD_DIR, "installer", "mps-fax-received")
DEMO_FAX = os.path.join(SOURCE_DIR, "scripts", "demo-fax.sh")
USER = "demo-fax-kim"


def hylafax_safe_dir(prefix):
    """A new temporary directory whose path has no '_' (HylaFAX turns '_' in device paths into '/')."""
    while True:
        path = tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("MPS_PEER_TMP", "/tmp"))
        if "_" not in path:
            return path
        os.rmdir(path)


class DemoFaxTest(unittest.TestCase):
    def setUp(self):
        if os.geteuid() != 0:
            self.fail("test_demo_fax needs root (iaxmodem, faxq and faxgetty run as root); it does not skip")
        if not os.access(HOOK, os.X_OK):
            self.fail(f"{HOOK} is not built")
        self.dir = hylafax_safe_dir("mps-demo-fax-")
        os.chmod(self.dir, 0o755)
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            self.addCleanup(shutil.rmtree, self.dir, True)
        self.fax_dir = os.path.join(self.dir, "fax")
        self.token_file = os.path.join(self.dir, "fax.token")
        with open(self.token_file, "w") as f:
            f.write("not-a-real-token-but-the-script-only-copies-it\n")

    def test_demo_fax_line(self):
        self.addCleanup(subprocess.run, ["sh", DEMO_FAX, "stop", self.fax_dir], timeout=60)
        start = subprocess.run(["sh", DEMO_FAX, "start", self.fax_dir, HOOK, "http://127.0.0.1:9",
                                self.token_file], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
        self.assertEqual(start.returncode, 0, start.stdout.decode(errors="replace"))
        with open(os.path.join(self.fax_dir, "loop.pid")) as f:
            loop_pid = int(f.read())

        uucp = pwd.getpwnam("uucp")
        for name in ("hook", "hook/pending", "hook/token", "hook/fax-gateway.conf"):
            st = os.stat(os.path.join(self.fax_dir, name))
            self.assertEqual(st.st_uid, uucp.pw_uid, name)
        self.assertEqual(os.stat(os.path.join(self.fax_dir, "hook", "token")).st_mode & 0o777, 0o600)
        self.assertTrue(os.access(os.path.join(self.fax_dir, "remote-send"), os.X_OK))

        with open(os.path.join(self.fax_dir, "server-args")) as f:
            args = f.read().split()
        self.assertEqual(args[:2], ["--fax-gateway", "hylafax"])
        server = peers.MpsServer(extra_args=args + ["--fax-poll-seconds", "1"])
        self.addCleanup(server.close)
        mpsit.add_user(server, "kim", department="FIN")
        api = mpsit.login(server, "kim")
        status, body = api.get("fax/settings")
        self.assertEqual(status, 200, body)
        self.assertTrue(body["enabled"], body)
        self.assertEqual(body["gateway"], "hylafax", body)

        # A fax sent through the demo's server is handed to the loop's gateway (the call itself is
        # test_fax_e2e's business: it is cancelled here before it is dialled to the end).
        with open("/usr/share/cups/data/default-testpage.pdf", "rb") as f:
            status, body = api.post(f"fax/drafts?name={quote('demo.pdf')}", raw=f.read(),
                                    headers={"Content-Type": "application/pdf"})
        self.assertEqual(status, 201, body)
        status, body = api.post(f"fax/drafts/{body['draft']['id']}/send",
                                {"recipients": [{"name": "Remote", "number": "02-555-0200"}]})
        self.assertEqual(status, 202, body)
        fax_id = body["faxes"][0]["id"]
        gateway_dir = os.path.join(self.fax_dir, "loop", "gateway")

        def at_gateway():
            for q in glob.glob(os.path.join(gateway_dir, "sendq", "q*")) + \
                    glob.glob(os.path.join(gateway_dir, "doneq", "q*")):
                try:
                    if read_qfile(q).get("jobtag") == f"mps-fax-{fax_id}":
                        return q
                except OSError:
                    pass
            return None
        mpsit.wait_for(at_gateway, 60, f"fax {fax_id} at the demo's gateway", 0.2, lambda: mpsit.log_tail(server))
        api.post(f"fax/sent/{fax_id}/cancel")

        stop = subprocess.run(["sh", DEMO_FAX, "stop", self.fax_dir], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=60)
        self.assertEqual(stop.returncode, 0, stop.stdout)
        self.assertFalse(os.path.exists(f"/proc/{loop_pid}"), "the loop is still running after stop")
        ps = subprocess.run(["ps", "-eo", "args"], stdout=subprocess.PIPE, text=True).stdout
        self.assertNotIn(self.fax_dir, ps, "a daemon of the demo's loop outlived stop")


if __name__ == "__main__":
    unittest.main()
