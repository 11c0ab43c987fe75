"""Throttled sign-in (issue 14 §2) against a real mps-server on loopback.

Linux loopback accepts any 127.x source address, so each client socket is bound to the address it
plays: 127.0.0.1 is the real user's desk, other 127.x addresses are attackers (or colleagues).
Failures are counted per (name, address or kiosk) and per address or kiosk; what an attacker does
from one place never locks the user out anywhere else, unknown names are answered exactly like
real ones, and the Argon2id checks run in a bounded pool (GET /healthz shows its peak).
"""

import base64
import http.client
import json
import os
import threading
import time
import unittest

from peers import MpsServer

import mpsit
from mpsit import PASSWORD, add_user, ipp_request, parse_ipp_response

OP_GET_JOBS = 0x000A
IPP_OK = 0x0000
IPP_NOT_AUTHORIZED = 0x0403


def request(server, method, path, source, body=None, headers=None, conn=None):
    """One HTTP request from `source` -> (status, headers dict, body bytes)."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        if own:
            conn.close()


def sign_in(server, user, password, source, conn=None):
    """POST /api/v1/session from `source` -> (status, body dict, headers)."""
    status, hdrs, data = request(server, "POST", "/api/v1/session", source,
                                 json.dumps({"username": user, "password": password}).encode(),
                                 {"Content-Type": "application/json"}, conn)
    return status, json.loads(data) if data else {}, hdrs


def kiosk_sign_in(server, token, body):
    status, _, data = request(server, "POST", "/api/v1/kiosk/session", "127.0.0.1",
                              json.dumps(body).encode(),
                              {"Content-Type": "application/json", "X-MPS-Device-Token": token})
    return status, json.loads(data) if data else {}


def health(server):
    status, _, data = request(server, "GET", "/healthz", "127.0.0.1")
    assert status == 200, data
    return json.loads(data)


def write_config(directory, **values):
    path = os.path.join(directory, "throttle.ini")
    with open(path, "w") as f:
        for key, value in values.items():
            f.write(f"{key.replace('_', '-')}={value}\n")
    return path


class ThrottlingTest(unittest.TestCase):
    """Default limits: 5 failures of one name from one place lock it there, 20 from one place (any
    names) start refusals, 50 from anywhere lock the account. Only the refill is slowed down (one
    attempt an hour instead of every 30 s), so that a slow machine cannot change the counts."""

    def setUp(self):
        self.dir = mpsit.make_dir("mps-throttle-")
        self.addCleanup(lambda: __import__("shutil").rmtree(self.dir, True))
        config = write_config(self.dir, sign_in_refill_seconds=3600)
        self.server = MpsServer(extra_args=["--config", config])
        self.addCleanup(self.server.close)
        for name in ("kim", "lee", "park", "choi"):
            add_user(self.server, name, pin="135790")

    # -- one address brute-forcing a colleague
    def test_brute_force_from_one_address_leaves_the_user_signing_in_from_their_desk(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60,
                                          source_address=("127.0.0.2", 0))
        self.addCleanup(conn.close)
        answers = [sign_in(self.server, "kim", f"guess-{i}", "127.0.0.2", conn) for i in range(30)]
        statuses = [a[0] for a in answers]
        # Four wrong guesses count down, the fifth locks kim from 127.0.0.2, the rest are refused
        # there without a check.
        self.assertEqual(statuses, [401] * 4 + [429] * 26, statuses)
        self.assertEqual([a[1].get("attemptsLeft") for a in answers[:4]], [4, 3, 2, 1])
        self.assertEqual({a[1]["error"] for a in answers[4:]}, {"locked"})
        self.assertIn("lockedUntil", answers[4][1])
        self.assertGreater(int(answers[-1][2]["Retry-After"]), 0)
        # Meanwhile kim signs in at her own desk, and her own mistakes are counted apart.
        status, body, _ = sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.1")
        self.assertEqual(status, 200, body)
        status, body, _ = sign_in(self.server, "kim", "typo", "127.0.0.1")
        self.assertEqual((status, body.get("attemptsLeft")), (401, 4), body)
        # Even kim's right password is refused from the attacker's address while that lock lasts.
        status, body, _ = sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.2")
        self.assertEqual((status, body["error"]), (429, "locked"), body)

    def test_many_names_from_one_address_are_refused_whatever_the_name(self):
        # Twenty failures from one address (any names) use up its budget; then every name, real or
        # not, gets the same refusal there, while the same users sign in from elsewhere.
        answers = [sign_in(self.server, f"nobody{i}", "x", "127.0.0.5") for i in range(20)]
        self.assertEqual([a[0] for a in answers[:19]], [401] * 19, [a[1] for a in answers])
        self.assertEqual(answers[19][0], 429, answers[19][1])
        real = sign_in(self.server, "lee", PASSWORD["lee"], "127.0.0.5")
        fake = sign_in(self.server, "nobody-else", "x", "127.0.0.5")
        self.assertEqual(real[0], 429)
        self.assertEqual(fake[0], 429)
        self.assertEqual(set(real[1]), set(fake[1]))
        self.assertEqual((real[1]["error"], real[1]["message"]), (fake[1]["error"], fake[1]["message"]))
        self.assertEqual(sign_in(self.server, "lee", PASSWORD["lee"], "127.0.0.6")[0], 200)

    # -- no user-name probing
    def test_unknown_wrong_and_locked_answers_are_identical(self):
        def sequence(name, source):
            return [sign_in(self.server, name, f"wrong-{i}", source)[:2] for i in range(6)]

        real = sequence("lee", "127.0.0.7")
        fake = sequence("no-such-user", "127.0.0.8")
        for (rs, rb), (fs, fb) in zip(real, fake):
            self.assertEqual(rs, fs)
            self.assertEqual(set(rb), set(fb))
            for key in rb:
                if key == "lockedUntil":
                    # Both locked at the same moment give or take the time between the two sequences.
                    self.assertLessEqual(abs(iso_secs(rb[key]) - iso_secs(fb[key])), 5)
                else:
                    self.assertEqual(rb[key], fb[key], key)
        self.assertEqual([s for s, _ in real], [401] * 4 + [429] * 2)
        # A disabled account answers like an unknown name too.
        self.server.admin("user", "disable", "choi")
        disabled = sequence("choi", "127.0.0.9")
        self.assertEqual([s for s, _ in disabled], [s for s, _ in fake])
        self.assertEqual([b.get("attemptsLeft") for _, b in disabled], [b.get("attemptsLeft") for _, b in fake])

    # -- IPP Basic is counted with the REST sign-ins of the same address
    def test_ipp_basic_is_throttled_per_address(self):
        def get_jobs(password, source):
            body = ipp_request(OP_GET_JOBS, 7, self.server.ipp_uri, user="park")
            auth = "Basic " + base64.b64encode(f"park:{password}".encode()).decode()
            return request(self.server, "POST", "/ipp/print", source, body,
                           {"Content-Type": "application/ipp", "Authorization": auth})

        for i in range(4):
            status, hdrs, _ = get_jobs(f"wrong-{i}", "127.0.0.20")
            self.assertEqual(status, 401, "a wrong password asks for credentials again")
            self.assertIn("WWW-Authenticate", hdrs)
        status, _, payload = get_jobs("wrong-4", "127.0.0.20")
        self.assertEqual(status, 200)
        self.assertEqual(parse_ipp_response(payload)[1], IPP_NOT_AUTHORIZED, "the fifth locks park there")
        status, _, payload = get_jobs(PASSWORD["park"], "127.0.0.20")
        self.assertEqual(parse_ipp_response(payload)[1], IPP_NOT_AUTHORIZED, "locked: not even checked")
        # The same counters as REST: park's REST sign-in from there is refused too ...
        self.assertEqual(sign_in(self.server, "park", PASSWORD["park"], "127.0.0.20")[0], 429)
        # ... and from the desk both work.
        status, _, payload = get_jobs(PASSWORD["park"], "127.0.0.1")
        self.assertEqual((status, parse_ipp_response(payload)[1]), (200, IPP_OK))
        self.assertEqual(sign_in(self.server, "park", PASSWORD["park"], "127.0.0.1")[0], 200)

    # -- kiosks are throttled per kiosk
    def test_kiosk_pin_is_throttled_per_kiosk(self):
        self.server.admin("printer", "add", "mfp-a", "--uri", "ipp://127.0.0.1:9/ipp/print")
        self.server.admin("printer", "add", "mfp-b", "--uri", "ipp://127.0.0.1:9/ipp/print")
        kiosk_a = mpsit.kiosk_token(self.server, "kiosk-a", "mfp-a")
        kiosk_b = mpsit.kiosk_token(self.server, "kiosk-b", "mfp-b")
        answers = [kiosk_sign_in(self.server, kiosk_a, {"username": "lee", "pin": "000000"}) for _ in range(5)]
        self.assertEqual([a[0] for a in answers], [401] * 4 + [429])
        self.assertEqual([a[1].get("attemptsLeft") for a in answers[:4]], [4, 3, 2, 1])
        self.assertEqual(answers[4][1]["error"], "locked")
        self.assertIn("lockedUntil", answers[4][1])
        # The kiosk tells the person that it is this kiosk, not the account (docs/api.md lockScope).
        self.assertEqual(answers[4][1]["lockScope"], "here")
        # Locked at kiosk A, also for the right PIN; at kiosk B and at the desk lee signs in.
        self.assertEqual(kiosk_sign_in(self.server, kiosk_a, {"username": "lee", "pin": "135790"})[0], 429)
        status, body = kiosk_sign_in(self.server, kiosk_b, {"username": "lee", "pin": "135790"})
        self.assertEqual(status, 200, body)
        self.assertEqual(sign_in(self.server, "lee", PASSWORD["lee"], "127.0.0.1")[0], 200)
        # Both kiosks reach the server from 127.0.0.1: kiosk A's failures did not count against the
        # address (kim's password from there was never refused) nor against kiosk B.
        status, body = kiosk_sign_in(self.server, kiosk_b, {"username": "kim", "pin": "000000"})
        self.assertEqual((status, body.get("attemptsLeft")), (401, 4), body)

    # -- the pool bounds concurrent Argon2id checks
    def test_flood_of_wrong_passwords_stays_within_the_password_check_pool(self):
        capacity = health(self.server)["passwordChecks"]["capacity"]
        self.assertGreaterEqual(capacity, 1)
        results = []
        barrier = threading.Barrier(32)

        def attacker(i):
            conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=120,
                                              source_address=(f"127.0.1.{i + 1}", 0))
            conn.connect()
            barrier.wait()
            try:
                results.append(sign_in(self.server, "kim", f"flood-{i}", f"127.0.1.{i + 1}", conn)[:2])
            finally:
                conn.close()

        threads = [threading.Thread(target=attacker, args=(i,)) for i in range(32)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 32)
        for status, body in results:
            self.assertIn((status, body.get("error")), ((401, "invalid-credentials"), (503, "sign-in-busy")), body)
        stats = health(self.server)["passwordChecks"]
        self.assertLessEqual(stats["peak"], capacity, stats)
        self.assertEqual(stats["inUse"], 0, stats)
        self.assertEqual(stats["checks"] + stats["busy"], 32, stats)
        self.assertEqual(sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.1")[0], 200)

    # -- the log says who was refused and from where, briefly, and never a secret
    def test_refusals_are_logged_with_address_and_rate_limited(self):
        for i in range(40):
            sign_in(self.server, f"ghost{i}", f"secret-guess-{i}", "127.0.0.30")
        sign_in(self.server, "park", "secret-guess-x", "127.0.0.31")
        log = self.server.log()
        lines = [line for line in log.splitlines() if "sign-in refused from 127.0.0.30" in line]
        self.assertTrue(lines, log[-3000:])
        self.assertIn('"ghost0"', lines[0])
        self.assertLessEqual(len(lines), 2, lines)
        self.assertTrue(any("127.0.0.31" in line and '"park"' in line for line in log.splitlines()))
        self.assertNotIn("secret-guess", log)


class LockExpiryTest(unittest.TestCase):
    """Short locks (lockout-seconds 2) so that their end can be waited for."""

    def setUp(self):
        self.dir = mpsit.make_dir("mps-throttle-")
        self.addCleanup(lambda: __import__("shutil").rmtree(self.dir, True))
        config = write_config(self.dir, lockout_seconds=2)
        self.server = MpsServer(extra_args=["--config", config])
        self.addCleanup(self.server.close)
        add_user(self.server, "lee")

    def test_an_attacker_cannot_keep_the_lock_going_by_one_guess_after_it_ends(self):
        for i in range(5):
            sign_in(self.server, "lee", f"wrong-{i}", "127.0.0.40")
        self.assertEqual(sign_in(self.server, "lee", "wrong-x", "127.0.0.40")[0], 429)
        # When the lock ends the count starts again: the next wrong guess has four more behind it.
        status, body, _ = mpsit.wait_for(
            lambda: (lambda a: a if a[0] == 401 else None)(sign_in(self.server, "lee", "again", "127.0.0.40")),
            30, "the end of the lock from 127.0.0.40", interval=0.2)
        self.assertEqual(body.get("attemptsLeft"), 4, body)



class AccountLockTest(unittest.TestCase):
    """An account-wide ceiling of 8 failures and 15-second locks (long enough to restart within)."""

    def setUp(self):
        self.dir = mpsit.make_dir("mps-throttle-")
        self.addCleanup(lambda: __import__("shutil").rmtree(self.dir, True))
        config = write_config(self.dir, lockout_seconds=15, account_lockout_failures=8)
        self.server = MpsServer(extra_args=["--config", config])
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")

    def test_account_wide_lock_spares_known_places_and_expires_after_kill9(self):
        self.assertEqual(sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.1")[0], 200)
        # Eight failures spread over two addresses reach the account-wide ceiling.
        for i in range(4):
            sign_in(self.server, "kim", f"w{i}", "127.0.0.50")
            sign_in(self.server, "kim", f"v{i}", "127.0.0.51")
        # The lock is told only with the right password, and not where kim signed in before.
        status, body, _ = sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.52")
        self.assertEqual((status, body["error"], body["lockScope"]), (429, "locked", "account"), body)
        self.assertEqual(sign_in(self.server, "kim", "wrong", "127.0.0.53")[0], 401)
        self.assertEqual(sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.1")[0], 200)
        # The lock is in the database: it outlives a crash and still ends.
        self.server.kill9()
        self.server.start()
        # Which places kim used was in memory only: now the lock holds everywhere, until it ends.
        status, body, _ = sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.1")
        self.assertEqual((status, body["error"]), (429, "locked"), body)
        mpsit.wait_for(lambda: sign_in(self.server, "kim", PASSWORD["kim"], "127.0.0.55")[0] == 200,
                       40, "the end of the account lock after a restart", interval=0.5)


def iso_secs(text):
    import datetime
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


if __name__ == "__main__":
    unittest.main()
