"""A throwaway desktop session of a local user for capture tests: home and runtime directories, a
private D-Bus session bus with an unlocked gnome-keyring (the Secret Service QtKeychain uses), and
the CaptureAgent (tests/capture/CaptureAgent.cpp) running as that user.

Stdlib only; needs root (runuser). Every process is started by this module and ended by its pid.
"""

import json
import os
import pwd
import signal
import subprocess
import time

import peers


def _chown_tree(path, uid, gid, mode):
    os.makedirs(path, exist_ok=True)
    os.chown(path, uid, gid)
    os.chmod(path, mode)


class DesktopSession:
    """Session of local user `user` under directory `base` (which lp and the user can traverse).

    runtime_dir plays /run/user/<uid> (0700, the user's); the CUPS backend finds it because the
    throwaway cupsd sets MPS_RUNTIME_BASE to runtime_base."""

    def __init__(self, user, base, runtime_base, keyring_password="keyring-pw"):
        self.user = user
        pw = pwd.getpwnam(user)
        self.uid, self.gid = pw.pw_uid, pw.pw_gid
        self.home = os.path.join(base, f"home-{user}")
        self.runtime_dir = os.path.join(runtime_base, str(self.uid))
        _chown_tree(self.home, self.uid, self.gid, 0o700)
        _chown_tree(self.runtime_dir, self.uid, self.gid, 0o700)
        self.bus_path = os.path.join(self.runtime_dir, "bus")
        self.bus_address = f"unix:path={self.bus_path}"
        self.log_dir = os.path.join(base, f"logs-{user}")
        os.makedirs(self.log_dir, exist_ok=True)
        self._dbus = None
        self._keyring = None
        self.agent = None
        self.agent_log = None
        self._agent_runs = 0
        self._closed = False
        try:
            self._start_bus(keyring_password)
        except BaseException:
            self.close()
            raise

    # -- processes of the user
    def env(self, **extra):
        env = {"HOME": self.home, "USER": self.user, "LOGNAME": self.user, "PATH": "/usr/bin:/bin",
               "XDG_RUNTIME_DIR": self.runtime_dir, "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
               "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        env.update(extra)
        return env

    def argv(self, argv, **extra):
        """argv run as the user with this session's environment only."""
        return ["runuser", "-u", self.user, "--", "env", "-i"] + [f"{k}={v}" for k, v in
                                                                  self.env(**extra).items()] + list(argv)

    def run(self, argv, *, input=None, timeout=60, **extra):
        return subprocess.run(self.argv(argv, **extra), input=input, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)

    def _start_bus(self, keyring_password):
        self._dbus = peers._spawn(self.argv(["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                             f"--address={self.bus_address}"]),
                                  log_path=os.path.join(self.log_dir, "dbus.log"))
        peers._wait_until(lambda: os.path.exists(self.bus_path), 10, 0.05, f"D-Bus of {self.user}")
        # gnome-keyring in the foreground (so its pid is ours), unlocking (or creating) the login
        # keyring with a password read from stdin.
        log = open(os.path.join(self.log_dir, "keyring.log"), "ab")
        self._keyring = subprocess.Popen(
            self.argv(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"]),
            stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self._keyring.stdin.write(keyring_password.encode())
        self._keyring.stdin.close()

        def secrets_ready():
            out = self.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                            "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                            "string:org.freedesktop.secrets"], timeout=10)
            return b"boolean true" in out.stdout
        peers._wait_until(secrets_ready, 15, 0.1, f"Secret Service of {self.user}",
                          lambda: open(os.path.join(self.log_dir, "keyring.log"), errors="replace").read())

    # -- the capture agent
    def start_agent(self, agent_bin, server_url, password, outbox_dir, *, crash_after_accept=False,
                    grace_ms=2000, extra_args=()):
        """Start CaptureAgent (or FaxAgent, which takes the same options plus `extra_args`) as the
        user; its JSON-lines output goes to a new log file."""
        self.stop_agent()
        self._agent_runs += 1
        self.agent_log = os.path.join(self.log_dir, f"agent-{self._agent_runs}.log")
        argv = [agent_bin, "--server", server_url, "--user", self.user, "--outbox", outbox_dir,
                "--socket", os.path.join(self.runtime_dir, "mps", "capture.sock"),
                "--grace-ms", str(grace_ms)]
        if crash_after_accept:
            argv.append("--crash-after-accept")
        argv += list(extra_args)
        self.agent = peers._spawn(self.argv(argv, MPS_AGENT_PASSWORD=password,
                                            QT_LOGGING_RULES="mps.*.debug=true"),
                                  log_path=self.agent_log)
        self.wait_event(lambda e: e.get("event") == "signed-in", 30, "agent signed in")
        return self.agent

    def events(self):
        if not self.agent_log or not os.path.exists(self.agent_log):
            return []
        out = []
        with open(self.agent_log, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if line.startswith("{"):
                    try:
                        out.append(json.loads(line))
                    except ValueError:
                        pass
        return out

    def wait_event(self, predicate, timeout, what):
        def found():
            if self.agent is not None and self.agent.poll() is not None:
                hit = [e for e in self.events() if predicate(e)]
                if hit:
                    return hit[-1]
                raise peers.PeerError(f"agent of {self.user} exited rc={self.agent.returncode} "
                                      f"waiting for {what}:\n{self.agent_output()}")
            hit = [e for e in self.events() if predicate(e)]
            return hit[-1] if hit else None
        return peers._wait_until(found, timeout, 0.05, f"{what} ({self.user})", self.agent_output)

    def agent_output(self):
        return peers._tail(self.agent_log, 8000) if self.agent_log else "<no agent log>"

    def kill_agent(self):
        """SIGKILL the agent (a crash); returns once it is gone."""
        if self.agent is not None and self.agent.poll() is None:
            # runuser is the session leader; the agent is its child in the same session.
            os.killpg(self.agent.pid, signal.SIGKILL)
            self.agent.wait(10)
        self.agent = None

    def stop_agent(self):
        if self.agent is not None:
            peers._terminate(self.agent, timeout=10)
        self.agent = None

    def close(self):
        if self._closed:
            return
        self._closed = True
        self.stop_agent()
        if self._keyring is not None:
            peers._terminate(self._keyring, timeout=5)
        if self._dbus is not None:
            peers._terminate(self._dbus, timeout=5)
