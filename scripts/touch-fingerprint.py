#!/usr/bin/python3
"""Touches libfprint's virtual fingerprint sensor of a running kiosk (FP_VIRTUAL_DEVICE_STORAGE or
FP_VIRTUAL_DEVICE) with a finger: the same name always means the same finger.

    scripts/touch-fingerprint.py SOCKET FINGER [TIMES]   (enrolment takes 5 touches)
"""
import socket
import sys


def touch(path, finger):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        s.sendall(f"SCAN {finger}".encode())
        # The sensor reads one command per connection: wait until it hangs up.
        s.shutdown(socket.SHUT_WR)
        s.settimeout(5)
        s.recv(16)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    for _ in range(int(sys.argv[3]) if len(sys.argv) == 4 else 1):
        touch(sys.argv[1], sys.argv[2])
