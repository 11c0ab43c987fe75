"""Self-test of tests/fixtures/hylafax.py without modems (fast; the full calls of the loop are the
end-to-end tests' business): an instance queues a fax sent through its own hfaxd, reports it from
its q-files, and leaves no daemon behind; the `serve` command line prints its port and stops on
SIGTERM. Run from tests/integration with PYTHONPATH=../fixtures as root:

    /usr/bin/python3 -m unittest -v test_hylafax_fixture
"""

import json
import os
import signal
import subprocess
import sys
import unittest

import peers
import hylafax
from hylafax import HylaFaxInstance

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "hylafax.py")
PDF = "/usr/share/cups/data/default-testpage.pdf"


def daemons_in(spool):
    """PIDs of processes whose command line names the spool directory."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if spool in cmd and ("faxq" in cmd or "hfaxd" in cmd or "faxgetty" in cmd):
            pids.append(int(entry))
    return pids


@unittest.skipUnless(os.geteuid() == 0, "HylaFAX's daemons need root")
class HylaFaxFixtureTest(unittest.TestCase):
    def test_instance_queues_and_closes(self):
        inst = HylaFaxInstance()
        self.addCleanup(inst.close)
        self.assertTrue(daemons_in(inst.dir), inst.logs())
        job = inst.sendfax("0212345678", PDF, subaddress="77")
        queued = inst.wait_job(job, states=("READY", "BLOCKED", "SLEEPING", "PENDING"), timeout=30)
        self.assertEqual((queued["queue"], queued["number"], queued["subaddr"]), ("sendq", "0212345678", "77"))
        self.assertEqual(len(queued["documents"]), 1, queued)
        self.assertEqual([j["id"] for j in inst.jobs()], [job])
        spool = inst.dir
        inst.close()
        self.assertEqual(daemons_in(spool), [])
        self.assertFalse(os.path.exists(spool))  # made by the fixture, so removed with it

    def test_serve_command_line(self):
        base = hylafax._clean_dir("mps-hylafax-serve")  # no '_' in it
        self.addCleanup(peers._remove_dir, base)
        spool = os.path.join(base, "spool")
        proc = subprocess.Popen([sys.executable, FIXTURE, "serve", "--dir", spool], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        self.addCleanup(proc.stderr.close)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(peers._terminate, proc)
        line = proc.stdout.readline().decode()
        self.assertTrue(line, proc.stderr.read().decode() if proc.poll() is not None else "no line")
        ready = json.loads(line)
        self.assertEqual(ready["dir"], spool)
        self.assertTrue(daemons_in(spool))
        with peers.socket.create_connection(("127.0.0.1", ready["port"]), timeout=5) as s:
            s.settimeout(10)
            self.assertTrue(s.recv(200).startswith(b"220"))
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(60), 0)
        self.assertEqual(daemons_in(spool), [])
        self.assertTrue(os.path.isdir(os.path.join(spool, "sendq")))  # a given --dir is kept

    def test_daemons_end_with_a_killed_fixture(self):
        """faxq and hfaxd run as uucp (no PDEATHSIG): the fixture's watchdog ends them."""
        base = hylafax._clean_dir("mps-hylafax-kill")
        self.addCleanup(peers._remove_dir, base)
        spool = os.path.join(base, "spool")
        proc = subprocess.Popen([sys.executable, FIXTURE, "serve", "--dir", spool], stdout=subprocess.PIPE,
                                start_new_session=True)
        self.addCleanup(proc.stdout.close)
        self.addCleanup(peers._terminate, proc)
        self.assertTrue(proc.stdout.readline())
        self.assertTrue(daemons_in(spool))
        proc.kill()
        proc.wait(10)
        peers._wait_until(lambda: not daemons_in(spool), 30, what="faxq and hfaxd to end")


if __name__ == "__main__":
    unittest.main()
