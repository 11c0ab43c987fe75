"""tests/fixtures/mail.py against Python's own smtplib: STARTTLS verified with the fixture's
certificate, AUTH only after STARTTLS, Maildir with envelope headers, attachments intact,
451/550 recipients, stop/start on the same port."""

import unittest

import mail


class MailFixtureTest(unittest.TestCase):
    def test_selftest(self):
        mail._selftest()  # noqa: SLF001


if __name__ == "__main__":
    unittest.main()
