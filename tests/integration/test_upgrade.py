"""Upgrades from earlier schemas (issue 12, docs/backup.md "Upgrades"): data directories made BY
EARLIER VERSIONS of mps-server (tests/fixtures/previous/, made by make-fixture.sh) are opened by
today's server, which migrates them step by step. Users sign in with their old passwords, the held
jobs are listed and print byte-identical on a real ippeveprinter, the ledger rows are kept. Run from
tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_upgrade
"""

import json
import os
import shutil
import unittest

from peers import IppEvePrinter, MpsServer

import mpsit
from mpsit import login, sha256_file, wait_job

PREVIOUS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures", "previous")
FIXTURES = sorted(d for d in os.listdir(PREVIOUS)
                  if os.path.isfile(os.path.join(PREVIOUS, d, "expected.json")))


def manifest_of(server, directory):
    """Schema and counts of a data directory, read with today's code: `mps-admin backup` -> manifest."""
    server.admin("backup", directory)
    with open(os.path.join(directory, "manifest.json")) as f:
        return json.load(f)


class UpgradeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-upgrade-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def current_schema(self):
        """The schema today's server creates (not a number written into this test)."""
        fresh = MpsServer()
        self.addCleanup(fresh.close)
        return manifest_of(fresh, os.path.join(self.tmp, "fresh-backup"))["schema"]

    def test_fixtures_exist(self):
        # One made by the previous version (schema 9) and one by an early one (schema <= 3).
        self.assertIn("schema9-740c3f6", FIXTURES)
        self.assertTrue(any(f.startswith(("schema1-", "schema2-", "schema3-")) for f in FIXTURES), FIXTURES)

    def test_every_fixture_upgrades_and_prints_byte_identical(self):
        current = self.current_schema()
        self.assertGreaterEqual(current, 9)
        for name in FIXTURES:
            with self.subTest(fixture=name):
                self.upgrade(name, current)

    def upgrade(self, name, current):
        src = os.path.join(PREVIOUS, name)
        with open(os.path.join(src, "expected.json")) as f:
            expected = json.load(f)
        data = os.path.join(self.tmp, name, "data")
        shutil.copytree(os.path.join(src, "data"), data)
        # git keeps no modes: the server insists on a private directory and key.
        os.chmod(data, 0o700)
        os.chmod(os.path.join(data, "master.key"), 0o600)

        server = MpsServer(data_dir=data)
        self.addCleanup(server.close)
        manifest = manifest_of(server, os.path.join(self.tmp, name, "after-upgrade"))
        self.assertEqual(manifest["schema"], current, f"{name}: schema after start-up")
        self.assertEqual(manifest["counts"]["users"], len(expected["users"]))
        self.assertEqual(manifest["counts"]["usageRows"], expected["usageRows"], f"{name}: ledger rows lost")

        printer = IppEvePrinter("mfp-upgrade", settle=False)
        self.addCleanup(printer.close)
        server.admin("printer", "edit", expected["printer"], "--uri", printer.uri)

        held = [j for j in expected["jobs"] if j["state"] == "held"]
        self.assertGreaterEqual(len(held), 2)
        received = set()
        for user, password in expected["users"].items():
            api = login(server, user, password)   # the old password hash still verifies
            mine = [j for j in held if j["owner"] == user]
            listed = {j["id"]: j for j in mpsit.all_jobs(api)}
            self.assertEqual(sorted(listed), sorted(j["id"] for j in mine), f"{name}: {user}'s held jobs")
            for j in mine:
                self.assertEqual(listed[j["id"]]["name"], j["name"])
                self.assertEqual(listed[j["id"]]["state"], "held")
                status, body = api.post(f"jobs/{j['id']}/release", {"printer": expected["printer"]})
                self.assertEqual(status, 202, body)
                wait_job(api, j["id"], ("printed",), 60, server)
                got = {sha256_file(p) for p in printer.received_files()} - received
                self.assertIn(j["sha256"], got,
                              f"{name}: job {j['id']} ({j['name']}) did not reach the printer byte-identical")
                received.add(j["sha256"])
        # The old rows are still there, the new releases added theirs.
        after = manifest_of(server, os.path.join(self.tmp, name, "after-release"))
        self.assertEqual(after["counts"]["usageRows"], expected["usageRows"] + len(held))


if __name__ == "__main__":
    unittest.main()
