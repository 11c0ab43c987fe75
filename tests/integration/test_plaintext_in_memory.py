"""A document's plaintext does not outlive its job in the server's memory (docs/architecture.md,
"Encryption at rest"), against a real mps-server:

- a 1 MiB PDF carrying 64 random markers is uploaded over TLS and over plain HTTP, its thumbnail is
  rendered, and the job is deleted (its key destroyed). Then the server's whole memory is read
  (/proc/PID/mem) and searched for the markers: the request's transport buffers (OpenSSL's records, the
  connection's read buffer, the body read ahead before the handler runs, intake's read buffer) are wiped
  when they are freed, so no stretch of the document of 1 KiB or more is left, and at most a marker or
  two in small fragments that Poppler's parser kept. Before those buffers were wiped, about as many
  copies of the markers as were sent were found, in whole 64 KiB stretches;
- the same document released to a real ippeveprinter and printed: the buffer it was decrypted into on
  its way to the printer is wiped too (before, one 64 KiB stretch of it was left).

Reading another process's memory needs root here (the server makes itself undumpable).

Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_plaintext_in_memory
"""

import os
import re
import secrets
import shutil
import unittest

from peers import ApiClient, IppEvePrinter, MpsServer

import mpsit
from mpsit import PASSWORD, add_printer, add_user, login, upload, wait_job


def marked_document(path, tag):
    """A 1 MiB PDF whose unreferenced stream carries 64 copies of a random marker -> (bytes, marker)."""
    with open(mpsit.make_padded_pdf(path, 1024 * 1024), "rb") as f:
        body = bytearray(f.read())
    marker = tag + secrets.token_hex(24).encode()
    start = body.find(b"stream\n") + 7
    end = body.rfind(b"endstream") - 100
    step = (end - start) // 64
    for at in range(start, start + 64 * step, step):
        body[at:at + len(marker)] = marker
    return bytes(body), marker


def copies_in_memory(pid, marker, document):
    """Every copy of `marker` in the process's readable memory, each as the length of the stretch of
    `document` around it that is there too."""
    stretches = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            low, high = (int(x, 16) for x in fields[0].split("-"))
            if "r" not in fields[1] or (len(fields) > 5 and fields[5].startswith("[v")):
                continue
            try:
                mem.seek(low)
                data = mem.read(high - low)
            except (OSError, OverflowError, ValueError):
                continue
            for found in re.finditer(re.escape(marker), data):
                at = found.start()
                # Which of the document's copies: the bytes that follow the marker say.
                lengths = []
                for copy in re.finditer(re.escape(marker), document):
                    d = copy.start()
                    before = 0
                    while at - before > 0 and d - before > 0 and data[at - before - 1] == document[d - before - 1]:
                        before += 1
                    after = 0
                    while at + after < len(data) and d + after < len(document) and \
                            data[at + after] == document[d + after]:
                        after += 1
                    lengths.append(before + after)
                stretches.append(max(lengths))
    return stretches


@unittest.skipUnless(os.geteuid() == 0, "reads the server's memory through /proc/PID/mem")
class PlaintextInMemoryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-plaintext-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")

    def upload_rendered(self, api, tag, name):
        """Uploads a marked document and waits for its thumbnail (Poppler has read it through the
        decrypting view too) -> (job id, document, marker)."""
        document, marker = marked_document(os.path.join(self.tmp, name), tag)
        status, body = upload(api, document, name)
        self.assertEqual(status, 201, body)
        job_id = body["job"]["id"]
        mpsit.wait_rendered(api, job_id)
        return job_id, document, marker

    def assert_not_in_memory(self, document, marker):
        stretches = copies_in_memory(self.server.pid, marker, document)
        self.assertFalse([n for n in stretches if n >= 1024],
                         f"stretches of the document left in memory: {sorted(stretches)}")
        self.assertLessEqual(len(stretches), 2, f"markers left in memory: {sorted(stretches)}")

    def test_a_deleted_jobs_document_is_not_left_in_memory(self):
        for scheme in ("https", "http"):
            with self.subTest(scheme=scheme):
                api = ApiClient(f"{scheme}://127.0.0.1:{self.server.port}")
                api.login("kim", PASSWORD["kim"])
                job_id, document, marker = self.upload_rendered(api, b"MPSPLAIN", f"secret-{scheme}.pdf")
                self.assertEqual(api.delete(f"jobs/{job_id}")[0], 200)
                self.assert_not_in_memory(document, marker)

    def test_a_printed_jobs_document_is_not_left_in_memory(self):
        printer = IppEvePrinter("mfp-plain", settle=False)
        self.addCleanup(printer.close)
        add_printer(self.server, "mfp-plain", printer)
        kim = login(self.server, "kim")
        job_id, document, marker = self.upload_rendered(kim, b"MPSPRINT", "printed.pdf")
        status, body = kim.post(f"jobs/{job_id}/release", {"printer": "mfp-plain"})
        self.assertEqual(status, 202, body)
        wait_job(kim, job_id, ("printed",), 60, self.server)
        self.assertEqual(len(printer.received_files()), 1)
        self.assert_not_in_memory(document, marker)

if __name__ == "__main__":
    unittest.main()
