"""Backup and restore (issue 12, docs/backup.md): `mps-admin backup DIR` while a client uploads,
releases and deletes jobs in a loop, then `mps-admin restore DIR` into a fresh data directory and a
server started there: every held job of the manifest is there and prints byte-identical on a real
ippeveprinter. A tampered backup, a restore under a running server and a restore without the master
key are refused with a sentence. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_backup
"""

import json
import os
import shutil
import stat
import subprocess
import threading
import unittest

from peers import IppEvePrinter, MpsServer, PeerError

import mpsit
from mpsit import add_printer, add_user, login, sha256_bytes, sha256_file, upload, wait_job

PRELOAD = 3          # held jobs before the load starts
MIN_ROUNDS = 6       # the load loop's rounds: at least this many, and it runs across the backups
MAX_ROUNDS = 40
DOC_BYTES = 96 * 1024


class Load(threading.Thread):
    """kim uploads a new document each round, releases the one of two rounds before every third round
    and deletes the previous one every fourth: the spool and the database change all the time."""

    def __init__(self, server, printer, docs):
        super().__init__(daemon=True)
        self.server, self.printer, self.docs = server, printer, docs
        self.sha = {}                    # job id -> sha256 of what was uploaded
        self.rounds = 0
        self.progress = threading.Event()
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            api = login(self.server, "kim")
            ids = []
            for i in range(MAX_ROUNDS):
                if self.stop.is_set() and i >= MIN_ROUNDS:
                    break
                data = self.docs[i]
                status, body = upload(api, data, name=f"load-{i}.pdf")
                if status != 201:
                    raise AssertionError(f"upload {i} -> {status} {body}")
                ids.append(body["job"]["id"])
                self.sha[ids[-1]] = sha256_bytes(data)
                if i % 3 == 2:
                    status, body = api.post(f"jobs/{ids[i - 2]}/release", {"printer": self.printer})
                    if status not in (202, 409):   # 409: it was deleted meanwhile
                        raise AssertionError(f"release -> {status} {body}")
                if i % 4 == 3:
                    status, body = api.delete(f"jobs/{ids[i - 1]}")
                    if status not in (200, 204, 409):
                        raise AssertionError(f"delete -> {status} {body}")
                self.rounds += 1
                self.progress.set()
        except BaseException as e:  # reported by the test thread
            self.error = e
            self.progress.set()


class BackupTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-backup-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")
        self.printer = IppEvePrinter("mfp-b", settle=False)
        self.addCleanup(self.printer.close)
        add_printer(self.server, "mfp-b", self.printer)

    def admin(self, data_dir, *args):
        """mps-admin --data DATA args... -> CompletedProcess (text), whatever its exit code."""
        return subprocess.run([self.server.admin_bin, "--data", data_dir, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=300)

    def docs(self, n):
        out = []
        for i in range(n):
            path = mpsit.make_padded_pdf(os.path.join(self.tmp, f"doc{i}.pdf"), DOC_BYTES, 1, seed=1000 + i)
            with open(path, "rb") as f:
                out.append(f.read())
        return out

    def backup(self, name, *extra):
        target = os.path.join(self.tmp, name)
        res = self.admin(self.server.data_dir, "backup", target, *extra)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        with open(os.path.join(target, "manifest.json")) as f:
            return target, json.load(f), res

    def check_manifest(self, target, manifest):
        """The backup holds exactly the spool files its database refers to, each as the manifest says."""
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o700)
        files = {f["path"]: f for f in manifest["files"]}
        for j in manifest["liveJobs"]:
            self.assertIn("spool/" + j["spool"], files, f"held job {j['id']} without its spool file")
        for path, f in files.items():
            self.assertEqual(sha256_file(os.path.join(target, path)), f["sha256"], path)
        on_disk = sorted(os.listdir(os.path.join(target, "spool")))
        self.assertEqual(on_disk, sorted(p[6:] for p in files if p.startswith("spool/")))
        self.assertEqual(manifest["counts"]["liveJobs"], len(manifest["liveJobs"]))

    def test_backup_under_load_restores_and_prints_byte_identical(self):
        docs = self.docs(PRELOAD + MAX_ROUNDS)
        kim = login(self.server, "kim")
        preloaded = {}
        for i in range(PRELOAD):
            status, body = upload(kim, docs[MAX_ROUNDS + i], name=f"pre-{i}.pdf")
            self.assertEqual(status, 201, body)
            preloaded[body["job"]["id"]] = sha256_bytes(docs[MAX_ROUNDS + i])

        load = Load(self.server, "mfp-b", docs)
        load.start()
        self.addCleanup(load.join, 120)
        load.progress.wait(120)
        backups = [self.backup(f"backup-{n}") for n in range(3)]
        load.stop.set()
        load.join(300)
        self.assertFalse(load.is_alive(), "the load loop did not end")
        if load.error:
            raise load.error
        self.assertGreaterEqual(load.rounds, MIN_ROUNDS)
        shas = {**preloaded, **load.sha}
        for target, manifest, res in backups:
            self.check_manifest(target, manifest)
            self.assertFalse(manifest["keyIncluded"])
            self.assertFalse(os.path.exists(os.path.join(target, "master.key")))
            self.assertIn("master key is NOT in this backup", res.stdout)
            self.assertIn(os.path.join(self.server.data_dir, "master.key"), res.stdout)

        # The last backup, taken while the loop ran, restored into a fresh directory after the server
        # is gone (its releases under way finish first); the restored server prints to the same printer.
        target, manifest, _ = backups[-1]
        self.server.stop()
        restored = os.path.join(self.tmp, "restored")
        key = os.path.join(self.server.data_dir, "master.key")
        res = self.admin(restored, "restore", target, "--key", key)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        before = set(self.printer.received_files())
        server2 = MpsServer(data_dir=restored)
        self.addCleanup(server2.close)
        kim2 = login(server2, "kim")
        self.assertGreaterEqual(len(manifest["liveJobs"]), PRELOAD)
        printed_here = 0
        for j in manifest["liveJobs"]:
            self.assertIn(j["id"], shas)
            got = mpsit.job(kim2, j["id"])
            self.assertIsNotNone(got, f"job {j['id']} of the manifest is not in the restored server")
            # A release that was under way in the snapshot goes on by itself (as after a crash).
            got = wait_job(kim2, j["id"], ("held", "printed"), 60, server2)
            if got["state"] == "held":
                status, body = kim2.post(f"jobs/{j['id']}/release", {"printer": "mfp-b"})
                self.assertEqual(status, 202, body)
                wait_job(kim2, j["id"], ("printed",), 60, server2)
                received = {sha256_file(p) for p in set(self.printer.received_files()) - before}
                self.assertIn(shas[j["id"]], received, f"job {j['id']} did not print byte-identical")
                printed_here += 1
        self.assertGreaterEqual(printed_here, PRELOAD)

        # The same backup, tampered with: one spool byte changed -> refused, nothing written.
        bad = os.path.join(self.tmp, "tampered")
        shutil.copytree(target, bad)
        victim = next(os.path.join(bad, f["path"]) for f in manifest["files"] if f["path"].startswith("spool/"))
        with open(victim, "r+b") as f:
            f.seek(100)
            b = f.read(1)
            f.seek(100)
            f.write(bytes([b[0] ^ 0x01]))
        res = self.admin(os.path.join(self.tmp, "from-tampered"), "restore", bad, "--key", key)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("does not match its manifest", res.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "from-tampered", "mps.db")))
        # ... and a manifest edited by hand (its signature no longer fits).
        bad2 = os.path.join(self.tmp, "tampered-manifest")
        shutil.copytree(target, bad2)
        with open(os.path.join(bad2, "manifest.json")) as f:
            text = f.read()
        with open(os.path.join(bad2, "manifest.json"), "w") as f:
            f.write(text.replace('"format"', '"note": "edited",\n    "format"', 1))
        res = self.admin(os.path.join(self.tmp, "from-tampered2"), "restore", bad2, "--key", key)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("signature does not match", res.stderr)

    def test_restore_refused_while_server_runs(self):
        target, _, _ = self.backup("backup")
        key = os.path.join(self.tmp, "key")
        shutil.copy(os.path.join(self.server.data_dir, "master.key"), key)
        res = self.admin(self.server.data_dir, "restore", target, "--key", key, "--force")
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("in use by another process", res.stderr)
        self.assertIn(str(self.server.pid), res.stderr)
        self.assertTrue(mpsit.healthy(self.server))
        # The same lock keeps a second server off the data directory.
        with self.assertRaises(PeerError) as second:
            MpsServer(data_dir=self.server.data_dir)
        self.assertIn("in use by another process", str(second.exception))
        self.assertTrue(mpsit.healthy(self.server))
        # With the server stopped, --force replaces the directory's database and spool.
        self.server.stop()
        res = self.admin(self.server.data_dir, "restore", target, "--force")
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        # Without --force a directory with a database in it is refused.
        res = self.admin(self.server.data_dir, "restore", target)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("--force", res.stderr)

    def test_key_handling(self):
        # Without the key: the command says so and where it is; restore without a key is refused.
        target, manifest, res = self.backup("no-key")
        self.assertIn("master key is NOT in this backup", res.stdout)
        fresh = os.path.join(self.tmp, "fresh")
        res = self.admin(fresh, "restore", target)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("no master key", res.stderr)
        self.assertIn("--key FILE", res.stderr)
        self.assertFalse(os.path.exists(os.path.join(fresh, "mps.db")))
        # A wrong key is named as such.
        wrong = os.path.join(self.tmp, "wrong.key")
        with open(wrong, "wb") as f:
            f.write(os.urandom(32))
        res = self.admin(fresh, "restore", target, "--key", wrong)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("not the one this backup was made with", res.stderr)
        # Another key already in the target is not overwritten without --force.
        other = os.path.join(self.tmp, "other")
        os.makedirs(other, 0o700)
        shutil.copy(wrong, os.path.join(other, "master.key"))
        right = os.path.join(self.server.data_dir, "master.key")
        res = self.admin(other, "restore", target, "--key", right)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("another master key", res.stderr)
        # --with-key: the key is written 0600 with a warning, and restore finds it there.
        target, manifest, res = self.backup("with-key", "--with-key")
        self.assertTrue(manifest["keyIncluded"])
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(target, "master.key")).st_mode), 0o600)
        self.assertIn("WARNING", res.stderr)
        res = self.admin(fresh, "restore", target)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(fresh, "master.key")).st_mode), 0o600)
        # A second backup into the same, now non-empty, directory is refused.
        res = self.admin(self.server.data_dir, "backup", target)
        self.assertEqual(res.returncode, 1, res.stdout + res.stderr)
        self.assertIn("not empty", res.stderr)


if __name__ == "__main__":
    unittest.main()
