#!/usr/bin/env python3
"""Builds the seed corpora in fuzz/corpus/ (checked in; run again only to change them).

Usage: make_seeds.py IPP_CAPTURE_DIR
  IPP_CAPTURE_DIR: request bodies captured from ipptool with ipp_capture.py.
Uses CUPS' sample PDFs (/usr/share/cups/data), tests/unit/data, Ghostscript (PWG raster and URF
output) and ImageMagick (JPEG and fax TIFFs). Each harness's first input bytes are its mode bytes
(see the comment at the top of each fuzz_*.cpp).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, 'corpus')
CUPS_DATA = '/usr/share/cups/data'


def put(harness, name, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    capture = sys.argv[1]
    tmp = tempfile.mkdtemp()
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)

    # Documents, made small.
    pdf = os.path.join(CUPS_DATA, 'default.pdf')
    run('gs', '-q', '-sDEVICE=pwgraster', '-r8', '-o', f'{tmp}/tiny.pwg', pdf)
    run('gs', '-q', '-sDEVICE=pwgraster', '-r6', '-dFirstPage=1', '-dLastPage=1', '-o', f'{tmp}/colour.pwg',
        os.path.join(CUPS_DATA, 'default-testpage.pdf'))
    run('gs', '-q', '-sDEVICE=urf', '-r8', '-o', f'{tmp}/tiny.urf', pdf)
    run('convert', '-size', '16x12', 'xc:red', '-quality', '50', f'{tmp}/red.jpg')
    run('convert', '-size', '16x12', 'gradient:gray0-gray100', '-colorspace', 'Gray', '-quality', '50',
        f'{tmp}/grey.jpg')
    run('convert', '-size', '200x60', 'xc:white', '-fill', 'black', '-draw', 'rectangle 10,10 100,40',
        '-monochrome', '-compress', 'Group4', f'{tmp}/g4.tif')
    run('convert', '-size', '200x60', 'xc:white', '-fill', 'black', '-draw', 'rectangle 10,10 100,40',
        '-monochrome', '-compress', 'Fax', f'{tmp}/g3.tif')
    run('convert', '-size', '120x40', 'xc:white', '-fill', 'black', '-draw', 'rectangle 5,5 50,30',
        '-monochrome', '-compress', 'Group4', '-define', 'tiff:rows-per-strip=8', f'{tmp}/strips.tif')

    # document_inspector: type selector (0 detect, 1 pdf, 2 pwg, 3 urf, 4 jpeg, 5 empty) + document
    docs = {
        'default.pdf': (1, read(pdf)), 'classified.pdf': (0, read(os.path.join(CUPS_DATA, 'classified.pdf'))),
        'tiny.pwg': (2, read(f'{tmp}/tiny.pwg')), 'colour.pwg': (0, read(f'{tmp}/colour.pwg')),
        'tiny.urf': (3, read(f'{tmp}/tiny.urf')), 'red.jpg': (4, read(f'{tmp}/red.jpg')),
        'grey.jpg': (0, read(f'{tmp}/grey.jpg')),
        'minimal.pdf': (5, b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages'
                           b'/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595'
                           b' 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    }
    for name, (sel, data) in docs.items():
        put('document_inspector', name, bytes([sel]) + data)

    # fax_tiff: the received fax from the tests plus small G3 / G4 / many-strip TIFFs
    put('fax_tiff', 'faxgetty-received.tif', read(os.path.join(ROOT, 'tests/unit/data/fax/faxgetty-received.tif')))
    for name in ('g3.tif', 'g4.tif', 'strips.tif'):
        put('fax_tiff', name, read(f'{tmp}/{name}'))

    # ipp_request: flags (trusted host, 4096-byte pieces) + captured bodies; one untrusted, one in
    # 1-byte pieces, one over plain HTTP.
    for i, name in enumerate(sorted(os.listdir(capture))):
        body = read(os.path.join(capture, name))
        # ipptool sends the local login name; the harness's store has the user "kim".
        key = b'requesting-user-name'
        at = body.find(key)
        if at >= 0:
            vlen = struct.unpack('>H', body[at + len(key):at + len(key) + 2])[0]
            body = body[:at + len(key)] + struct.pack('>H', 3) + b'kim' + body[at + len(key) + 2 + vlen:]
        flags = 0x0D
        if i % 11 == 3:
            flags = 0x0C
        elif i % 11 == 7:
            flags = 0x01
        elif i % 11 == 9:
            flags = 0x1D
        put('ipp_request', name, bytes([flags]) + body)

    # sse_parser: two piece sizes + stream
    sse = [
        b'event: job-changed\ndata: {"id":5,"state":"held"}\nid: 17\n\n',
        b': keep-alive\r\n\r\nevent: hello\r\ndata: {}\r\nid: 1\r\n\r\n',
        b'data: line one\ndata: line two\n\nretry: 3000\n\ndata\n\nid\n\n',
        b'\xef\xbb\xbfdata:no space\rdata: cr only\r\r:comment\nevent:\ndata: x\n\n',
        b'event: device-changed\ndata: {"printer":2,"reasons":["media-empty"]}\nid: 99\n\ndata: partial',
    ]
    for i, s in enumerate(sse):
        put('sse_parser', f'stream-{i}', bytes([(i * 13) % 64, i]) + s)

    # card_number: what readers and people type
    for i, s in enumerate([b'04A1B2C3', b'3283370500', b'04:a1:b2:c3', b' 04 a1 b2 c3 ', b'0x04A1B2C3',
                           b'18446744073709551615', b'04A1B2C3D4E5F6', b';0012345678?', b'0',
                           b'\xef\xbc\x90\xef\xbc\x94']):
        put('card_number', f'card-{i}', s)

    # fax_number: optional "prefix,digits\n" then the number
    for i, s in enumerate([b'02-123-4567', b'+82 2 123 4567', b'9,4\n010-1234-5678#77', b'1588-1234',
                           b',4\n1234', b'(031) 123.4567', b'82-10-1234-5678', b'+1 212 555 0100',
                           b'0,0\n070-1234-5678#12345678901234567890', b'02-123-4567#']):
        put('fax_number', f'number-{i}', s)

    # spool_cipher: structured (odd) seeds: chunk selector, damage, position, value, plaintext
    plain = read(pdf)[:700]
    for damage in range(5):
        put('spool_cipher', f'written-damage{damage}', bytes([1, 15, damage, 0x40, 0x01, 0x33]) + plain)
    put('spool_cipher', 'written-empty', bytes([1, 0, 0, 0, 0, 0]))
    put('spool_cipher', 'raw-header', b'\x00MPSJ\x01\x00\x00\x00\x00\x00\x01\x00' + bytes(range(24)) + bytes(40))
    put('spool_cipher', 'raw-header-v2', b'\x00MPSJ\x02\x00\x00\x00\x40\x00\x00\x00' + bytes(range(24)) + bytes(40))
    # raw-v1-written (checked in, not made here): a whole version 1 file under the harness's key (700 bytes
    # of the pattern in tests/unit/TestSpoolCipher.cpp, chunks of 64), written by SpoolWriter at 7c6e9a0,
    # the last build that wrote version 1; the raw path reads it to its authenticated end.

    # outbox_cipher: 0 raw file, 1 written + damaged (meta NUL document), 2 outbox.pub text
    meta = b'{"title":"report.pdf","copies":1,"user":"kim"}'
    for damage in range(5):
        put('outbox_cipher', f'written-damage{damage}',
            bytes([1, 31, damage, 0x90, 0x00, 0x21]) + meta + b'\x00' + plain[:300])
    put('outbox_cipher', 'raw-header', b'\x00MPSO\x01\x00\x00\x00\x00\x00\x01\x00' + bytes(104) + bytes(64))
    put('outbox_cipher', 'pubkey', b'\x02mps-outbox-x25519 ' + b'ab' * 32 + b'\n')

    # json_body: selector (piece size, limit) + body, from docs/api.md's bodies and the test data
    bodies = [
        b'{"copies":2,"sides":"two-sided-long-edge","colorMode":"monochrome"}',
        b'{"printer":"mfp-2f","options":{"copies":1,"sides":"one-sided","colorMode":"color"}}',
        b'{"a4-mono-simplex":20,"a4-mono-duplex":30,"a4-color-simplex":100,"a4-color-duplex":150,'
        b'"a3-mono-simplex":40,"a3-mono-duplex":60,"a3-color-simplex":200,"a3-color-duplex":300,'
        b'"other-mono-simplex":20,"other-mono-duplex":30,"other-color-simplex":100,"other-color-duplex":150}',
        b'{"kind":"month","start":"2026-12-01"}',
        b'', b'  \n', b'[1,2,3]', b'{"copies":1e309}', b'{"name":"\\ud800"}',
    ]
    for i, b in enumerate(bodies):
        put('json_body', f'body-{i}', bytes([0x80 | (i % 16)]) + b)
    for name in ('usage-quota.json', 'departments.json', 'client-jobs.json'):
        put('json_body', name, b'\x83' + read(os.path.join(ROOT, 'tests/unit/data', name)))

    # http_request: piece/read selector + what clients send (the tray, kiosks, libcups, browsers)
    requests = [
        b'GET /api/v1/jobs?active=1 HTTP/1.1\r\nHost: mps.example:8631\r\nAuthorization: Bearer 0123abcd\r\n\r\n',
        b'POST /ipp/print HTTP/1.1\r\nHost: localhost:8631\r\nContent-Type: application/ipp\r\n'
        b'Content-Length: 9\r\nExpect: 100-continue\r\n\r\n\x02\x00\x00\x0b\x00\x00\x00\x01\x03',
        b'POST /ipp/print HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n'
        b'Content-Type: application/ipp\r\n\r\n4\r\n\x02\x00\x00\x0b\r\n5;x=y\r\n\x00\x00\x00\x01\x03\r\n0\r\n\r\n',
        b'GET /api/v1/events HTTP/1.1\r\nHost: a\r\nAccept: text/event-stream\r\nLast-Event-ID: 42\r\n\r\n'
        b'PATCH /api/v1/jobs/7 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n{"copies":2}',
        b'OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n',
        b'GET /api/v1/jobs/%EC%9D%B8%EC%87%84/thumbnail?x=%00 HTTP/1.0\r\n\r\n',
        b'DELETE /api/v1/fax/contacts/3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
        b'GET http://evil.example/ HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
    ]
    for i, r in enumerate(requests):
        put('http_request', f'request-{i}', bytes([(i * 9) % 32]) + r)

    shutil.rmtree(tmp)


if __name__ == '__main__':
    main()
