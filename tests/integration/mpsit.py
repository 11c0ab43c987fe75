"""Shared helpers for the MPS integration tests in this directory (not a test module itself).

Runs under /usr/bin/python3 with PYTHONPATH=../fixtures (peers.py), stdlib only.
"""

import hashlib
import http.client
import json
import os
import queue
import socket
import struct
import subprocess
import tempfile
import threading
import time


CUPS_DATA = "/usr/share/cups/data"
PASSWORD = {"kim": "kim-password-1", "lee": "lee-password-1", "park": "park-password-1",
            "choi": "choi-password-1", "jung": "jung-password-1", "han": "han-password-1",
            "yoon": "yoon-password-1", "seo": "seo-password-1"}
LIVE_STATES = ("held", "releasing", "printing")


# --------------------------------------------------------------------------- waiting

def wait_for(predicate, timeout, what, interval=0.1, detail=None):
    """Poll predicate() until it returns something truthy (returned) or fail with TimeoutError
    naming `what` (and detail(), e.g. a server log tail)."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            extra = ("\n" + detail()) if detail else ""
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}{extra}")
        time.sleep(interval)


def log_tail(server, limit=6000):
    return server.log()[-limit:]


# --------------------------------------------------------------------------- documents

def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def vm_kib(pid, field):
    """A memory figure of /proc/PID/status in KiB ("VmRSS", "VmHWM")."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def make_dir(prefix):
    """A temp dir lp (cupsd's filters) can read; removed by the caller (addCleanup)."""
    d = tempfile.mkdtemp(prefix=prefix)
    os.chmod(d, 0o755)
    return d


def make_multipage_pdf(directory, name="report.pdf"):
    """A real 3-page PDF joined with pdfunite from CUPS's own test documents."""
    path = os.path.join(directory, name)
    subprocess.run(["pdfunite", f"{CUPS_DATA}/default-testpage.pdf", f"{CUPS_DATA}/standard.pdf",
                    f"{CUPS_DATA}/classified.pdf", path], check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.chmod(path, 0o644)
    return path


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def make_padded_pdf(path, payload_bytes, pages=2, seed=None):
    """A valid PDF of `pages` empty A4 pages plus an unreferenced stream of `payload_bytes`
    random bytes (a big document that is cheap to inspect). Correct xref table."""
    rnd = os.urandom(payload_bytes) if seed is None else _seeded_bytes(payload_bytes, seed)
    objs = []
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objs.append(b"<</Type/Catalog/Pages 2 0 R>>")
    objs.append(f"<</Type/Pages/Kids[{kids}]/Count {pages}>>".encode())
    for _ in range(pages):
        objs.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>")
    objs.append(b"<</Length " + str(len(rnd)).encode() + b">>\nstream\n" + rnd + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<</Size {len(objs) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)
    os.chmod(path, 0o644)
    return path


def _seeded_bytes(n, seed):
    import random
    return random.Random(seed).randbytes(n)


# --------------------------------------------------------------------------- PWG raster

PWG_HEADER_SIZE = 1796


def pwg_raster_pages(path):
    """Walk a PWG raster file (PWG 5102.4) and return a list of page dicts
    {width, height, bits_per_pixel, bytes_per_line, resolution, page_size_name}.
    Decodes each line's PackBits-style compression just far enough to find the next page;
    raises ValueError on a bad sync word, a truncated page or trailing garbage."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RaS2":
        raise ValueError(f"no PWG sync word: {data[:4]!r}")
    pos = 4
    pages = []
    while pos < len(data):
        if pos + PWG_HEADER_SIZE > len(data):
            raise ValueError(f"truncated page header at {pos}")
        h = data[pos:pos + PWG_HEADER_SIZE]
        if not h.startswith(b"PwgRaster\0"):
            raise ValueError(f"page {len(pages) + 1}: header does not start with PwgRaster")
        u32 = lambda off: struct.unpack(">I", h[off:off + 4])[0]  # noqa: E731
        page = {"width": u32(372), "height": u32(376), "bits_per_pixel": u32(388),
                "bytes_per_line": u32(392), "resolution": (u32(276), u32(280)),
                "page_size_name": h[1732:1796].split(b"\0", 1)[0].decode("ascii", "replace"),
                "total_page_count": u32(452)}
        pos += PWG_HEADER_SIZE
        bpp = max(1, page["bits_per_pixel"] // 8)
        if page["bytes_per_line"] == 0 or page["height"] == 0:
            raise ValueError(f"page {len(pages) + 1}: empty geometry {page}")
        line = 0
        while line < page["height"]:
            if pos >= len(data):
                raise ValueError(f"page {len(pages) + 1} truncated at line {line}")
            repeat = data[pos] + 1
            pos += 1
            remaining = page["bytes_per_line"]
            while remaining > 0:
                if pos >= len(data):
                    raise ValueError(f"page {len(pages) + 1} truncated in line {line}")
                c = data[pos]
                pos += 1
                if c == 128:                      # rest of the line is white
                    remaining = 0
                elif c > 128:                     # 257-c literal pixels
                    n = (257 - c) * bpp
                    pos += n
                    remaining -= n
                else:                             # one pixel repeated c+1 times
                    pos += bpp
                    remaining -= (c + 1) * bpp
            if remaining < 0:
                raise ValueError(f"page {len(pages) + 1} line {line} overruns the line length")
            line += repeat
        if pos > len(data):
            raise ValueError(f"page {len(pages) + 1} truncated")
        pages.append(page)
    return pages


# --------------------------------------------------------------------------- server set-up

def add_user(server, name, department="Civil Affairs", role="user", password=None, pin=None,
             card=None):
    args = ["user", "add", name, "--department", department, "--role", role, "--password-stdin"]
    stdin = (password or PASSWORD[name]) + "\n"
    if pin is not None:
        args.append("--pin-stdin")
        stdin += pin + "\n"
    if card:
        args += ["--card", card]
    server.admin(*args, stdin=stdin)


# ipptool test of one Print-Job of a PDF (job-name filled in with %); credentials in the URI.
PRINT_JOB_PDF_TEST = """{
  NAME "Print-Job"
  OPERATION Print-Job
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name $user
  ATTR name job-name "%s"
  ATTR mimeMediaType document-format application/pdf
  FILE $filename
}
"""


def kiosk_token(server, name, printer):
    """`mps-admin kiosk add NAME --printer PRINTER` -> the device token it prints once."""
    return server.admin("kiosk", "add", name, "--printer", printer).stdout.rsplit("): ", 1)[1].strip()


def add_kiosk(server, name, printer, directory):
    """Registers a kiosk and keeps its device token in a root-only file, as a kiosk does -> path."""
    path = os.path.join(directory, f"{name}-device-token")
    with open(path, "w") as f:
        f.write(kiosk_token(server, name, printer) + "\n")
    os.chmod(path, 0o600)
    return path


def add_printer(server, name, printer, location=None):
    args = ["printer", "add", name, "--uri", printer.uri]
    if location:
        args += ["--location", location]
    server.admin(*args)


def login(server, name, password=None):
    api = server.api()
    api.login(name, password or PASSWORD[name])
    return api


def upload(api, data, name="doc.pdf", content_type="application/pdf"):
    """POST /api/v1/jobs?name=... with a raw body -> (status, body)."""
    from urllib.parse import quote
    return api.post(f"jobs?name={quote(name)}", raw=data, headers={"Content-Type": content_type})


def job(api, job_id):
    status, body = api.get(f"jobs/{job_id}")
    return body["job"] if status == 200 else None


def wait_rendered(api, job_id, timeout=60):
    """Waits until the job's thumbnail is rendered (it is made after the upload is answered: 202 until
    then, docs/api.md) and returns the job as it is then: its colour, and so its price, is known only from
    that moment."""
    wait_for(lambda: api.request("GET", f"jobs/{job_id}/thumbnail")[0] == 200, timeout, f"job {job_id}'s thumbnail")
    return job(api, job_id)


def wait_job(api, job_id, states, timeout=30, server=None):
    """Wait until GET /api/v1/jobs/{id} shows a state in `states`; returns the job."""
    states = (states,) if isinstance(states, str) else tuple(states)
    last = {}

    def reached():
        j = job(api, job_id)
        last["job"] = j
        return j if j and j["state"] in states else None
    return wait_for(reached, timeout, f"job {job_id} in {states}", 0.1,
                    lambda: f"last: {last.get('job')}\n" + (log_tail(server) if server else ""))


def all_jobs(api, history=False):
    status, body = api.get("jobs?history=1" if history else "jobs")
    if status != 200:
        raise AssertionError(f"GET jobs -> {status} {body}")
    return body["jobs"]


# --------------------------------------------------------------------------- CUPS in front

def cups_queue_to_mps(server, queue="mps"):
    """A throwaway cupsd (peers.Cupsd) with a driverless queue (lpadmin -m everywhere) printing to
    mps-server's IPP endpoint, as an office's managed CUPS server does. The server must run with
    --trusted-user-hosts 127.0.0.1 so that `lp -U user` jobs are held for that MPS user.
    Returns the Cupsd; the caller closes it (addCleanup(cupsd.close))."""
    from peers import Cupsd, ipptool
    # cupsd's ipp backend sends Get-Printer-Attributes with no usable requesting-user-name
    # before every job and retries forever if it is refused: check that first, fail fast.
    res = ipptool(server.ipp_uri, "get-printer-attributes.test", extra=("-T", "10"))
    if res.returncode != 0:
        raise AssertionError("Get-Printer-Attributes without requesting-user-name from a trusted "
                             f"host must succeed (the CUPS backend sends it so):\n{res.stdout}")
    cupsd = Cupsd()
    try:
        cupsd.add_queue(queue, server.ipp_uri)
    except BaseException:
        cupsd.close()
        raise
    return cupsd


def lp_until_held(cupsd, queue, path, api, user, title, options=(), timeout=60):
    """`lp -U user -t title` of `path` on cupsd's `queue`; waits until CUPS has handed the job on
    and mps-server holds a job of that name for `api`'s user. Returns the server's job (dict)."""
    cups_job = cupsd.lp(queue, path, user=user, options=options, title=title)
    state = cupsd.wait_job_done(cups_job, timeout)
    if state != "completed":
        raise AssertionError(f"CUPS job {cups_job} ended {state}\n{cupsd.diagnostics()}")

    def held():
        return next((j for j in all_jobs(api) if j["name"] == title and j["state"] == "held"), None)
    return wait_for(held, timeout, f"mps-server to hold {title!r} for {user}",
                    detail=lambda: f"jobs: {all_jobs(api, history=True)}")


def healthy(server):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        conn.request("GET", "/healthz")
        resp = conn.getresponse()
        resp.read()
        conn.close()
        return resp.status == 200
    except OSError:
        return False


def spool_tmp_files(server):
    d = os.path.join(server.data_dir, "spool", "tmp")
    try:
        return sorted(os.listdir(d))
    except FileNotFoundError:
        return []


def spool_job_files(server):
    d = os.path.join(server.data_dir, "spool")
    return sorted(n for n in os.listdir(d) if n.endswith(".job"))


# --------------------------------------------------------------------------- IPP, raw

IPP_TAGS = {"operation": 0x01, "job": 0x02, "end": 0x03, "printer": 0x04}
IPP_VALUE = {"integer": 0x21, "boolean": 0x22, "enum": 0x23, "text": 0x41, "name": 0x42,
             "keyword": 0x44, "uri": 0x45, "charset": 0x47, "language": 0x48, "mime": 0x49}


def ipp_attr(value_tag, name, value):
    if isinstance(value, bool):
        v = b"\x01" if value else b"\x00"
    elif isinstance(value, int):
        v = struct.pack(">i", value)
    else:
        v = value.encode() if isinstance(value, str) else value
    n = name.encode()
    return bytes([IPP_VALUE[value_tag]]) + struct.pack(">H", len(n)) + n + struct.pack(">H", len(v)) + v


def ipp_request(operation, request_id, printer_uri, version=(2, 0), user="kim", extra=(),
                job_attrs=()):
    """Bytes of an IPP request: charset, language, printer-uri, requesting-user-name, extra
    operation attributes [(tag, name, value)], then job attributes, end-of-attributes."""
    out = bytes(version) + struct.pack(">Hi", operation, request_id)
    out += bytes([IPP_TAGS["operation"]])
    out += ipp_attr("charset", "attributes-charset", "utf-8")
    out += ipp_attr("language", "attributes-natural-language", "en")
    out += ipp_attr("uri", "printer-uri", printer_uri)
    if user:
        out += ipp_attr("name", "requesting-user-name", user)
    for tag, name, value in extra:
        out += ipp_attr(tag, name, value)
    if job_attrs:
        out += bytes([IPP_TAGS["job"]])
        for tag, name, value in job_attrs:
            out += ipp_attr(tag, name, value)
    return out + bytes([IPP_TAGS["end"]])


def parse_ipp_response(payload):
    """-> (version (major, minor), status-code, request-id, {name: [raw values]})."""
    if len(payload) < 9:
        raise ValueError(f"IPP response too short: {payload!r}")
    version = (payload[0], payload[1])
    status, request_id = struct.unpack(">Hi", payload[2:8])
    attrs = {}
    pos = 8
    last = None
    while pos < len(payload):
        tag = payload[pos]
        pos += 1
        if tag == 0x03:
            break
        if tag < 0x10:
            continue
        nlen = struct.unpack(">H", payload[pos:pos + 2])[0]
        pos += 2
        name = payload[pos:pos + nlen].decode("utf-8", "replace")
        pos += nlen
        vlen = struct.unpack(">H", payload[pos:pos + 2])[0]
        pos += 2
        value = payload[pos:pos + vlen]
        pos += vlen
        if name:
            last = name
            attrs.setdefault(name, []).append(value)
        elif last:
            attrs[last].append(value)
    return version, status, request_id, attrs


def http_post(server, path, body, headers, timeout=30):
    """One POST over a fresh plain-HTTP connection -> (status, headers dict, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def basic_auth(user, password):
    import base64
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# --------------------------------------------------------------------------- SSE

class EventStream:
    """GET /api/v1/events (SSE) read by a background thread; events() / wait_event() poll
    what arrived. Each event is {'event': type, 'data': parsed JSON or text}."""

    def __init__(self, server, token, timeout=30):
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
        self.conn.request("GET", "/api/v1/events", headers={"Authorization": f"Bearer {token}",
                                                            "Accept": "text/event-stream"})
        self.response = self.conn.getresponse()
        self.status = self.response.status
        self.content_type = self.response.getheader("Content-Type", "")
        self._queue = queue.Queue()
        self._seen = []
        self._closed = False
        self.connected = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self):
        event, data = None, []
        try:
            while not self._closed:
                line = self.response.readline()
                if not line:
                    break
                line = line.decode("utf-8", "replace").rstrip("\r\n")
                if line.startswith(":"):
                    if "connected" in line:
                        self.connected.set()
                    continue
                if line == "":
                    if event or data:
                        text = "\n".join(data)
                        try:
                            parsed = json.loads(text)
                        except ValueError:
                            parsed = text
                        self._queue.put({"event": event or "message", "data": parsed})
                    event, data = None, []
                    continue
                field, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if field == "event":
                    event = value
                elif field == "data":
                    data.append(value)
        except (OSError, ValueError, http.client.HTTPException):
            pass

    def events(self):
        while True:
            try:
                self._seen.append(self._queue.get_nowait())
            except queue.Empty:
                return list(self._seen)

    def wait_event(self, predicate, timeout, what):
        return wait_for(lambda: next((e for e in self.events() if predicate(e)), None), timeout,
                        what, 0.05, lambda: f"events so far: {self.events()}")

    def close(self):
        self._closed = True
        try:
            self.conn.sock and self.conn.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()
