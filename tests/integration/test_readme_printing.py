"""The README's "Printing to MPS" commands, run as a person types them (issue 13 §1).

The shell block of README.md that sets up a driverless CUPS queue on the MPS server
(`lpadmin ... -v ipps://print.example.org:8631/ipp/print -m everywhere ...`) is taken from the README
as it is and run line by line in a terminal (a pty, so that programs can ask for a password the way
they ask a person), against a throwaway cupsd (CUPS_SERVER) and a real mps-server: the host name is
the only thing replaced, by the test server's address. Prompts for a user name get "kim", prompts for
a password get kim's MPS password; nothing else is typed. The document must arrive on the server as a
held job owned by kim, and the CUPS job must be completed, not held for authentication.

Installed commands the README names (mps-authenticate-job) come from installer/ on PATH, as after
`cmake --install`. Runs as root (the throwaway cupsd).
"""

import os
import pty
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import peers

SOURCE_DIR = os.environ.get("MPS_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
README = os.path.join(SOURCE_DIR, "README.md")
README_HOST = "print.example.org:8631"
MPS_USER = "kim"
MPS_PASSWORD = "kim-readme-pw-1"
# Installed name -> file in the source tree (installer/CMakeLists.txt installs them so).
INSTALLED = {"mps-authenticate-job": os.path.join(SOURCE_DIR, "installer", "mps-authenticate-job.sh")}


def readme_driverless_commands():
    """The commands of the README's shell block that creates the driverless queue, in order."""
    with open(README, encoding="utf-8") as f:
        text = f.read()
    section = text.split("## Printing to MPS", 1)[1].split("\n## ", 1)[0]
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        if "lpadmin" in block and "ipps://" in block:
            lines = []
            for line in block.splitlines():
                line = line.split("  #", 1)[0].strip()  # a trailing comment is not typed
                if line and not line.startswith("#"):
                    lines.append(line)
            return lines
    raise AssertionError("README.md 'Printing to MPS' has no shell block with lpadmin and ipps://")


def run_in_terminal(command, env, cwd, answers, timeout=120):
    """Runs `command` with bash in a new pty, answering prompts: `answers` maps a regular expression
    (matched against what was printed since the last answer) to the text typed (Enter added).
    Returns (exit status, everything printed)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a login-less terminal session
        try:
            os.chdir(cwd)
            os.execvpe("bash", ["bash", "--noprofile", "--norc", "-c", command], env)
        finally:
            os._exit(127)
    output = b""
    pending = ""
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"{command!r} did not finish in {timeout}s; printed:\n"
                                     f"{output.decode(errors='replace')}")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not data:
                break
            output += data
            pending += data.decode(errors="replace")
            for pattern, reply in answers.items():
                if re.search(pattern, pending, re.I):
                    os.write(fd, reply.encode() + b"\n")
                    pending = ""
                    break
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


@unittest.skipUnless(os.geteuid() == 0, "needs root: a throwaway cupsd")
class ReadmePrintingTest(unittest.TestCase):
    def setUp(self):
        self.server = peers.MpsServer()
        self.addCleanup(self.server.close)
        self.server.admin("user", "add", MPS_USER, "--department", "QA", "--password-stdin",
                          stdin=MPS_PASSWORD + "\n")
        # Debian's default authentication type (the fixture's is None).
        self.cupsd = peers.Cupsd(extra_conf="DefaultAuthType Basic\n")
        self.addCleanup(self.cupsd.close)
        self.dir = tempfile.mkdtemp(prefix="mps-readme-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        bindir = os.path.join(self.dir, "bin")
        os.makedirs(bindir)
        for name, path in INSTALLED.items():
            os.symlink(path, os.path.join(bindir, name))
        self.home = os.path.join(self.dir, "home")
        os.makedirs(self.home)
        shutil.copy(peers.TEST_PDF, os.path.join(self.home, "report.pdf"))
        self.env = self.cupsd.env(PATH=bindir + ":/usr/sbin:/usr/bin:/sbin:/bin", HOME=self.home,
                                  USER="root", LOGNAME="root", LANG="C.UTF-8", TERM="dumb")

    def test_readme_driverless_queue_prints_held_for_the_user(self):
        commands = readme_driverless_commands()
        self.assertTrue(any(c.startswith("lp ") for c in commands), commands)
        host = f"localhost:{self.server.port}"
        answers = {r"user ?name[^:\n]*:\s*$": MPS_USER, r"password[^:\n]*[:?]\s*$": MPS_PASSWORD}
        transcript = []
        for command in commands:
            typed = command.replace(README_HOST, host)
            code, printed = run_in_terminal(typed, self.env, self.home, answers)
            transcript.append(f"$ {typed}\n{printed}")
            self.assertEqual(code, 0, "\n".join(transcript) + "\n" + self.cupsd.diagnostics())

        if os.environ.get("MPS_TEST_VERBOSE"):
            print("\n".join(transcript))
        # Typed without echo, and never written where others read.
        self.assertNotIn(MPS_PASSWORD, "\n".join(transcript))
        self.assertNotIn(MPS_PASSWORD, self.cupsd.error_log())
        ids = [int(m) for m in re.findall(r"request id is MPS-Secure-Print-(\d+)", "\n".join(transcript))]
        self.assertEqual(len(ids), 1, "\n".join(transcript))
        state = self.cupsd.wait_job_state(ids[0], ("completed", "canceled", "aborted", "pending-held"),
                                          timeout=60)
        attrs = self.cupsd.job_attributes(ids[0])
        self.assertEqual(state, "completed",
                         f"CUPS job {ids[0]}: {state} {attrs.get('job-state-reasons')}\n" + "\n".join(transcript))

        api = self.server.api()
        api.login(MPS_USER, MPS_PASSWORD)
        status, body = api.get("jobs")
        self.assertEqual(status, 200, body)
        jobs = body["jobs"]
        self.assertEqual(len(jobs), 1, jobs)
        self.assertEqual(jobs[0]["state"], "held", jobs[0])
        self.assertEqual(jobs[0].get("owner"), MPS_USER, jobs[0])
        self.assertIn("report", jobs[0]["name"], jobs[0])


if __name__ == "__main__":
    unittest.main()
