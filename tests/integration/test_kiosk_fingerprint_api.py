"""Fingerprints at the kiosk, server side (docs/api.md "Kiosk"), against a real mps-server: the kiosk
matches fingers itself (libfprint), the server keeps the templates sealed, hands them only to
registered kiosks inside single-use challenges and counts non-matches like wrong PINs. Templates
here are random bytes: the server never looks inside them. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_kiosk_fingerprint_api
"""

import base64
import datetime
import os
import shutil
import unittest

from peers import MpsServer

import mpsit
from mpsit import add_user, login, upload

CARDS = {"kim": "04A1B2C3", "lee": "04B2C3D4", "park": "04C3D4E5", "choi": "04D4E5F6"}
PINS = {"kim": "482913", "lee": "573024", "park": "684135", "choi": "795246"}
DEVICE = "X-MPS-Device-Token"


def b64(data):
    return base64.b64encode(data).decode()


class Kiosk:
    """A registered kiosk seen from the wire: its device token and the REST calls it makes."""

    def __init__(self, server, name):
        self.token = mpsit.kiosk_token(server, name, "mfp")
        self.api = server.api()

    def call(self, method, path, body=None, session=None):
        headers = {DEVICE: self.token}
        if session:
            headers["Authorization"] = f"Bearer {session}"
        return self.api.request(method, path, body, headers=headers)

    def sign_in(self, body):
        return self.call("POST", "kiosk/session", body)

    def answer(self, challenge, user, match):
        return self.sign_in({"challenge": challenge, "user": user, "match": match})

    def candidates(self):
        return self.call("GET", "kiosk/fingerprint/candidates")

    def session_for(self, user):
        """A kiosk session opened by card on a kiosk without a sensor -> token."""
        status, body = self.sign_in({"card": CARDS[user]})
        if status != 200 or "token" not in body:
            raise AssertionError(f"card sign-in of {user}: {status} {body}")
        return body["token"]


class KioskFingerprintApiTest(unittest.TestCase):

    def setUp(self):
        self.tmp = mpsit.make_dir("mps-fp-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.start_server()

    def start_server(self, config=None):
        extra = []
        if config is not None:
            path = os.path.join(self.tmp, "mps-server.ini")
            with open(path, "w") as f:
                f.write(config)
            extra = ["--config", path]
        self.server = MpsServer(extra_args=extra)
        self.addCleanup(self.server.close)
        for name in ("kim", "lee", "park", "choi"):
            add_user(self.server, name, pin=PINS[name], card=CARDS[name])
        # Nothing listens on port 9: sessions and challenges do not need a working printer.
        self.server.admin("printer", "add", "mfp", "--uri", "ipp://127.0.0.1:9/ipp/print")
        self.a = Kiosk(self.server, "kiosk-a")
        self.b = Kiosk(self.server, "kiosk-b")
        self.pdf = mpsit.make_padded_pdf(os.path.join(self.tmp, "doc.pdf"), 2000)
        with open(self.pdf, "rb") as f:
            self.pdf_bytes = f.read()

    # -- helpers
    def enrol(self, user, template, kiosk=None):
        kiosk = kiosk or self.a
        status, body = kiosk.call("PUT", "kiosk/fingerprint", {"template": b64(template), "consent": True},
                                  session=kiosk.session_for(user))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], user)
        self.assertTrue(body["user"]["hasFingerprint"], body)
        return body

    def hold_job(self, user, name="doc.pdf"):
        status, body = upload(login(self.server, user), self.pdf_bytes, name)
        self.assertEqual(status, 201, body)
        return body["job"]["id"]

    def verify_by_card(self, user, kiosk=None):
        """Card sign-in at a kiosk with a sensor of an enrolled user -> the verify answer."""
        status, body = (kiosk or self.a).sign_in({"card": CARDS[user], "fingerprintReader": True})
        self.assertEqual(status, 200, body)
        self.assertEqual(body.get("verify"), "fingerprint", body)
        self.assertNotIn("token", body)
        return body

    def assert_error(self, reply, status, code):
        self.assertEqual(reply[0], status, reply[1])
        self.assertEqual(reply[1]["error"], code, reply[1])
        self.assertTrue(reply[1]["message"].endswith("."), reply[1])

    def job_ids(self, kiosk, token):
        status, body = kiosk.call("GET", "jobs", session=token)
        self.assertEqual(status, 200, body)
        return [j["id"] for j in body["jobs"]]

    # -- enrolment
    def test_enrol_at_a_kiosk_session_and_verify_a_card_sign_in(self):
        first, template = os.urandom(900), os.urandom(1200)
        self.enrol("kim", first)
        self.enrol("kim", template)  # a second enrolment replaces the first
        job_id = self.hold_job("kim")
        status, me = self.a.call("GET", "me", session=self.a.session_for("kim"))
        self.assertEqual(status, 200, me)
        self.assertTrue(me["user"]["hasFingerprint"])

        v = self.verify_by_card("kim")
        self.assertEqual(v["expiresIn"], 120)
        self.assertEqual(v["user"]["name"], "kim")
        self.assertTrue(v["user"]["hasFingerprint"])
        self.assertEqual(v["candidates"], [{"user": "kim", "template": b64(template)}])
        self.assertGreaterEqual(len(v["challenge"]), 40)

        status, body = self.a.answer(v["challenge"], "kim", True)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], "kim")
        self.assertEqual(body["printer"]["name"], "mfp")
        self.assertIn(job_id, self.job_ids(self.a, body["token"]))
        # Single use: the same challenge does not open a second session.
        self.assert_error(self.a.answer(v["challenge"], "kim", True), 401, "invalid-challenge")

        # PIN and password sign-ins of an enrolled user are confirmed the same way.
        status, body = self.a.sign_in({"username": "kim", "pin": PINS["kim"], "fingerprintReader": True})
        self.assertEqual((status, body.get("verify")), (200, "fingerprint"), body)
        self.assertEqual(body["candidates"][0]["template"], b64(template))
        status, body = self.a.sign_in({"username": "kim", "password": mpsit.PASSWORD["kim"],
                                       "fingerprintReader": True})
        self.assertEqual((status, body.get("verify")), (200, "fingerprint"), body)
        # A kiosk without a sensor (no fingerprintReader) gets a session straight away.
        status, body = self.a.sign_in({"card": CARDS["kim"]})
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        # Users without a fingerprint are not asked for one.
        status, body = self.a.sign_in({"card": CARDS["lee"], "fingerprintReader": True})
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        self.assertFalse(body["user"]["hasFingerprint"])
        # Wrong credentials stay wrong with a sensor too.
        self.assert_error(self.a.sign_in({"username": "kim", "pin": "000000", "fingerprintReader": True}),
                          401, "invalid-credentials")

    def test_enrolment_needs_a_kiosk_session(self):
        template = {"template": b64(os.urandom(64)), "consent": True}
        tray = login(self.server, "kim")
        self.assert_error(tray.put("kiosk/fingerprint", template), 403, "forbidden")
        self.assert_error(tray.delete("kiosk/fingerprint"), 403, "forbidden")
        # The device token alone is not a user.
        self.assert_error(self.a.call("PUT", "kiosk/fingerprint", template), 401, "unauthenticated")
        # A kiosk session is good only at its own kiosk.
        token = self.a.session_for("kim")
        self.assert_error(self.b.call("PUT", "kiosk/fingerprint", template, session=token), 401, "invalid-session")
        status, body = self.a.call("GET", "me", session=token)
        self.assertFalse(body["user"]["hasFingerprint"], body)

    def test_bad_templates_are_refused(self):
        token = self.a.session_for("kim")
        for name, body in {"empty": {"template": ""}, "missing": {}, "not a string": {"template": 42},
                           "not base64": {"template": "no*base64!"},
                           "too large": {"template": b64(os.urandom(32 * 1024 + 1))}}.items():
            body["consent"] = True
            with self.subTest(template=name):
                self.assert_error(self.a.call("PUT", "kiosk/fingerprint", body, session=token), 400, "bad-template")
        status, me = self.a.call("GET", "me", session=token)
        self.assertFalse(me["user"]["hasFingerprint"], me)
        for size in (1, 32 * 1024):
            status, body = self.a.call("PUT", "kiosk/fingerprint", {"template": b64(os.urandom(size)), "consent": True},
                                       session=token)
            self.assertEqual(status, 200, f"{size} bytes: {body}")

    # -- consent (PIPA: biometric data only with the person's consent, recorded with its time)
    def test_enrolment_needs_consent_and_records_its_time(self):
        token = self.a.session_for("kim")
        template = b64(os.urandom(256))
        for name, extra in {"absent": {}, "false": {"consent": False}, "a string": {"consent": "true"},
                            "a number": {"consent": 1}}.items():
            with self.subTest(consent=name):
                body = {"template": template, **extra}
                self.assert_error(self.a.call("PUT", "kiosk/fingerprint", body, session=token),
                                  400, "consent-required")
        status, me = self.a.call("GET", "me", session=token)
        self.assertFalse(me["user"]["hasFingerprint"], me)
        self.assertNotIn("fingerprintConsentAt", me["user"])

        before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        status, body = self.a.call("PUT", "kiosk/fingerprint", {"template": template, "consent": True},
                                   session=token)
        after = datetime.datetime.now(datetime.timezone.utc)
        self.assertEqual(status, 200, body)
        at = body["user"]["fingerprintConsentAt"]
        self.assertTrue(at.endswith("Z"), at)
        when = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
        self.assertTrue(before <= when <= after, (before, when, after))
        # Stored, not only echoed: a new session and the tray's /me see the same time.
        status, me = self.a.call("GET", "me", session=self.a.session_for("kim"))
        self.assertEqual(me["user"]["fingerprintConsentAt"], at, me)
        status, me = login(self.server, "kim").get("me")
        self.assertEqual(me["user"]["fingerprintConsentAt"], at, me)

        # Withdrawal at the kiosk deletes the template and the consent time.
        self.assertEqual(self.a.call("DELETE", "kiosk/fingerprint", session=token)[0], 204)
        status, me = self.a.call("GET", "me", session=token)
        self.assertFalse(me["user"]["hasFingerprint"], me)
        self.assertNotIn("fingerprintConsentAt", me["user"])
        self.hold_job("kim")
        self.assertEqual(self.a.candidates()[1]["candidates"], [])

    def test_withdraw_from_any_signed_in_session(self):
        self.enrol("lee", os.urandom(300))
        self.hold_job("lee")
        self.assertEqual([c["user"] for c in self.a.candidates()[1]["candidates"]], ["lee"])
        tray = login(self.server, "lee")
        status, body = tray.delete("me/fingerprint")
        self.assertEqual(status, 204, body)
        status, me = tray.get("me")
        self.assertFalse(me["user"]["hasFingerprint"], me)
        self.assertNotIn("fingerprintConsentAt", me["user"])
        self.assertEqual(self.a.candidates()[1]["candidates"], [])
        # Nothing left: still 204; and a card sign-in needs no fingerprint any more.
        self.assertEqual(tray.delete("me/fingerprint")[0], 204)
        status, body = self.a.sign_in({"card": CARDS["lee"], "fingerprintReader": True})
        self.assertIn("token", body)
        # Without a session there is nothing to withdraw.
        self.assert_error(self.server.api().request("DELETE", "me/fingerprint", None), 401, "unauthenticated")

    # -- verdicts
    def test_five_non_matches_lock_the_account(self):
        self.enrol("park", os.urandom(500))
        self.hold_job("park")
        self.assertEqual([c["user"] for c in self.a.candidates()[1]["candidates"]], ["park"])
        v = self.verify_by_card("park")
        # The challenge stays valid across non-matches; the fifth locks (lockout-failures 5).
        for _ in range(4):
            reply = self.a.answer(v["challenge"], "park", False)
            self.assert_error(reply, 401, "no-match")
            self.assertIn("did not match", reply[1]["message"])
        self.assert_error(self.a.answer(v["challenge"], "park", False), 429, "locked")
        # Locked: a match does not help, nor does the card, and the sensor no longer offers park.
        self.assert_error(self.a.answer(v["challenge"], "park", True), 429, "locked")
        self.assert_error(self.a.sign_in({"card": CARDS["park"], "fingerprintReader": True}), 429, "locked")
        self.assert_error(self.a.sign_in({"username": "park", "pin": PINS["park"]}), 429, "locked")
        self.assertEqual(self.a.candidates()[1]["candidates"], [])

    def test_a_non_match_can_be_retried_and_a_match_clears_the_failures(self):
        self.enrol("lee", os.urandom(300))
        v = self.verify_by_card("lee")
        for _ in range(4):
            self.assert_error(self.a.answer(v["challenge"], "lee", False), 401, "no-match")
        status, body = self.a.answer(v["challenge"], "lee", True)
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        # The four failures are forgotten: one more non-match does not lock.
        v = self.verify_by_card("lee")
        self.assert_error(self.a.answer(v["challenge"], "lee", False), 401, "no-match")

    def test_challenges_are_bound_to_their_kiosk_and_users(self):
        self.enrol("kim", os.urandom(400))
        v = self.verify_by_card("kim")
        self.assert_error(self.b.answer(v["challenge"], "kim", True), 401, "invalid-challenge")
        self.assert_error(self.b.answer(v["challenge"], "kim", False), 401, "invalid-challenge")
        # Only kim's template was handed out: nobody else may claim the match.
        self.assert_error(self.a.answer(v["challenge"], "lee", True), 401, "invalid-challenge")
        self.assert_error(self.a.answer(v["challenge"], "nobody", True), 401, "invalid-challenge")
        self.assert_error(self.a.answer("x" * 43, "kim", True), 401, "invalid-challenge")
        self.assert_error(self.a.answer("", "kim", True), 401, "invalid-challenge")
        self.assert_error(self.a.sign_in({"challenge": v["challenge"], "user": "kim"}), 400, "missing-credentials")
        # None of that used it up at kiosk A.
        status, body = self.a.answer(v["challenge"], "kim", True)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["user"]["name"], "kim")
        # No device token, no challenge answer.
        status, body = self.server.api().post("kiosk/session", {"challenge": v["challenge"], "user": "kim",
                                                                "match": True})
        self.assert_error((status, body), 401, "unknown-kiosk")

    def test_a_failed_sensor_falls_back_to_the_first_factor_only_for_verification(self):
        self.enrol("lee", os.urandom(300))
        self.hold_job("lee")
        # Identification proves nothing without a finger: "the sensor failed" is no sign-in there.
        ident = self.a.candidates()[1]
        self.assertIn("lee", [c["user"] for c in ident["candidates"]])
        self.assert_error(self.a.sign_in({"challenge": ident["challenge"], "user": "lee", "sensorFailed": True}),
                          401, "invalid-challenge")
        # After a good card the kiosk may go on without the finger when its sensor cannot check.
        v = self.verify_by_card("lee")
        self.assert_error(self.b.sign_in({"challenge": v["challenge"], "user": "lee", "sensorFailed": True}),
                          401, "invalid-challenge")
        status, body = self.a.sign_in({"challenge": v["challenge"], "user": "lee", "sensorFailed": True})
        self.assertEqual(status, 200, body)
        self.assertTrue(body["token"])
        self.assertEqual(body["user"]["name"], "lee")
        # Single use like a match, and the server says in its log what happened.
        self.assert_error(self.a.sign_in({"challenge": v["challenge"], "user": "lee", "sensorFailed": True}),
                          401, "invalid-challenge")
        mpsit.wait_for(lambda: "could not check the fingerprint of lee" in self.server.log(), 10,
                       "the fallback in the server log")

    # -- identification at the sensor
    def test_candidates_are_enrolled_users_with_held_jobs(self):
        templates = {name: os.urandom(256 + i) for i, name in enumerate(("kim", "lee", "park"))}
        for name, template in templates.items():
            self.enrol(name, template)
        # Nobody holds a job yet: an empty list, still a challenge.
        status, body = self.a.candidates()
        self.assertEqual(status, 200, body)
        self.assertEqual(body["candidates"], [])
        self.assertEqual(body["expiresIn"], 300)
        self.assertTrue(body["challenge"])

        kim_job = self.hold_job("kim")
        self.hold_job("choi")  # held, but choi has no fingerprint
        park_job = self.hold_job("park")  # deleted again: park holds nothing
        self.assertEqual(login(self.server, "park").delete(f"jobs/{park_job}")[0], 200)
        status, body = self.a.candidates()
        self.assertEqual(status, 200, body)
        self.assertEqual(body["candidates"], [{"user": "kim", "template": b64(templates["kim"])}])

        lee_job = self.hold_job("lee")
        status, body = self.a.candidates()
        got = {c["user"]: c["template"] for c in body["candidates"]}
        self.assertEqual(got, {"kim": b64(templates["kim"]), "lee": b64(templates["lee"])})
        challenge = body["challenge"]
        # Bound to these users and this kiosk.
        self.assert_error(self.a.answer(challenge, "park", True), 401, "invalid-challenge")
        self.assert_error(self.a.answer(challenge, "choi", True), 401, "invalid-challenge")
        self.assert_error(self.b.answer(challenge, "lee", True), 401, "invalid-challenge")
        status, session = self.a.answer(challenge, "lee", True)
        self.assertEqual(status, 200, session)
        self.assertEqual(session["user"]["name"], "lee")
        ids = self.job_ids(self.a, session["token"])
        self.assertIn(lee_job, ids)
        self.assertNotIn(kim_job, ids)
        self.assert_error(self.a.answer(challenge, "kim", True), 401, "invalid-challenge")  # used
        # Only registered kiosks get templates.
        status, body = self.server.api().get("kiosk/fingerprint/candidates")
        self.assert_error((status, body), 401, "unknown-kiosk")
        status, body = self.server.api().get("kiosk/fingerprint/candidates", headers={DEVICE: "guess"})
        self.assert_error((status, body), 401, "unknown-kiosk")

    # -- at rest
    def test_templates_are_not_stored_or_logged_in_plaintext(self):
        template = os.urandom(4096)
        self.enrol("kim", template)
        self.hold_job("kim")
        self.assertEqual(self.a.candidates()[1]["candidates"][0]["template"], b64(template))
        v = self.verify_by_card("kim")
        self.server.stop()
        needles = [template[i:i + 24] for i in range(0, len(template), 512)] + [b64(template)[:32].encode()]
        checked = 0
        for root, _dirs, files in os.walk(self.server.dir):  # data dir (db, wal, spool, key) and the log
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
                checked += 1
                for needle in needles:
                    self.assertFalse(needle in data, f"template bytes in {os.path.join(root, name)}")
        self.assertGreaterEqual(checked, 3)
        self.assertFalse(b64(template)[:32] in self.server.log(), "the template is in the server log")
        # After a restart the sealed template still opens; challenges from before are gone.
        self.server.start()
        self.assert_error(self.a.answer(v["challenge"], "kim", True), 401, "invalid-challenge")
        v = self.verify_by_card("kim")
        self.assertEqual(v["candidates"][0]["template"], b64(template))

    # -- removal and policy
    def test_delete_then_card_sign_in_gives_a_token(self):
        self.enrol("kim", os.urandom(128))
        token = self.a.session_for("kim")
        status, body = self.a.call("DELETE", "kiosk/fingerprint", session=token)
        self.assertEqual((status, body), (204, None))
        status, body = self.a.call("DELETE", "kiosk/fingerprint", session=token)  # none left: still 204
        self.assertEqual((status, body), (204, None))
        status, body = self.a.sign_in({"card": CARDS["kim"], "fingerprintReader": True})
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        self.assertNotIn("verify", body)
        self.assertFalse(body["user"]["hasFingerprint"])

    def test_verify_can_be_turned_off(self):
        self.server.close()
        self.start_server(config="kiosk-fingerprint-verify=false\n")
        template = os.urandom(200)
        self.enrol("kim", template)
        status, body = self.a.sign_in({"card": CARDS["kim"], "fingerprintReader": True})
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        self.assertNotIn("verify", body)
        self.assertTrue(body["user"]["hasFingerprint"])
        # Identification at the sensor is not affected by the policy.
        self.hold_job("kim")
        self.assertEqual(self.a.candidates()[1]["candidates"], [{"user": "kim", "template": b64(template)}])

    def test_admin_clears_a_fingerprint(self):
        self.enrol("kim", os.urandom(128))
        rows = {line.split("\t")[0]: line.split("\t") for line in
                self.server.admin("user", "list").stdout.splitlines()}
        self.assertEqual(rows["kim"][7], "fingerprint")
        self.assertEqual(rows["lee"][7], "-")
        res = self.server.admin("user", "clear-fingerprint", "kim")
        self.assertIn("removed", res.stdout)
        rows = {line.split("\t")[0]: line.split("\t") for line in
                self.server.admin("user", "list").stdout.splitlines()}
        self.assertEqual(rows["kim"][7], "-")
        status, body = self.a.sign_in({"card": CARDS["kim"], "fingerprintReader": True})
        self.assertEqual(status, 200, body)
        self.assertIn("token", body)
        self.assertFalse(body["user"]["hasFingerprint"])
        res = self.server.admin("user", "clear-fingerprint", "nobody", check=False)
        self.assertEqual(res.returncode, 2, res)
        self.assertIn("no user named", res.stderr)


if __name__ == "__main__":
    unittest.main()
