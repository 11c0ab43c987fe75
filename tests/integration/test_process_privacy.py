"""The apps keep what they hold out of core files and away from same-user debuggers (ProcessPrivacy).

mps-kiosk (on a device everyone uses: the signed-in person's session, the pages they scan), mps-scan-helper
(those pages, and a third-party SANE backend that may crash) and mps-client (the person's session, the
documents it sends) are started as an unprivileged user, as they run in the field. For each: its core
file limit is 0, soft and hard (/proc/PID/limits; systemd-coredump keeps no core of a process whose limit
is 0), and another process of the same user cannot read its /proc/PID/environ, which the kernel allows
only to those that may attach a debugger to it. Controls, so that the checks can fail: a plain process of
that user (`sleep`) is readable, and so is an app started with MPS_CORE_DUMPS=1, the opt-out.
Needs root (to start processes as nobody); skipped otherwise.
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import mpsit

NOBODY = 65534


def as_nobody():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def core_limits(pid):
    with open(f"/proc/{pid}/limits") as f:
        for line in f:
            if line.startswith("Max core file size"):
                return line.split()[4:6]
    raise AssertionError(f"no core limit for {pid}")


def readable_by_nobody(pid):
    """Whether another process of the same user may read the process's environment."""
    code = subprocess.run(["/bin/cat", f"/proc/{pid}/environ"], preexec_fn=as_nobody,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
    return code == 0


@unittest.skipUnless(os.geteuid() == 0, "starts the apps as nobody: needs root")
class ProcessPrivacyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = os.environ["MPS_BUILD_DIR"]
        cls.tmp = tempfile.mkdtemp(prefix="mps-privacy-it-")
        os.chmod(cls.tmp, 0o755)
        cls.procs = []

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def tearDown(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.wait(timeout=10)
        self.procs.clear()

    def start(self, argv, name, extra_env=None, stdin=None):
        home = os.path.join(self.tmp, name)
        runtime = os.path.join(home, "run")
        os.makedirs(runtime, mode=0o700)
        for d in (home, runtime):
            os.chown(d, NOBODY, NOBODY)
        env = {"HOME": home, "XDG_RUNTIME_DIR": runtime, "PATH": "/usr/bin:/bin",
               "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
        env.update(extra_env or {})
        log = open(os.path.join(self.tmp, name + ".log"), "wb")
        p = subprocess.Popen(argv, env=env, preexec_fn=as_nobody, stdin=stdin or subprocess.DEVNULL,
                             stdout=log, stderr=subprocess.STDOUT, cwd=home)
        log.close()
        self.procs.append(p)
        # Started, and past main()'s first lines: a second and a half of life says so.
        time.sleep(1.5)
        if p.poll() is not None:
            self.fail(f"{name} ended: {self.log(name)}")
        return p

    def log(self, name):
        with open(os.path.join(self.tmp, name + ".log"), errors="replace") as f:
            return f.read()

    def kiosk(self, name, extra_env=None):
        # No card reader or fingerprint sensor: other tests use pcscd's virtual reader meanwhile.
        return self.start([os.path.join(self.build, "kiosk", "mps-kiosk"), "--server", "http://127.0.0.1:9",
                           "--no-card-reader", "--no-fingerprint"], name, extra_env)

    def assert_private(self, p, name):
        # Polled: on a loaded machine the process may not have reached main() yet.
        mpsit.wait_for(lambda: core_limits(p.pid) == ["0", "0"] and not readable_by_nobody(p.pid), 30,
                       f"{name} to turn core files off and be unreadable by its user",
                       detail=lambda: f"core limits {core_limits(p.pid)}, readable {readable_by_nobody(p.pid)}")

    def test_a_plain_process_of_the_same_user_is_readable(self):
        p = self.start(["/bin/sleep", "30"], "sleep")
        self.assertTrue(readable_by_nobody(p.pid))

    def test_kiosk(self):
        self.assert_private(self.kiosk("kiosk"), "mps-kiosk")

    def test_kiosk_with_core_dumps_allowed(self):
        p = self.kiosk("kiosk-dumps", {"MPS_CORE_DUMPS": "1"})
        # Past the point where it would have turned them off: it says so.
        mpsit.wait_for(lambda: "MPS_CORE_DUMPS=1" in self.log("kiosk-dumps"), 30,
                       "the kiosk's warning that core dumps are allowed")
        self.assertTrue(readable_by_nobody(p.pid))

    def test_scan_helper(self):
        # It waits for commands on stdin (ScanProtocol) and ends when stdin closes.
        r, w = os.pipe()
        try:
            p = self.start([os.path.join(self.build, "kiosk", "mps-scan-helper"), "test"], "helper", stdin=r)
            self.assert_private(p, "mps-scan-helper")
        finally:
            os.close(w)
            os.close(r)

    def test_tray_client(self):
        self.assert_private(self.start([os.path.join(self.build, "client", "mps-client")], "client"),
                            "mps-client")


if __name__ == "__main__":
    unittest.main()
