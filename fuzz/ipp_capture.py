#!/usr/bin/env python3
"""Captures the IPP request bodies ipptool sends, for the fuzz_ipp_request seed corpus.

Usage: ipp_capture.py PORT OUTDIR, then point ipptool at ipp://127.0.0.1:PORT/ipp/print, e.g.
  ipptool -L -V 2.0 -f /usr/share/cups/data/default.pdf -d user=kim \
      ipp://127.0.0.1:PORT/ipp/print tests/ipp/mps-hold-queue.test
Every request body is written to OUTDIR/ipptool-NN.ipp; each gets a minimal successful answer
(job-id 7, pending) so that ipptool goes on to its next request. make_seeds.py takes these files.
"""
import http.server, struct, sys, os
out = sys.argv[2]
n = [0]
def attr(tag, name, value):
    return bytes([tag]) + struct.pack('>H', len(name)) + name + struct.pack('>H', len(value)) + value
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_POST(self):
        if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
            body = b''
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline(); break
                body += self.rfile.read(size); self.rfile.readline()
        else:
            body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        n[0] += 1
        open(os.path.join(out, 'ipptool-%02d.ipp' % n[0]), 'wb').write(body)
        reqid = body[4:8]
        resp = b'\x02\x00\x00\x00' + reqid + b'\x01' + attr(0x47, b'attributes-charset', b'utf-8') + attr(0x48, b'attributes-natural-language', b'en')
        resp += b'\x02' + attr(0x21, b'job-id', struct.pack('>i', 7)) + attr(0x45, b'job-uri', b'ipp://127.0.0.1/ipp/print/7') + attr(0x23, b'job-state', struct.pack('>i', 4))
        resp += b'\x03'
        self.send_response(200); self.send_header('Content-Type', 'application/ipp'); self.send_header('Content-Length', str(len(resp))); self.end_headers(); self.wfile.write(resp)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
