"""Every checked-in input of the harnesses that take what a client sends (fuzz/: http_request's raw
requests, ipp_request's IPP requests, json_body's REST bodies, document_inspector's documents; corpus,
regressions and findings), sent to a real mps-server as a client would send it (issue 14 §3).

The harnesses run on clang builds with the sanitizers' allocator. What only the release server does with
an input (its own free() that wipes every block, server/WipeOnFree.cpp; its malloc settings; its
threads, its store and its event history) is outside them: session 42 found there that a 3.6 KB PWG
raster whose second page declared lines of 4 GiB took the server to 4 GB of memory (libcups' untouched
line buffer, wiped on free). Here each input must get an answer (no dropped connection, no 5xx), the
server must keep serving, its peak RSS must stay within a bound, and nothing it refused may be held.

Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_fuzz_inputs
"""

import os
import re
import shutil
import socket
import unittest

from peers import MpsServer

import mpsit
from mpsit import PASSWORD, add_user, basic_auth, login, upload, vm_kib

SOURCE = os.environ.get("MPS_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
FUZZ = os.path.join(SOURCE, "fuzz")
# fuzz_document_inspector's types, chosen by an input's first byte ("" is no type: sniffed).
DOCUMENT_TYPES = ["application/octet-stream", "application/pdf", "image/pwg-raster", "image/urf", "image/jpeg", ""]
SNIFFED = (b"%PDF", b"RaS2", b"UNIRAST", b"\xff\xd8")
# Whole documents of the size of these inputs (at most ~800 KB) and a server starting at ~40 MB: 512 MiB
# of growth is far above what any should cost, and far below the gigabytes of the faults it is for.
MAX_PEAK_GROWTH_KIB = 512 * 1024


def inputs(*dirs):
    found = []
    for d in dirs:
        path = os.path.join(FUZZ, d)
        if os.path.isdir(path):
            found += [os.path.join(path, name) for name in sorted(os.listdir(path))]
    return found


class FuzzInputsTest(unittest.TestCase):
    def setUp(self):
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")
        self.kim = login(self.server, "kim")
        self.pid = self.server.proc.pid
        self.rss_before = vm_kib(self.pid, "VmRSS")

    def assert_bounded_and_serving(self, sent):
        self.assertGreater(sent, 0, "no inputs found under fuzz/")
        peak = vm_kib(self.pid, "VmHWM")
        self.assertLess(peak - self.rss_before, MAX_PEAK_GROWTH_KIB,
                        f"peak RSS {peak} KiB vs {self.rss_before} KiB before {sent} inputs")
        self.assertTrue(self.server.running(), "mps-server died")
        self.assertTrue(mpsit.healthy(self.server), mpsit.log_tail(self.server))

    def test_raw_http_requests_are_answered_within_bounds(self):
        # The harness's first byte sets how the bytes arrive; the rest is what the client sent, several
        # requests on one connection perhaps. Sent at once, then the sending side closed.
        files = inputs("corpus/http_request", "regressions/http_request", "findings/http_request")
        for path in files:
            with open(path, "rb") as f:
                request = f.read()[1:]
            answer = b""
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as sock:
                sock.sendall(request)
                sock.shutdown(socket.SHUT_WR)
                while True:
                    piece = sock.recv(65536)
                    if not piece:
                        break
                    answer += piece
            statuses = [int(code) for code in re.findall(rb"^HTTP/1\.[01] (\d{3}) ", answer, re.M)]
            with self.subTest(input=os.path.relpath(path, FUZZ)):
                self.assertTrue(statuses, answer[:300])
                self.assertTrue(all(100 <= code < 500 for code in statuses), answer[:300])
        self.assert_bounded_and_serving(len(files))

    def test_ipp_requests_are_answered_within_bounds(self):
        # The harness's first byte chooses how its fixture reads the request; the rest is the body.
        auth = basic_auth("kim", PASSWORD["kim"])
        files = inputs("corpus/ipp_request", "regressions/ipp_request", "findings/ipp_request")
        for path in files:
            with open(path, "rb") as f:
                body = f.read()[1:]
            status, _, answer = mpsit.http_post(self.server, "/ipp/print", body,
                                                {"Content-Type": "application/ipp", "Authorization": auth},
                                                timeout=120)
            with self.subTest(input=os.path.relpath(path, FUZZ)):
                self.assertIn(status, (200, 400, 413), answer[:200])
                if status == 200:  # an IPP answer: version, status code, the request's id
                    self.assertGreaterEqual(len(answer), 9, answer)
                    self.assertEqual(answer[4:8], body[4:8], "request-id")
        self.assert_bounded_and_serving(len(files))
        for job in mpsit.all_jobs(self.kim):  # what was held was printed, not refused
            self.assertGreater(job.get("pages", 0), 0, job)

    def test_json_bodies_are_answered_within_bounds(self):
        # The harness's first byte sets how the body arrives and its limit; the rest is the body, sent
        # here as a new set of print options for a held job of the sender's (PATCH, the body the
        # harness checks most of) and as a sign-in.
        tmp = mpsit.make_dir("mps-fuzz-inputs-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with open(mpsit.make_multipage_pdf(tmp), "rb") as f:
            status, body = upload(self.kim, f.read())
        self.assertEqual(status, 201, body)
        job = f"jobs/{body['job']['id']}"
        files = inputs("corpus/json_body", "regressions/json_body", "findings/json_body")
        json_type = {"Content-Type": "application/json"}
        for path in files:
            with open(path, "rb") as f:
                data = f.read()[1:]
            with self.subTest(input=os.path.relpath(path, FUZZ)):
                status, answer = self.kim.request("PATCH", job, raw=data, headers=json_type)
                self.assertIn(status, (200, 400, 409, 413, 422), answer)
                status, answer = self.kim.request("POST", "/api/v1/session", raw=data, headers=json_type)
                self.assertIn(status, (400, 401, 413, 422), answer)
        self.assert_bounded_and_serving(len(files))
        status, body = self.kim.get(job)
        self.assertEqual((status, body["job"]["state"]), (200, "held"), body)

    def test_documents_are_held_or_refused_within_bounds(self):
        files = inputs("corpus/document_inspector", "regressions/document_inspector")
        sent = held = 0
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            if not data:
                continue
            content_type = DOCUMENT_TYPES[data[0] % len(DOCUMENT_TYPES)] or "application/octet-stream"
            document = data[1:]
            if content_type == "application/octet-stream" and not document.startswith(SNIFFED):
                continue  # the server would take it for an office document: the converter's path
            status, body = upload(self.kim, document, os.path.basename(path), content_type)
            sent += 1
            with self.subTest(input=os.path.relpath(path, FUZZ), type=content_type):
                self.assertIn(status, (201, 413, 415, 422), body)
                if status == 201:
                    held += 1
                    self.assertGreater(body["job"].get("pages", 0), 0, body)
                else:
                    self.assertTrue(body.get("error") and body.get("message"), body)
        self.assert_bounded_and_serving(sent)
        self.assertEqual(len(mpsit.all_jobs(self.kim)), held)


if __name__ == "__main__":
    unittest.main()
